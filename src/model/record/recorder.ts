/**
 * Recording: the tick's row of every series (series.ts), computed from the state by the reporters (groups.ts,
 * people.ts, cost.ts, organization.ts), then stored at the tick. Passes over groups only: employees are counted
 * as the day is read back (activity.ts), and participation inequality is kept as contributions grow
 * (CountHistogram); no allocation.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { ModelState } from '../state.ts';
import type { World } from '../world.ts';
import { recordValueAndCost } from './cost.ts';
import { recordGroups, TALLY_SIZE } from './groups.ts';
import { recordOrganization } from './organization.ts';
import { recordPeople } from './people.ts';
import { SERIES } from './series.ts';

export class Recorder {
  readonly series: Float64Array[];
  private readonly row = new Float64Array(SERIES.length);
  private readonly tally = new Float64Array(TALLY_SIZE);
  /** Gini, top 1% share, top 10% share (CountHistogram.measure). */
  private readonly ineq = new Float64Array(3);
  /** Employees by role and by risk class (they do not change during a run). */
  private readonly roleN = new Float64Array(4);
  private readonly riskN = new Float64Array(3);

  constructor(ticks: number, w: World) {
    // Pushed one by one, not Array.prototype.map (jit.ts, 8).
    const series: Float64Array[] = [];
    for (let k = 0; k < SERIES.length; k++) series.push(new Float64Array(ticks));
    this.series = series;
    for (let i = 0; i < w.employees; i++) {
      this.roleN[w.role[i]!]!++;
      this.riskN[w.riskClass[i]!]!++;
    }
  }

  record(st: ModelState, p: Scenario): void {
    const r = this.row;
    r.fill(0);
    this.tally.fill(0);
    recordGroups(st, r, this.tally);
    recordPeople(st, r, this.roleN, this.riskN);
    recordValueAndCost(st, p, r);
    recordOrganization(st, r, this.tally, this.ineq);
    for (let k = 0; k < r.length; k++) this.series[k]![st.tick] = r[k]!;
  }
}
