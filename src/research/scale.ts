/**
 * From the unit interval to a parameter's value. Designs work in [0, 1]^d (where their properties are
 * defined: strata, levels, independent columns); the model sees values in the parameter's own range.
 */
import type { ParamRange } from './params.ts';

/** lo at t = 0, hi at t = 1, exactly (lo + (hi - lo) * t can miss hi by a rounding error). */
export function lerp(lo: number, hi: number, t: number): number {
  return t === 1 ? hi : lo * (1 - t) + hi * t;
}

/** A point of a level grid (grid, Morris): the level's value, rounded for a whole-number parameter. */
export function levelValue(p: ParamRange, t: number): number {
  const x = lerp(p.lo, p.hi, t);
  return p.integer ? Math.round(x) : x;
}

/**
 * A uniform draw u in [0, 1) (LHS, Sobol): continuous parameters scale it; whole-number parameters give
 * every value in lo..hi an equal share of [0, 1), so that the ends are not drawn half as often as rounding
 * would draw them.
 */
export function sampledValue(p: ParamRange, u: number): number {
  if (!p.integer) return p.lo + (p.hi - p.lo) * u;
  return Math.min(p.hi, p.lo + Math.floor(u * (p.hi - p.lo + 1)));
}
