import { blankScenario, parseScenario } from '../../../../engine';
import type { Platform, RecoverableDoc, RecoveredDoc } from '../../platform';
import type { AppState } from '../../store';
import type { TrainerScenario } from '../../store/trainer/trainer-slice';

/*
 * Autosave of the staged-journey editor's draft. The platform keeps one autosave slot per document
 * kind, and the board's unsaved lever changes already use the scenario slot (app-commands.tsx), so
 * while the editor has unsaved edits the slot holds both in one small envelope; with no draft it
 * holds the lever changes' scenario text exactly as before. Drafts are compared by when they were
 * last edited, and a newer draft is never replaced by an older one, whether when writing the slot
 * or when recovering.
 */

/** The `format` of the envelope that holds unsaved lever changes and the editor's draft together. */
export const UNSAVED_WORK_FORMAT = 'momentum-unsaved-work';

/** An editor draft with unsaved edits, as autosave keeps it. */
export interface KeptDraft {
  /** What the trainer calls it (its title, else its id). */
  readonly title: string;
  /** When it was last edited (ms since 1970). */
  readonly editedAt: number;
  /** The draft itself; it may still have problems the editor lists. */
  readonly draft: TrainerScenario;
}

/** The envelope written to the scenario slot while the editor has unsaved edits. */
interface UnsavedWorkFile {
  readonly format: typeof UNSAVED_WORK_FORMAT;
  readonly version: 1;
  /** The unsaved lever changes as scenario file text (what the slot holds without a draft), or null. */
  readonly levers: string | null;
  readonly leversName: string | null;
  readonly draft: { readonly title: string; readonly editedAt: number; readonly scenario: unknown };
}

/** Return the editor's draft as autosave keeps it, or null when it has no unsaved edits. */
export function keptDraftOf(trainer: AppState['trainer']): KeptDraft | null {
  const { draft, draftDirty, draftEditedAt } = trainer;
  if (!draft || !draftDirty || draftEditedAt === null) return null;
  return { title: draft.title || draft.id || 'Untitled scenario', editedAt: draftEditedAt, draft };
}

/** Return the more recently edited of two drafts (the first on a tie), or whichever exists. */
export function newerDraft(a: KeptDraft | null, b: KeptDraft | null): KeptDraft | null {
  if (!a) return b;
  if (!b) return a;
  return b.editedAt > a.editedAt ? b : a;
}

/**
 * Return what the scenario slot should hold: the unsaved lever changes as they are (a scenario file),
 * or, with a draft, an envelope holding both. Null when there is nothing unsaved.
 */
export function scenarioSlotDoc(levers: RecoverableDoc | null, draft: KeptDraft | null): RecoverableDoc | null {
  if (!draft) return levers;
  const file: UnsavedWorkFile = {
    format: UNSAVED_WORK_FORMAT,
    version: 1,
    levers: levers?.text ?? null,
    leversName: levers?.name ?? null,
    draft: { title: draft.title, editedAt: draft.editedAt, scenario: draft.draft },
  };
  const name = levers ? `${levers.name} with a journey draft (${draft.title})` : `${draft.title} (journey draft)`;
  return { kind: 'scenario', name, text: JSON.stringify(file), ...(levers?.fileId !== undefined ? { fileId: levers.fileId } : {}) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Return a kept draft as a scenario the editor can open: as the validator reads it when it is valid,
 * else (a draft may be saved half-finished) its fields laid over a blank scenario wherever they have
 * the right shape, so the editor opens and lists what is still wrong. Null when it is not a scenario at all.
 */
export function draftFromJson(value: unknown): TrainerScenario | null {
  const parsed = parseScenario(value);
  if (parsed.ok) return parsed.scenario;
  if (!isRecord(value)) return null;
  const blank = blankScenario() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...blank };
  const sameShape = (a: unknown, b: unknown) =>
    Array.isArray(a) ? Array.isArray(b) : isRecord(a) ? isRecord(b) : typeof a === typeof b || (typeof a === 'number' && b === undefined);
  for (const [key, base] of Object.entries(blank)) {
    const v = value[key];
    if (v === undefined) continue;
    if (isRecord(base) && isRecord(v)) {
      // One level down (the trainer's briefing, the goal): keep the blank's fields the draft lacks.
      const merged: Record<string, unknown> = { ...base };
      for (const [k, b] of Object.entries(v)) if (base[k] === undefined || sameShape(base[k], b)) merged[k] = b;
      out[key] = merged;
    } else if (sameShape(base, v)) out[key] = v;
  }
  // Items of a file written by hand may leave out what has a default; the editor reads every field.
  const filled = (list: unknown, defaults: Record<string, unknown>) =>
    Array.isArray(list) ? list.map((item) => (isRecord(item) ? { ...defaults, ...Object.fromEntries(Object.entries(item).filter(([k, v]) => !(k in defaults) || sameShape(defaults[k], v))) } : item)) : list;
  out.initiatives = filled(out.initiatives, { prerequisites: [], businessCritical: false, rollout: 'big-bang', benefit: 1, infrastructureNeed: 0 });
  out.stages = filled(out.stages, { gate: [] });
  return out as unknown as TrainerScenario;
}

/** What a recovered scenario slot holds: lever changes (as the slot held them before drafts), a draft, or both. */
export interface RecoveredWork {
  /** The lever changes as a recovered scenario document, or null. */
  readonly levers: RecoveredDoc | null;
  readonly draft: KeptDraft | null;
}

/** Split recovered scenario-slot work into the lever changes and the editor's draft. */
export function readScenarioSlot(doc: RecoveredDoc): RecoveredWork {
  let value: unknown;
  try {
    value = JSON.parse(doc.text);
  } catch {
    // Not JSON: the scenario reader says what is wrong with it.
    return { levers: doc, draft: null };
  }
  if (!isRecord(value) || value.format !== UNSAVED_WORK_FORMAT) return { levers: doc, draft: null };
  const levers = typeof value.levers === 'string' ? { ...doc, text: value.levers, name: typeof value.leversName === 'string' ? value.leversName : doc.name } : null;
  const d = value.draft;
  const scenario = isRecord(d) ? draftFromJson(d.scenario) : null;
  const draft =
    isRecord(d) && scenario && typeof d.editedAt === 'number' && Number.isFinite(d.editedAt)
      ? { title: typeof d.title === 'string' ? d.title : scenario.title, editedAt: d.editedAt, draft: scenario }
      : null;
  return { levers, draft };
}

// A draft an earlier session left in the slot, not yet recovered or discarded: autosave writes it back
// with the lever changes rather than over it, so an answer put off (or a second crash) loses nothing.
let carried: KeptDraft | null = null;

/** Remember (or, with null, forget) a draft an earlier session kept aside, until the user answers the offer. */
export function carryDraft(draft: KeptDraft | null): void {
  carried = draft;
}

/** Return the earlier session's draft still awaiting an answer, if any. */
export function carriedDraft(): KeptDraft | null {
  return carried;
}

/** Return what autosave should keep of the editor: the newer of the draft being edited and a carried one. */
export function draftToKeep(trainer: AppState['trainer']): KeptDraft | null {
  return newerDraft(keptDraftOf(trainer), carried);
}

/** Return a platform that forgets the carried draft when the scenario slot is discarded (the recovery offer's "Discard"). */
export function forgettingCarriedDraft(platform: Platform): Platform {
  const autosaveClear: Platform['autosaveClear'] = (kind) => {
    if (kind === 'scenario') carryDraft(null);
    return platform.autosaveClear(kind);
  };
  return new Proxy(platform, {
    get(target, key) {
      if (key === 'autosaveClear') return autosaveClear;
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The outcome of recovering a draft: put back in the editor, or not because the draft there is newer. */
export type DraftRecovery = 'restored' | 'kept-newer';

/**
 * Put a recovered draft back in the editor unless the editor already holds a draft edited later (a
 * newer draft is never replaced by an older one). Either way the offer is answered: nothing is carried.
 */
export function restoreKeptDraft(state: Pick<AppState, 'trainer' | 'restoreDraft' | 'setView'>, kept: KeptDraft): DraftRecovery {
  carryDraft(null);
  const own = keptDraftOf(state.trainer);
  if (own && own.editedAt >= kept.editedAt) return 'kept-newer';
  state.restoreDraft(kept.draft, kept.editedAt);
  state.setView('editor');
  return 'restored';
}
