/**
 * Plain-language documentation of every mechanism, for the "how the model works" view. Each entry names its
 * SPEC rule, its equation, its evidence (or "judgement") and the lessons it drives; docs/MODEL.md has the detail.
 */
import type { MechanismDoc } from './types';

/** The thirteen mechanisms of the model, in the order of the model brief. */
export const MECHANISMS: readonly MechanismDoc[] = [
  {
    number: 1, rule: 'C1', title: 'Switching between priorities',
    summary: 'What costs time is the work each person actually carries, not the number written in the plan. The build team splits into groups of about four, each carrying at most two initiatives; the rest of what has started waits for people, and every other priority of the organisation adds a little to what each person juggles. One initiative at a time leaves people idle whenever it waits for a decision, so a few at once keep them busy; many at once spread them thin.',
    equation: 'juggled = initiatives worked ÷ sub-teams (4 build FTE, ≤ 2 each) + 0.04 × other priorities; real work = 100/80/60/40/25% at 1–5 juggled, then towards 15%; busy = 1 − friction^(initiatives in flight); active ≤ ⌊p⌋',
    source: 'Weinberg, Quality Software Management (1992); Little\'s law; QSM (teams of 3–7). The sub-team size, the limit of two and the weight of other priorities are judgement.',
    lessons: ['L1', 'L5'], levers: ['priorities.concurrent'],
  },
  {
    number: 2, rule: 'C2', title: 'Team size and mix',
    summary: 'Each kind of work needs its own mix of roles, and the scarcest role it needs limits it: designers for services to patients, clinicians for clinical systems, infrastructure staff for foundations. Strategy staff plan and clear the way but do not build. One piece of work can only be split so far, so doubling a team is well short of doubling its pace; communication takes a growing share of a large team\'s time, and new posts take months to fill.',
    equation: 'effective people = harmonic mean of each role\'s FTE over its share of the work (others cover a missing role at 25%); pace ∝ 1 − e^(−people/6); overhead = 0.0006·n(n−1)/2; hiring ≤ 0.25 FTE a week; rework = 0.4 − 0.3·coverage',
    source: 'QSM study of 491 projects; Brooks 1975; Putnam; Chernoguz 2011; GDS service teams; Wachter 2016. Role shares, substitution and the hiring limit are judgement.',
    lessons: ['L6'], levers: ['team.clinical', 'team.product', 'team.design', 'team.engineering', 'team.data', 'team.infrastructure', 'team.strategy'],
  },
  {
    number: 3, rule: 'C3', title: 'Consultants and contractors',
    summary: 'Outside staff add capacity at once, but only a fraction of their time turns into the trust\'s own capability, they work less well for a trust that cannot direct them, and services they build are owned less by staff.',
    equation: 'learning input = internal FTE + transfer·external FTE; external productivity = (0.7 + 0.3·capability)·0.9; adoption × (1 − 0.3·external share)',
    source: 'Ko, Kirsch & King 2005 (knowledge transfer); Kirkpatrick, Sturdy & Veronesi 2019 (consultancy spend and efficiency). Sizes are judgement.',
    lessons: ['L6'], levers: ['team.external', 'team.knowledgeTransfer'],
  },
  {
    number: 4, rule: 'C4', title: 'The capability trap',
    summary: 'Under pressure, time for improvement gives way to doing; capability then erodes over about a year, and its payoff comes late. Strong sponsorship and a no-blame culture protect improvement time.',
    equation: 'improvement share = 0.15·(1 − pressure·(1 − protection)); dK/dt = 0.045·learning·(1 − K) − K/52',
    source: 'Repenning & Sterman 2001 (erosion over 5–24 months). Rates are judgement.',
    lessons: ['L6'], levers: ['leadership.culture', 'leadership.ownership'],
  },
  {
    number: 5, rule: 'C5', title: 'Leadership ownership and governance friction',
    summary: 'Who owns digital decides how fast blockers are cleared, how well the organisation resists piling on priorities, and how well improvement time is protected. The whole board owning it beats the chief executive and chair, which beats one executive, which beats nobody.',
    equation: 'friction = {0.45, 0.33, 0.22, 0.12}[ownership]·(1 − 0.25·engaged)·(1 − 0.2·empowerment)·(1 − 0.15·culture)·(1 + 0.3·legacy)·(1 − 0.4·urgency)·(1 − relief); priority creep {3, 2, 1, 0.25}/year',
    source: 'Source guide (Milton Keynes); Krasuska et al. 2021 (GDE evaluation). Multipliers are judgement.',
    lessons: ['L3'], levers: ['leadership.ownership', 'leadership.boardEngaged', 'team.empowerment'],
  },
  {
    number: 6, rule: 'C6', title: 'Goal clarity and scope growth',
    summary: 'A single, tangible, dated goal raises throughput, concentrates effort on a first visible win and attracts the first team sooner. A vague ambition lets each piece of work pull in others ("collecting rocks").',
    equation: 'throughput × (1 + 0.12·clarity); scope growth = (1% + 4%·(1 − clarity)) of base effort per month, up to +100%; focus share = 0.5·clarity',
    source: 'Locke & Latham 2002 (specific goals, d ≈ 0.4–0.8); source guide. Mappings are judgement.',
    lessons: ['L7'], levers: ['goal.clarity', 'goal.mission'],
  },
  {
    number: 7, rule: 'C7', title: 'Urgency',
    summary: 'Urgency is a stock: shocks raise it and it fades over months. It speeds adoption, cuts approval delays and forces priorities down, but running in crisis mode wears staff out and cuts corners, so sustained urgency brings fatigue and failed work. Remote consultations rise only as far as a live service, a team to run it and engaged clinicians allow; without them, only the telephone. Part of what changed persists, more so when the board locks in the new ways.',
    equation: 'dU/dt = (standing − U)/17 weeks + shocks; change load 3·U²; build risk × (1 + 0.5·U); remote reach = 0.1 + 0.9 × service live × team × engagement',
    source: 'Source guide (31,000 remote consultations in six weeks; 30 priorities cut to 2); Nuffield Trust QualityWatch 2020 (4% → 35% → 25%). Persistence and decay are judgement.',
    lessons: ['L5'], levers: ['urgency.standing', 'urgency.lockIn'],
  },
  {
    number: 8, rule: 'C8', title: 'Adoption by staff and patients',
    summary: 'In each pillar (patients, clinicians, support staff), use of what is live spreads like an innovation: a few adopt on their own, then others follow those who have. Role coverage, clinician-informaticians and urgency speed it; fatigue slows it.',
    equation: 'dA/dt = (p + q·A/M)·(M − A)·speed, p = 0.025, q = 0.58 a year ×4 within a trust',
    source: 'Bass 1969; Esdar et al. 2019 (hospital EHR adoption). The within-trust speed-up is judgement.',
    lessons: ['L4', 'L6'], levers: ['start.staffReadiness'],
  },
  {
    number: 9, rule: 'C9', title: 'Go-live dips and the benefit lag',
    summary: 'A big-bang go-live of a business-critical system disrupts operations for months and risks failing outright; piloting in model teams first lowers both but takes longer. Running more than two business-critical changes at once builds a coordination debt that drains over months and raises risk, rework and dips; old systems add interface work to every new one until they are integrated. Benefits follow adoption only after two to three years.',
    equation: 'dip 10–30% recovering over 13–39 weeks; go-live failure 12% (× 0.35 piloted); debt += 0.012 × (critical in flight − 2) × (0.5 + legacy), drains over 26 weeks; new work ÷ (1 + legacy); benefits = third-order delay of 104–156 weeks',
    source: 'Cambridge 2014 EPR go-live (≈20% fall in A&E performance); source guide (CNTW, three years to appreciate EPR benefits); Dranove et al. 2014.',
    lessons: ['L2', 'L4'], levers: ['start.legacy'],
  },
  {
    number: 10, rule: 'C10', title: 'Change fatigue',
    summary: 'Frontline staff absorb two or three changes at a time: work being built with them, systems that went live in the last six months, the organisation\'s other priorities and the pressure of urgency. Above that, fatigue builds, slows adoption and raises failure risk, and it takes six to twelve months to recover.',
    equation: 'dF/dt = 0.04·overload·(1 − F) − F/39 weeks; overload = (load − capacity)/capacity',
    source: 'Judgement, informed by the change-management literature.',
    lessons: ['L2'], levers: ['start.staffReadiness'],
  },
  {
    number: 11, rule: 'C11', title: 'Board confidence and risk appetite',
    summary: 'Visible wins raise the board\'s confidence; failures and dips lower it. Risk appetite follows confidence and decides how much the board funds and whether it will start a business-critical big bang.',
    equation: 'confidence += 0.1·wins·(1 − C) − 0.15·failures·C − 0.03·dip·C; appetite → C·(0.8 + 0.4·culture) over 13 weeks; funding × (0.8 + 0.4·appetite)',
    source: 'Source guide (Milton Keynes and SCAS built confidence and appetite step by step). Sizes are judgement.',
    lessons: ['L8'], levers: ['start.boardConfidence', 'leadership.culture'],
  },
  {
    number: 12, rule: 'C12', title: 'Infrastructure first',
    summary: 'Work that needs solid foundations crawls and fails more often until infrastructure is ready; foundations projects and the infrastructure team build it, legacy systems wear it down.',
    equation: 'speed = 0.25 + 0.75·(I/need)² below need; hazard × (1 + 4·gap); go-live failure × (1 + 3·gap)',
    source: 'Source guide (Milton Keynes, SCAS). Mappings are judgement.',
    lessons: ['L3'], levers: ['start.infrastructure', 'start.legacy', 'team.infrastructure'],
  },
  {
    number: 13, rule: 'C13', title: 'Portfolio, stages and base rates',
    summary: 'Initiatives start when their prerequisites are live, their stage is open, their earliest week has come and a priority slot is free; a stage caps how many business-critical changes run at once. With default settings about a third of runs reach the goal in five years.',
    equation: 'start if prerequisites live ∧ stage open ∧ week ≥ earliest ∧ active < ⌊p⌋ ∧ critical in flight < stage cap',
    source: 'McKinsey surveys (about 30% of transformations judged successful); GDE trusts took about 2–3.5 years (Krasuska et al. 2021); source guide (SCAS).',
    lessons: ['L2', 'L3'], levers: [],
  },
];
