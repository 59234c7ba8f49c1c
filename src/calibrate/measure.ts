/**
 * One replication of a scenario reduced to the statistics a calibration asks for: computed where the run
 * happens (a worker thread, or the main thread with one worker), with the activity trace only when a
 * statistic needs it, so that only one small Float64Array leaves the run.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from '../model/simulation.ts';
import { needsTrace, statistic } from '../metrics/statistics.ts';

export interface StatisticRequest {
  statistic: string;
  /** [from, to) in ticks. */
  from: number;
  to: number;
}

export function measureRun(scenario: Scenario, seed: number, requests: readonly StatisticRequest[]): Float64Array {
  const trace = requests.some((r) => needsTrace(r.statistic));
  const sim = new Simulation(scenario, seed, { trace });
  sim.run();
  const view = { ticks: sim.ticks, series: sim.series, world: sim.world, trace: sim.trace };
  const out = new Float64Array(requests.length);
  for (let k = 0; k < requests.length; k++)
    out[k] = statistic(view, requests[k]!.statistic, requests[k]!.from, requests[k]!.to);
  return out;
}
