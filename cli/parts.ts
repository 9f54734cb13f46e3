/**
 * The parts of a sharded sweep: the manifest each part writes beside its CSV, and the checks and
 * joining `momentum merge` does. A part's CSV holds the header and its range of rows, so the merged
 * file (the header once, then every part's rows in order) is byte for byte the unsharded sweep's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './args';
import { readText, resolvePath } from './files';
import { rangeText, type Range, type Shard } from './shard';

/** The format name of a part manifest. */
export const PART_FORMAT = 'momentum-sweep-part';
/** The version of the part manifest format. */
export const PART_FORMAT_VERSION = 1;
/** What a part's manifest file is called: its CSV's name plus this. */
export const MANIFEST_SUFFIX = '.manifest.json';

/** What makes two parts belong to the same sweep. */
export interface SweepIdentity {
  readonly engineVersion: string;
  /** The scenario's id and the SHA-256 of its content, as simulated. */
  readonly scenario: { readonly id: string; readonly sha256: string };
  /** The uncertainty the replications draw: 'noise' or 'all'. */
  readonly uncertainty: string;
  /** The sweep's arguments as they affect its rows (not --out, --shard or --workers). */
  readonly arguments: Readonly<Record<string, unknown>>;
  /** The number of rows of the whole sweep. */
  readonly rows: number;
}

/** The manifest one part writes beside its CSV. */
export interface PartManifest extends SweepIdentity {
  readonly format: typeof PART_FORMAT;
  readonly formatVersion: number;
  readonly shard: Shard;
  readonly range: Range;
  /** The part's CSV: its file name (beside the manifest), size and SHA-256. */
  readonly csv: { readonly file: string; readonly bytes: number; readonly sha256: string };
}

/** Return the SHA-256 of text (UTF-8) in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Return the manifest file of a part's CSV. */
export function manifestPath(csv: string): string {
  return `${csv}${MANIFEST_SUFFIX}`;
}

/** Return a part's manifest as the text written to its file. */
export function partManifest(identity: SweepIdentity, shard: Shard, range: Range, csvFile: string, csvText: string): string {
  const manifest: PartManifest = {
    format: PART_FORMAT,
    formatVersion: PART_FORMAT_VERSION,
    ...identity,
    shard,
    range,
    csv: { file: basename(csvFile), bytes: Buffer.byteLength(csvText, 'utf8'), sha256: sha256(csvText) },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One part as read for merging: its name on the command line, its manifest and its CSV. */
export interface Part {
  readonly name: string;
  readonly manifest: PartManifest;
  readonly csv: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRange(v: unknown): v is Range {
  return isRecord(v) && Number.isSafeInteger(v.from) && Number.isSafeInteger(v.to) && (v.from as number) >= 0 && (v.to as number) > (v.from as number);
}

/** Read a part given as its CSV or its manifest; throw InputError naming the part and the problem. */
export function readPart(cwd: string, name: string): Part {
  const manifestFile = name.endsWith(MANIFEST_SUFFIX) ? name : manifestPath(name);
  let text: string;
  try {
    text = readText(cwd, manifestFile);
  } catch {
    throw new InputError(`${name}: no part manifest ${manifestFile} beside it; a part is the CSV and manifest that 'momentum sweep --shard' writes (an unfinished part has no manifest yet).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(`${manifestFile}: not a part manifest: it is not valid JSON.`);
  }
  if (!isRecord(value) || value.format !== PART_FORMAT) throw new InputError(`${manifestFile}: not a part manifest (its format is not '${PART_FORMAT}').`);
  if (value.formatVersion !== PART_FORMAT_VERSION) throw new InputError(`${manifestFile}: part format version ${String(value.formatVersion)}; this momentum reads version ${PART_FORMAT_VERSION}.`);
  const csvInfo = value.csv;
  if (!isRange(value.range) || !Number.isSafeInteger(value.rows) || !isRecord(csvInfo) || typeof csvInfo.file !== 'string' || typeof csvInfo.sha256 !== 'string') {
    throw new InputError(`${manifestFile}: the part manifest is incomplete (range, rows or csv missing or malformed).`);
  }
  const manifest = value as unknown as PartManifest;
  if (manifest.range.to > manifest.rows) throw new InputError(`${manifestFile}: its range ${rangeText(manifest.range)} runs past the sweep's ${manifest.rows} rows.`);
  const csvFile = join(dirname(manifestFile), csvInfo.file);
  let csv: string;
  try {
    // Not readText: a part's CSV may be far larger than a scenario file is allowed to be.
    csv = readFileSync(resolvePath(cwd, csvFile), 'utf8');
  } catch (err) {
    throw new InputError(`${name}: cannot read its CSV ${csvFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
  if (sha256(csv) !== csvInfo.sha256) {
    throw new InputError(`${name}: ${csvFile} is not the CSV its manifest describes (its SHA-256 differs): it was changed, cut short or replaced since the part was written.`);
  }
  return { name, manifest, csv };
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Return the first difference in the arguments of two parts, as text (`seed: 2 against 1`), or undefined. */
function argumentDifference(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (canonical(a[key]) !== canonical(b[key])) return `${key}: ${canonical(b[key]) ?? 'absent'} against ${canonical(a[key]) ?? 'absent'}`;
  }
  return undefined;
}

/** Throw InputError when `part` does not belong to the same sweep as `first`, naming what differs. */
function checkSameSweep(first: Part, part: Part): void {
  const a = first.manifest;
  const b = part.manifest;
  const differs = (what: string) => new InputError(`${part.name}: not part of the same sweep as ${first.name}: ${what}.`);
  if (a.engineVersion !== b.engineVersion) throw differs(`engine version ${b.engineVersion} against ${a.engineVersion}`);
  if (a.scenario?.sha256 !== b.scenario?.sha256) throw differs(`another scenario (${b.scenario?.id}, SHA-256 ${b.scenario?.sha256?.slice(0, 12)}… against ${a.scenario?.id}, ${a.scenario?.sha256?.slice(0, 12)}…)`);
  if (a.uncertainty !== b.uncertainty) throw differs(`uncertainty '${b.uncertainty}' against '${a.uncertainty}'`);
  const arg = argumentDifference(a.arguments ?? {}, b.arguments ?? {});
  if (arg !== undefined) throw differs(`other arguments (${arg})`);
  if (a.rows !== b.rows) throw differs(`${b.rows} rows in all against ${a.rows}`);
}

/** Return the header line (with its newline) and the rows of a part's CSV. */
function splitCsv(part: Part): { header: string; body: string; rows: number } {
  const end = part.csv.indexOf('\n');
  if (end < 0) throw new InputError(`${part.name}: its CSV has no header line.`);
  const body = part.csv.slice(end + 1);
  let rows = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) rows++;
  if (body.length > 0 && !body.endsWith('\n')) throw new InputError(`${part.name}: its CSV does not end with a newline: it was cut short.`);
  return { header: part.csv.slice(0, end + 1), body, rows };
}

/** What merging found: the merged CSV text and how much it covers. */
export interface Merged {
  readonly text: string;
  readonly parts: number;
  /** The number of parts the sweep was cut into, when every part agrees on it. */
  readonly shards: number | undefined;
  readonly rows: number;
}

/**
 * Join parts given in any order into the whole sweep's CSV. Throws InputError naming the part and
 * the problem when they are not of the same sweep, overlap, leave a gap, or a CSV disagrees with
 * its manifest.
 */
export function mergeParts(parts: readonly Part[]): Merged {
  if (parts.length === 0) throw new InputError('no parts to merge.');
  const first = parts[0]!;
  for (const part of parts.slice(1)) checkSameSweep(first, part);
  const sorted = [...parts].sort((x, y) => x.manifest.range.from - y.manifest.range.from || x.manifest.range.to - y.manifest.range.to);
  const total = first.manifest.rows;
  let header: string | undefined;
  let headerOf = '';
  let covered = 0;
  let previous: Part | undefined;
  const bodies: string[] = [];
  for (const part of sorted) {
    const { from, to } = part.manifest.range;
    if (from > covered) throw new InputError(`a gap: ${rangeText({ from: covered, to: from })} of ${total} are in no part given${previous ? ` (between ${previous.name} and ${part.name})` : ` (before ${part.name})`}.`);
    if (previous && from === previous.manifest.range.from && to === previous.manifest.range.to && part.manifest.csv.sha256 === previous.manifest.csv.sha256) {
      throw new InputError(`${part.name}: the same part as ${previous.name} (${rangeText({ from, to })}), given twice.`);
    }
    if (from < covered) throw new InputError(`${part.name}: overlaps ${previous!.name}: both hold ${rangeText({ from, to: Math.min(covered, to) })}.`);
    const csv = splitCsv(part);
    if (csv.rows !== to - from) throw new InputError(`${part.name}: holds ${csv.rows} rows but its manifest says ${rangeText({ from, to })} (${to - from}).`);
    if (header === undefined) {
      header = csv.header;
      headerOf = part.name;
    } else if (csv.header !== header) {
      throw new InputError(`${part.name}: its CSV header differs from ${headerOf}'s.`);
    }
    bodies.push(csv.body);
    covered = to;
    previous = part;
  }
  if (covered < total) throw new InputError(`a gap: ${rangeText({ from: covered, to: total })} of ${total} are in no part given (after ${previous!.name}).`);
  const counts = new Set(parts.map((p) => p.manifest.shard?.count));
  return { text: `${header}${bodies.join('')}`, parts: parts.length, shards: counts.size === 1 ? [...counts][0] : undefined, rows: total };
}
