/**
 * A pool of simulation web workers for a comparison. The caller fixes every job (scenario and seed) before
 * anything starts; workers take the next job index from a shared queue, and result i always belongs to
 * job i, so the numbers do not depend on how many workers there were or which one ran what.
 * Cancel terminates the workers at once: nothing keeps computing in the background.
 */
import type { Scenario } from '../../src/scenario/schema.ts';
import type { CompactRun } from '../../src/compare/metrics.ts';
import { startSimWorker, type SimWorker } from '../worker.ts';

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
  private stop: (() => void) | undefined;

  /** Workers alive now (0 when idle, after a run ends and after a cancel). */
  get alive(): number {
    return this.workers.length;
  }

  /**
   * Run `count` jobs on `size` workers; `onResult(i, run)` as each finishes (in completion order).
   * Resolves 'done' or 'cancelled'; rejects on the first failure. Workers are terminated in every case.
   */
  async run(count: number, job: (index: number) => PoolJob, size: number, onResult: (index: number, run: CompactRun) => void): Promise<PoolEnd> {
    if (this.workers.length) throw new Error('a comparison is already running');
    const n = Math.max(1, Math.min(count, Math.floor(size)));
    this.workers = Array.from({ length: n }, startSimWorker);
    let next = 0;
    let cancelled = false;
    const cancel = new Promise<'cancelled'>((resolve) => {
      this.stop = () => {
        cancelled = true;
        resolve('cancelled');
      };
    });
    const drain = async (w: SimWorker): Promise<void> => {
      while (!cancelled && next < count) {
        const i = next++;
        const { scenario, seed, metricIds } = job(i);
        const out = await Promise.race([w.api.runCompact(scenario, seed, metricIds), w.failed, cancel]);
        if (out === 'cancelled') return;
        onResult(i, out);
      }
    };
    try {
      await Promise.all(this.workers.map(drain));
      return cancelled ? 'cancelled' : 'done';
    } finally {
      this.terminate();
    }
  }

  /** Stop now: the workers are terminated and the pending run resolves 'cancelled'. */
  cancel(): void {
    this.stop?.();
    this.terminate();
  }

  private terminate(): void {
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
    this.stop = undefined;
  }
}
