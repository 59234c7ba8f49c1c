/**
 * How far a proposal's simulations are from the targets. Per request, the mean over the replications (on
 * common seeds) against the value, in units of the distance from the value to the band's edge on that side:
 * z = (mean - value) / (hi - value) above the value, (value - mean) / (value - lo) below, so that z = 1 at
 * either edge of a band that is not centred on its value (a series' band is symmetric). A
 * target's term is the root mean square of its requests' z (one for a statistic; over the periods for a
 * series: its RMSE over tolerance x mean observed value). The discrepancy is the weighted root mean square of
 * the terms: 1 means "on average at the edge of the bands". Sums run in a fixed order, so the same runs give
 * the same bits.
 */
import type { Plan } from './plan.ts';

/** Mean over replications of each request; `values[r]` holds replication r's statistics. NaN if any is. */
export function requestMeans(values: readonly ArrayLike<number>[], requests: number): Float64Array {
  const out = new Float64Array(requests);
  for (let q = 0; q < requests; q++) {
    let sum = 0;
    for (const v of values) sum += v[q]!;
    out[q] = sum / values.length;
  }
  return out;
}

/** Each target's term: the root mean square of its requests' z. */
export function targetTerms(plan: Plan, means: ArrayLike<number>): number[] {
  return plan.targets.map((t) => {
    let ss = 0;
    for (let q = t.first; q < t.first + t.count; q++) {
      const r = plan.requests[q]!;
      const d = means[q]! - r.value;
      const above = r.band[1] - r.value;
      const below = r.value - r.band[0];
      // A value on an edge of its band: the other side's width on both sides.
      const z = d / (d >= 0 ? (above > 0 ? above : below) : below > 0 ? below : above);
      ss += z * z;
    }
    return Math.sqrt(ss / t.count);
  });
}

/** Weighted root mean square of the terms; Infinity when a statistic was not a number. */
export function discrepancy(plan: Plan, terms: readonly number[]): number {
  let num = 0;
  let den = 0;
  plan.targets.forEach((t, k) => {
    num += t.weight * terms[k]! * terms[k]!;
    den += t.weight;
  });
  const d = Math.sqrt(num / den);
  return Number.isFinite(d) ? d : Infinity;
}
