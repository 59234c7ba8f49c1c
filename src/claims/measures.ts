/**
 * The measures the claims read from a run: sums and means of a series over a window of ticks, and the few
 * measures more than one claim uses.
 */
import { SERIES_INDEX } from '../metrics/series.ts';
import { seriesMean, seriesSum } from '../metrics/outcomes.ts';
import type { Measure } from '../claims.ts';
import type { RunOutput } from '../run.ts';

/** [from, to) with negative bounds counted from the horizon. */
const span = (run: RunOutput, from: number, to: number): [number, number] => [
  from < 0 ? run.ticks + from : from,
  to < 0 ? run.ticks + to : to,
];

/** Sum of a series over [from, to) ticks; negative `from`/`to` count from the horizon. */
export function windowSum(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesSum(run.series, name, ...span(run, from, to));
}

/** Mean of a series over [from, to) ticks; negative `from`/`to` count from the horizon. */
export function windowMean(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesMean(run.series, name, ...span(run, from, to));
}

/**
 * How much the most risk-averse third takes part in open communities (where the rules, limits and purpose of
 * the policies apply) relative to the least risk-averse third, as a log ratio: a paired difference of it
 * between two arms compares their relative rises (participation is low, so a group taking part less gains fewer
 * points for the same relative rise).
 */
export const riskGap: Measure = (r) => Math.log(windowMean(r, 'open_riskAverse') / windowMean(r, 'open_riskTolerant'));
/** Members' posts in team groups and open communities. */
export const memberPosts: Measure = (r) => windowSum(r, 'posts_team') + windowSum(r, 'posts_open');
/** Value accumulated by the end of the run (hours). */
export const longValue: Measure = (r) => r.series[SERIES_INDEX.valueCum!]![r.ticks - 1]!;
