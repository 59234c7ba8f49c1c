/**
 * The job-pool contract, kept once for both pools: worker threads in Node (workers/pool.ts) and web workers in the
 * page (viz/compare/pool.ts). They differ only in how a worker is started and ended; this is what they share.
 * - The jobs are fixed by the caller before anything starts (job(i) is built when it is handed out, so a large
 *   sweep never holds every point's scenario); result i is the run of job i, whatever the number of workers and
 *   whichever worker ran it, so the numbers are the same for any number of workers.
 * - Workers take the next job index from one shared queue, so a slow run does not hold up the others.
 * - Results are reported as runs finish (completion order), never kept here.
 * - The first failure (a run's error, a worker that dies, a result its caller could not take) stops handing out
 *   jobs and rejects; an abort stops handing out jobs and drops the runs in flight. Ending the workers is the
 *   caller's (it knows how).
 * Pure: no Node, no DOM; a worker is whatever `call` can send a job to.
 */

export interface Drain<W, J, R> {
  /** Job i, built when it is handed out. */
  job: (index: number) => J;
  /** Run a job on a worker. */
  call: (worker: W, job: J) => Promise<R>;
  /** Rejects when the worker dies (fails to load, throws outside a call, exits); never resolves. */
  died: (worker: W) => Promise<never>;
  /** A result, as it arrives (completion order), with its job's index. */
  onResult: (index: number, result: R, job: J) => void;
  /** The error to reject with when job i failed (to name the run); the error itself by default. */
  failure?: (error: unknown, index: number, job: J) => unknown;
  signal?: AbortSignal;
}

/** Runs jobs 0..count-1 on `workers`; resolves with the number of jobs finished (fewer when aborted). */
export async function drainJobs<W, J, R>(workers: readonly W[], count: number, d: Drain<W, J, R>): Promise<number> {
  const signal = d.signal;
  if (count === 0 || signal?.aborted) return 0;
  const aborted = new Promise<'aborted'>((resolve) =>
    signal?.addEventListener('abort', () => resolve('aborted'), { once: true }),
  );
  let next = 0;
  let done = 0;
  let failed = false;
  const drain = async (worker: W): Promise<void> => {
    while (!failed && !signal?.aborted && next < count) {
      const i = next++;
      const j = d.job(i);
      let out: R | 'aborted';
      try {
        out = await Promise.race([d.call(worker, j), d.died(worker), aborted]);
      } catch (e) {
        failed = true;
        throw d.failure ? d.failure(e, i, j) : e;
      }
      if (out === 'aborted') return;
      try {
        d.onResult(i, out, j);
      } catch (e) {
        failed = true; // saving failed (a full disk, say): stop handing out work
        throw e;
      }
      done++;
    }
  };
  await Promise.all(workers.map(drain));
  return done;
}

/** How many workers a batch of `count` jobs uses when `wanted` are asked for: at least 1, at most one per job. */
export function workerCount(count: number, wanted: number): number {
  return Math.max(1, Math.min(count, Math.floor(wanted)));
}
