/**
 * A pool of simulation web workers, for a comparison and a story step: the page's side of the job-pool contract
 * (workers/queue.ts, shared with the Node pool): result i always belongs to job i, so the numbers do not depend
 * on how many workers there were or which one ran what. Workers live for one batch; cancel terminates them at
 * once: nothing keeps computing in the background.
 */
import type { Scenario } from '../../src/scenario/schema.ts';
import type { CompactRun } from '../../src/compare/metrics.ts';
import { startSimWorker, type SimWorker } from '../worker.ts';
import { drainJobs, workerCount } from '../../workers/queue.ts';

export interface PoolJob {
  scenario: Scenario;
  seed: number;
  metricIds: string[];
}

export type PoolEnd = 'done' | 'cancelled';

/** The most workers a comparison may use: one per logical core (at most 16). */
export function maxWorkers(): number {
  return Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
}

/**
 * The default: one worker per core but one, which is left to the page. With every core computing, the
 * page's own work (drawing, and the browser's compositing) waits for a core: on a 2-core machine, 2 workers
 * gave 50-110 ms main-thread tasks while 1 worker gave none (bench/compare-web.ts measures both).
 */
export function defaultWorkers(): number {
  return Math.max(1, maxWorkers() - 1);
}

export class WorkerPool {
  private workers: SimWorker[] = [];
  private stop: AbortController | undefined;

  /** Workers alive now (0 when idle, after a run ends and after a cancel). */
  get alive(): number {
    return this.workers.length;
  }

  /**
   * Run `count` jobs on `size` workers, each by `call` (a comparison's compact run by default); `onResult(i, out)`
   * as each finishes (in completion order). Resolves 'done' or 'cancelled'; rejects on the first failure.
   * Workers are terminated in every case.
   */
  run(
    count: number,
    job: (index: number) => PoolJob,
    size: number,
    onResult: (index: number, run: CompactRun) => void,
  ): Promise<PoolEnd> {
    return this.runWith(
      count,
      job,
      size,
      (api, { scenario, seed, metricIds }) => api.runCompact(scenario, seed, metricIds),
      onResult,
    );
  }

  async runWith<J, R>(
    count: number,
    job: (index: number) => J,
    size: number,
    call: (api: SimWorker['api'], job: J) => Promise<R>,
    onResult: (index: number, out: R) => void,
  ): Promise<PoolEnd> {
    if (this.workers.length) throw new Error('a comparison is already running');
    const stop = new AbortController();
    this.stop = stop;
    this.workers = Array.from({ length: workerCount(count, size) }, startSimWorker);
    try {
      await drainJobs(this.workers, count, {
        job,
        call: (w, j) => call(w.api, j),
        died: (w) => w.failed,
        onResult: (i, out) => onResult(i, out),
        signal: stop.signal,
      });
      return stop.signal.aborted ? 'cancelled' : 'done';
    } finally {
      if (this.stop === stop) this.terminate();
    }
  }

  /** Stop now: the workers are terminated and the pending run resolves 'cancelled'. */
  cancel(): void {
    this.stop?.abort();
    this.terminate();
  }

  private terminate(): void {
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
    this.stop = undefined;
  }
}
