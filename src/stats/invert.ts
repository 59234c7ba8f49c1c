/**
 * Quantile of a distribution symmetric around 0, from its upper tail: bisection on the tail probability.
 * Working on the smaller tail keeps full relative precision for p close to 0 or 1 (where 1 - p loses digits).
 */
export function invertUpperTail(p: number, upperTail: (x: number) => number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // the tail beyond |x|
  let lo = 0;
  let hi = 1;
  while (upperTail(hi) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return p < 0.5 ? -Infinity : Infinity;
  }
  // The tail is decreasing in x: keep upperTail(lo) > q >= upperTail(hi).
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (upperTail(mid) > q) lo = mid;
    else hi = mid;
  }
  const x = 0.5 * (lo + hi);
  return p < 0.5 ? -x : x;
}
