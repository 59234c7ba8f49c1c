/**
 * Sweep throughput for `npm run bench`: runs per minute of `orgsim sweep` on scenarios/mid.json (2,000
 * employees, 1,000 customers), end to end as a user gets it (design and validation of every point, worker
 * threads started, every run saved as its part, runs.csv put together), but with shorter runs
 * (BENCH_SWEEP.ticks working days instead of 500) so that the bench stays quick. The process start-up
 * (about a second) is left out; the start of the worker threads (0.7 s or so each: tsx registers in every
 * thread) is in, which is why 2 workers gain little on a sweep this short.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareExperiment } from '../cli/experiment-setup.ts';
import { execute } from '../cli/sweep-execute.ts';
import { checkFolder, openFolder } from '../cli/sweep-folder.ts';
import { writeResults } from '../cli/sweep-results.ts';
import { shardRuns } from '../src/research/runs.ts';

/** What is measured, for the table: a 2 x 2 grid, 8 replications per point (32 runs) of mid at 250 ticks. */
export const BENCH_SWEEP = {
  scenario: 'scenarios/mid.json',
  ticks: 250,
  params: ['cm.speakShare=0.1:0.5:2', 'smm.count=1:3:2'],
  runsPerPoint: 8,
} as const;

export async function benchSweep(workers: number): Promise<{ runsPerMinute: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'orgsim-bench-sweep-')), 'sweep');
  try {
    const t0 = performance.now();
    const setup = prepareExperiment(
      'sweep',
      fileURLToPath(new URL('../scenarios/mid.json', import.meta.url)),
      {
        param: [...BENCH_SWEEP.params],
        runs: String(BENCH_SWEEP.runsPerPoint),
        ticks: String(BENCH_SWEEP.ticks),
        workers: String(workers),
        out,
      },
      { method: 'grid', bootstrap: null },
    );
    const m = setup.manifest;
    openFolder(out, m, checkFolder(out, m, ''));
    const runs = shardRuns(m.totalRuns, null);
    const { finished } = await execute(out, m, runs, workers, setup.pointScenario, 'bench sweep');
    writeResults(out, m, () => out);
    const minutes = (performance.now() - t0) / 60_000;
    return { runsPerMinute: finished / minutes };
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}
