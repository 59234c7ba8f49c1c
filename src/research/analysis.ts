/**
 * From the outcomes of an experiment's runs to its sensitivity indices, one set per outcome. The model
 * value of a point is the mean of the outcome over the point's replications; as every point uses the same
 * seeds (common random numbers), the differences an estimator takes between points are not blurred by
 * different luck at each point.
 */
import type { Estimate } from './bootstrap.ts';
import type { DesignSpec } from './design.ts';
import { makeDesign } from './design.ts';
import type { ParamRange } from './params.ts';
import { MORRIS_INDICES, morrisIndices } from './morris.ts';
import { SOBOL_INDICES, sobolIndices } from './sobol.ts';
import { designStream } from './random.ts';
import { pointMeans } from './runs.ts';

export interface IndexRow extends Estimate {
  method: 'morris' | 'sobol';
  outcome: string;
  parameter: string;
  index: string;
}

export interface Experiment {
  parameters: readonly ParamRange[];
  design: DesignSpec & { bootstrap: number | null };
  seed: number;
  runsPerPoint: number;
}

/**
 * `outcomes[name][run]`, runs in canonical order. Rows: outcome by outcome, then parameter, then index.
 * Each outcome's bootstrap has its own stream, so adding an outcome does not change the others' intervals.
 */
export function sensitivityIndices(exp: Experiment, outcomes: Record<string, ArrayLike<number>>): IndexRow[] {
  const method = exp.design.method;
  if (method !== 'morris' && method !== 'sobol') return [];
  const d = exp.parameters.length;
  const replicates = exp.design.bootstrap ?? 0;
  const unit = method === 'morris' ? makeDesign(exp.parameters, exp.design, exp.seed).unit : [];
  const rows: IndexRow[] = [];
  for (const [outcome, values] of Object.entries(outcomes)) {
    const y = pointMeans(values, exp.runsPerPoint);
    const rand = designStream(exp.seed, `bootstrap:${outcome}`);
    const result: Record<string, Estimate[]> =
      method === 'morris' ? morrisIndices(unit, y, d, replicates, rand) : sobolIndices(y, d, replicates, rand);
    const names: readonly string[] = method === 'morris' ? MORRIS_INDICES : SOBOL_INDICES;
    exp.parameters.forEach((p, j) => {
      for (const index of names) rows.push({ method, outcome, parameter: p.path, index, ...result[index]![j]! });
    });
  }
  return rows;
}
