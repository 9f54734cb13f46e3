/**
 * Shards: one contiguous part of a sweep, so that a job array on a scheduler (SLURM, a Kubernetes
 * Indexed Job) computes a sweep across machines and `momentum merge` joins the parts exactly.
 * Combinations are deterministic by index (cli/job.ts), so a part depends only on its range.
 */
import { UsageError } from './args';

/** Which part of a sweep to compute: part `index` (counting from 1) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A half-open range [from, to) of combination indices. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

/** The environment variable giving the number of parts to a Kubernetes Indexed Job (which gives only the index). */
export const SHARD_COUNT_ENV = 'MOMENTUM_SHARD_COUNT';

const WHOLE = /^\d+$/;

function whole(text: string | undefined): number | undefined {
  if (text === undefined || !WHOLE.test(text.trim())) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Return the shard `--shard` names: `K/N` (K from 1 to N), or `auto`, which reads a SLURM job array
 * (SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT) or a Kubernetes
 * Indexed Job (JOB_COMPLETION_INDEX, counting from 0, of MOMENTUM_SHARD_COUNT).
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  if (text.trim() === 'auto') return shardFromEnv(env);
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard needs K/N (part K of N, K from 1) or auto, got '${text}'.`);
  return checked(Number(m[1]), Number(m[2]), `--shard ${text}`);
}

function checked(index: number, count: number, where: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new UsageError(`${where}: the number of parts must be at least 1.`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new UsageError(`${where}: the part must be from 1 to ${count}, got ${index}. K counts from 1; for a scheduler's index counting from 0 use --shard auto.`);
  }
  return { index, count };
}

function shardFromEnv(env: NodeJS.ProcessEnv): Shard {
  const slurmId = env.SLURM_ARRAY_TASK_ID;
  if (slurmId !== undefined) {
    const id = whole(slurmId);
    const count = whole(env.SLURM_ARRAY_TASK_COUNT);
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole(env.SLURM_ARRAY_TASK_MIN);
    if (id === undefined || count === undefined || min === undefined) {
      throw new UsageError(`--shard auto: SLURM_ARRAY_TASK_ID='${slurmId}', SLURM_ARRAY_TASK_COUNT='${env.SLURM_ARRAY_TASK_COUNT ?? ''}' and SLURM_ARRAY_TASK_MIN='${env.SLURM_ARRAY_TASK_MIN ?? ''}' must be whole numbers.`);
    }
    const step = env.SLURM_ARRAY_TASK_STEP === undefined ? 1 : whole(env.SLURM_ARRAY_TASK_STEP);
    if (step !== 1) throw new UsageError(`--shard auto: the job array must number its tasks one by one (--array=0-${count - 1}), not with a step of ${env.SLURM_ARRAY_TASK_STEP}.`);
    return checked(id - min + 1, count, `--shard auto (SLURM_ARRAY_TASK_ID=${id}, SLURM_ARRAY_TASK_MIN=${min}, SLURM_ARRAY_TASK_COUNT=${count})`);
  }
  const k8sIndex = env.JOB_COMPLETION_INDEX;
  if (k8sIndex !== undefined) {
    const id = whole(k8sIndex);
    const count = whole(env[SHARD_COUNT_ENV]);
    if (id === undefined) throw new UsageError(`--shard auto: JOB_COMPLETION_INDEX='${k8sIndex}' must be a whole number.`);
    if (count === undefined) throw new UsageError(`--shard auto: JOB_COMPLETION_INDEX is set but ${SHARD_COUNT_ENV} is not a whole number; set it to the Job's completions.`);
    return checked(id + 1, count, `--shard auto (JOB_COMPLETION_INDEX=${id}, ${SHARD_COUNT_ENV}=${count})`);
  }
  throw new UsageError(`--shard auto found no job array: set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (SLURM), or JOB_COMPLETION_INDEX and ${SHARD_COUNT_ENV} (Kubernetes), or give --shard K/N.`);
}

/** Return the combinations part `shard` covers of `total`: contiguous, the parts together covering [0, total) once. */
export function shardRange(total: number, shard: Shard): Range {
  return { from: Math.floor((total * (shard.index - 1)) / shard.count), to: Math.floor((total * shard.index) / shard.count) };
}

/** Return a range as the 1-based inclusive text people read, e.g. `combinations 21–40`. */
export function rangeText(r: Range): string {
  if (r.to - r.from === 1) return `combination ${r.from + 1}`;
  return `combinations ${r.from + 1}–${r.to}`;
}
