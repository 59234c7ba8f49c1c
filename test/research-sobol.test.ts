import { describe, expect, it } from 'vitest';
import { saltelliSample, sobol, sobolIndices } from '../src/research/sobol.ts';
import { designStream } from '../src/research/random.ts';
import { quantile } from '../src/research/bootstrap.ts';
import { ishigamiUnit, S1, ST } from './research-ishigami.ts';

/**
 * Tolerance: 0.05 in absolute value with N = 8192 base samples (40,960 model evaluations). The rows are
 * pseudo-random, so the estimates carry Monte Carlo error: over 30 seeds the largest error of the six
 * indices was 0.033 (standard errors about 0.01), so 0.05 leaves room without hiding a wrong estimator
 * (swapping A and B, or the wrong variance, misses by 0.1 or more).
 */
const N = 8192;
const TOLERANCE = 0.05;

describe('Sobol indices (Saltelli sampling, Saltelli 2010 / Jansen estimators)', () => {
  const result = sobol(ishigamiUnit, 3, { samples: N, seed: 1, bootstrap: 200 });

  it('finds the analytic first-order indices of the Ishigami function', () => {
    result.S1.forEach((e, i) =>
      expect(Math.abs(e.estimate - S1[i]!), `S${i + 1} = ${e.estimate}`).toBeLessThan(TOLERANCE),
    );
  });

  it('finds the analytic total-order indices of the Ishigami function', () => {
    result.ST.forEach((e, i) =>
      expect(Math.abs(e.estimate - ST[i]!), `ST${i + 1} = ${e.estimate}`).toBeLessThan(TOLERANCE),
    );
  });

  it('gives bootstrap intervals around the estimate that mostly cover the true values', () => {
    let covered = 0;
    for (const [k, truth] of [
      ['S1', S1],
      ['ST', ST],
    ] as const) {
      result[k].forEach((e, i) => {
        expect(e.lo).toBeLessThanOrEqual(e.estimate);
        expect(e.hi).toBeGreaterThanOrEqual(e.estimate);
        expect(e.hi - e.lo).toBeLessThan(0.1);
        if (e.lo <= truth[i]! && truth[i]! <= e.hi) covered++;
      });
    }
    // 95% intervals: 5.7 of 6 on average; 4 of 6 or fewer would be 3% likely with correct intervals.
    expect(covered).toBeGreaterThanOrEqual(5);
  });

  it('is reproducible from its seed, and differs with another seed', () => {
    const again = sobol(ishigamiUnit, 3, { samples: 256, seed: 5, bootstrap: 20 });
    expect(sobol(ishigamiUnit, 3, { samples: 256, seed: 5, bootstrap: 20 })).toEqual(again);
    expect(sobol(ishigamiUnit, 3, { samples: 256, seed: 6, bootstrap: 20 }).S1[0]!.estimate).not.toBe(
      again.S1[0]!.estimate,
    );
  });

  it('lays out blocks [A, AB_1 .. AB_d, B]: AB_i is A with column i from B', () => {
    const rows = saltelliSample(4, 3, designStream(1, 'sobol'));
    expect(rows).toHaveLength(4 * 5);
    for (let k = 0; k < 4; k++) {
      const [a, ab1, ab2, ab3, b] = rows.slice(k * 5, k * 5 + 5) as number[][];
      [ab1, ab2, ab3].forEach((ab, i) => ab!.forEach((v, j) => expect(v).toBe(j === i ? b![j] : a![j])));
    }
  });

  it('gives undefined indices (NaN) for a constant output rather than zeros', () => {
    const r = sobolIndices(new Float64Array(40 * 4).fill(3), 2, 10, designStream(1, 'b'));
    expect(r.S1[0]!.estimate).toBeNaN();
    expect(r.ST[1]!.lo).toBeNaN();
  });

  it('reads quantiles by linear interpolation (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([10], 0.3)).toBe(10);
  });
});
