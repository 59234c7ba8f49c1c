/**
 * Exact tables of two functions of a count that the per-group phases evaluate for every group every tick: each
 * entry is computed by the same expression as the direct call (so the same bits), once. They keep log and exp
 * calls out of the group loops (a call that V8 does not inline boxes its numbers: an allocation a group).
 * A Simulation owns its tables (ModelState.tables): nothing is shared between Simulations.
 */
import { exp, log } from '../math.ts';
import { FRACTION } from './jit.ts';

/** Counts up to this take their values from the tables; larger ones are computed directly. */
const TABLE_MAX = 1 << 16;

export class CountTables {
  private log1pTable = new Float64Array(1024).map((_, k) => log(1 + k));
  /** The critical mass the answered-share table was filled for (value.criticalMass can change during a run). */
  private answeredMass = FRACTION;
  private answeredTable = new Float64Array(0);

  constructor() {
    this.answeredMass = NaN;
  }

  /** ln(1 + n) for a count n (an audience). */
  log1pCount(n: number): number {
    return n >= 0 && n < this.log1pTable.length && n === Math.floor(n) ? this.log1pTable[n]! : +this.log1pSlow(n);
  }

  private log1pSlow(n: number): number {
    if (!(n >= 0 && n < TABLE_MAX && n === Math.floor(n))) return log(1 + n);
    const size = Math.min(TABLE_MAX, 2 ** Math.ceil(Math.log2(n + 1)));
    const t = new Float64Array(size);
    t.set(this.log1pTable);
    for (let k = this.log1pTable.length; k < size; k++) t[k] = log(1 + k);
    this.log1pTable = t;
    return t[n]!;
  }

  /**
   * 1 - exp(-n / criticalMass): the share of questions that meet someone who can answer when n members take part
   * (value.criticalMass). The table is refilled when the critical mass changes.
   */
  answeredShare(n: number, criticalMass: number): number {
    return criticalMass === this.answeredMass && n >= 0 && n < this.answeredTable.length && n === Math.floor(n)
      ? this.answeredTable[n]!
      : +this.answeredSlow(n, criticalMass);
  }

  private answeredSlow(n: number, criticalMass: number): number {
    if (!(n >= 0 && n < TABLE_MAX && n === Math.floor(n))) return 1 - exp(-n / criticalMass);
    if (criticalMass !== this.answeredMass) {
      this.answeredMass = criticalMass;
      this.answeredTable = new Float64Array(0);
    }
    const size = Math.min(TABLE_MAX, Math.max(1024, 2 ** Math.ceil(Math.log2(n + 1))));
    const t = new Float64Array(size);
    t.set(this.answeredTable);
    for (let k = this.answeredTable.length; k < size; k++) t[k] = 1 - exp(-k / criticalMass);
    this.answeredTable = t;
    return t[n]!;
  }
}
