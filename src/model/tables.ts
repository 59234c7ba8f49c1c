/**
 * Exact tables of two functions of a count that the per-group phases evaluate for every group every tick: each
 * entry is computed by the same expression as the direct call (so the same bits), once. They keep log and exp
 * calls out of the group loops (a call that V8 does not inline boxes its numbers: an allocation a group).
 */
import { exp, log } from '../math.ts';

/** Counts up to this take their values from the tables; larger ones are computed directly. */
const TABLE_MAX = 1 << 16;

let log1pTable = new Float64Array(1024).map((_, k) => log(1 + k));

/** ln(1 + n) for a count n (an audience). */
export function log1pCount(n: number): number {
  return n >= 0 && n < log1pTable.length && n === Math.floor(n) ? log1pTable[n]! : +log1pSlow(n);
}

function log1pSlow(n: number): number {
  if (!(n >= 0 && n < TABLE_MAX && n === Math.floor(n))) return log(1 + n);
  const size = Math.min(TABLE_MAX, 2 ** Math.ceil(Math.log2(n + 1)));
  const t = new Float64Array(size);
  t.set(log1pTable);
  for (let k = log1pTable.length; k < size; k++) t[k] = log(1 + k);
  log1pTable = t;
  return t[n]!;
}

/** The critical mass the answered-share table was filled for (value.criticalMass can change during a run). */
let answeredMass = NaN;
let answeredTable = new Float64Array(0);

/**
 * 1 - exp(-n / criticalMass): the share of questions that meet someone who can answer when n members take part
 * (value.criticalMass). The table is refilled when the critical mass changes.
 */
export function answeredShare(n: number, criticalMass: number): number {
  return criticalMass === answeredMass && n >= 0 && n < answeredTable.length && n === Math.floor(n) ? answeredTable[n]! : +answeredSlow(n, criticalMass);
}

function answeredSlow(n: number, criticalMass: number): number {
  if (!(n >= 0 && n < TABLE_MAX && n === Math.floor(n))) return 1 - exp(-n / criticalMass);
  if (criticalMass !== answeredMass) {
    answeredMass = criticalMass;
    answeredTable = new Float64Array(0);
  }
  const size = Math.min(TABLE_MAX, Math.max(1024, 2 ** Math.ceil(Math.log2(n + 1))));
  const t = new Float64Array(size);
  t.set(answeredTable);
  for (let k = answeredTable.length; k < size; k++) t[k] = 1 - exp(-k / criticalMass);
  answeredTable = t;
  return t[n]!;
}
