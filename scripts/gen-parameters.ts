/**
 * Write engine/parameter-registry.ts: every model parameter that is not a lever, read from the doc comment of
 * its constant in the mechanism files ("Default 0.6; range 0.4–0.8; unit share; judgement.").
 * `npm run parameters` regenerates it; `npm run parameters -- --check` exits 1 when the committed file is out
 * of date (tests/engine/parameter-registry.test.ts makes the same check in `npm test`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ParameterDef } from '../engine';
import { writeOrCheck } from './generated-file';

/** Where the generated registry lives. */
export const REGISTRY_FILE = fileURLToPath(new URL('../engine/parameter-registry.ts', import.meta.url));

/** The mechanism files whose documented constants are parameters, with the mechanism each belongs to. */
export const MECHANISM_FILES: readonly (readonly [file: string, mechanism: string])[] = [
  ['switching.ts', 'Switching between priorities'],
  ['team.ts', 'Team size and mix'],
  ['consultants.ts', 'Consultants and contractors'],
  ['capability.ts', 'The capability trap'],
  ['governance.ts', 'Ownership and governance'],
  ['goal.ts', 'Goal clarity and scope'],
  ['urgency.ts', 'Urgency and shocks'],
  ['adoption.ts', 'Adoption'],
  ['golive.ts', 'Go-live, failure and benefits'],
  ['fatigue.ts', 'Change fatigue'],
  ['confidence.ts', 'Board confidence and risk appetite'],
  ['infrastructure.ts', 'Infrastructure'],
  ['maturity.ts', 'Maturity'],
  ['exogenous.ts', 'Team, capability and priorities over time'],
  ['portfolio.ts', 'Portfolio'],
  ['portfolio-steps.ts', 'Portfolio'],
  ['workspace.ts', 'Noise'],
];

/** Share of the default either side used as the plausible range where the source states none (judgement). */
export const UNSTATED_RANGE_SHARE = 0.5;

/** One parameter as the generator reads it: an entry of the registry. */
export type ParsedParameter = ParameterDef;

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e-?\d+)?`;

/** Return v to six significant digits (so that 0.1 × 1.5 reads 0.15, not 0.15000000000000002). */
function round6(v: number): number {
  return Number(v.toPrecision(6));
}

/** Split text at the semicolons that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Return a documented constant's parameter, or null when its comment has no "Default …". */
export function parseParameter(id: string, value: number, doc: string, file: string, mechanism: string): ParsedParameter | null {
  const text = doc.replace(/\s+/g, ' ').trim();
  // Thousands separators ("17,000") read as one number where the default and range are parsed.
  const plain = (t: string) => t.replace(/(\d),(\d{3})\b/g, '$1$2');
  const def = new RegExp(`Default (${NUMBER})`).exec(plain(text));
  if (!def) return null;
  const at = text.indexOf('Default ');
  const label = text.slice(0, at).replace(/[.;:,\s]+$/, '').trim();
  const after = text.slice(at);
  const range = new RegExp(`range (${NUMBER})\\s*[–-]\\s*(${NUMBER})`).exec(plain(after));
  const unit = /unit ([^;.]*(?:\.\d[^;.]*)?)/.exec(after)?.[1]?.trim() ?? '';
  const judgement = /judgement/i.test(after);
  const hasSource = /\bsource\b/i.test(after);
  const evidence = hasSource && judgement ? 'mixed' : hasSource ? 'evidence' : 'judgement';
  let min: number, max: number;
  if (range) {
    min = Math.min(Number(range[1]), Number(range[2]), value);
    max = Math.max(Number(range[1]), Number(range[2]), value);
  } else {
    min = value * (1 - UNSTATED_RANGE_SHARE);
    max = value * (1 + UNSTATED_RANGE_SHARE);
    if (min > max) [min, max] = [max, min];
    // A share, a probability or a coefficient below one stays below one.
    if (/^(share|probability|—)/.test(unit) && value >= 0 && value <= 1) max = Math.min(1, max);
  }
  // The source is everything after the default, range and unit: the study, the guide, or the judgement.
  const segments = splitTopLevel(after).map((t) => t.trim().replace(/\.$/, '')).filter((t) => t !== '' && !/^(Default|range|unit)\b/.test(t));
  const source = segments.join('; ').replace(/^source\s+/i, '');
  return { id, label, default: value, min: round6(min), max: round6(max), rangeStated: range !== null, unit, evidence, source, mechanism, file };
}

/** Return every documented numeric constant of a file as a parameter. */
export function parametersOf(path: string, file: string, mechanism: string): ParsedParameter[] {
  const text = readFileSync(path, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: ParsedParameter[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      const init = d.initializer;
      let value: number | null = null;
      if (ts.isNumericLiteral(init)) value = Number(init.text);
      else if (ts.isPrefixUnaryExpression(init) && init.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(init.operand)) value = -Number(init.operand.text);
      if (value === null) continue;
      const docs = ts.getJSDocCommentsAndTags(d).filter(ts.isJSDoc);
      const doc = docs.map((j) => (typeof j.comment === 'string' ? j.comment : '')).join(' ');
      const p = parseParameter(d.name.text, value, doc, file, mechanism);
      if (p) out.push(p);
    }
  }
  return out;
}

/** Return every parameter of the mechanism files, in file order. */
export function allParameters(): ParsedParameter[] {
  return MECHANISM_FILES.flatMap(([file, mechanism]) => parametersOf(fileURLToPath(new URL(`../engine/${file}`, import.meta.url)), file, mechanism));
}

/** Return the text the registry file should hold. */
export function registryText(): string {
  const rows = allParameters().map((p) => `  ${JSON.stringify(p)},`);
  return `// Generated by \`npm run parameters\` from the doc comments of the mechanism files: do not edit by hand.
import type { ParameterDef } from './types';

/**
 * Every model parameter that is not a lever: its default, plausible range, unit, evidence class, source and
 * mechanism, as the constant's doc comment states them. Where a comment states no range, the range is the
 * default ±${UNSTATED_RANGE_SHARE * 100}% (judgement) and \`rangeStated\` is false.
 */
export const PARAMETERS: readonly ParameterDef[] = [
${rows.join('\n')}
];
`;
}

/** Where the generated slot constants live (one per registry parameter, in registry order). */
export const SLOTS_FILE = fileURLToPath(new URL('../engine/parameter-slots.ts', import.meta.url));

/**
 * Return the text of engine/parameter-slots.ts: a named slot constant per parameter (P_ and its id), the
 * index at which the weekly loop reads it from a parameter vector (parameter-values.ts), and the slot count.
 */
export function slotsText(params: readonly ParsedParameter[] = allParameters()): string {
  const rows = params.map((p, i) => `/** Slot of ${p.id} (${p.file}). */\nexport const P_${p.id} = ${i};`);
  return `// Generated by \`npm run parameters\` from the doc comments of the mechanism files: do not edit by hand.

${rows.join('\n')}

/** Slots in a parameter vector: one per registry parameter, in the registry's order. */
export const PARAMETER_COUNT = ${params.length};
`;
}

/** Where the generated bindings the mechanisms read live. */
export const BINDINGS_FILE = fileURLToPath(new URL('../engine/parameter-bindings.ts', import.meta.url));

/**
 * Return the text of engine/parameter-bindings.ts: one module-level binding per parameter, holding the run's
 * value (the default outside a run), and installBindings, which sets them all from a parameter vector.
 * Mechanisms read `P.<id>` (import * as P): a binding costs the weekly loop what a constant did, where an
 * array read would add bytecode to every mechanism V8 inlines into it.
 */
export function bindingsText(params: readonly ParsedParameter[] = allParameters()): string {
  const vars = params.map((p) => `export var ${p.id} = ${p.default};`);
  const sets = params.map((p, i) => `  ${p.id} = values[${i}]!;`);
  return `// Generated by \`npm run parameters\` from the doc comments of the mechanism files: do not edit by hand.
/* eslint-disable no-var -- \`var\`, not \`let\`: a read of a module-level \`let\` from another function carries a hole check. */

${vars.join('\n')}

/** Set every binding from a parameter vector (PARAMETER_COUNT values, by slot: parameter-slots.ts). */
export function installBindings(values: Float64Array): void {
${sets.join('\n')}
}
`;
}

/** Where the model's documentation lives; its parameter tables take their figures from the registry. */
export const MODEL_DOC_FILE = fileURLToPath(new URL('../docs/MODEL.md', import.meta.url));

/** Return a number as the tables show it: at most four significant digits, no exponent for small values. */
function cell(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/**
 * Return docs/MODEL.md with every parameter-table row of a registry parameter rewritten from the registry:
 * default, plausible range (marked * where the source states none and the registry takes ±50%), unit and
 * source. The first column (the constant and any words after it) and every other line stay as they are.
 */
export function modelDocText(md: string, params: readonly ParsedParameter[] = allParameters()): string {
  const byId = new Map(params.map((p) => [p.id, p]));
  return md
    .split('\n')
    .map((line) => {
      const m = /^\| (`([A-Z_0-9]+)`[^|]*)\|/.exec(line);
      const p = m ? byId.get(m[2]!) : undefined;
      if (!m || !p) return line;
      const range = `${cell(p.min)}–${cell(p.max)}${p.rangeStated ? '' : '*'}`;
      return `| ${m[1]!.trim()} | ${cell(p.default)} | ${range} | ${p.unit} | ${p.source} |`;
    })
    .join('\n');
}

function main(): void {
  writeOrCheck(
    [
      { path: REGISTRY_FILE, name: 'engine/parameter-registry.ts', text: registryText() },
      { path: SLOTS_FILE, name: 'engine/parameter-slots.ts', text: slotsText() },
      { path: BINDINGS_FILE, name: 'engine/parameter-bindings.ts', text: bindingsText() },
      { path: MODEL_DOC_FILE, name: 'docs/MODEL.md', text: modelDocText(readFileSync(MODEL_DOC_FILE, 'utf8')) },
    ],
    'npm run parameters',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
