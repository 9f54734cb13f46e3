/**
 * Metadata of every weekly series and every KPI the engine returns. The order of SERIES is the order
 * of the run's internal buffers; ids are stable (charts, run files and the CLI use them).
 */

/** Metadata of one weekly series. */
export interface SeriesDef {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Smallest value the series can take (charts use it for their axis). */
  readonly min: number;
  /** Largest value the series normally takes (an axis hint; cumulative series may exceed it). */
  readonly max: number;
  /** Plain-language line on what the series shows. */
  readonly explanation: string;
}

/** Every weekly series, in buffer order. */
export const SERIES: readonly SeriesDef[] = [
  { id: 'maturity', label: 'Digital maturity', unit: 'score 1–5', min: 1, max: 5, explanation: 'Mean of the three pillars, on the self-assessed 1–5 scale of the Digital Maturity Assessment.' },
  { id: 'maturity.patients', label: 'Maturity: patients', unit: 'score 1–5', min: 1, max: 5, explanation: 'Maturity of services for patients.' },
  { id: 'maturity.clinicians', label: 'Maturity: clinicians', unit: 'score 1–5', min: 1, max: 5, explanation: 'Maturity of clinical systems.' },
  { id: 'maturity.support', label: 'Maturity: support staff', unit: 'score 1–5', min: 1, max: 5, explanation: 'Maturity of systems for professional support staff.' },
  { id: 'adoption.patients', label: 'Adoption: patients', unit: 'share', min: 0, max: 1, explanation: 'Share of the patient pillar\'s potential that is live and in use.' },
  { id: 'adoption.clinicians', label: 'Adoption: clinicians', unit: 'share', min: 0, max: 1, explanation: 'Share of the clinician pillar\'s potential that is live and in use.' },
  { id: 'adoption.support', label: 'Adoption: support staff', unit: 'share', min: 0, max: 1, explanation: 'Share of the support pillar\'s potential that is live and in use.' },
  { id: 'fatigue', label: 'Change fatigue', unit: 'share', min: 0, max: 1, explanation: 'How worn down frontline staff are by concurrent changes.' },
  { id: 'confidence', label: 'Board confidence', unit: 'share', min: 0, max: 1, explanation: 'The board\'s confidence that digital work delivers.' },
  { id: 'riskAppetite', label: 'Risk appetite', unit: 'share', min: 0, max: 1, explanation: 'What the board is willing to start and fund; follows confidence.' },
  { id: 'capability', label: 'In-house capability', unit: 'share', min: 0, max: 1, explanation: 'The trust\'s own digital delivery skills and ways of working.' },
  { id: 'urgency', label: 'Urgency', unit: 'share', min: 0, max: 1, explanation: 'The felt need to change now; shocks raise it, it fades over months.' },
  { id: 'infrastructure', label: 'Infrastructure readiness', unit: 'share', min: 0, max: 1, explanation: 'How ready the foundations are for the services that need them.' },
  { id: 'benefits', label: 'Benefits realised (cumulative)', unit: 'benefit-weeks', min: 0, max: 1500, explanation: 'Benefit realised so far; one benefit-week is a typical initiative\'s full benefit for one week.' },
  { id: 'benefitsRate', label: 'Benefits per week', unit: 'benefit-weeks/week', min: 0, max: 12, explanation: 'Benefit realised each week; it lags adoption by two to three years.' },
  { id: 'effectiveCapacity', label: 'Effective delivery capacity', unit: 'FTE', min: 0, max: 40, explanation: 'Staff time that turns into progress on the portfolio after every loss.' },
  { id: 'switchingLoss', label: 'Time lost to switching', unit: 'share', min: 0, max: 1, explanation: 'Share of the team\'s time lost to juggling concurrent priorities.' },
  { id: 'governanceFriction', label: 'Governance friction', unit: 'share', min: 0, max: 1, explanation: 'Share of capacity lost waiting for decisions and for blockers to be cleared.' },
  { id: 'activePriorities', label: 'Priorities running', unit: 'priorities', min: 0, max: 40, explanation: 'How many priorities the organisation is running this week.' },
  { id: 'remoteConsultations', label: 'Remote consultations', unit: 'per week', min: 0, max: 6000, explanation: 'Outpatient consultations by phone or video each week.' },
  { id: 'operationalDip', label: 'Operational dip', unit: 'share', min: 0, max: 1, explanation: 'Share of operational performance lost after go-lives.' },
  { id: 'leadership', label: 'Leadership strength', unit: 'share', min: 0, max: 1, explanation: 'How strongly the board owns digital (ownership level and board engagement).' },
  { id: 'initiativesLive', label: 'Initiatives live', unit: 'initiatives', min: 0, max: 20, explanation: 'How many initiatives of the portfolio are live.' },
];

/** Buffer index of each series (keep in SERIES order). */
export const S_MATURITY = 0;
/** Buffer index of maturity.patients (the three pillars follow in PILLARS order). */
export const S_MATURITY_PILLAR = 1;
/** Buffer index of adoption.patients (the three pillars follow in PILLARS order). */
export const S_ADOPTION_PILLAR = 4;
/** Buffer index of fatigue. */
export const S_FATIGUE = 7;
/** Buffer index of confidence. */
export const S_CONFIDENCE = 8;
/** Buffer index of riskAppetite. */
export const S_APPETITE = 9;
/** Buffer index of capability. */
export const S_CAPABILITY = 10;
/** Buffer index of urgency. */
export const S_URGENCY = 11;
/** Buffer index of infrastructure. */
export const S_INFRA = 12;
/** Buffer index of benefits. */
export const S_BENEFITS = 13;
/** Buffer index of benefitsRate. */
export const S_BENEFITS_RATE = 14;
/** Buffer index of effectiveCapacity. */
export const S_CAPACITY = 15;
/** Buffer index of switchingLoss. */
export const S_SWITCHING = 16;
/** Buffer index of governanceFriction. */
export const S_FRICTION = 17;
/** Buffer index of activePriorities. */
export const S_PRIORITIES = 18;
/** Buffer index of remoteConsultations. */
export const S_REMOTE = 19;
/** Buffer index of operationalDip. */
export const S_DIP = 20;
/** Buffer index of leadership. */
export const S_LEADERSHIP = 21;
/** Buffer index of initiativesLive. */
export const S_LIVE = 22;
/** Number of series. */
export const SERIES_COUNT = SERIES.length;

/** Metadata of one KPI. */
export interface KpiDef {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Which direction is better for the trust. */
  readonly better: 'higher' | 'lower';
  readonly explanation: string;
}

/** Every KPI, in buffer order. All values are finite numbers. */
export const KPIS: readonly KpiDef[] = [
  { id: 'maturityAtHorizon', label: 'Maturity at the horizon', unit: 'score 1–5', better: 'higher', explanation: 'Overall digital maturity in the last week.' },
  { id: 'maturityAtYear1', label: 'Maturity after one year', unit: 'score 1–5', better: 'higher', explanation: 'Overall digital maturity at week 52 (or the horizon if shorter).' },
  { id: 'maturityAtYear3', label: 'Maturity after three years', unit: 'score 1–5', better: 'higher', explanation: 'Overall digital maturity at week 156 (or the horizon if shorter).' },
  { id: 'weeksToGoal', label: 'Weeks to goal', unit: 'weeks', better: 'lower', explanation: 'First week the goal holds; the horizon + 1 when it is never reached.' },
  { id: 'goalReached', label: 'Goal reached', unit: '0/1', better: 'higher', explanation: '1 if the goal was reached within the horizon.' },
  { id: 'initiativesDelivered', label: 'Initiatives delivered', unit: 'initiatives', better: 'higher', explanation: 'Initiatives live by the horizon.' },
  { id: 'initiativesFailed', label: 'Initiatives failed', unit: 'initiatives', better: 'lower', explanation: 'Initiatives that failed in build or at go-live.' },
  { id: 'benefitsRealised', label: 'Benefits realised', unit: 'benefit-weeks', better: 'higher', explanation: 'Cumulative benefit realised by the horizon.' },
  { id: 'benefitsAtYear3', label: 'Benefits realised by year 3', unit: 'benefit-weeks', better: 'higher', explanation: 'Cumulative benefit realised by week 156.' },
  { id: 'peakFatigue', label: 'Peak change fatigue', unit: 'share', better: 'lower', explanation: 'Highest fatigue reached.' },
  { id: 'capabilityRetained', label: 'Capability retained', unit: 'share', better: 'higher', explanation: 'In-house capability in the last week.' },
  { id: 'boardConfidence', label: 'Board confidence', unit: 'share', better: 'higher', explanation: 'Board confidence in the last week.' },
  { id: 'riskAppetite', label: 'Risk appetite', unit: 'share', better: 'higher', explanation: 'Risk appetite in the last week.' },
  { id: 'adoptionAtHorizon', label: 'Adoption at the horizon', unit: 'share', better: 'higher', explanation: 'Mean adoption of the three pillars in the last week.' },
  { id: 'firstWinWeek', label: 'First visible win', unit: 'weeks', better: 'lower', explanation: 'Week of the first go-live; the horizon + 1 if none.' },
  { id: 'peakDip', label: 'Deepest operational dip', unit: 'share', better: 'lower', explanation: 'Largest operational dip after go-lives.' },
  { id: 'peakRemoteConsultations', label: 'Peak remote consultations', unit: 'per week', better: 'higher', explanation: 'Highest weekly count of remote consultations.' },
  { id: 'meanSwitchingLoss', label: 'Time lost to switching', unit: 'share', better: 'lower', explanation: 'Mean share of team time lost to switching between priorities.' },
];

/** KPI buffer indices (keep in KPIS order). */
export const K_MATURITY = 0;
/** Index of maturityAtYear1. */
export const K_MATURITY_Y1 = 1;
/** Index of maturityAtYear3. */
export const K_MATURITY_Y3 = 2;
/** Index of weeksToGoal. */
export const K_WEEKS_TO_GOAL = 3;
/** Index of goalReached. */
export const K_GOAL_REACHED = 4;
/** Index of initiativesDelivered. */
export const K_DELIVERED = 5;
/** Index of initiativesFailed. */
export const K_FAILED = 6;
/** Index of benefitsRealised. */
export const K_BENEFITS = 7;
/** Index of benefitsAtYear3. */
export const K_BENEFITS_Y3 = 8;
/** Index of peakFatigue. */
export const K_PEAK_FATIGUE = 9;
/** Index of capabilityRetained. */
export const K_CAPABILITY = 10;
/** Index of boardConfidence. */
export const K_CONFIDENCE = 11;
/** Index of riskAppetite. */
export const K_APPETITE = 12;
/** Index of adoptionAtHorizon. */
export const K_ADOPTION = 13;
/** Index of firstWinWeek. */
export const K_FIRST_WIN = 14;
/** Index of peakDip. */
export const K_PEAK_DIP = 15;
/** Index of peakRemoteConsultations. */
export const K_PEAK_REMOTE = 16;
/** Index of meanSwitchingLoss. */
export const K_MEAN_SWITCHING = 17;
/** Number of KPIs. */
export const KPI_COUNT = KPIS.length;
