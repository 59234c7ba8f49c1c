/**
 * Percentile bootstrap: resample the independent units of an estimate (Sobol base rows, Morris trajectories)
 * with replacement, recompute, and read the interval from the quantiles of the recomputed values.
 */
import { randomIndex, type Uniform } from './random.ts';

export interface Estimate {
  estimate: number;
  /** Bounds of the bootstrap confidence interval; NaN without bootstrap. */
  lo: number;
  hi: number;
}

export const CONFIDENCE = 0.95;

/** Quantile by linear interpolation between order statistics (type 7, the R and NumPy default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const next = sorted[Math.min(n - 1, i + 1)]!;
  return sorted[i]! + (h - i) * (next - sorted[i]!);
}

export function resample(n: number, rand: Uniform): Int32Array {
  const rows = new Int32Array(n);
  for (let k = 0; k < n; k++) rows[k] = randomIndex(rand, n);
  return rows;
}

/**
 * `statistic(rows)` returns one value per quantity (per parameter, say); rows are indices of the units.
 * The point estimate uses every unit once. An interval is NaN when a resample gives NaN (say, zero variance).
 */
export function bootstrap(
  units: number,
  replicates: number,
  rand: Uniform,
  statistic: (rows: Int32Array) => number[],
): Estimate[] {
  const all = Int32Array.from({ length: units }, (_, k) => k);
  const point = statistic(all);
  if (replicates <= 0) return point.map((estimate) => ({ estimate, lo: NaN, hi: NaN }));
  const draws = point.map(() => new Float64Array(replicates));
  for (let b = 0; b < replicates; b++) {
    const values = statistic(resample(units, rand));
    values.forEach((v, q) => (draws[q]![b] = v));
  }
  const tail = (1 - CONFIDENCE) / 2;
  return point.map((estimate, q) => {
    const d = draws[q]!;
    if (d.some(Number.isNaN)) return { estimate, lo: NaN, hi: NaN };
    d.sort();
    return { estimate, lo: quantile(d, tail), hi: quantile(d, 1 - tail) };
  });
}
