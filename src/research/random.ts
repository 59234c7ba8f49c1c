/**
 * Randomness of experimental designs and bootstraps: seeded from the master seed under a purpose name, so a
 * design is the same on every machine and every shard, and drawing a bootstrap never shifts the design.
 * Separate keys from the model's streams (src/rng.ts): the sample of points and the runs stay independent.
 */
import seedrandom from 'seedrandom';
import type { Uniform } from '../rng.ts';

export type { Uniform } from '../rng.ts';

export function designStream(masterSeed: number, purpose: string): Uniform {
  return seedrandom.alea(`orgsim:research:${masterSeed}:${purpose}`);
}

/** A whole number in [0, n). */
export function randomIndex(rand: Uniform, n: number): number {
  return Math.min(n - 1, Math.floor(rand() * n));
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(rand: Uniform, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(rand, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
