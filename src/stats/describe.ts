/** Descriptive statistics of a sample: mean, sample variance and a 95% confidence interval of the mean. */
import { tQuantile } from './tdist.ts';

export type Sample = ArrayLike<number>;

export function mean(xs: Sample): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length; // NaN for an empty sample
}

/** Sample variance (divisor n - 1), two-pass for accuracy; NaN below two values. */
export function variance(xs: Sample): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
    s += d;
  }
  // The second term corrects the rounding of the mean (the "corrected two-pass" algorithm).
  return (ss - (s * s) / n) / (n - 1);
}

export function sd(xs: Sample): number {
  return Math.sqrt(variance(xs));
}

export interface Interval {
  mean: number;
  /** Bounds of the 95% confidence interval of the mean (Student t); NaN below two values. */
  lo: number;
  hi: number;
  /** Sample standard deviation. */
  sd: number;
  n: number;
}

/** Mean and its 95% confidence interval, mean +/- t(0.975, n - 1) * sd / sqrt(n). */
export function ci95(xs: Sample): Interval {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  if (n < 2) return { mean: m, lo: NaN, hi: NaN, sd: s, n };
  const half = (tQuantile(0.975, n - 1) * s) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half, sd: s, n };
}
