/**
 * A second implementation of the aggregate part of Momentum's model, built as a system dynamics model in
 * the `simulation` package (Insight Maker's engine): the team stocks (experienced staff, newcomers,
 * consultants: IT staff and a capped number of the other internal roles in post at week 0, the rest recruited
 * at a capped weekly rate), in-house capability with learning and erosion under delivery pressure (SPEC
 * C2–C4), and staff and patient adoption by Bass diffusion per pillar (SPEC C8).
 *
 * It is written from the equations, not from the engine's loop: stocks, flows and variables in Insight
 * Maker's equation language, stepped by its Euler solver with a one-week step. It shares with the engine
 * only the named parameters (imported, so a recalibration does not break the comparison) and its drivers:
 * what the engine computes elsewhere (urgency, effective priorities, leadership and fatigue series; the
 * go-live week of each initiative) is read from a Momentum run and fed in as lookup tables over time. How the
 * team is shared over the initiatives in flight (role needs, effective people, team rates) and how fast they
 * are built is therefore not re-implemented here: it reaches this model only through those go-live weeks.
 */
import { Model, type Converter, type Primitive, type Results, type Stock } from 'simulation';
import { leverValue, REFERENCE_PORTFOLIO, ROLE_FAMILIES, type RunResult, type SimInput } from '../../engine';
import {
  BASS_P_WEEK, BASS_Q_WEEK, BIG_BANG_FIT, CAPABILITY_EROSION_WEEKS, CAPABILITY_START_MIN, CAPABILITY_START_READINESS,
  CLINICAL_INFORMATICIANS_FULL, COVERAGE_FTE, EXTERNAL_OWNERSHIP_PENALTY, EXTERNAL_REFILL_WEEKS, FATIGUE_ADOPTION_DRAG,
  HIRING_FTE_PER_WEEK, IMPROVEMENT_SHARE, INITIAL_STAFFED_MAX_FTE, INITIAL_STAFFED_SHARE, LEARNING_BY_DOING, LEARNING_RATE,
  MISSION_ADOPTION_GAIN, NEWCOMER_WEEKS, PILOT_ADOPTION_SPEED, PRIORITY_PRESSURE, REFERENCE_TEAM_FTE, SPEED_WITHOUT_READINESS,
  STAFFING_WEEKS_FAST, STAFFING_WEEKS_SLOW, URGENCY_ADOPTION_GAIN, URGENCY_PRESSURE,
} from '../../engine/parameters';

/** The three pillars in the engine's series order, with the suffix of their series ids. */
const PILLAR_IDS = ['patients', 'clinicians', 'support'] as const;

/** Everything the second implementation is driven by: constants from the levers, weekly series from a run. */
export interface Drivers {
  readonly horizonWeeks: number;
  /** Team size the board has set (all role families), FTE. */
  readonly teamFte: number;
  /** Infrastructure and IT staff, FTE (in post from week 0). */
  readonly infrastructureFte: number;
  /** Clinical staff and clinical informaticians, FTE. */
  readonly clinicalFte: number;
  /** Role coverage 0–1 (mean over role families of min(1, FTE / COVERAGE_FTE)). */
  readonly coverage: number;
  readonly externalShare: number;
  readonly knowledgeTransfer: number;
  readonly clarity: number;
  readonly mission: number;
  readonly readiness: number;
  readonly culture: number;
  /** Weekly urgency, effective priorities and leadership strength (week 0 … horizon). */
  readonly urgency: Float64Array;
  readonly priorities: Float64Array;
  readonly leadership: Float64Array;
  /** Fatigue after week w's update (the run's fatigue at week w + 1), which slows week w's adoption. */
  readonly fatigueAfter: Float64Array;
  /** Per pillar: the share of its potential that is live, and the share of that which was piloted first. */
  readonly live: readonly Float64Array[];
  readonly piloted: readonly Float64Array[];
}

/** Series the comparison looks at, each with horizonWeeks + 1 points. */
export interface ComparedSeries {
  readonly capability: Float64Array;
  /** Adoption per pillar, in PILLARS order. */
  readonly adoption: readonly Float64Array[];
}

/** Return why an input is outside what the second implementation covers, or null when it is covered. */
export function unsupportedReason(input: SimInput): string | null {
  // People leaving and funding changes cut the team stocks and capability in steps; this model has no steps.
  const ev = input.events.find((e) => e.kind === 'people-leave' || e.kind === 'funding-change');
  return ev ? `its '${ev.kind}' event at week ${ev.week} changes the team in a step, which this model leaves out` : null;
}

/** Return the drivers of the second implementation for an input and a Momentum run of it (expected or seeded). */
export function driversFrom(input: SimInput, run: RunResult): Drivers {
  const H = run.horizonWeeks;
  const W = H + 1;
  const lv = (id: string) => leverValue(input.levers, id);
  const fte = ROLE_FAMILIES.map((r) => lv(`team.${r}`));
  const teamFte = fte.reduce((a, b) => a + b, 0);
  const coverage = fte.reduce((a, f) => a + Math.min(1, Math.max(0, f / COVERAGE_FTE)), 0) / fte.length;
  const series = (id: string): Float64Array => {
    const s = run.series[id];
    if (!s || s.length !== W) throw new Error(`The run has no series '${id}' of ${W} weeks.`);
    return s;
  };
  const fatigue = series('fatigue');
  const fatigueAfter = new Float64Array(W);
  for (let w = 0; w < W; w++) fatigueAfter[w] = fatigue[Math.min(w + 1, H)]!;

  // What is live comes from the run's timeline: an initiative counts from its go-live week, with its benefit
  // (a big-bang rollout fits the work less well than a piloted one), as a share of its pillar's total.
  const initiatives = input.initiatives.length > 0 ? input.initiatives : REFERENCE_PORTFOLIO;
  const goLive = new Map(run.timeline.map((t) => [t.id, t.goLiveWeek]));
  const total = [0, 0, 0];
  const raw = PILLAR_IDS.map(() => new Float64Array(W));
  const pilotRaw = PILLAR_IDS.map(() => new Float64Array(W));
  for (const it of initiatives) {
    const p = PILLAR_IDS.indexOf(it.pillar);
    total[p] += it.benefit;
    const from = goLive.get(it.id) ?? -1;
    if (from < 0) continue;
    const piloted = it.rollout === 'pilot-then-scale';
    for (let w = from; w < W; w++) {
      raw[p]![w] += piloted ? it.benefit : it.benefit * BIG_BANG_FIT;
      if (piloted) pilotRaw[p]![w] += it.benefit;
    }
  }
  const live = raw.map((r, p) => r.map((v) => (total[p]! > 0 ? v / total[p]! : 0)));
  const piloted = raw.map((r, p) => r.map((v, w) => (v > 0 ? pilotRaw[p]![w]! / v : 0)));
  return {
    horizonWeeks: H,
    teamFte,
    infrastructureFte: lv('team.infrastructure'),
    clinicalFte: lv('team.clinical'),
    coverage,
    externalShare: lv('team.external'),
    knowledgeTransfer: lv('team.knowledgeTransfer'),
    clarity: lv('goal.clarity'),
    mission: lv('goal.mission'),
    readiness: lv('start.staffReadiness'),
    culture: lv('leadership.culture'),
    urgency: series('urgency'),
    priorities: series('activePriorities'),
    leadership: series('leadership'),
    fatigueAfter,
    live,
    piloted,
  };
}

/** Return the series Momentum's run reports for the compared part of the model. */
export function momentumSeries(run: RunResult): ComparedSeries {
  return {
    capability: run.series.capability!,
    adoption: PILLAR_IDS.map((p) => run.series[`adoption.${p}`]!),
  };
}

/** A built Insight Maker model and the primitives whose series are compared. */
export interface InsightMakerModel {
  readonly model: Model;
  readonly capability: Stock;
  readonly adoption: readonly Stock[];
}

// Numbers enter equations as text; String() of a double reads back as the same double.
const num = (v: number): string => String(v);

/** Build the Insight Maker model of the team, capability and adoption for some drivers (not yet simulated). */
export function buildInsightMakerModel(d: Drivers): InsightMakerModel {
  const m = new Model({ timeStart: 0, timeLength: d.horizonWeeks, timeStep: 1, timeUnits: 'Weeks', algorithm: 'Euler' });
  // Flows and stocks may go negative (erosion, a consultant team above its target): Insight Maker's
  // default of non-negative flows would silently stop erosion.
  const flow = (from: Stock | null, to: Stock, name: string, rate: string) => m.Flow(from, to, { name, rate, nonNegative: false });
  const lookup = (name: string, values: Float64Array): Converter =>
    m.Converter({ name, input: 'Time', interpolation: 'Discrete', values: Array.from(values, (y, x) => ({ x, y })) });
  const link = (from: readonly Primitive[], to: Primitive) => {
    for (const f of from) m.Link(f, to);
  };

  // Drivers.
  const urgency = lookup('Urgency', d.urgency);
  const priorities = lookup('Priorities', d.priorities);
  const leadership = lookup('Leadership', d.leadership);
  const fatigue = lookup('Fatigue After', d.fatigueAfter);

  // Team (SPEC C2, C3): IT staff and a share, capped in FTE, of the other internal roles are in post at week 0; the rest
  // are recruited towards their target at a capped weekly rate and assimilate; consultants arrive at once.
  const internalTarget = d.teamFte * (1 - d.externalShare);
  const externalTarget = d.teamFte * d.externalShare;
  const staffingWeeks = STAFFING_WEEKS_SLOW - (STAFFING_WEEKS_SLOW - STAFFING_WEEKS_FAST) * (0.6 * d.clarity + 0.4 * d.mission);
  const inPost = d.infrastructureFte + Math.min(INITIAL_STAFFED_MAX_FTE, INITIAL_STAFFED_SHARE * (d.teamFte - d.infrastructureFte));
  const experienced = m.Stock({ name: 'Experienced', nonNegative: false, initial: inPost * (1 - d.externalShare) });
  const newcomers = m.Stock({ name: 'Newcomers', initial: 0 });
  const consultants = m.Stock({ name: 'Consultants', initial: externalTarget });
  const recruiting = m.Variable({
    name: 'Recruiting',
    value: `Min(${num(HIRING_FTE_PER_WEEK)}, Max(0, ${num(internalTarget)} - [Experienced] - [Newcomers]) / ${num(staffingWeeks)})`,
  });
  link([experienced, newcomers], recruiting);
  // Newcomers hired this week start assimilating this week.
  const assimilating = m.Variable({ name: 'Assimilating', value: `([Newcomers] + [Recruiting]) / ${num(NEWCOMER_WEEKS)}` });
  link([newcomers, recruiting], assimilating);
  const refilling = m.Variable({
    name: 'Refilling',
    value: `if [Consultants] < ${num(externalTarget)} then\n (${num(externalTarget)} - [Consultants]) / ${num(EXTERNAL_REFILL_WEEKS)}\nelse\n ${num(externalTarget)} - [Consultants]\nend if`,
  });
  link([consultants], refilling);
  link([recruiting], flow(null, newcomers, 'Hiring', '[Recruiting]'));
  link([assimilating], flow(newcomers, experienced, 'Assimilation', '[Assimilating]'));
  link([refilling], flow(null, consultants, 'Consultant Refill', '[Refilling]'));

  // The team as it stands once this week's hiring, assimilation and refill are done: the engine updates the
  // team before it lets it learn and work, so this week's learning and adoption see these values.
  const expNow = m.Variable({ name: 'Experienced Now', value: '[Experienced] + [Assimilating]' });
  link([experienced, assimilating], expNow);
  const newNow = m.Variable({ name: 'Newcomers Now', value: '[Newcomers] + [Recruiting] - [Assimilating]' });
  link([newcomers, recruiting, assimilating], newNow);
  const extNow = m.Variable({ name: 'Consultants Now', value: '[Consultants] + [Refilling]' });
  link([consultants, refilling], extNow);

  // Capability (SPEC C4): learning from internal time and transferred consultant time, more of it when
  // improvement time is protected from delivery pressure; erosion with its time constant; kept in [0, 1].
  const improvement = m.Variable({
    name: 'Improvement Share',
    value: `${num(IMPROVEMENT_SHARE)} * (1 - Min(1, ${num(URGENCY_PRESSURE)} * [Urgency] + ${num(PRIORITY_PRESSURE)} * Max(0, [Priorities] - 3)) * (1 - (0.5 * [Leadership] + ${num(0.5 * d.culture)})))`,
  });
  link([urgency, priorities, leadership], improvement);
  const learning = m.Variable({
    name: 'Learning Input',
    value: `([Experienced Now] + 0.5 * [Newcomers Now] + ${num(d.knowledgeTransfer)} * [Consultants Now]) / ${num(REFERENCE_TEAM_FTE)} * (${num(LEARNING_BY_DOING)} + ${num(1 - LEARNING_BY_DOING)} * [Improvement Share] / ${num(IMPROVEMENT_SHARE)})`,
  });
  link([expNow, newNow, extNow, improvement], learning);
  const capability = m.Stock({ name: 'Capability', initial: CAPABILITY_START_MIN + CAPABILITY_START_READINESS * d.readiness });
  link([learning], flow(null, capability, 'Capability Change',
    `Max(-[Capability], Min(1 - [Capability], ${num(LEARNING_RATE)} * [Learning Input] * (1 - [Capability]) - [Capability] / ${num(CAPABILITY_EROSION_WEEKS)}))`));

  // Adoption (SPEC C8): Bass diffusion towards what is live, faster with urgency, readiness, mission, role
  // coverage and the trust's own people, slower with fatigue; clinicians adopt with clinical informaticians;
  // piloted rollouts spread faster.
  const people = `([Experienced Now] + [Newcomers Now] + [Consultants Now])`;
  const speed = m.Variable({
    name: 'Adoption Speed',
    value: [
      `(1 + ${num(URGENCY_ADOPTION_GAIN)} * [Urgency]) * ${num((SPEED_WITHOUT_READINESS + (1 - SPEED_WITHOUT_READINESS) * d.readiness) * (1 + MISSION_ADOPTION_GAIN * d.mission) * (0.5 + 0.5 * d.coverage))}`,
      `* (1 - ${num(EXTERNAL_OWNERSHIP_PENALTY)} * IfThenElse(${people} > 0, [Consultants Now] / Max(${people}, 1e-300), 0))`,
      `* (1 - ${num(FATIGUE_ADOPTION_DRAG)} * [Fatigue After])`,
    ].join(' '),
  });
  link([urgency, expNow, newNow, extNow, fatigue], speed);
  const clinicalLift = 0.7 + 0.3 * Math.min(1, d.clinicalFte / CLINICAL_INFORMATICIANS_FULL);
  const adoption = PILLAR_IDS.map((p, i) => {
    const name = `Adoption ${p}`;
    const stock = m.Stock({ name, initial: 0 });
    const live = lookup(`Live ${p}`, d.live[i]!);
    const piloted = lookup(`Piloted ${p}`, d.piloted[i]!);
    const rate = `Min(0.5, (${num(BASS_P_WEEK)} + ${num(BASS_Q_WEEK)} * [${name}] / [Live ${p}]) * [Adoption Speed] * ${num(i === 1 ? clinicalLift : 1)} * (1 + ${num(PILOT_ADOPTION_SPEED - 1)} * [Piloted ${p}]))`;
    const adopting = flow(null, stock, `Adopting ${p}`,
      `if [Live ${p}] <= 0 then\n 0\nelse if [${name}] >= [Live ${p}] then\n [Live ${p}] - [${name}]\nelse\n Min([Live ${p}] - [${name}], ${rate} * ([Live ${p}] - [${name}]))\nend if`);
    link([live, piloted, speed], adopting);
    return stock;
  });
  return { model: m, capability, adoption };
}

/** Return the compared series of a simulated Insight Maker model. */
export function seriesOf(built: InsightMakerModel, results: Results): ComparedSeries {
  return {
    capability: Float64Array.from(results.series(built.capability)),
    adoption: built.adoption.map((a) => Float64Array.from(results.series(a))),
  };
}

/** Build and simulate the Insight Maker model for some drivers and return the compared series. */
export function insightMakerSeries(d: Drivers): ComparedSeries {
  const built = buildInsightMakerModel(d);
  return seriesOf(built, built.model.simulate());
}

/** Return the largest absolute difference between two series of equal length (Infinity if lengths differ). */
export function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= m)) m = d;
  }
  return m;
}
