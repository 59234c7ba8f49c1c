/** Ensemble speed-up (runEnsemble, 1 worker vs 2) and what a worker thread costs to start. */
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runEnsemble } from '../workers/pool.ts';
import { seedList } from '../src/rng.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import type { SimApi } from '../workers/api.ts';
import { loadSize, type SizeName } from './sizes.ts';

export interface EnsembleResult {
  size: SizeName;
  runs: number;
  ticks: number;
  oneMs: number;
  twoMs: number;
  identical: boolean;
  /** From `new Worker` to its first answer: tsx registration plus loading the model's modules. */
  workerStartMs: number;
}

async function workerStart(): Promise<number> {
  const t0 = performance.now();
  const worker = new Worker(new URL('../workers/node-worker.mjs', import.meta.url));
  try {
    await wrap<SimApi>(nodeEndpoint(worker)).seriesNames();
    return performance.now() - t0;
  } finally {
    await worker.terminate();
  }
}

export async function measureEnsemble(size: SizeName, runs: number, ticks: number): Promise<EnsembleResult> {
  const { scenario } = loadSize(size, ticks);
  const seeds = seedList(scenario.seed, runs);
  const t0 = performance.now();
  const a = await runEnsemble(scenario, seeds, { workers: 1 });
  const t1 = performance.now();
  const b = await runEnsemble(scenario, seeds, { workers: 2 });
  const t2 = performance.now();
  const k = SERIES_INDEX.valueCum!;
  const identical = a.every((r, i) => r.series[k]![ticks - 1] === b[i]!.series[k]![ticks - 1]);
  return { size, runs, ticks, oneMs: t1 - t0, twoMs: t2 - t1, identical, workerStartMs: await workerStart() };
}
