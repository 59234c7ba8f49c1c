/**
 * Morris elementary effects (Morris 1991; mu* from Campolongo, Cariboni and Saltelli 2007). A screening
 * method: r trajectories through a grid of L levels per parameter, each moving one parameter at a time by
 * delta = L / (2 (L - 1)); the effect of a move is the change of the output per unit of the scaled [0, 1]
 * range, so effects are comparable across parameters. Per parameter: mu (mean effect, signed), mu* (mean
 * absolute effect: the importance) and sigma (their spread: non-linearity or interactions).
 */
import { bootstrap, type Estimate } from './bootstrap.ts';
import { designStream, permutation, randomIndex, type Uniform } from './random.ts';

export const MORRIS_INDICES = ['mu', 'mu_star', 'sigma'] as const;
export type MorrisIndex = (typeof MORRIS_INDICES)[number];
export type MorrisResult = Record<MorrisIndex, Estimate[]>;

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * r trajectories of d + 1 points each, in order, in unit coordinates. A trajectory starts from a random
 * base point on the lower half of the levels, then moves the parameters in a random order, each up or down
 * at random (the start is the top of the move when it goes down). Every coordinate of every point is then
 * uniform over the L levels. `levels` must be even (so that delta lands on the grid).
 */
export function morrisTrajectories(trajectories: number, dims: number, levels: number, rand: Uniform): number[][] {
  const half = levels / 2; // delta in levels: L / 2 steps of 1 / (L - 1)
  const at = (level: number) => level / (levels - 1); // on the grid exactly, never a rounding above 1
  const rows: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const base = Array.from({ length: dims }, () => randomIndex(rand, half));
    const up = Array.from({ length: dims }, () => rand() < 0.5);
    const order = permutation(rand, dims);
    const level = base.map((b, j) => (up[j] ? b : b + half));
    rows.push(level.map(at));
    for (const j of order) {
      level[j] = up[j] ? base[j]! + half : base[j]!;
      rows.push(level.map(at));
    }
  }
  return rows;
}

/**
 * Elementary effects, effects[t][j] for trajectory t and parameter j: found from the points themselves (the
 * coordinate that changed between consecutive points), so any trajectory design can be analysed.
 */
export function elementaryEffects(
  unit: readonly (readonly number[])[],
  y: ArrayLike<number>,
  dims: number,
): number[][] {
  const r = unit.length / (dims + 1);
  if (!Number.isInteger(r))
    throw new RangeError(`Morris: ${unit.length} points is not a whole number of trajectories of ${dims + 1} points`);
  const effects: number[][] = [];
  for (let t = 0; t < r; t++) {
    const ee = new Array<number>(dims).fill(NaN);
    for (let k = t * (dims + 1); k < (t + 1) * (dims + 1) - 1; k++) {
      const a = unit[k]!;
      const b = unit[k + 1]!;
      const j = a.findIndex((x, i) => x !== b[i]);
      if (j < 0) throw new RangeError(`Morris: points ${k} and ${k + 1} are equal: not a trajectory`);
      ee[j] = (y[k + 1]! - y[k]!) / (b[j]! - a[j]!);
    }
    effects.push(ee);
  }
  return effects;
}

function indicesOf(effects: readonly (readonly number[])[], rows: ArrayLike<number>, dims: number): number[] {
  const out: number[] = [];
  const n = rows.length;
  for (let j = 0; j < dims; j++) {
    let sum = 0;
    let abs = 0;
    for (let k = 0; k < n; k++) {
      const e = effects[rows[k]!]![j]!;
      sum += e;
      abs += Math.abs(e);
    }
    const mu = sum / n;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += (effects[rows[k]!]![j]! - mu) ** 2;
    out.push(mu, abs / n, n > 1 ? Math.sqrt(ss / (n - 1)) : NaN);
  }
  return out;
}

/** mu, mu* and sigma per parameter, with bootstrap intervals over trajectories. */
export function morrisIndices(
  unit: readonly (readonly number[])[],
  y: ArrayLike<number>,
  dims: number,
  replicates: number,
  rand: Uniform,
): MorrisResult {
  const effects = elementaryEffects(unit, y, dims);
  const flat = bootstrap(effects.length, replicates, rand, (rows) => indicesOf(effects, rows, dims));
  const pick = (q: number) => Array.from({ length: dims }, (_, j) => flat[j * 3 + q]!);
  return { mu: pick(0), mu_star: pick(1), sigma: pick(2) };
}

export interface MorrisOptions {
  trajectories: number;
  levels: number;
  seed: number;
  bootstrap?: number;
}

/** The whole method over a model of the unit cube: design, evaluation, indices. */
export function morris(model: (x: number[]) => number, dims: number, opts: MorrisOptions): MorrisResult {
  const unit = morrisTrajectories(opts.trajectories, dims, opts.levels, designStream(opts.seed, 'morris'));
  const y = unit.map((x) => model(x));
  return morrisIndices(unit, y, dims, opts.bootstrap ?? 0, designStream(opts.seed, 'bootstrap'));
}
