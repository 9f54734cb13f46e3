/**
 * A sweep's checkpoint: its finished rows, appended batch by batch to OUT.checkpoint as they arrive,
 * so that a sweep stopped by Ctrl+C, SIGTERM or a lost node finishes with `--resume` instead of
 * starting again. One JSON line per batch after a header line naming the sweep; a line cut short by
 * a crash, or whose rows do not match their hash, is ignored and its batch computed again. The rows
 * are the exact CSV lines, so a resumed sweep writes the bytes of an uninterrupted one.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { InputError } from './args';
import { resolvePath } from './files';
import { sha256 } from './parts';
import type { Range } from './shard';

/** The format name on a checkpoint's first line. */
export const CHECKPOINT_FORMAT = 'momentum-sweep-checkpoint';
/** What a sweep's checkpoint file is called: its output's name plus this. */
export const CHECKPOINT_SUFFIX = '.checkpoint';

/** Return the checkpoint file of a sweep writing `out`. */
export function checkpointPath(out: string): string {
  return `${out}${CHECKPOINT_SUFFIX}`;
}

/** One finished batch: its range, its KPI names and its CSV lines (each ending in a newline). */
export interface DoneBatch extends Range {
  readonly names: readonly string[];
  readonly text: string;
}

/** A checkpoint open for appending finished batches. */
export class Checkpoint {
  private fd: number | undefined;

  private constructor(
    private readonly path: string,
    fd: number,
    /** The batches found when resuming, in order, none overlapping. */
    readonly done: readonly DoneBatch[],
  ) {
    this.fd = fd;
  }

  /**
   * Open the checkpoint of the sweep `key` (a hash of everything its rows depend on, its range
   * included). Resuming, keep the batches of a checkpoint of the same sweep and throw InputError for
   * one of another; otherwise (or when there is none) start an empty one.
   */
  static open(cwd: string, file: string, key: string, resume: boolean): Checkpoint {
    const path = resolvePath(cwd, file);
    const done = resume && existsSync(path) ? readDone(path, file, key) : undefined;
    if (done !== undefined) return new Checkpoint(path, openSync(path, 'a'), done);
    const fd = openSync(path, 'w');
    writeSync(fd, `${JSON.stringify({ format: CHECKPOINT_FORMAT, version: 1, sweep: key })}\n`);
    return new Checkpoint(path, fd, []);
  }

  /** Append a finished batch. */
  add(range: Range, names: readonly string[], text: string): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify({ from: range.from, to: range.to, names, sha256: sha256(text), text })}\n`);
  }

  /** Close the file, keeping it for --resume. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Close and delete the file: the output it was for is written. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

function readDone(path: string, file: string, key: string): DoneBatch[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  let header: { format?: unknown; sweep?: unknown } | undefined;
  try {
    header = JSON.parse(lines[0]!) as typeof header;
  } catch {
    header = undefined;
  }
  if (header?.format !== CHECKPOINT_FORMAT) throw new InputError(`${file}: not a sweep checkpoint; remove it, or run without --resume to start over.`);
  if (header.sweep !== key) {
    throw new InputError(`${file}: the checkpoint of another sweep (other scenario, arguments, engine, uncertainty or shard); remove it, or run without --resume to start over.`);
  }
  const out: DoneBatch[] = [];
  for (const line of lines.slice(1)) {
    let entry: Partial<DoneBatch> & { sha256?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // cut short by a crash: computed again
    }
    const { from, to, names, text } = entry;
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || !Array.isArray(names) || typeof text !== 'string' || sha256(text) !== entry.sha256) continue;
    out.push({ from: from!, to: to!, names, text });
  }
  out.sort((a, b) => a.from - b.from);
  // Keep no overlap (a batch recorded twice is kept once).
  const kept: DoneBatch[] = [];
  for (const b of out) if (kept.length === 0 || b.from >= kept[kept.length - 1]!.to) kept.push(b);
  return kept;
}

/** Return the parts of `range` that no batch covers, in order. */
export function missingRanges(range: Range, done: readonly Range[]): Range[] {
  const out: Range[] = [];
  let at = range.from;
  for (const d of done) {
    if (d.to <= range.from || d.from >= range.to) continue;
    if (d.from > at) out.push({ from: at, to: d.from });
    at = Math.max(at, d.to);
  }
  if (at < range.to) out.push({ from: at, to: range.to });
  return out;
}
