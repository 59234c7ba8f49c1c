/**
 * Participation inequality of integer contribution counts, by counting sort: O(n + max count), no sorting,
 * and no allocation once the histogram has grown to the largest count. The model keeps the same measure as
 * contributions grow (src/model/count-histogram.ts: CountHistogram, re-exported here).
 */
import { measureHistogram } from '../model/count-histogram.ts';

export { CountHistogram } from '../model/count-histogram.ts';

export interface Inequality {
  gini: number;
  top1Share: number;
  top10Share: number;
}

export class InequalityMeter {
  private histogram = new Float64Array(256);
  private readonly measured = new Float64Array(3);

  measure(counts: Float64Array, n: number, out: Inequality): Inequality {
    let max = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const c = counts[i]!;
      if (c > max) max = c;
      total += c;
    }
    if (total === 0 || n === 0) {
      out.gini = 0;
      out.top1Share = 0;
      out.top10Share = 0;
      return out;
    }
    if (max >= this.histogram.length) this.histogram = new Float64Array(Math.max(max + 1, this.histogram.length * 2));
    const h = this.histogram;
    h.fill(0, 0, max + 1);
    for (let i = 0; i < n; i++) h[counts[i]!]!++;
    const m = measureHistogram(h, max, n, total, this.measured);
    out.gini = m[0]!;
    out.top1Share = m[1]!;
    out.top10Share = m[2]!;
    return out;
  }
}

/** Gini of arbitrary non-negative values (sorting a copy); for tests and summaries. */
export function gini(values: ArrayLike<number>): number {
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += xs[i]!;
    weighted += (i + 1) * xs[i]!;
  }
  return total === 0 ? 0 : (2 * weighted) / (n * total) - (n + 1) / n;
}
