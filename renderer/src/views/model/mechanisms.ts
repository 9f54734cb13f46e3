// The mechanisms of the model as a board reads them: what each does, its rule in words, the
// evidence behind it, and whether the numbers are evidence or the model's own judgement.
// Numbers that the engine exports (the switching table, lever ranges) are read from it, not repeated here.

/** One mechanism of the model. */
export interface Mechanism {
  readonly id: string;
  readonly title: string;
  /** What it represents, in one or two sentences. */
  readonly summary: string;
  /** Its rule, in words. */
  readonly rule: string;
  readonly sources: string;
  /** "evidence": the shape and numbers come from studies; "mixed": the shape does, the mapping is judgement; "judgement". */
  readonly basis: 'evidence' | 'mixed' | 'judgement';
  /** The guide's lesson it carries (L1–L8), if any. */
  readonly lesson?: string;
}

/** Every mechanism, in the order a week of the simulation applies them. */
export const MECHANISMS: readonly Mechanism[] = [
  {
    id: 'switching',
    title: 'Switching between concurrent priorities',
    summary: 'People carrying several pieces of work at once lose time every time they change context. What counts is the work each person actually carries, not the number in the plan.',
    rule: 'The build team works in groups of about four, each carrying at most two initiatives; anything else that has started waits for people, and each of the organisation\'s other priorities adds a little to what everyone juggles. Share of time on real work = 100% with one thing to juggle, 80% with two, 60% with three, 40% with four, 25% with five, then falling towards about 15%. One initiative at a time leaves people idle whenever it waits for a decision, so a few at once are best (Little\'s law with waits).',
    sources: 'Weinberg, Quality Software Management (1992); Little\'s law; QSM (teams of 3–7); the guide (one IT department cut 30 priorities to 2 during Covid). Group size, the limit of two and the floor are judgement.',
    basis: 'mixed',
    lesson: 'L1',
  },
  {
    id: 'team',
    title: 'Team size and mix',
    summary: 'Small multidisciplinary teams deliver most per person; each kind of work needs its own mix of roles, and the scarcest one holds it back. Strategy staff plan; they do not build.',
    rule: 'Each initiative\'s pace comes from the roles it needs (designers for services to patients, clinicians for clinical systems, infrastructure staff for foundations); others cover a missing role only a quarter as well. One piece of work can be split only so far, so four times the team is well under twice the pace. Coordination overhead grows with the communication paths, n(n−1)/2; newcomers work at about two thirds of full speed for six weeks; posts fill at about a quarter of an FTE a week.',
    sources: 'QSM study of 491 projects (3–7 people optimal); Brooks; Putnam; Chernoguz 2011; GDS service-team roles; Wachter 2016. Role shares, substitution and the hiring pace are judgement.',
    basis: 'mixed',
    lesson: 'L6',
  },
  {
    id: 'consultants',
    title: 'Consultants and contractors',
    summary: 'Outside staff add capacity at once, but the trust only keeps what is transferred to its own people.',
    rule: 'In-house capability grows from internal staff time plus a transfer fraction (about 0.3) of consultant time; what consultants held leaves with them.',
    sources: 'Ko, Kirsch & King 2005; Kirkpatrick, Sturdy & Veronesi 2019 (consultancy spend in 120 acute trusts went with lower efficiency). The transfer fraction is judgement.',
    basis: 'mixed',
    lesson: 'L6',
  },
  {
    id: 'capability',
    title: 'The capability trap',
    summary: 'Under pressure, time moves from improving how work is done to just doing it, and capability erodes.',
    rule: 'Capability decays with a time constant of about a year unless improvement time is protected; strong sponsorship protects it; the payoff of improvement arrives with a delay.',
    sources: 'Repenning & Sterman 2001. The time constant (5–24 months) is a range from the literature; its use here is judgement.',
    basis: 'mixed',
  },
  {
    id: 'leadership',
    title: 'Who owns digital',
    summary: 'Ownership decides how fast blockers are cleared, how well the trust resists piling on priorities, and how long effort lasts.',
    rule: 'Governance friction falls as ownership moves from nobody, to one executive, to the chief executive and chair, to the whole board each owning their own portfolio; board engagement adds to it.',
    sources: 'The guide (Milton Keynes); GDE evaluation, Krasuska et al. 2021. The size of each step is judgement.',
    basis: 'judgement',
    lesson: 'L3',
  },
  {
    id: 'goal',
    title: 'A clear goal',
    summary: 'A single, tangible, dated goal speeds delivery and attracts the first team; a vague one lets scope grow.',
    rule: 'Throughput rises by 10–15% for a single dated goal. Without one, planned effort creeps by up to about 5% a month instead of about 1% ("collecting rocks").',
    sources: 'Locke & Latham 2002 (specific goals beat "do your best"); the guide. The throughput and creep figures are judgement.',
    basis: 'mixed',
    lesson: 'L7',
  },
  {
    id: 'urgency',
    title: 'Urgency',
    summary: 'A sense of urgency speeds adoption and decisions and forces priorities down; shocks raise it and it fades over months.',
    rule: 'Urgency is a stock: a shock adds to it and it decays over months. It multiplies adoption, cuts approval delays and caps the number of priorities, but running in crisis mode week after week wears staff out and cuts corners: its load on staff grows with its square, and it raises the risk of failed work. Using a new service needs the service: remote consultations rise only as far as a live platform, a team to run it and engaged clinicians allow; with none of them, only the telephone. About half of urgency-driven adoption persists; deliberate lock-in keeps more.',
    sources: 'Nuffield Trust QualityWatch (remote outpatient consultations 4% → 35% → 25% in 2020); GP telephone share 13.5% → 48%; the guide (31,000 remote consultations in six weeks). The persistence share is judgement.',
    basis: 'mixed',
    lesson: 'L5',
  },
  {
    id: 'adoption',
    title: 'Staff and patient adoption',
    summary: 'Once something is live, use spreads from early adopters to everyone, faster when others already use it.',
    rule: 'Bass diffusion per pillar: new adoption each week = (p + q × share already adopted) × what is live but not yet adopted, with p ≈ 0.025 and q ≈ 0.58 a year, scaled to weeks; faster with urgency and good role coverage, slower with fatigue.',
    sources: 'Bass 1969; Esdar et al. 2019 (hospital electronic record adoption). The multipliers are judgement.',
    basis: 'mixed',
    lesson: 'L4',
  },
  {
    id: 'golive',
    title: 'Go-live dips and the benefit lag',
    summary: 'A big-bang go-live of a critical system dips operations for months; benefits arrive years later.',
    rule: 'A big-bang go-live costs 10–30% of operational performance, recovering over 3–12 months. Benefits follow adoption with a delay of about two to three years. Piloting in model teams first lowers the dip and the failure risk but takes longer.',
    sources: 'Cambridge 2014 EPR go-live (A&E performance fell about 20%); the guide (CNTW took up to three years to see its EPR\'s benefits); Dranove et al. 2014.',
    basis: 'evidence',
    lesson: 'L4',
  },
  {
    id: 'fatigue',
    title: 'Change fatigue',
    summary: 'Front-line staff can absorb only a few changes at once.',
    rule: 'Changes land on staff from work being built with them, systems that went live in the last six months, the organisation\'s other priorities and the pressure of urgency. Above two to three at once, fatigue builds, slows adoption and raises failure risk; it recovers over six to twelve months.',
    sources: 'Judgement informed by the change-management literature.',
    basis: 'judgement',
  },
  {
    id: 'confidence',
    title: 'Board confidence and risk appetite',
    summary: 'Visible wins build the board\'s confidence; failures and dips erode it; appetite for risk follows.',
    rule: 'Each go-live raises confidence and each failure or dip lowers it; risk appetite follows confidence and decides how much the board will start or fund.',
    sources: 'The guide (Milton Keynes, SCAS built confidence and appetite step by step). The sizes are judgement.',
    basis: 'judgement',
    lesson: 'L8',
  },
  {
    id: 'infrastructure',
    title: 'Foundations first',
    summary: 'Work that needs foundations goes slowly and fails more often until the infrastructure is ready.',
    rule: 'An initiative\'s progress is scaled by how far infrastructure readiness meets its need, and its failure risk rises with the gap.',
    sources: 'The guide (Milton Keynes, SCAS\'s first stage). The scaling is judgement.',
    basis: 'judgement',
    lesson: 'L3',
  },
  {
    id: 'stages',
    title: 'Stages and base rates',
    summary: 'A staged journey limits how many critical changes run at once; most large transformations fall short.',
    rule: 'A stage opens when its gate conditions hold and caps the business-critical changes in flight. More than two business-critical changes at once build a coordination debt that raises risk, rework and dips and drains over months; old systems add interface work to every new one until they are integrated. The model\'s pace is set so that a trust with the default board reaches maturity 3 in five years about a third of the time.',
    sources: 'McKinsey surveys (about 30% judged successful); Global Digital Exemplars took about 2 to 3.5 years; the guide (SCAS).',
    basis: 'mixed',
    lesson: 'L2',
  },
];
