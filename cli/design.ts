/**
 * Sampled designs for `momentum sweep`: a Latin hypercube (`lhs:N`) and Saltelli's scheme on a Sobol
 * sequence (`sobol:N`), over lever ranges. Like a grid's, every row is a pure function of the design
 * and its index, so designs shard and resume exactly as grids do, and a worker computes its rows
 * without being sent the whole design.
 */

/** A lever a design varies: its range, or for a lever with labelled options, the options in range. */
export interface DesignLever {
  readonly leverId: string;
  readonly min: number;
  readonly max: number;
  /** The values a lever with options may take (those in [min, max]); a design picks among them with equal chance. */
  readonly options?: readonly number[];
}

/** A sampled design: its kind, its size N, the seed that fixes it, and the levers it varies (the --vary order). */
export interface SampledDesign {
  readonly kind: 'lhs' | 'sobol';
  readonly n: number;
  readonly seed: number;
  readonly levers: readonly DesignLever[];
}

/**
 * Direction numbers of Sobol dimensions 2 to 51 from Joe and Kuo's new-joe-kuo-6.21201 table
 * (S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
 * SIAM J. Sci. Comput. 30, 2008): per dimension the degree s, the polynomial's coefficients a, and
 * the initial numbers m_1..m_s. Dimension 1 is the van der Corput sequence. 51 dimensions hold
 * Saltelli's two matrices for up to 25 levers, every lever the engine has.
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1], [2, 1, 1, 3], [3, 1, 1, 3, 1], [3, 2, 1, 1, 1], [4, 1, 1, 1, 3, 3], [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17], [5, 4, 1, 1, 5, 5, 5], [5, 7, 1, 1, 7, 11, 19], [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11], [5, 14, 1, 3, 5, 5, 31], [6, 1, 1, 3, 3, 9, 7, 49], [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49], [6, 19, 1, 1, 1, 15, 7, 5], [6, 22, 1, 3, 1, 15, 13, 25], [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103], [7, 4, 1, 3, 7, 13, 13, 15, 69], [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53], [7, 14, 1, 3, 1, 13, 9, 35, 107], [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61], [7, 28, 1, 3, 5, 3, 3, 13, 69], [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59], [7, 37, 1, 1, 3, 9, 25, 29, 41], [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17], [7, 50, 1, 3, 1, 3, 5, 53, 69], [7, 55, 1, 1, 5, 5, 23, 33, 13],
  [7, 56, 1, 1, 7, 7, 1, 61, 123], [7, 59, 1, 1, 7, 9, 13, 61, 49], [7, 62, 1, 3, 3, 5, 3, 55, 33],
  [8, 14, 1, 3, 1, 15, 31, 13, 49, 245], [8, 21, 1, 3, 5, 15, 31, 59, 63, 97], [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
  [8, 38, 1, 3, 1, 11, 27, 43, 71, 9], [8, 47, 1, 1, 7, 15, 21, 11, 81, 45], [8, 49, 1, 3, 7, 3, 25, 31, 65, 79],
  [8, 50, 1, 3, 1, 1, 19, 11, 3, 205], [8, 52, 1, 1, 5, 9, 19, 21, 29, 157], [8, 56, 1, 3, 7, 11, 1, 33, 89, 185],
  [8, 67, 1, 3, 3, 3, 15, 9, 79, 71], [8, 70, 1, 3, 7, 11, 15, 39, 119, 27], [8, 84, 1, 1, 3, 1, 11, 31, 97, 225],
  [8, 97, 1, 1, 1, 3, 23, 43, 57, 177], [8, 103, 1, 3, 7, 7, 17, 17, 37, 71],
];

/** Bits of each coordinate: indices below 2^32 (a sweep has at most 10^6 rows). */
const BITS = 32;

/** The direction numbers v_1..v_32 of each dimension, scaled to 32 bits (Bratley and Fox's recurrence). */
const DIRECTIONS: readonly Uint32Array[] = (() => {
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = 2 ** (BITS - 1 - k);
  const out = [first];
  for (const [s, a, ...m] of JOE_KUO) {
    const v = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      if (k < s!) {
        v[k] = m[k]! * 2 ** (BITS - 1 - k);
        continue;
      }
      let x = v[k - s!]! ^ (v[k - s!]! >>> s!);
      for (let j = 1; j < s!; j++) if ((a! >>> (s! - 1 - j)) & 1) x ^= v[k - j]!;
      v[k] = x >>> 0;
    }
    out.push(v);
  }
  return out;
})();

/** The most Sobol dimensions there are direction numbers for. */
export const SOBOL_DIMENSIONS = DIRECTIONS.length;

/** Return coordinate `dim` of Sobol point `index` as a 32-bit integer (natural order: the XOR of the directions of index's bits). */
export function sobolBits(index: number, dim: number): number {
  const v = DIRECTIONS[dim];
  if (v === undefined) throw new Error(`a Sobol sequence here has ${SOBOL_DIMENSIONS} dimensions, not ${dim + 1}`);
  let x = 0;
  for (let k = 0, i = index; i > 0; k++, i = Math.floor(i / 2)) if (i % 2 === 1) x ^= v[k]!;
  return x >>> 0;
}

/** Return a 32-bit hash of a seed and two small numbers (SplitMix32-style finaliser). */
function mix(seed: number, a: number, b: number): number {
  let z = (seed ^ Math.imul(a + 1, 0x9e3779b9) ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x27d4eb2d) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

/** Return the number of rows of a design: N for a Latin hypercube, N × (levers + 2) for Saltelli's scheme. */
export function designSize(d: SampledDesign): number {
  return d.kind === 'lhs' ? d.n : d.n * (d.levers.length + 2);
}

/** The last Latin hypercube's permutations, kept because consecutive rows come from the same design. */
let cached: { key: string; perms: Uint32Array[] } | undefined;

/** Return the permutations of a Latin hypercube, one per lever (Fisher–Yates from the design's seed). */
function permutations(d: SampledDesign): Uint32Array[] {
  const key = `${d.n}/${d.seed}/${d.levers.length}`;
  if (cached?.key === key) return cached.perms;
  const perms = d.levers.map((_, dim) => {
    const p = new Uint32Array(d.n);
    for (let i = 0; i < d.n; i++) p[i] = i;
    for (let i = d.n - 1; i > 0; i--) {
      const j = Math.floor((mix(d.seed, dim, i) / 2 ** 32) * (i + 1));
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  });
  cached = { key, perms };
  return perms;
}

/**
 * Return the unit-cube point of row `index`, one coordinate in [0, 1) per lever.
 * - lhs: lever k's coordinate is (π_k(index) + u) / N, u drawn from (seed, k, index): each of the N
 *   equal strata of each lever holds exactly one row.
 * - sobol: Saltelli's rows with N base samples, N × (d + 2) in all: for base sample j, the rows
 *   A_j, then AB_j^(1)..AB_j^(d) (A_j with lever i's coordinate from B_j), then B_j, as SALib orders
 *   them without second-order indices. A_j is Sobol point j in dimensions 1..d and B_j in d+1..2d,
 *   each dimension XOR-shifted by a number drawn from the seed (a random digital shift, which keeps
 *   the sequence's stratification).
 */
export function unitPoint(d: SampledDesign, index: number): number[] {
  const dims = d.levers.length;
  if (d.kind === 'lhs') {
    const perms = permutations(d);
    return perms.map((p, k) => (p[index]! + (mix(d.seed ^ 0x5bd1e995, k, index) + 0.5) / 2 ** 32) / d.n);
  }
  const j = Math.floor(index / (dims + 2));
  const block = index % (dims + 2);
  const coordinate = (dim: number) => ((sobolBits(j, dim) ^ mix(d.seed, dim, 0x50b01)) >>> 0) / 2 ** 32;
  return d.levers.map((_, k) => {
    const fromB = block === dims + 1 || block === k + 1;
    return coordinate(fromB ? dims + k : k);
  });
}

/** Return a coordinate in [0, 1) as a value of a design lever: an option with equal chance, or a point of its range. */
export function leverValueAt(lever: DesignLever, u: number): number {
  if (lever.options !== undefined) return lever.options[Math.min(lever.options.length - 1, Math.floor(u * lever.options.length))]!;
  // Twelve significant digits, as grids use: the CSV then holds exactly the value simulated.
  return Math.min(lever.max, Number((lever.min + u * (lever.max - lever.min)).toPrecision(12)));
}

/** Return the lever values of row `index` of a design, in the order of its levers. */
export function designPoint(d: SampledDesign, index: number): number[] {
  const u = unitPoint(d, index);
  return d.levers.map((lever, k) => leverValueAt(lever, u[k]!));
}
