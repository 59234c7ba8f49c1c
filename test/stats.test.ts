import { describe, expect, it } from 'vitest';
import { ci95, mean, normalCdf, normalQuantile, sd, tCdf, tQuantile, variance, welch } from '../src/stats/index.ts';
import { incompleteBeta, lnGamma } from '../src/stats/special.ts';

// Reference values from scipy.stats 1.17 (t.ppf, t.cdf, ttest_ind(equal_var=False)) and printed tables.

describe('special functions', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('incompleteBeta has its closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a', () => {
    for (const x of [0, 0.1, 0.5, 0.93, 1]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 14);
    }
  });
});

describe('tQuantile', () => {
  it('gives the table values of t(0.975)', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 9);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302652729749462, 10);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0422724563012378, 10);
    expect(tQuantile(0.975, 100)).toBeCloseTo(1.9839715185235518, 10);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966356814107, 8);
  });

  it('works in the tails and for fractional degrees of freedom (Welch)', () => {
    expect(tQuantile(0.995, 5)).toBeCloseTo(4.032142983555228, 9);
    expect(tQuantile(0.9, 4.5)).toBeCloseTo(1.5008853175085577, 10);
    expect(tQuantile(1e-6, 3) / -103.29946778041935).toBeCloseTo(1, 10);
  });

  it('is antisymmetric, with the obvious edge cases', () => {
    expect(tQuantile(0.025, 7)).toBe(-tQuantile(0.975, 7));
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(tQuantile(1.5, 3)).toBeNaN();
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('tCdf', () => {
  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const t of [-40, -3, -1, -0.2, 0, 0.5, 2, 7, 100]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('matches scipy in the lower tail and for fractional df', () => {
    expect(tCdf(-3.5, 10)).toBeCloseTo(0.002863252714942605, 15);
    expect(tCdf(-3.5, 10) / 0.002863252714942605).toBeCloseTo(1, 12);
    expect(tCdf(-3.5, 1e6) / 0.00023263919684051747).toBeCloseTo(1, 8);
    expect(tCdf(1.5, 7.3)).toBeCloseTo(0.912218453598457, 13);
  });

  it('inverts tQuantile', () => {
    for (const df of [1, 2.5, 9, 40, 1000])
      for (const p of [0.001, 0.05, 0.3, 0.9, 0.999]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
  });

  it('tends to the normal distribution', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(tCdf(1.3, Infinity)).toBeCloseTo(normalCdf(1.3), 15);
  });
});

describe('describe', () => {
  const xs = [2.1, 3.4, 1.9, 5.6, 4.4];

  it('computes mean, sample variance and sd', () => {
    expect(mean(xs)).toBeCloseTo(3.48, 14);
    expect(variance(xs)).toBeCloseTo(2.437, 13); // sum of squared deviations 9.748 / 4
    expect(sd(xs)).toBeCloseTo(1.5610893632332519, 14);
  });

  it('gives the 95% CI of the mean with Student t', () => {
    const ci = ci95(xs);
    expect(ci.n).toBe(5);
    expect(ci.lo).toBeCloseTo(1.5416515396944317, 12);
    expect(ci.hi).toBeCloseTo(5.418348460305568, 12);
    // By hand: 3.48 ± t(0.975, 4) = 2.776445 × 1.561089 / √5.
    expect(ci.hi - ci.mean).toBeCloseTo((2.7764451051977987 * 1.5610893632332519) / Math.sqrt(5), 12);
  });

  it('has no interval below two values, and is exact for a constant sample', () => {
    const one = ci95([4]);
    expect(one.mean).toBe(4);
    expect(one.lo).toBeNaN();
    expect(one.hi).toBeNaN();
    expect(ci95([]).mean).toBeNaN();
    const flat = ci95([0.1, 0.1, 0.1]);
    expect(flat.sd).toBe(0);
    expect(flat.lo).toBe(flat.hi);
  });
});

describe('welch', () => {
  it('matches the textbook example (Wikipedia, "Welch\'s t-test", A1 vs A2)', () => {
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const r = welch(a1, a2);
    expect(r.diff).toBeCloseTo(-2.1666666666666714, 12);
    expect(r.t).toBeCloseTo(-2.455356398286006, 12);
    expect(r.df).toBeCloseTo(24.988529290231416, 10);
    expect(r.p).toBeCloseTo(0.021378001462866992, 12);
    expect(r.lo).toBeCloseTo(-3.984096267140929, 11);
    expect(r.hi).toBeCloseTo(-0.3492370661924069, 11);
  });

  it('matches a hand computation on unequal sizes and variances', () => {
    const a = [1, 2, 3, 4]; // mean 2.5, variance 5/3
    const b = [2, 4, 6, 8, 10]; // mean 6, variance 10
    const va = 5 / 3 / 4;
    const vb = 10 / 5;
    const r = welch(a, b);
    expect(r.diff).toBeCloseTo(-3.5, 14);
    expect(r.t).toBeCloseTo(-3.5 / Math.sqrt(va + vb), 13);
    expect(r.df).toBeCloseTo((va + vb) ** 2 / (va ** 2 / 3 + vb ** 2 / 4), 12);
    expect(r.df).toBeCloseTo(5.520788, 5); // 2.416667² / (0.416667² / 3 + 2² / 4) = 5.840278 / 1.057870
    expect(r.p).toBeCloseTo(2 * tCdf(r.t, r.df), 14);
    expect(r.hi - r.diff).toBeCloseTo(tQuantile(0.975, r.df) * Math.sqrt(va + vb), 12);
  });

  it('matches scipy on a second pair of samples', () => {
    const a = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
    const b = [
      28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9,
      13.3,
    ];
    const r = welch(a, b);
    expect(r.t).toBeCloseTo(-2.225512039969852, 12);
    expect(r.df).toBeCloseTo(24.524634944257343, 10);
    expect(r.p).toBeCloseTo(0.035484530830010394, 12);
    expect(r.lo).toBeCloseTo(-4.276458650120555, 11);
    expect(r.hi).toBeCloseTo(-0.16354134987944358, 11);
  });

  it('is antisymmetric in its arguments', () => {
    const a = [3, 5, 4, 6];
    const b = [7, 8, 6.5, 9, 10];
    const ab = welch(a, b);
    const ba = welch(b, a);
    expect(ba.diff).toBeCloseTo(-ab.diff, 14);
    expect(ba.lo).toBeCloseTo(-ab.hi, 14);
    expect(ba.p).toBeCloseTo(ab.p, 14);
  });

  it('handles constant samples and refuses samples too small to test', () => {
    expect(welch([1, 1, 1], [1, 1])).toMatchObject({ diff: 0, p: 1, lo: 0, hi: 0 });
    expect(welch([2, 2], [1, 1])).toMatchObject({ diff: 1, p: 0, lo: 1, hi: 1 });
    expect(() => welch([1], [1, 2])).toThrow(/at least 2/);
  });
});
