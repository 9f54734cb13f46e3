/**
 * Plain-language documentation of every mechanism, for the "how the model works" view. Each entry names its
 * SPEC rule, its equation, its evidence (or "judgement") and the lessons it drives; docs/MODEL.md has the detail.
 */
import type { MechanismDoc } from './types';

/** The thirteen mechanisms of the model, in the order of the model brief. */
export const MECHANISMS: readonly MechanismDoc[] = [
  {
    number: 1, rule: 'C1', title: 'Switching between priorities',
    summary: 'Every extra priority the same people juggle takes time away from real work. With one priority the team spends all its time on it; with five, a quarter; beyond that it keeps falling towards a floor. The portfolio gets its share of what is left, and only as many initiatives run as there are priority slots.',
    equation: 'real work = 100/80/60/40/25% at 1–5 priorities, then 15% + 10%·e^−(p−5)/6; portfolio capacity ∝ real work × min(1, active/p); active ≤ ⌊p⌋',
    source: 'Weinberg, Quality Software Management (1992); Little\'s law; the floor beyond five is judgement.',
    lessons: ['L1', 'L5'], levers: ['priorities.concurrent'],
  },
  {
    number: 2, rule: 'C2', title: 'Team size and mix',
    summary: 'Communication overhead grows with the square of team size; newcomers take weeks to become productive; a team that covers the role families (clinical, product, design, engineering, data, infrastructure, strategy) reworks less and gets its work used.',
    equation: 'overhead = 0.0006·n(n−1)/2 per person; newcomer productivity 0.67 for ~6 weeks; rework = 0.4 − 0.3·coverage; adoption × (0.5 + 0.5·coverage)',
    source: 'QSM study of 491 projects; Brooks 1975; Chernoguz 2011; GDS service teams; Wachter 2016. The coverage mappings are judgement.',
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
    summary: 'Urgency is a stock: shocks raise it and it fades over months. It speeds adoption, cuts approval delays and forces priorities down; part of what it changed persists, more so when the board locks in the new ways.',
    equation: 'dU/dt = (standing − U)/17 weeks + shocks; priorities → cap while the shock lasts; remote = 16,000·(0.32% + 34.7%·level) a week',
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
    summary: 'A big-bang go-live of a business-critical system disrupts operations for months and risks failing outright; piloting in model teams first lowers both but takes longer. Benefits follow adoption only after two to three years.',
    equation: 'dip 10–30% recovering over 13–39 weeks; go-live failure 12% (× 0.35 piloted); benefits = third-order delay of 104–156 weeks',
    source: 'Cambridge 2014 EPR go-live (≈20% fall in A&E performance); source guide (CNTW, three years to appreciate EPR benefits); Dranove et al. 2014.',
    lessons: ['L2', 'L4'], levers: ['start.legacy'],
  },
  {
    number: 10, rule: 'C10', title: 'Change fatigue',
    summary: 'Frontline staff absorb two or three changes at a time. Above that, fatigue builds, slows adoption and raises failure risk, and it takes six to twelve months to recover.',
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
