/**
 * Summary outcomes of one run, the way the seeds say a community manager is judged:
 * "He's evaluated on mid-term (activity) and long term (value) criterias."
 */
import { SERIES_INDEX } from './series.ts';

export interface Outcomes {
  /** Mean share of employees taking part over the 20 working days before mid-horizon. */
  midActivity: number;
  /** Cumulative value at the horizon, in hours. */
  longValue: number;
  /** Cumulative value per cumulative cost of the roles at the horizon. */
  valuePerCost: number;
}

export const OUTCOMES: readonly (keyof Outcomes)[] = ['midActivity', 'longValue', 'valuePerCost'];
export const OUTCOME_LABELS: Record<keyof Outcomes, string> = {
  midActivity: 'mid-term activity (share of employees taking part)',
  longValue: 'long-term value (hours)',
  valuePerCost: 'value per cost (hours per hour)',
};

/** Sum of one series over [from, to). */
export function seriesSum(series: readonly Float64Array[], name: string, from: number, to: number): number {
  const s = series[SERIES_INDEX[name]!]!;
  let sum = 0;
  for (let t = from; t < to; t++) sum += s[t]!;
  return sum;
}

/** Mean of one series over [from, to). */
export function seriesMean(series: readonly Float64Array[], name: string, from: number, to: number): number {
  return seriesSum(series, name, from, to) / Math.max(1, to - from);
}

export function outcomes(series: readonly Float64Array[], ticks: number): Outcomes {
  const mid = Math.max(1, Math.floor(ticks / 2));
  const last = ticks - 1;
  return {
    midActivity: seriesMean(series, 'activeShare', Math.max(0, mid - 20), mid),
    longValue: series[SERIES_INDEX.valueCum!]![last]!,
    valuePerCost: series[SERIES_INDEX.valuePerCost!]![last]!,
  };
}
