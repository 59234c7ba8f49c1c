/**
 * The four designs behind `sweep` and `sensitivity`, as one function from (parameters, method, sizes, master
 * seed) to points: the same inputs give the same points on every machine, which is what lets a sweep be
 * resumed, sharded and merged.
 */
import { ScenarioError } from '../scenario/errors.ts';
import type { ParamRange } from './params.ts';
import { gridDesign, gridSize } from './grid.ts';
import { latinHypercube } from './lhs.ts';
import { morrisTrajectories } from './morris.ts';
import { saltelliSample, sobolBlock } from './sobol.ts';
import { designStream } from './random.ts';
import { levelValue, sampledValue } from './scale.ts';

export const SWEEP_METHODS = ['grid', 'lhs'] as const;
export const SENSITIVITY_METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof SWEEP_METHODS)[number] | (typeof SENSITIVITY_METHODS)[number];

export interface DesignSpec {
  method: Method;
  /** LHS points, Morris trajectories, or Sobol base samples; null for a grid. */
  samples: number | null;
  /** Morris levels; null otherwise. */
  levels: number | null;
}

export interface Design {
  /** Unit coordinates of each point (what the analysis of Morris and Sobol reads). */
  unit: number[][];
  /** Parameter values of each point, in --param order (what the model runs). */
  values: number[][];
}

/** Defaults and smallest sizes: below them an estimate is noise, or undefined (sigma needs two trajectories). */
export const SIZES = {
  lhs: { perParam: 10, min: 2 },
  morris: { default: 10, min: 2, levels: 4 },
  sobol: { default: 512, min: 32 },
} as const;

/** How many points the design has, before building it. */
export function designSize(params: readonly ParamRange[], spec: DesignSpec): number {
  const d = params.length;
  switch (spec.method) {
    case 'grid':
      return gridSize(params);
    case 'lhs':
      return spec.samples!;
    case 'morris':
      return spec.samples! * (d + 1);
    case 'sobol':
      return spec.samples! * sobolBlock(d);
  }
}

/** Fill in default sizes and refuse sizes the method cannot use, with the reason. */
export function checkDesign(
  params: readonly ParamRange[],
  method: Method,
  samples: number | undefined,
  levels: number | undefined,
): DesignSpec {
  const d = params.length;
  if (levels !== undefined && method !== 'morris')
    throw new ScenarioError(`--levels is for --method morris (the levels of its grid), not ${method}`);
  if (samples !== undefined && method === 'grid')
    throw new ScenarioError('--samples is for --design lhs: a grid has steps per parameter (--param path=lo:hi:steps)');
  switch (method) {
    case 'grid':
      return { method, samples: null, levels: null };
    case 'lhs': {
      const k = samples ?? SIZES.lhs.perParam * d;
      if (k < SIZES.lhs.min)
        throw new ScenarioError(
          `--samples ${k} is too small for a Latin hypercube: at least ${SIZES.lhs.min} points (10 per ` +
            `parameter is the usual rule)`,
        );
      return { method, samples: k, levels: null };
    }
    case 'morris': {
      const r = samples ?? SIZES.morris.default;
      const l = levels ?? SIZES.morris.levels;
      if (r < SIZES.morris.min)
        throw new ScenarioError(
          `--samples ${r} is too small for Morris: at least ${SIZES.morris.min} trajectories (sigma, the ` +
            `spread of the effects, needs two; 10 to 50 is usual)`,
        );
      if (l < 2 || l % 2 !== 0)
        throw new ScenarioError(
          `--levels ${l} is not allowed for Morris: an even number of levels (2, 4, 6...), so that the step ` +
            `L / (2 (L - 1)) falls on the grid`,
        );
      return { method, samples: r, levels: l };
    }
    case 'sobol': {
      const k = samples ?? SIZES.sobol.default;
      if (k < SIZES.sobol.min) {
        throw new ScenarioError(
          `--samples ${k} is too small for Sobol indices: at least ${SIZES.sobol.min} base samples (each ` +
            `costs ${sobolBlock(d)} points with ${d} parameter${d > 1 ? 's' : ''}); 500 or more for indices to ` +
            `be read with confidence`,
        );
      }
      return { method, samples: k, levels: null };
    }
  }
}

export function makeDesign(params: readonly ParamRange[], spec: DesignSpec, seed: number): Design {
  const d = params.length;
  switch (spec.method) {
    case 'grid': {
      const unit = gridDesign(params);
      return { unit, values: unit.map((row) => row.map((t, j) => levelValue(params[j]!, t))) };
    }
    case 'morris': {
      const unit = morrisTrajectories(spec.samples!, d, spec.levels!, designStream(seed, 'morris'));
      return { unit, values: unit.map((row) => row.map((t, j) => levelValue(params[j]!, t))) };
    }
    case 'lhs':
    case 'sobol': {
      const rand = designStream(seed, spec.method);
      const unit =
        spec.method === 'lhs' ? latinHypercube(spec.samples!, d, rand) : saltelliSample(spec.samples!, d, rand);
      return { unit, values: unit.map((row) => row.map((u, j) => sampledValue(params[j]!, u))) };
    }
  }
}
