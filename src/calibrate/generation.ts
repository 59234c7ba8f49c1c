/**
 * One generation of the calibration, from its proposals and the statistics of their runs to its population,
 * and from a population to the next generation's proposals. Pure and deterministic: the same proposals and
 * run statistics give the same population, bit for bit, whoever ran the runs and in whatever order.
 */
import { designStream } from '../research/random.ts';
import type { Method } from './targets.ts';
import type { Plan } from './plan.ts';
import { modelValue } from './plan.ts';
import { discrepancy, requestMeans, targetTerms } from './discrepancy.ts';
import {
  effectiveSampleSize,
  importanceWeights,
  kernelScales,
  perturbedDraws,
  priorDraws,
  selectBest,
  type Box,
  type Particle,
} from './abc.ts';

export interface Proposals {
  generation: number;
  /** Kernel standard deviations that moved the previous population into these proposals (null: prior draws). */
  sigma: number[] | null;
  /** Moves clamped into the box after MAX_TRIES redraws (0 unless the kernel is far wider than the box). */
  clamped: number;
  /** Coordinates of each proposal, in the plan's parameter order (whole-number parameters before rounding). */
  theta: number[][];
}

export interface KeptParticle {
  /** Index of the proposal it comes from. */
  proposal: number;
  theta: number[];
  /** The values the model ran with (whole-number parameters rounded). */
  values: number[];
  weight: number;
  /** null when a statistic was not a number. */
  discrepancy: number | null;
  /** Each target's term of the discrepancy. */
  terms: (number | null)[];
}

export interface Population {
  generation: number;
  proposals: number;
  /** The largest discrepancy kept. */
  epsilon: number | null;
  /** Effective sample size of the weights (Kish). */
  ess: number;
  particles: KeptParticle[];
}

export const boxOf = (plan: Plan): Box => ({
  min: plan.parameters.map((p) => p.min),
  max: plan.parameters.map((p) => p.max),
});

/** The stream of a generation's draws: fixed by the master seed, one per generation. */
export const generationStream = (seed: number, generation: number) =>
  designStream(seed, `calibrate:generation-${generation}`);

export function firstProposals(plan: Plan, count: number, seed: number): Proposals {
  return { generation: 0, sigma: null, clamped: 0, theta: priorDraws(boxOf(plan), count, generationStream(seed, 0)) };
}

export function nextProposals(plan: Plan, population: Population, count: number, seed: number): Proposals {
  const box = boxOf(plan);
  const particles: Particle[] = population.particles.map((p) => ({ theta: p.theta, weight: p.weight }));
  const sigma = kernelScales(particles, box);
  const g = population.generation + 1;
  const { proposals, clamped } = perturbedDraws(particles, sigma, box, count, generationStream(seed, g));
  return { generation: g, sigma, clamped, theta: proposals };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** What a proposal's runs say: the mean of each request, each target's term, and the discrepancy. */
export function assess(
  plan: Plan,
  runs: readonly ArrayLike<number>[],
): { means: Float64Array; terms: number[]; discrepancy: number } {
  const means = requestMeans(runs, plan.requests.length);
  const terms = targetTerms(plan, means);
  return { means, terms, discrepancy: discrepancy(plan, terms) };
}

/**
 * The population of generation `proposals.generation`: its best `method.particles` proposals and their
 * weights. `runs(i)` gives proposal i's replications' statistics; `previous` is the previous generation's
 * population (null for generation 0).
 */
export function makePopulation(
  plan: Plan,
  method: Method,
  proposals: Proposals,
  runs: (proposal: number) => readonly ArrayLike<number>[],
  previous: Population | null,
): Population {
  const assessed = proposals.theta.map((_, i) => assess(plan, runs(i)));
  const kept = selectBest(
    assessed.map((a) => a.discrepancy),
    method.particles,
  );
  const thetas = kept.map((i) => proposals.theta[i]!);
  const weights =
    previous && proposals.sigma
      ? importanceWeights(
          thetas,
          previous.particles.map((p) => ({ theta: p.theta, weight: p.weight })),
          proposals.sigma,
          boxOf(plan),
        )
      : thetas.map(() => 1 / thetas.length);
  const particles = kept.map(
    (i, k): KeptParticle => ({
      proposal: i,
      theta: proposals.theta[i]!,
      values: proposals.theta[i]!.map((x, d) => modelValue(plan.parameters[d]!, x)),
      weight: weights[k]!,
      discrepancy: finite(assessed[i]!.discrepancy),
      terms: assessed[i]!.terms.map(finite),
    }),
  );
  const last = assessed[kept[kept.length - 1]!]!.discrepancy;
  return {
    generation: proposals.generation,
    proposals: proposals.theta.length,
    epsilon: finite(last),
    ess: effectiveSampleSize(weights),
    particles,
  };
}
