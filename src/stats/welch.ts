/**
 * Welch's two-sample t test: compares two means without assuming equal variances (replications of two
 * scenarios rarely have the same spread). Degrees of freedom by Welch-Satterthwaite.
 */
import { mean, variance, type Sample } from './describe.ts';
import { tCdf, tQuantile } from './tdist.ts';

export interface WelchResult {
  /** mean(a) - mean(b). */
  diff: number;
  /** 95% confidence interval of the difference. */
  lo: number;
  hi: number;
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
}

export function welch(a: Sample, b: Sample): WelchResult {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2)
    throw new RangeError(`Welch's test needs at least 2 values in each sample, got ${na} and ${nb}`);
  const diff = mean(a) - mean(b);
  const va = variance(a) / na;
  const vb = variance(b) / nb;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    // Both samples constant: the difference is known exactly (no spread to test against).
    return {
      diff,
      lo: diff,
      hi: diff,
      t: diff === 0 ? 0 : Math.sign(diff) * Infinity,
      df: na + nb - 2,
      p: diff === 0 ? 1 : 0,
    };
  }
  const df = (va + vb) ** 2 / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  const t = diff / se;
  const half = tQuantile(0.975, df) * se;
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  return { diff, lo: diff - half, hi: diff + half, t, df, p };
}
