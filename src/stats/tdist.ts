/**
 * Student's t distribution with df > 0 degrees of freedom (not necessarily whole: Welch's df is not).
 * The CDF goes through the regularized incomplete beta function; df = Infinity is the standard normal.
 */
import { incompleteBeta } from './special.ts';
import { invertUpperTail } from './invert.ts';
import { normalUpperTail } from './normal.ts';

/** P(T > t) for t >= 0. */
function tUpperTail(t: number, df: number): number {
  if (df === Infinity) return normalUpperTail(t);
  // P(|T| > t) = I_{df / (df + t^2)}(df / 2, 1 / 2).
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
}

/** P(T <= t). */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - tUpperTail(t, df) : tUpperTail(-t, df);
}

/** Quantiles already computed: the same few (0.95 and 0.975 at n - 1) are asked for again and again. */
const quantiles = new Map<string, number>();

/** The t such that P(T <= t) = p (remembered: the inversion costs ~100 incomplete-beta evaluations). */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  const key = `${p}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    q = invertUpperTail(p, (t) => tUpperTail(t, df));
    if (quantiles.size >= 4096) quantiles.clear(); // Welch's df are not whole: keep the map bounded
    quantiles.set(key, q);
  }
  return q;
}
