import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import {
  Alea,
  aleaNext,
  aleaStream,
  betaDraw,
  binomial,
  poisson,
  replicationSeed,
  seedList,
  stream,
} from '../src/rng.ts';
import { ci95 } from '../src/stats/index.ts';

describe('rng', () => {
  it('named streams of one seed are reproducible and independent of each other', () => {
    const a = stream(5, 'decisions');
    const b = stream(5, 'decisions');
    const c = stream(5, 'events');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it("Alea gives the numbers of seedrandom's alea, bit for bit, whether drawn by next() or stepped \
on its state", () => {
    for (const seed of ['orgsim:1:decisions', 'orgsim:123456789:value', '', 'é']) {
      const ours = new Alea(seed);
      const theirs = seedrandom.alea(seed);
      const state = new Alea(seed).state;
      const n = 100_000;
      const [a, b, c] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
      for (let k = 0; k < n; k++) {
        a[k] = theirs();
        b[k] = ours.next();
        c[k] = aleaNext(state);
      }
      expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
      expect(Buffer.from(c.buffer).equals(Buffer.from(a.buffer))).toBe(true);
    }
  });

  it('the seed list of an ensemble depends only on the master seed and the index', () => {
    expect(seedList(3, 4)).toEqual([0, 1, 2, 3].map((i) => replicationSeed(3, i)));
    expect(new Set(seedList(3, 100)).size).toBe(100);
  });

  it.each([
    [10, 0.3],
    [200, 0.02],
    [5000, 0.2],
    [1000, 0.9],
  ])('binomial(%i, %f) has the right mean and variance', (n, p) => {
    const r = aleaStream(1, 'value');
    const xs = Array.from({ length: 4000 }, () => binomial(n, p, r));
    const m = ci95(xs);
    const v = xs.reduce((s, x) => s + (x - m.mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(m.mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / xs.length) + 0.01);
    expect(v / (n * p * (1 - p))).toBeGreaterThan(0.85);
    expect(v / (n * p * (1 - p))).toBeLessThan(1.15);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(n);
  });

  it('poisson and beta draws have the right means', () => {
    const r = aleaStream(2, 'init');
    expect(ci95(Array.from({ length: 4000 }, () => poisson(3.5, r))).mean).toBeCloseTo(3.5, 1);
    expect(ci95(Array.from({ length: 4000 }, () => poisson(80, r))).mean).toBeCloseTo(80, 0);
    expect(ci95(Array.from({ length: 4000 }, () => betaDraw(2, 6, r))).mean).toBeCloseTo(0.25, 1);
  });
});
