/**
 * Latin hypercube sample (McKay, Beckman and Conover 1979): each parameter's range is cut into K equal
 * strata and each stratum holds exactly one of the K points, at a uniform position inside it; the strata are
 * paired at random across parameters. Better coverage of each parameter than K independent draws.
 */
import { permutation, type Uniform } from './random.ts';

export function latinHypercube(samples: number, dims: number, rand: Uniform): number[][] {
  const rows = Array.from({ length: samples }, () => new Array<number>(dims));
  for (let j = 0; j < dims; j++) {
    const strata = permutation(rand, samples);
    for (let k = 0; k < samples; k++) rows[k]![j] = (strata[k]! + rand()) / samples;
  }
  return rows;
}
