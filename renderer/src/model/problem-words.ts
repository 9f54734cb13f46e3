import { FILE_PATH, LEVERS, type Problem } from '../../../engine';

/**
 * File problems in words a trainer reads: "Initiative 3 “e-CARE EPR phase 1”: effort (weeks) must be a number,
 * got "twelve"" rather than `initiatives[2].effortWeeks: must be a number`. The engine's problems keep the path
 * (the CLI, the editor's fields and the tests use it); this only words it for people.
 */

/** Words for a field, by its name in the file; a field not listed is spelt out from its name ("earliestStartWeek" → "earliest start week"). */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  $schema: 'the schema reference',
  schemaVersion: 'the format version',
  id: 'id',
  title: 'title',
  summary: 'summary',
  lesson: 'lesson',
  variantOf: 'the case it is a variant of',
  source: 'source',
  judgement: 'judgement notes',
  levers: 'board settings',
  horizonWeeks: 'horizon (weeks)',
  goal: 'goal',
  initiatives: 'initiatives',
  stages: 'stages',
  events: 'events',
  targets: 'challenges',
  lockedLevers: 'locked levers',
  trainer: 'trainer material',
  name: 'name',
  pillar: 'pillar',
  effortWeeks: 'effort (weeks)',
  businessCritical: 'business-critical',
  prerequisites: 'prerequisites',
  rollout: 'rollout',
  benefit: 'benefit',
  infrastructureNeed: 'infrastructure needed',
  buildsInfrastructure: 'builds infrastructure',
  stage: 'stage',
  earliestStartWeek: 'earliest start week',
  gate: 'entry gate',
  maxConcurrentCritical: 'most business-critical changes at once',
  week: 'week',
  label: 'label',
  kpi: 'measure',
  atLeast: 'at least',
  atMost: 'at most',
  byWeek: 'by week',
  maxLever: 'lever limit',
  leverId: 'lever',
  briefing: 'briefing',
  objectives: 'learning objectives',
  questions: 'questions',
  whatIfs: 'what-ifs',
  reveals: 'reveal steps',
  note: 'note',
  sessionMinutes: 'session length (minutes)',
  lockReasons: 'reasons for locks',
  ids: 'initiatives',
  kind: 'kind',
};

/** What each list's items are called, and which of their fields names them. */
const ITEMS: Readonly<Record<string, { readonly noun: string; readonly nameField?: string }>> = {
  initiatives: { noun: 'Initiative', nameField: 'name' },
  stages: { noun: 'Stage', nameField: 'name' },
  events: { noun: 'Event', nameField: 'label' },
  targets: { noun: 'Challenge', nameField: 'label' },
  lockedLevers: { noun: 'Locked lever' },
  reveals: { noun: 'Reveal step', nameField: 'title' },
  whatIfs: { noun: 'What-if', nameField: 'label' },
  objectives: { noun: 'Learning objective' },
  questions: { noun: 'Question' },
  gate: { noun: 'Gate condition' },
  prerequisites: { noun: 'Prerequisite' },
  ids: { noun: 'Initiative' },
};

/** Split a path such as `initiatives[2].effortWeeks` or `levers["team.clinical"]` into its keys. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) keys.push(Number(m[1]));
    else if (m[2] !== undefined) keys.push(JSON.parse(`"${m[2]}"`) as string);
    else if (m[3] !== undefined) keys.push(m[3]);
  }
  return keys;
}

function fieldWords(key: string): string {
  return FIELD_WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const at = (value: unknown, key: string | number): unknown =>
  value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;

/** Where a problem is, in words: the things it sits in ("Initiative 3 “EPR”") and the field it is about, if any. */
interface Place {
  readonly within: readonly string[];
  readonly field: string | null;
}

function place(path: string, doc: unknown): Place {
  if (path === FILE_PATH) return { within: [], field: null };
  const keys = pathKeys(path);
  const within: string[] = [];
  let value: unknown = doc;
  let field: string | null = null;
  let fieldKey: string | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const next = keys[i + 1];
    if (field !== null) within.push(field);
    field = null;
    if (typeof key === 'string' && typeof next === 'number' && ITEMS[key]) {
      const item = at(at(value, key), next);
      const nameField = ITEMS[key].nameField;
      const name = nameField ? at(item, nameField) : undefined;
      within.push(`${ITEMS[key].noun} ${next + 1}${typeof name === 'string' && name.trim() ? ` “${name.length > 60 ? `${name.slice(0, 57)}…` : name}”` : ''}`);
      value = item;
      fieldKey = null;
      i++;
    } else if (typeof key === 'string' && (fieldKey === 'levers' || fieldKey === 'lockReasons' || fieldKey === 'overrides')) {
      const lever = LEVERS.find((l) => l.id === key);
      within.pop();
      within.push(`${fieldKey === 'lockReasons' ? 'The reason for locking' : 'Board setting'} “${lever?.label ?? key}”`);
      value = at(value, key);
      fieldKey = null;
    } else {
      const k = String(key);
      value = at(value, key);
      fieldKey = k;
      // The trainer's block only groups fields: "Reveal step 2" reads better than "trainer material, reveal step 2".
      if (k !== 'trainer') field = fieldWords(k);
    }
  }
  return { within, field };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Return where a problem is, in words: "Initiative 3 “EPR”: effort (weeks)", "Board setting “Concurrent priorities”". */
export function placeInWords(path: string, doc: unknown): string {
  const { within, field } = place(path, doc);
  const parts = field === null ? within : [...within, field];
  return parts.length === 0 ? 'The file' : capital(parts.join(': '));
}

/** Return a problem as a sentence: where it is in words, then what is wrong ("Initiative 3 “EPR”: effort (weeks) must be a number, got "twelve""). */
export function problemInWords(problem: Problem, doc: unknown): string {
  const { within, field } = place(problem.path, doc);
  // A list's length is said of what holds it: "The scenario must have at most 200 initiatives", not "Initiatives must have …".
  if (field !== null && /^must have (at most|at least) /.test(problem.message)) return `${within.length === 0 ? 'The scenario' : capital(within.join(': '))} ${problem.message}`;
  if (within.length === 0 && field === null) return `The file: ${problem.message}`;
  if (field === null) return `${capital(within.join(': '))}: ${problem.message}`;
  // A message about the field reads on from its name; one that starts with its own subject ("unknown field") after a colon.
  const joined = /^(must|is |needs|should|cannot|has )/.test(problem.message) ? `${field} ${problem.message}` : `${field}: ${problem.message}`;
  return capital([...within, joined].join(': '));
}
