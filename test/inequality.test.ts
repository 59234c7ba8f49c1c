import { describe, expect, it } from 'vitest';
import { CountHistogram, gini, InequalityMeter } from '../src/metrics/inequality.ts';

describe('inequality', () => {
  const meter = new InequalityMeter();
  const out = { gini: 0, top1Share: 0, top10Share: 0 };

  it('equal counts have Gini 0; one holder of everything has Gini (n-1)/n', () => {
    expect(meter.measure(Float64Array.from([3, 3, 3, 3]), 4, out).gini).toBeCloseTo(0, 12);
    const one = new Float64Array(100);
    one[17] = 50;
    meter.measure(one, 100, out);
    expect(out.gini).toBeCloseTo(0.99, 12);
    expect(out.top1Share).toBe(1);
    expect(out.top10Share).toBe(1);
  });

  it('the counting-sort Gini equals the sorting Gini, and top shares are right', () => {
    const counts = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 37);
    meter.measure(counts, 1000, out);
    expect(out.gini).toBeCloseTo(gini(counts), 12);
    const sorted = Array.from(counts).sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    expect(out.top1Share).toBeCloseTo(sorted.slice(0, 10).reduce((a, b) => a + b, 0) / total, 12);
    expect(out.top10Share).toBeCloseTo(sorted.slice(0, 100).reduce((a, b) => a + b, 0) / total, 12);
  });

  it('grows its histogram for large counts and handles all zeros', () => {
    const big = Float64Array.from([0, 0, 10_000, 1]);
    expect(meter.measure(big, 4, out).gini).toBeCloseTo(gini(big), 12);
    expect(meter.measure(new Float64Array(5), 5, out).gini).toBe(0);
  });

  it('kept as counts grow, the histogram gives the measure from scratch bit for bit, at every step', () => {
    const n = 500;
    const counts = new Float64Array(n);
    const kept = new CountHistogram(n);
    const a = new Float64Array(3);
    const b = { gini: 0, top1Share: 0, top10Share: 0 };
    meter.measure(counts, n, b);
    expect(Array.from(kept.measure(a))).toEqual([b.gini, b.top1Share, b.top10Share]);
    let x = 1;
    for (let step = 0; step < 300; step++) {
      for (let k = 0; k < 40; k++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const i = x % n;
        const add = 1 + (x % (i < 10 ? 3000 : 3)); // a few heavy contributors push the histogram to grow
        kept.move(counts[i]!, counts[i]! + add);
        counts[i]! += add;
      }
      kept.measure(a);
      meter.measure(counts, n, b);
      expect(Array.from(a)).toEqual([b.gini, b.top1Share, b.top10Share]);
    }
    expect(Math.max(...counts)).toBeGreaterThan(4096);
  });
});
