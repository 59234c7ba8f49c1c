/**
 * What a finished calibration reports: per parameter, the point estimate (the weighted posterior mean, or the best
 * particle when the target file's method says "point": "best") with
 * the weighted median and 95% interval of the final population; per request, the simulated mean, sd and 95%
 * confidence interval at the point estimate over fresh replications, against the target's band. Pure.
 */
import { ci95 } from '../stats/index.ts';
import type { Plan } from './plan.ts';
import { modelValue } from './plan.ts';
import { weightedMean, weightedQuantile } from './abc.ts';
import type { Population } from './generation.ts';

export interface FittedParameter {
  path: string;
  /** The value written in the fitted scenario: the point estimate (rounded for whole-number parameters). */
  value: number;
  /** Weighted posterior mean. */
  mean: number;
  median: number;
  /** 95% interval: the weighted 2.5% and 97.5% quantiles. */
  lo95: number;
  hi95: number;
  /** The prior's range (the target file's). */
  prior: [number, number];
}

/**
 * The point estimate: the weighted mean of each coordinate over the population, or ("best") the particle with the
 * smallest discrepancy (the first, in population order, on a tie), which stays inside a multimodal posterior
 * where the mean may fall between its modes.
 */
export function pointEstimate(population: Population, point: 'mean' | 'best' = 'mean'): number[] {
  if (point === 'best') {
    let best = population.particles[0]!;
    for (const p of population.particles) if ((p.discrepancy ?? Infinity) < (best.discrepancy ?? Infinity)) best = p;
    return [...best.theta];
  }
  const ws = population.particles.map((p) => p.weight);
  return population.particles[0]!.theta.map((_, d) =>
    weightedMean(
      population.particles.map((p) => p.theta[d]!),
      ws,
    ),
  );
}

export function fittedParameters(
  plan: Plan,
  population: Population,
  point: 'mean' | 'best' = 'mean',
): FittedParameter[] {
  const ws = population.particles.map((p) => p.weight);
  const theta = pointEstimate(population, point);
  const means = pointEstimate(population, 'mean');
  return plan.parameters.map((p, d) => {
    const xs = population.particles.map((q) => q.values[d]!);
    return {
      path: p.path,
      value: modelValue(p, theta[d]!),
      mean: means[d]!,
      median: weightedQuantile(xs, ws, 0.5),
      lo95: weightedQuantile(xs, ws, 0.025),
      hi95: weightedQuantile(xs, ws, 0.975),
      prior: [p.lo, p.hi],
    };
  });
}

export interface TargetRow {
  /** Index of the target in the target file. */
  target: number;
  label: string;
  kind: 'statistic' | 'series';
  statistic: string;
  from: number;
  to: number;
  period: string | null;
  value: number;
  band: [number, number];
  weight: number;
  source: string;
  mean: number;
  sd: number;
  lo: number;
  hi: number;
  inside: boolean;
}

/** One row per request, from the statistics of each fresh replication at the point estimate. */
export function targetRows(plan: Plan, runs: readonly ArrayLike<number>[]): TargetRow[] {
  return plan.requests.map((r, q) => {
    const t = plan.targets[r.target]!;
    const ci = ci95(runs.map((v) => v[q]!));
    return {
      target: r.target,
      label: t.label,
      kind: t.kind,
      statistic: r.statistic,
      from: r.from,
      to: r.to,
      period: r.period,
      value: r.value,
      band: r.band,
      weight: t.weight,
      source: t.source,
      mean: ci.mean,
      sd: ci.sd,
      lo: ci.lo,
      hi: ci.hi,
      inside: ci.mean >= r.band[0] && ci.mean <= r.band[1],
    };
  });
}
