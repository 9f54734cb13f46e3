/**
 * The model's named parameters (constants only), for code that checks the model against a second
 * implementation of its equations (bench/insight-maker) and must follow any recalibration. Add a
 * constant here when such code needs it; the functions of the model stay behind engine/index.ts.
 */
export {
  BASS_P_WEEK, BASS_Q_WEEK, FATIGUE_ADOPTION_DRAG, MISSION_ADOPTION_GAIN, SPEED_WITHOUT_READINESS, URGENCY_ADOPTION_GAIN,
} from '../adoption';
export {
  CAPABILITY_EROSION_WEEKS, CAPABILITY_START_MIN, CAPABILITY_START_READINESS, IMPROVEMENT_SHARE, LEARNING_BY_DOING, LEARNING_RATE,
  PRIORITY_PRESSURE, URGENCY_PRESSURE,
} from '../capability';
export { EXTERNAL_OWNERSHIP_PENALTY } from '../consultants';
export { EXTERNAL_REFILL_WEEKS, HIRING_FTE_PER_WEEK } from '../exogenous';
export { BIG_BANG_FIT, PILOT_ADOPTION_SPEED } from '../golive';
export {
  CLINICAL_INFORMATICIANS_FULL, COVERAGE_FTE, INITIAL_STAFFED_MAX_FTE, INITIAL_STAFFED_SHARE, NEWCOMER_WEEKS, REFERENCE_TEAM_FTE,
  STAFFING_WEEKS_FAST, STAFFING_WEEKS_SLOW,
} from '../team';
