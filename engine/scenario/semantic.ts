/**
 * Checks that need the whole scenario (or the engine's levers) rather than one field:
 * references, cycles, gates that can never open, lever ids and ranges, duplicates.
 */
import { leverChoices, leverValueFault } from '../levers';
import { SERIES } from '../series';
import type { LeverDef, LeverValues } from '../types';
import { closest, describeValue, formatPath } from './problems';
import type { Problem } from './problems';
import type { PredictionQuestion, Scenario } from './schema';

type Key = string | number;

function duplicates(ids: readonly string[], base: Key[], what: string, out: Problem[]): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) out.push({ path: formatPath([...base, i, 'id']), message: `duplicate ${what} id "${id}" (already used by ${formatPath([...base, first])})` });
    else seen.set(id, i);
  });
}

function unknownRef(path: Key[], id: string, known: readonly string[], what: string): Problem {
  const hint = closest(id, known);
  return {
    path: formatPath(path),
    message: `names no ${what}: "${id}"${hint !== undefined ? ` (did you mean "${hint}"?)` : known.length === 0 ? ` (there are no ${what}s)` : ''}`,
  };
}

function leverRange(def: LeverDef): string {
  return `${def.min} and ${def.max}${def.unit ? ` ${def.unit}` : ''}`;
}

/** Check lever values (at `base`, e.g. `levers` or `overrides`) against the engine's lever definitions. */
export function checkLeverValues(values: LeverValues, base: Key[], levers: ReadonlyMap<string, LeverDef>, out: Problem[]): void {
  for (const [key, value] of Object.entries(values)) {
    const path = [...base, key];
    const def = levers.get(key);
    if (def === undefined) {
      out.push(unknownRef(path, key, [...levers.keys()], 'lever'));
      continue;
    }
    const fault = leverValueFault(def, value);
    if (fault === 'not-a-number') out.push({ path: formatPath(path), message: `must be a number, got ${describeValue(value)}` });
    else if (fault === 'out-of-range') out.push({ path: formatPath(path), message: `must be between ${leverRange(def)} (${def.label}), got ${value}` });
    else if (fault === 'not-an-option') out.push({ path: formatPath(path), message: `must be one of ${leverChoices(def)}, got ${value}` });
  }
}

/** Return the prerequisite cycle through the initiatives, as a list of ids, or undefined. */
function findCycle(prereqs: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of prereqs.keys()) {
    if (state.get(start) === 'done') continue;
    // Iterative depth-first search so long chains cannot overflow the stack.
    const path: string[] = [];
    const iters: number[] = [];
    path.push(start);
    iters.push(0);
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const next = prereqs.get(node) ?? [];
      const k = iters[iters.length - 1]!;
      if (k >= next.length) {
        state.set(node, 'done');
        path.pop();
        iters.pop();
        continue;
      }
      iters[iters.length - 1] = k + 1;
      const child = next[k]!;
      if (!prereqs.has(child)) continue;
      const s = state.get(child);
      if (s === 'open') return [...path.slice(path.indexOf(child)), child];
      if (s === undefined) {
        state.set(child, 'open');
        path.push(child);
        iters.push(0);
      }
    }
  }
  return undefined;
}

/** Return every problem that needs more than one field to see; `levers` are the engine's lever definitions. */
export function checkScenario(s: Scenario, levers: readonly LeverDef[]): Problem[] {
  const out: Problem[] = [];
  const leverMap = new Map(levers.map((l) => [l.id, l]));
  const initiativeIds = s.initiatives.map((x) => x.id);
  const stageIds = s.stages.map((x) => x.id);
  const initiativeSet = new Set(initiativeIds);
  const stageIndex = new Map(stageIds.map((id, i) => [id, i]));

  duplicates(initiativeIds, ['initiatives'], 'initiative', out);
  duplicates(stageIds, ['stages'], 'stage', out);
  duplicates(s.targets.map((t) => t.id), ['targets'], 'target', out);

  checkLeverValues(s.levers, ['levers'], leverMap, out);

  // Initiatives: references and reachability.
  s.initiatives.forEach((ini, i) => {
    const seen = new Set<string>();
    ini.prerequisites.forEach((p, k) => {
      const path: Key[] = ['initiatives', i, 'prerequisites', k];
      if (p === ini.id) out.push({ path: formatPath(path), message: `an initiative cannot be its own prerequisite ("${p}")` });
      else if (!initiativeSet.has(p)) out.push(unknownRef(path, p, initiativeIds, 'initiative'));
      if (seen.has(p)) out.push({ path: formatPath(path), message: `"${p}" is listed twice` });
      seen.add(p);
    });
    if (ini.stage !== undefined && !stageIndex.has(ini.stage)) out.push(unknownRef(['initiatives', i, 'stage'], ini.stage, stageIds, 'stage'));
    if (ini.earliestStartWeek !== undefined && ini.earliestStartWeek >= s.horizonWeeks) {
      out.push({
        path: formatPath(['initiatives', i, 'earliestStartWeek']),
        message: `must be before the horizon (week ${s.horizonWeeks}) or the initiative can never start, got ${ini.earliestStartWeek}`,
      });
    }
  });
  const prereqMap = new Map(s.initiatives.map((x) => [x.id, x.prerequisites.filter((p) => p !== x.id)]));
  const cycle = findCycle(prereqMap);
  if (cycle !== undefined) {
    const at = initiativeIds.indexOf(cycle[0]!);
    out.push({ path: formatPath(['initiatives', at, 'prerequisites']), message: `prerequisites form a cycle, so none of them can ever start: ${cycle.join(' → ')}` });
  }

  // The earliest stage each initiative can go live in: its own stage, or a later one its prerequisites need.
  const needsStage = new Map<string, number>();
  if (cycle === undefined) {
    const byId = new Map(s.initiatives.map((x) => [x.id, x]));
    const resolve = (id: string): number => {
      const known = needsStage.get(id);
      if (known !== undefined) return known;
      const stack = [id];
      while (stack.length > 0) {
        const cur = stack[stack.length - 1]!;
        const ini = byId.get(cur);
        if (ini === undefined) {
          needsStage.set(cur, -1);
          stack.pop();
          continue;
        }
        const pending = ini.prerequisites.filter((p) => p !== cur && byId.has(p) && !needsStage.has(p) && !stack.includes(p));
        if (pending.length > 0) {
          stack.push(...pending);
          continue;
        }
        const own = ini.stage !== undefined ? (stageIndex.get(ini.stage) ?? -1) : -1;
        needsStage.set(cur, Math.max(own, ...ini.prerequisites.filter((p) => p !== cur).map((p) => needsStage.get(p) ?? -1)));
        stack.pop();
      }
      return needsStage.get(id) ?? -1;
    };
    initiativeIds.forEach(resolve);
  }

  // Stages: gates that can never open.
  s.stages.forEach((stage, si) => {
    stage.gate.forEach((g, gi) => {
      const base: Key[] = ['stages', si, 'gate', gi];
      if (g.kind === 'week' && g.week >= s.horizonWeeks) {
        out.push({ path: formatPath([...base, 'week']), message: `the stage can never open: week ${g.week} is not before the horizon (week ${s.horizonWeeks})` });
      }
      if (g.kind === 'initiatives-live') {
        g.ids.forEach((id, k) => {
          const path: Key[] = [...base, 'ids', k];
          if (!initiativeSet.has(id)) {
            out.push(unknownRef(path, id, initiativeIds, 'initiative'));
            return;
          }
          const needs = needsStage.get(id);
          if (needs !== undefined && needs >= si) {
            const where = needs === si ? 'this stage' : `a later stage ("${stageIds[needs]}")`;
            out.push({
              path: formatPath(path),
              message: `the stage can never open: "${id}" cannot go live before ${where} opens (it or one of its prerequisites belongs there)`,
            });
          }
        });
      }
    });
  });

  // Goal.
  if (s.goal.kind === 'initiatives-live') {
    s.goal.ids.forEach((id, k) => {
      if (!initiativeSet.has(id)) out.push(unknownRef(['goal', 'ids', k], id, initiativeIds, 'initiative'));
    });
  }

  // Events.
  const ownership = levers.find((l) => l.group === 'leadership' && /owner/i.test(l.id));
  s.events.forEach((ev, i) => {
    if (ev.week >= s.horizonWeeks) {
      out.push({ path: formatPath(['events', i, 'week']), message: `must be before the horizon (week ${s.horizonWeeks}) or the event never happens, got ${ev.week}` });
    }
    if (ev.kind === 'new-chief-executive' && ownership !== undefined) {
      const bad: Problem[] = [];
      checkLeverValues({ [ownership.id]: ev.ownership }, [], leverMap, bad);
      for (const p of bad) out.push({ path: formatPath(['events', i, 'ownership']), message: p.message });
    }
  });

  // Targets.
  s.targets.forEach((t, i) => {
    if (t.byWeek !== undefined && t.byWeek > s.horizonWeeks) {
      out.push({ path: formatPath(['targets', i, 'byWeek']), message: `must be within the horizon (week ${s.horizonWeeks}), got ${t.byWeek}` });
    }
    if (t.maxLever !== undefined) {
      const def = leverMap.get(t.maxLever.leverId);
      if (def === undefined) out.push(unknownRef(['targets', i, 'maxLever', 'leverId'], t.maxLever.leverId, [...leverMap.keys()], 'lever'));
      else if (t.maxLever.atMost < def.min || t.maxLever.atMost > def.max) {
        out.push({ path: formatPath(['targets', i, 'maxLever', 'atMost']), message: `must be between ${leverRange(def)} (${def.label}), got ${t.maxLever.atMost}` });
      }
    }
  });

  // Locked levers.
  const locked = new Set<string>();
  s.lockedLevers.forEach((id, i) => {
    if (!leverMap.has(id)) out.push(unknownRef(['lockedLevers', i], id, [...leverMap.keys()], 'lever'));
    if (locked.has(id)) out.push({ path: formatPath(['lockedLevers', i]), message: `"${id}" is listed twice` });
    locked.add(id);
  });

  // Trainer material.
  for (const id of Object.keys(s.trainer.lockReasons)) {
    if (!leverMap.has(id)) out.push(unknownRef(['trainer', 'lockReasons', id], id, [...leverMap.keys()], 'lever'));
  }
  if (s.variantOf === s.id) out.push({ path: formatPath(['variantOf']), message: 'must name another scenario, not this one' });
  s.trainer.whatIfs.forEach((w, i) => checkLeverValues(w.levers, ['trainer', 'whatIfs', i, 'levers'], leverMap, out));
  const questionIds = new Map<string, string>();
  s.trainer.reveals.forEach((r, i) => {
    if (r.week > s.horizonWeeks) {
      out.push({ path: formatPath(['trainer', 'reveals', i, 'week']), message: `must be within the horizon (week ${s.horizonWeeks}) or it is never reached, got ${r.week}` });
    }
    (r.predictions ?? []).forEach((q, k) => checkPrediction(q, ['trainer', 'reveals', i, 'predictions', k], questionIds, out));
  });
  return out;
}

const SERIES_IDS = SERIES.map((d) => d.id);

/** Check one prediction question: its id unique in the scenario, its series the engine's, and a vote judged only by a series. */
function checkPrediction(q: PredictionQuestion, base: Key[], seen: Map<string, string>, out: Problem[]): void {
  const first = seen.get(q.id);
  if (first !== undefined) out.push({ path: formatPath([...base, 'id']), message: `duplicate prediction question id "${q.id}" (already used by ${first})` });
  else seen.set(q.id, formatPath(base));
  if (q.series !== undefined && !SERIES_IDS.includes(q.series)) out.push(unknownRef([...base, 'series'], q.series, SERIES_IDS, 'series'));
  if (q.kind !== 'vote') return;
  duplicates(
    q.options.map((o) => o.id),
    [...base, 'options'],
    'option',
    out,
  );
  const ranged = q.options.some((o) => o.atLeast !== undefined || o.atMost !== undefined);
  if (ranged && q.series === undefined) {
    out.push({ path: formatPath([...base, 'series']), message: 'is needed when an option gives "atLeast" or "atMost": name the series those ranges are read from' });
  }
  if (!ranged && q.series !== undefined) {
    out.push({ path: formatPath([...base, 'options']), message: `give at least one option "atLeast" or "atMost" on "${q.series}", or leave out "series": nothing says which answer the run supports` });
  }
}
