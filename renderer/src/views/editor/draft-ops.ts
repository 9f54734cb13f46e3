import type { Draft } from 'immer';
import type { Initiative, ScenarioEvent, Stage, StageGate } from '../../../../engine';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';

/**
 * Edits the staged-journey editor makes to its draft scenario. Each mutates an immer draft,
 * so the store's `updateDraft(recipe)` can apply it and tests can run it through `produce`.
 * The edits keep references consistent where the intent is unambiguous (renaming an id);
 * anything else is left for the validator to flag, in its own words.
 */
export type ScenarioDraft = Draft<TrainerScenario>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Return an id like `${base}-3` that no existing id uses. */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** Append a new initiative with plain defaults; return its index. */
export function addInitiative(d: ScenarioDraft): number {
  const initiative: Initiative = {
    id: freshId('initiative', d.initiatives.map((i) => i.id)),
    name: 'New initiative',
    pillar: 'clinicians',
    effortWeeks: 26,
    businessCritical: false,
    prerequisites: [],
    rollout: 'big-bang',
    benefit: 1,
    infrastructureNeed: 0,
  };
  d.initiatives.push(initiative as Draft<Initiative> as (typeof d.initiatives)[number]);
  return d.initiatives.length - 1;
}

/** Remove an initiative and drop it from every other initiative's prerequisites. */
export function removeInitiative(d: ScenarioDraft, index: number): void {
  const removed = d.initiatives[index];
  if (!removed) return;
  d.initiatives.splice(index, 1);
  for (const ini of d.initiatives) ini.prerequisites = ini.prerequisites.filter((p) => p !== removed.id);
}

/** Move an initiative one place up (-1) or down (+1) in the list. */
export function moveInitiative(d: ScenarioDraft, index: number, by: -1 | 1): void {
  const to = index + by;
  if (to < 0 || to >= d.initiatives.length) return;
  const [item] = d.initiatives.splice(index, 1);
  d.initiatives.splice(to, 0, item!);
}

/**
 * Rename an initiative's id and, when the rename is unambiguous (the old id was unique and the
 * new one is free), every reference to it: prerequisites, stage gates and the goal.
 */
export function renameInitiative(d: ScenarioDraft, index: number, newId: string): void {
  const ini = d.initiatives[index];
  if (!ini) return;
  const oldId = ini.id;
  const others = d.initiatives.filter((_, i) => i !== index).map((i) => i.id);
  ini.id = newId;
  if (others.includes(oldId) || others.includes(newId) || oldId === newId) return;
  const swap = (ids: string[]) => ids.map((x) => (x === oldId ? newId : x));
  for (const other of d.initiatives) other.prerequisites = swap(other.prerequisites);
  for (const stage of d.stages) for (const g of stage.gate) if (g.kind === 'initiatives-live') g.ids = swap(g.ids);
  if (d.goal.kind === 'initiatives-live') d.goal.ids = swap(d.goal.ids);
}

/** Add or remove one prerequisite of an initiative. */
export function setPrerequisite(d: ScenarioDraft, index: number, prerequisiteId: string, on: boolean): void {
  const ini = d.initiatives[index];
  if (!ini) return;
  const has = ini.prerequisites.includes(prerequisiteId);
  if (on && !has) ini.prerequisites.push(prerequisiteId);
  if (!on && has) ini.prerequisites = ini.prerequisites.filter((p) => p !== prerequisiteId);
}

/** Append a new stage (opening a year after the last week gate, capped at two critical changes). */
export function addStage(d: ScenarioDraft): number {
  const lastWeek = Math.max(0, ...d.stages.flatMap((s) => s.gate.flatMap((g) => (g.kind === 'week' ? [g.week] : []))));
  const stage: Stage = {
    id: freshId('stage', d.stages.map((s) => s.id)),
    name: 'New stage',
    gate: d.stages.length === 0 ? [] : [{ kind: 'week', week: Math.min(lastWeek + 52, Math.max(0, d.horizonWeeks - 1)) }],
    maxConcurrentCritical: 2,
  };
  d.stages.push(stage as Draft<Stage> as (typeof d.stages)[number]);
  return d.stages.length - 1;
}

/** Remove a stage; initiatives that belonged to it no longer name a stage. */
export function removeStage(d: ScenarioDraft, index: number): void {
  const removed = d.stages[index];
  if (!removed) return;
  d.stages.splice(index, 1);
  for (const ini of d.initiatives) if (ini.stage === removed.id) delete ini.stage;
}

/**
 * Rename a stage's id and, when unambiguous, the initiatives that belong to it.
 */
export function renameStage(d: ScenarioDraft, index: number, newId: string): void {
  const stage = d.stages[index];
  if (!stage) return;
  const oldId = stage.id;
  const others = d.stages.filter((_, i) => i !== index).map((s) => s.id);
  stage.id = newId;
  if (others.includes(oldId) || others.includes(newId) || oldId === newId) return;
  for (const ini of d.initiatives) if (ini.stage === oldId) ini.stage = newId;
}

/**
 * Return a gate condition of `kind` with a sensible starting value. An "initiatives live"
 * condition starts with an initiative outside the stage, since one inside could never go live first.
 */
export function defaultGate(kind: StageGate['kind'], d: ScenarioDraft, stageId?: string): StageGate {
  switch (kind) {
    case 'week':
      return { kind, week: Math.min(52, Math.max(0, d.horizonWeeks - 1)) };
    case 'initiatives-live':
    {
      const outside = d.initiatives.find((i) => stageId === undefined || i.stage !== stageId);
      return { kind, ids: outside ? [outside.id] : [] };
    }
    case 'infrastructure':
      return { kind, atLeast: 0.5 };
    case 'confidence':
      return { kind, atLeast: 0.5 };
    case 'maturity':
      return { kind, atLeast: 2 };
  }
}

/** Add a gate condition to a stage. */
export function addGate(d: ScenarioDraft, stageIndex: number, kind: StageGate['kind']): void {
  const stage = d.stages[stageIndex];
  stage?.gate.push(defaultGate(kind, d, stage.id) as (typeof d.stages)[number]['gate'][number]);
}

/** Replace a gate condition by one of another kind. */
export function changeGateKind(d: ScenarioDraft, stageIndex: number, gateIndex: number, kind: StageGate['kind']): void {
  const stage = d.stages[stageIndex];
  if (!stage || !stage.gate[gateIndex] || stage.gate[gateIndex]!.kind === kind) return;
  stage.gate[gateIndex] = defaultGate(kind, d, stage.id) as (typeof stage.gate)[number];
}

/** Remove a gate condition from a stage. */
export function removeGate(d: ScenarioDraft, stageIndex: number, gateIndex: number): void {
  d.stages[stageIndex]?.gate.splice(gateIndex, 1);
}

/** Return an event of `kind` at `week` carrying over its label, with plain starting values. */
export function defaultEvent(kind: ScenarioEvent['kind'], week: number, label: string): ScenarioEvent {
  switch (kind) {
    case 'urgency-shock':
      return { kind, week, label, size: 0.5 };
    case 'people-leave':
      return { kind, week, label, share: 0.2 };
    case 'new-chief-executive':
      return { kind, week, label, ownership: 3 };
    case 'funding-change':
      return { kind, week, label, factor: 0.8 };
  }
}

/** Append a new event a year in; return its index. */
export function addEvent(d: ScenarioDraft): number {
  d.events.push(defaultEvent('urgency-shock', Math.min(52, Math.max(0, d.horizonWeeks - 1)), 'New event') as (typeof d.events)[number]);
  return d.events.length - 1;
}

/** Change an event's kind, keeping its week and label. */
export function changeEventKind(d: ScenarioDraft, index: number, kind: ScenarioEvent['kind']): void {
  const ev = d.events[index];
  if (!ev || ev.kind === kind) return;
  d.events[index] = defaultEvent(kind, ev.week, ev.label) as (typeof d.events)[number];
}

/** Remove an event. */
export function removeEvent(d: ScenarioDraft, index: number): void {
  d.events.splice(index, 1);
}

/** Set (or, with undefined, remove) an optional numeric field of an object in the draft. */
export function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  const t = target as Mutable<T>;
  if (value === undefined) delete t[key];
  else t[key] = value;
}

/** Append a reveal moment a year after the last one (within the horizon); return its index. */
export function addReveal(d: ScenarioDraft): number {
  const last = Math.max(-52, ...d.trainer.reveals.map((r) => (typeof r.week === 'number' ? r.week : 0)));
  const week = Math.min(last + 52, Math.max(0, d.horizonWeeks));
  d.trainer.reveals.push({ week, title: 'New reveal', note: 'What to say or ask at this moment.' });
  return d.trainer.reveals.length - 1;
}

/** Remove a reveal moment. */
export function removeReveal(d: ScenarioDraft, index: number): void {
  d.trainer.reveals.splice(index, 1);
}

/** Append a challenge (maturity 3 at the horizon); return its index. */
export function addTarget(d: ScenarioDraft): number {
  d.targets.push({ id: freshId('challenge', d.targets.map((t) => t.id)), label: 'Reach maturity 3 by the end', kpi: 'maturityAtHorizon', atLeast: 3 });
  return d.targets.length - 1;
}

/** Remove a challenge. */
export function removeTarget(d: ScenarioDraft, index: number): void {
  d.targets.splice(index, 1);
}
