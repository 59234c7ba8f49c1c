/**
 * Participation inequality kept as contributions grow (the model's state: ModelState.contributionCounts), and the
 * measure over a histogram of integer counts that src/metrics/inequality.ts shares (InequalityMeter).
 */
/**
 * The same measure, kept as the counts grow: the histogram of n units' integer counts (all 0 at first) is moved
 * one unit at a time (move), so measuring costs O(max count) a tick instead of two passes over the units. Gives
 * the numbers of InequalityMeter.measure on the same counts, bit for bit (every sum is of integers).
 */
export class CountHistogram {
  // Room for counts up to 4095 from the start: growing replaces the array, which deoptimizes code compiled
  // against the first (a heavy contributor of a long run can still pass it: then it grows).
  private histogram = new Float64Array(4096);
  /** [sum of the counts, largest count]. */
  private readonly sums = new Float64Array(2);

  constructor(private readonly n: number) {
    this.histogram[0] = n;
  }

  /** One unit's count goes from `from` to `to` (integers, to > from). */
  move(from: number, to: number): void {
    if (to >= this.histogram.length) {
      const grown = new Float64Array(Math.max(to + 1, this.histogram.length * 2));
      grown.set(this.histogram);
      this.histogram = grown;
    }
    const h = this.histogram;
    h[from]!--;
    h[to]!++;
    this.sums[0]! += to - from;
    if (to > this.sums[1]!) this.sums[1] = to;
  }

  /** Writes [Gini, top 1% share, top 10% share] into `out` (a typed array: no object whose fields change kind). */
  measure(out: Float64Array): Float64Array {
    const n = this.n;
    const total = this.sums[0]!;
    const max = this.sums[1]!;
    if (total === 0 || n === 0) return out.fill(0, 0, 3);
    measureHistogram(this.histogram, max, n, total, out);
    return out;
  }
}

/**
 * [Gini, top 1% share, top 10% share] into `out`, from a histogram of counts (h[v]: how many have count v, up
 * to `max`) of `n` people contributing `total`: Gini = 2 * sum(rank * x) / (n * total) - (n + 1) / n, ranks
 * ascending from 1.
 */
export function measureHistogram(
  h: Float64Array,
  max: number,
  n: number,
  total: number,
  out: Float64Array,
): Float64Array {
  let rank = 0;
  let weighted = 0;
  for (let v = 0; v <= max; v++) {
    const c = h[v]!;
    if (c === 0) continue;
    weighted += v * (c * rank + (c * (c + 1)) / 2);
    rank += c;
  }
  out[0] = (2 * weighted) / (n * total) - (n + 1) / n;
  out[1] = topShare(h, max, Math.max(1, Math.ceil(n * 0.01))) / total;
  out[2] = topShare(h, max, Math.max(1, Math.ceil(n * 0.1))) / total;
  return out;
}

function topShare(h: Float64Array, max: number, k: number): number {
  let left = k;
  let sum = 0;
  for (let v = max; v > 0 && left > 0; v--) {
    const take = Math.min(left, h[v]!);
    sum += take * v;
    left -= take;
  }
  return sum;
}
