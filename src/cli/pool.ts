/**
 * Runs replications of a scenario. Contract (kept by whatever implements it):
 * - `seeds` is fixed by the caller before anything starts; result i is the run of seeds[i], whatever the
 *   number of workers and whichever worker ran it, so results are identical for any `workers`.
 * - `onProgress(done, total)` is called as runs finish.
 * TEMPORARY in-process implementation; to be replaced by worker_threads + comlink over workers/api.ts.
 */
import type { Scenario } from '../scenario/schema.ts';
import { runScenario, type RunOutput } from '../run.ts';

export interface EnsembleOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runEnsemble(scenario: Scenario, seeds: readonly number[], opts: EnsembleOptions = {}): Promise<RunOutput[]> {
  const out: RunOutput[] = [];
  for (const seed of seeds) {
    out.push(runScenario(scenario, seed));
    opts.onProgress?.(out.length, seeds.length);
  }
  return out;
}
