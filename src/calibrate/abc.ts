/**
 * Approximate Bayesian computation by sequential Monte Carlo, in its batch (population Monte Carlo) form
 * (Beaumont, Cornuet, Marin and Robert 2009, "Adaptive approximate Bayesian computation", Biometrika 96):
 *
 * - generation 0 proposes `particles / keep` points drawn from the uniform prior over the box;
 * - each generation keeps its `particles` proposals of smallest discrepancy (ties: the lower index), and
 *   epsilon is the largest discrepancy kept;
 * - weights are uniform at generation 0; after, w_i = prior(theta_i) / sum_j W_j K(theta_i | theta_j) over
 *   the previous generation's kept particles j, with a diagonal Gaussian kernel of twice their weighted
 *   variance;
 * - the next generation proposes by drawing a kept particle by weight and moving it with the kernel, each
 *   coordinate redrawn until it falls inside its range: the kernel is a product of Gaussians truncated to the
 *   box, and the weights use that truncated density. (Redrawing the whole point, as pyabc does, needs every
 *   coordinate inside at once: with tens of parameters near the box's faces it almost never happens, and
 *   clamping then piles the proposals on the faces.)
 *
 * Pure and deterministic: random draws come from a stream passed in, sums run in a fixed order, and the
 * elementary functions are the project's own (src/math.ts), the same bits on every engine.
 */
import { exp, log } from '../math.ts';
import { fromUniform, normal, type Uniform } from '../rng.ts';
import { normalCdf } from '../stats/normal.ts';

export interface Box {
  min: readonly number[];
  max: readonly number[];
}

export interface Particle {
  theta: readonly number[];
  /** Normalized: the weights of a population sum to 1. */
  weight: number;
}

/** Redraws of a coordinate that left its range before giving up and clamping it (a kernel far wider than the box). */
export const MAX_TRIES = 10_000;

/** `count` points uniform in the box. */
export function priorDraws(box: Box, count: number, rand: Uniform): number[][] {
  return Array.from({ length: count }, () => box.min.map((lo, d) => lo + (box.max[d]! - lo) * rand()));
}

/**
 * Kernel standard deviations: sqrt(2 x weighted variance) per coordinate (Beaumont et al. 2009), floored at a
 * millionth of the box so that a population collapsed on one point still moves.
 */
export function kernelScales(particles: readonly Particle[], box: Box): number[] {
  return box.min.map((lo, d) => {
    let m = 0;
    for (const p of particles) m += p.weight * p.theta[d]!;
    let v = 0;
    for (const p of particles) v += p.weight * (p.theta[d]! - m) ** 2;
    return Math.max(Math.sqrt(2 * v), 1e-6 * (box.max[d]! - lo));
  });
}

/** Index drawn with probability proportional to the weights. */
function pick(particles: readonly Particle[], u: number): number {
  let total = 0;
  for (const p of particles) total += p.weight;
  let cum = 0;
  const target = u * total;
  for (let j = 0; j < particles.length; j++) {
    cum += particles[j]!.weight;
    if (target < cum) return j;
  }
  return particles.length - 1;
}

/**
 * `count` proposals: a particle drawn by weight, each coordinate moved by the kernel and redrawn while outside its
 * range.
 */
export function perturbedDraws(
  particles: readonly Particle[],
  sigma: readonly number[],
  box: Box,
  count: number,
  rand: Uniform,
): { proposals: number[][]; clamped: number } {
  let clamped = 0;
  const random = fromUniform(rand);
  const proposals = Array.from({ length: count }, () => {
    const from = particles[pick(particles, rand())]!.theta;
    return from.map((v, d) => {
      const lo = box.min[d]!;
      const hi = box.max[d]!;
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        const x = v + sigma[d]! * normal(random);
        if (x >= lo && x <= hi) return x;
      }
      clamped++;
      return Math.min(hi, Math.max(lo, v));
    });
  });
  return { proposals, clamped };
}

/** log of the truncated-normal kernel's mass inside [lo, hi] around `centre`, per coordinate. */
function logMass(centre: number, sigma: number, lo: number, hi: number): number {
  const m = normalCdf((hi - centre) / sigma) - normalCdf((lo - centre) / sigma);
  return log(m > 1e-300 ? m : 1e-300);
}

/** Indices of the `n` smallest discrepancies, smallest first; equal ones by index. NaN counts as Infinity. */
export function selectBest(discrepancies: readonly number[], n: number): number[] {
  const key = (i: number) => (Number.isNaN(discrepancies[i]!) ? Infinity : discrepancies[i]!);
  return discrepancies
    .map((_, i) => i)
    .sort((a, b) => key(a) - key(b) || a - b)
    .slice(0, n);
}

/**
 * Importance weights of `thetas` proposed from `previous` with the kernel `sigma` truncated to `box`, under a
 * uniform prior: 1 / sum_j W_j K(theta | theta_j), normalized to sum 1 (log-sum-exp, so that far points do not
 * underflow). K is the product over coordinates of the Gaussian density divided by its mass inside the range.
 */
export function importanceWeights(
  thetas: readonly (readonly number[])[],
  previous: readonly Particle[],
  sigma: readonly number[],
  box?: Box,
): number[] {
  // Each previous particle's normalizing mass (log), computed once.
  const logZ = previous.map((p) => {
    if (!box) return 0;
    let z = 0;
    for (let d = 0; d < sigma.length; d++) z += logMass(p.theta[d]!, sigma[d]!, box.min[d]!, box.max[d]!);
    return z;
  });
  const logW = thetas.map((x) => {
    const a = previous.map((p, j) => {
      let q = 0;
      for (let d = 0; d < sigma.length; d++) {
        const z = (x[d]! - p.theta[d]!) / sigma[d]!;
        q += z * z;
      }
      return log(p.weight) - q / 2 - logZ[j]!;
    });
    let max = -Infinity;
    for (const v of a) if (v > max) max = v;
    let s = 0;
    for (const v of a) s += exp(v - max);
    return -(max + log(s));
  });
  return normalize(logW);
}

/** exp of log weights, normalized to sum 1. */
function normalize(logW: readonly number[]): number[] {
  let max = -Infinity;
  for (const v of logW) if (v > max) max = v;
  const w = logW.map((v) => exp(v - max));
  let total = 0;
  for (const v of w) total += v;
  return w.map((v) => v / total);
}

/** Kish's effective sample size, 1 / sum w^2 (weights summing to 1). */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0;
  for (const w of weights) s += w * w;
  return 1 / s;
}

export function weightedMean(xs: readonly number[], ws: readonly number[]): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < xs.length; i++) {
    s += ws[i]! * xs[i]!;
    t += ws[i]!;
  }
  return s / t;
}

/**
 * The q-quantile of a weighted sample: the smallest value whose cumulative weight reaches q of the total
 * (the inverse of the weighted empirical distribution function).
 */
export function weightedQuantile(xs: readonly number[], ws: readonly number[], q: number): number {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  let total = 0;
  for (const w of ws) total += w;
  let cum = 0;
  for (const i of order) {
    cum += ws[i]!;
    if (cum >= q * total * (1 - 1e-12)) return xs[i]!;
  }
  return xs[order[order.length - 1]!]!;
}
