/**
 * The run's seeded random generator: sfc32 (Chris Doty-Humphrey's small fast counting generator),
 * seeded through splitmix32. Its whole state lives in one small object owned by the run, so a run
 * is a pure function of (input, seed): the same numbers in a worker, the CLI and the tests.
 */

/** The generator's state: four 32-bit words. */
export interface Rng {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Return the next splitmix32 output for a 32-bit state (used only for seeding). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Scratch for the draws a reseed discards. */
const WARM_UP = new Float64Array(12);

/** Create a generator from a seed and an optional stream number (e.g. the replication index). */
export function createRng(seed: number, stream = 0): Rng {
  const rng: Rng = { a: 0, b: 0, c: 0, d: 0 };
  reseed(rng, seed, stream);
  return rng;
}

/** Reseed an existing generator in place (no allocation; used per Monte Carlo replication). */
export function reseed(rng: Rng, seed: number, stream = 0): void {
  const s = (Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 1, 0x632be5ab)) | 0;
  rng.a = splitmix32(s);
  rng.b = splitmix32(rng.a);
  rng.c = splitmix32(rng.b);
  rng.d = splitmix32(rng.c);
  // Warm up so that nearby seeds diverge fully.
  fillFloats(rng, WARM_UP, WARM_UP.length);
}

/** Advance the generator and return a 32-bit unsigned integer. */
export function nextUint32(rng: Rng): number {
  const t = (((rng.a + rng.b) | 0) + rng.d) | 0;
  rng.d = (rng.d + 1) | 0;
  rng.a = rng.b ^ (rng.b >>> 9);
  rng.b = (rng.c + (rng.c << 3)) | 0;
  rng.c = (rng.c << 21) | (rng.c >>> 11);
  rng.c = (rng.c + t) | 0;
  return t >>> 0;
}

/** Return a uniform number in [0, 1). */
export function nextFloat(rng: Rng): number {
  return nextUint32(rng) / 4294967296;
}

/**
 * Fill out[0 .. count) with uniform numbers in [0, 1): the numbers, and the generator's state afterwards, are
 * those of `count` nextFloat calls. The state stays in local variables meanwhile, which makes a long run of
 * draws (a replication's weekly noise) cheaper than calling nextFloat each time.
 */
export function fillFloats(rng: Rng, out: Float64Array, count: number): void {
  let a = rng.a, b = rng.b, c = rng.c, d = rng.d;
  for (let i = 0; i < count; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    out[i] = (t >>> 0) / 4294967296;
  }
  rng.a = a; rng.b = b; rng.c = c; rng.d = d;
}

/** Return a uniform number in (0, 1), never exactly 0 (safe for logarithms). */
export function nextOpenFloat(rng: Rng): number {
  return (nextUint32(rng) + 0.5) / 4294967296;
}

/** Return a standard normal draw (Box–Muller; consumes exactly two uniforms). */
export function nextNormal(rng: Rng): number {
  const u1 = nextOpenFloat(rng);
  const u2 = nextFloat(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Return an exponential draw with mean 1 (consumes exactly one uniform). */
export function nextExponential(rng: Rng): number {
  return -Math.log(nextOpenFloat(rng));
}
