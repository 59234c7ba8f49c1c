/** The standard normal distribution: the limit of Student's t as the degrees of freedom grow. */
import { upperIncompleteGamma } from './special.ts';
import { invertUpperTail } from './invert.ts';

/** P(Z > z) for z >= 0, accurate far into the tail (erfc(z / sqrt 2) / 2 = Q(1/2, z^2 / 2) / 2). */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * upperIncompleteGamma(0.5, (z * z) / 2);
}

export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z >= 0 ? 1 - normalUpperTail(z) : normalUpperTail(-z);
}

export function normalQuantile(p: number): number {
  return invertUpperTail(p, normalUpperTail);
}
