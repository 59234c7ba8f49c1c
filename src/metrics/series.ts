/** The series a run reports are declared with the recorder that fills them (src/model/record/series.ts). */
export { SERIES, SERIES_INDEX, SERIES_NAMES, type SeriesInfo, type SeriesName } from '../model/record/series.ts';

/**
 * Ticks [from, to) of a frame (what a worker sent back: series that start at `from`) copied into a run's
 * whole-horizon series, one array per series.
 */
export function storeFrame(
  series: readonly Float64Array[],
  frame: { from: number; to: number; series: readonly Float64Array[] },
): void {
  const n = frame.to - frame.from;
  for (let k = 0; k < series.length; k++) series[k]!.set(frame.series[k]!.subarray(0, n), frame.from);
}
