/**
 * The ABC-SMC pieces of src/calibrate/ on problems with known answers: weighted quantiles, selection,
 * kernel and importance weights against their formulas, and a whole calibration of a Gaussian toy model
 * whose exact posterior is known (the weights are what keep its spread right).
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { normalCdf } from '../src/stats/normal.ts';
import { fromUniform, normal } from '../src/rng.ts';
import {
  type Box,
  effectiveSampleSize,
  importanceWeights,
  kernelScales,
  perturbedDraws,
  priorDraws,
  selectBest,
  weightedMean,
  weightedQuantile,
} from '../src/calibrate/abc.ts';
import { firstProposals, makePopulation, nextProposals, type Population } from '../src/calibrate/generation.ts';
import { discrepancy, targetTerms } from '../src/calibrate/discrepancy.ts';
import { makePlan, modelValue, type Plan } from '../src/calibrate/plan.ts';
import { fittedParameters } from '../src/calibrate/summary.ts';
import { parseObserved } from '../src/calibrate/observed.ts';

describe('weighted summaries', () => {
  it('quantiles invert the weighted distribution function', () => {
    const xs = [3, 1, 2, 4];
    const ws = [0.1, 0.4, 0.3, 0.2]; // sorted: 1 (0.4), 2 (0.3), 3 (0.1), 4 (0.2)
    expect(weightedQuantile(xs, ws, 0.4)).toBe(1);
    expect(weightedQuantile(xs, ws, 0.41)).toBe(2);
    expect(weightedQuantile(xs, ws, 0.5)).toBe(2);
    expect(weightedQuantile(xs, ws, 0.75)).toBe(3);
    expect(weightedQuantile(xs, ws, 0.975)).toBe(4);
    expect(weightedMean(xs, ws)).toBeCloseTo(0.3 + 0.4 + 0.6 + 0.8, 12);
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBe(1);
  });

  it('the best proposals, ties by index, NaN last', () => {
    expect(selectBest([0.5, 0.2, NaN, 0.2, Infinity, 0.1], 4)).toEqual([5, 1, 3, 0]);
    expect(selectBest([NaN, 1], 2)).toEqual([1, 0]);
  });
});

describe('kernel and weights (Beaumont et al. 2009)', () => {
  const box = { min: [0, -1], max: [10, 1] };
  const pop = [
    { theta: [2, 0.5], weight: 0.5 },
    { theta: [4, -0.5], weight: 0.25 },
    { theta: [6, 0], weight: 0.25 },
  ];

  it('kernel: twice the weighted variance per coordinate', () => {
    const m0 = 0.5 * 2 + 0.25 * 4 + 0.25 * 6;
    const v0 = 0.5 * (2 - m0) ** 2 + 0.25 * (4 - m0) ** 2 + 0.25 * (6 - m0) ** 2;
    const sigma = kernelScales(pop, box);
    expect(sigma[0]).toBeCloseTo(Math.sqrt(2 * v0), 12);
    const m1 = 0.5 * 0.5 - 0.25 * 0.5;
    const v1 = 0.5 * (0.5 - m1) ** 2 + 0.25 * (-0.5 - m1) ** 2 + 0.25 * m1 ** 2;
    expect(sigma[1]).toBeCloseTo(Math.sqrt(2 * v1), 12);
    // A population on one point still moves.
    const still = kernelScales([{ theta: [3, 0], weight: 1 }], box);
    expect(still[0]).toBeCloseTo(1e-5, 15);
    expect(still[1]).toBeCloseTo(2e-6, 15);
  });

  it('weights: 1 / sum_j W_j K(theta | theta_j), normalized', () => {
    const sigma = [1.5, 0.4];
    const thetas = [
      [3, 0],
      [5, 0.2],
      [9, -0.9],
    ];
    const w = importanceWeights(thetas, pop, sigma);
    const direct = thetas.map(
      (x) =>
        1 /
        pop.reduce(
          (s, p) =>
            s +
            p.weight *
              Math.exp(-(((x[0]! - p.theta[0]!) / sigma[0]!) ** 2 + ((x[1]! - p.theta[1]!) / sigma[1]!) ** 2) / 2),
          0,
        ),
    );
    const total = direct.reduce((a, b) => a + b, 0);
    w.forEach((v, i) => expect(v).toBeCloseTo(direct[i]! / total, 12));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // A point far from every particle gets the largest weight (the proposal rarely goes there).
    expect(w[2]).toBeGreaterThan(w[0]!);
  });

  it('weights with a box: the kernel truncated to the box, divided by its mass inside', () => {
    const sigma = [1.5, 0.4];
    const thetas = [
      [3, 0],
      [5, 0.2],
      [9, -0.9],
    ];
    const w = importanceWeights(thetas, pop, sigma, box);
    const mass = (c: number, s: number, lo: number, hi: number) => normalCdf((hi - c) / s) - normalCdf((lo - c) / s);
    const direct = thetas.map(
      (x) =>
        1 /
        pop.reduce(
          (acc, p) =>
            acc +
            (p.weight *
              Math.exp(-(((x[0]! - p.theta[0]!) / sigma[0]!) ** 2 + ((x[1]! - p.theta[1]!) / sigma[1]!) ** 2) / 2)) /
              (mass(p.theta[0]!, sigma[0]!, box.min[0]!, box.max[0]!) *
                mass(p.theta[1]!, sigma[1]!, box.min[1]!, box.max[1]!)),
          0,
        ),
    );
    const total = direct.reduce((a, b) => a + b, 0);
    w.forEach((v, i) => expect(v).toBeCloseTo(direct[i]! / total, 10));
  });

  it('moves stay in the box coordinate by coordinate, even with many parameters near its faces', () => {
    const dims = 30;
    const wide: Box = { min: Array(dims).fill(0), max: Array(dims).fill(1) };
    const nearFaces = [{ theta: Array.from({ length: dims }, (_, d) => (d % 2 ? 0.01 : 0.99)), weight: 1 }];
    const { proposals, clamped } = perturbedDraws(
      nearFaces,
      Array(dims).fill(0.3),
      wide,
      200,
      seedrandom.alea('faces'),
    );
    expect(clamped).toBe(0);
    for (const x of proposals) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
    // Not piled on the faces: the coordinates spread inside.
    const onFace = proposals.flat().filter((v) => v === 0 || v === 1).length;
    expect(onFace).toBe(0);
  });

  it('moves stay in the box, and the same stream gives the same proposals', () => {
    const sigma = [3, 0.8];
    const a = perturbedDraws(pop, sigma, box, 500, seedrandom.alea('x'));
    const b = perturbedDraws(pop, sigma, box, 500, seedrandom.alea('x'));
    expect(a).toEqual(b);
    expect(a.clamped).toBe(0);
    for (const x of a.proposals) {
      expect(x[0]).toBeGreaterThanOrEqual(0);
      expect(x[0]).toBeLessThanOrEqual(10);
      expect(Math.abs(x[1]!)).toBeLessThanOrEqual(1);
    }
    const prior = priorDraws(box, 1000, seedrandom.alea('y'));
    expect(Math.min(...prior.map((x) => x[0]!))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...prior.map((x) => x[1]!))).toBeLessThanOrEqual(1);
  });
});

describe('discrepancy', () => {
  const observed = parseObserved('month,share\n1,0.5\n2,1.5\n', 'obs.csv');
  const plan = makePlan(
    {
      name: 't',
      description: '',
      scenario: 's',
      set: {},
      runs: 1,
      parameters: [
        { path: 'members.voiceSigma', lo: 0, hi: 3 },
        { path: 'smm.count', lo: 0, hi: 4 },
      ],
      targets: [
        { statistic: 'activeOnce', window: { from: -10, to: 0 }, value: 0.8, band: [0.7, 0.9], weight: 3, source: 'a' },
        { series: 'activeOnce', csv: 'obs.csv', every: 5, from: 0, tolerance: 0.1, weight: 1, source: 'b' },
      ],
      method: { particles: 2, generations: 1, keep: 1, point: 'mean' },
    },
    't.json',
    100,
    (p) => p === 'smm.count',
    [null, observed],
  );

  it('windows, periods and whole-number parameters are resolved', () => {
    expect(plan.requests.map((r) => [r.from, r.to])).toEqual([
      [90, 100],
      [0, 5],
      [5, 10],
    ]);
    expect(plan.requests[1]!.band[0]).toBeCloseTo(0.5 - 0.1, 12); // tolerance x mean observed (1)
    expect(plan.parameters[1]).toMatchObject({ min: -0.5, max: 4.5, integer: true });
    expect([-0.5, 0.49, 0.5, 3.7, 4.5].map((x) => modelValue(plan.parameters[1]!, x))).toEqual([0, 0, 1, 4, 4]);
  });

  it('is the weighted RMS of (mean - value) / half-band, a series counting the RMS over its periods', () => {
    const means = [0.9, 0.5 + 0.2, 1.5]; // z = 1; the series: z = 2 and 0
    const terms = targetTerms(plan, means);
    expect(terms[0]).toBeCloseTo(1, 12);
    expect(terms[1]).toBeCloseTo(Math.sqrt((4 + 0) / 2), 12);
    expect(discrepancy(plan, terms)).toBeCloseTo(Math.sqrt((3 * 1 + 1 * 2) / 4), 12);
    expect(discrepancy(plan, targetTerms(plan, [NaN, 0, 0]))).toBe(Infinity);
  });
});

describe('a whole ABC-SMC on a model with a known posterior', () => {
  // x ~ N(theta, 1), observed x = 2, uniform prior on [-10, 10]: the posterior is N(2, 1) (truncation negligible).
  const plan: Plan = {
    parameters: [{ path: 'theta', lo: -10, hi: 10, integer: false, min: -10, max: 10 }],
    targets: [{ label: 'x', kind: 'statistic', weight: 1, source: 'toy', first: 0, count: 1 }],
    requests: [{ statistic: 'x', from: 0, to: 1, target: 0, period: null, value: 2, band: [1.9, 2.1] }],
  };
  // Keeping 10%: with a noisy model epsilon stops falling where the proposals' spread matches the noise; the
  // kept draws are then within about 0.25 of the observation, and the ABC posterior's sd is within 1% of 1.
  const method = { particles: 500, generations: 4, keep: 0.1, point: 'mean' as const };
  const simulate = (g: number, i: number, theta: readonly number[]) => [
    Float64Array.of(theta[0]! + normal(fromUniform(seedrandom.alea(`toy:${g}:${i}`)))),
  ];

  it('recovers the posterior mean and spread, epsilon falls, and the same seed gives the same bits', () => {
    const calibrate = () => {
      const pops: Population[] = [];
      let proposals = firstProposals(plan, 5000, 11);
      for (let g = 0; g < method.generations; g++) {
        const p = proposals;
        pops.push(makePopulation(plan, method, p, (i) => simulate(g, i, p.theta[i]!), pops[g - 1] ?? null));
        if (g + 1 < method.generations) proposals = nextProposals(plan, pops[g]!, 5000, 11);
      }
      return pops;
    };
    const pops = calibrate();
    const last = pops[pops.length - 1]!;
    const xs = last.particles.map((p) => p.theta[0]!);
    const ws = last.particles.map((p) => p.weight);
    const m = weightedMean(xs, ws);
    const sd = Math.sqrt(
      weightedMean(
        xs.map((x) => (x - m) ** 2),
        ws,
      ),
    );
    // Monte Carlo error with an effective sample of about 470: 0.05 on the mean, 0.035 on the sd. Without the
    // importance weights the kept particles' sd is about 0.87: too narrow.
    expect(m).toBeGreaterThan(2 - 0.15);
    expect(m).toBeLessThan(2 + 0.15);
    expect(sd).toBeGreaterThan(0.92);
    expect(sd).toBeLessThan(1.08);
    expect(last.ess).toBeGreaterThan(300);
    const fit = fittedParameters(plan, last)[0]!;
    expect(fit.lo95).toBeGreaterThan(2 - 1.96 - 0.6);
    expect(fit.lo95).toBeLessThan(2 - 1.96 + 0.6);
    expect(fit.hi95).toBeGreaterThan(2 + 1.96 - 0.6);
    expect(fit.hi95).toBeLessThan(2 + 1.96 + 0.6);
    expect(last.epsilon!).toBeLessThan(pops[0]!.epsilon! / 2);
    expect(last.epsilon!).toBeLessThan(4); // kept draws within 0.4 of the observation
    expect(JSON.stringify(calibrate())).toBe(JSON.stringify(pops));
  });
});
