/**
 * Sobol' variance-based indices by Saltelli sampling. Two independent base samples A and B (K rows each)
 * and, per parameter i, AB_i: A with column i taken from B. Estimators (Saltelli et al. 2010, table 2):
 *   first order  S_i  = mean((f(B) - m) (f(AB_i) - f(A))) / V      (Saltelli 2010, (b))
 *   total order  ST_i = mean((f(A) - f(AB_i))^2) / (2 V)           (Jansen 1999, (f))
 * with m and V the mean and variance of f over A and B together. Subtracting m leaves the estimator's
 * expectation unchanged (f(AB_i) - f(A) has mean zero) and removes the noise a large mean adds (SALib
 * standardizes the output for the same reason). The rows of A and B are plain (pseudo-random) uniform
 * draws, not a quasi-random sequence: the base rows are then independent, which is what the bootstrap over
 * base rows assumes.
 */
import { bootstrap, type Estimate } from './bootstrap.ts';
import { designStream, type Uniform } from './random.ts';

export const SOBOL_INDICES = ['S1', 'ST'] as const;
export type SobolIndex = (typeof SOBOL_INDICES)[number];
export type SobolResult = Record<SobolIndex, Estimate[]>;

/** Points per base row: A, then AB_1 .. AB_d, then B. */
export function sobolBlock(dims: number): number {
  return dims + 2;
}

/** K blocks of d + 2 points, in unit coordinates: [A_k, AB_1k, ..., AB_dk, B_k] for k = 0..K-1. */
export function saltelliSample(samples: number, dims: number, rand: Uniform): number[][] {
  const rows: number[][] = [];
  for (let k = 0; k < samples; k++) {
    const a = Array.from({ length: dims }, () => rand());
    const b = Array.from({ length: dims }, () => rand());
    rows.push(a);
    for (let i = 0; i < dims; i++) {
      const ab = a.slice();
      ab[i] = b[i]!;
      rows.push(ab);
    }
    rows.push(b);
  }
  return rows;
}

/** S1 then ST for every parameter, over the base rows `rows` (indices of blocks). */
function indicesOf(y: ArrayLike<number>, dims: number, rows: ArrayLike<number>): number[] {
  const n = rows.length;
  const block = sobolBlock(dims);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += y[rows[k]! * block]! + y[rows[k]! * block + dims + 1]!;
  const mean = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (y[rows[k]! * block]! - mean) ** 2 + (y[rows[k]! * block + dims + 1]! - mean) ** 2;
  const variance = ss / (2 * n - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < dims; i++) {
    let s = 0;
    let t = 0;
    for (let k = 0; k < n; k++) {
      const at = rows[k]! * block;
      const fA = y[at]!;
      const fAB = y[at + 1 + i]!;
      const fB = y[at + dims + 1]!;
      s += (fB - mean) * (fAB - fA);
      t += (fA - fAB) ** 2;
    }
    // A constant output has no variance to share out: the indices are undefined, not zero.
    first.push(variance > 0 ? s / n / variance : NaN);
    total.push(variance > 0 ? t / (2 * n) / variance : NaN);
  }
  return [...first, ...total];
}

/** y holds the model's value at each point of saltelliSample (same order). */
export function sobolIndices(y: ArrayLike<number>, dims: number, replicates: number, rand: Uniform): SobolResult {
  const samples = y.length / sobolBlock(dims);
  if (!Number.isInteger(samples))
    throw new RangeError(`Sobol: ${y.length} values is not a whole number of blocks of ${sobolBlock(dims)}`);
  const flat = bootstrap(samples, replicates, rand, (rows) => indicesOf(y, dims, rows));
  return { S1: flat.slice(0, dims), ST: flat.slice(dims) };
}

export interface SobolOptions {
  samples: number;
  seed: number;
  bootstrap?: number;
}

/** The whole method over a model of the unit cube: Saltelli sample, evaluation, indices. */
export function sobol(model: (x: number[]) => number, dims: number, opts: SobolOptions): SobolResult {
  const unit = saltelliSample(opts.samples, dims, designStream(opts.seed, 'sobol'));
  const y = unit.map((x) => model(x));
  return sobolIndices(y, dims, opts.bootstrap ?? 0, designStream(opts.seed, 'bootstrap'));
}
