/**
 * Runs replications of a scenario. Contract (kept by whatever implements it):
 * - `seeds` is fixed by the caller before anything starts; result i is the run of seeds[i], whatever the
 *   number of workers and whichever worker ran it, so results are identical for any `workers`.
 * - `onProgress(done, total)` is called as runs finish.
 *
 * `workers` threads (default: one per seed, at most one per core) each take the next seed index from a
 * shared queue, so a slow run does not hold up the others. With one worker the runs happen in this
 * thread: the same code on the same inputs, so the same numbers, without the cost of starting a thread.
 * Threads are always terminated, on success and on error, so the process never hangs on them.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Scenario } from '../src/scenario/schema.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { runScenario, type RunOutput } from '../src/run.ts';
import { withDerived } from '../src/metrics/derived.ts';
import type { SimApi } from './api.ts';
import { measureRun, type StatisticRequest } from '../src/calibrate/measure.ts';

export interface EnsembleOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Also return each run's per-agent table. */
  agents?: boolean;
}

/** The shim that registers tsx in the thread, then loads workers/node-entry.ts. */
const WORKER_URL = new URL('./node-worker.mjs', import.meta.url);

export async function runEnsemble(scenario: Scenario, seeds: readonly number[], opts: EnsembleOptions = {}): Promise<RunOutput[]> {
  const total = seeds.length;
  if (total === 0) return [];
  const wanted = opts.workers ?? availableParallelism();
  const n = Math.max(1, Math.min(total, Math.floor(wanted)));
  return n <= 1 ? runHere(scenario, seeds, opts) : runThreads(scenario, seeds, n, opts);
}

async function runHere(scenario: Scenario, seeds: readonly number[], opts: EnsembleOptions): Promise<RunOutput[]> {
  const out: RunOutput[] = [];
  for (const seed of seeds) {
    out.push(withDerived(scenario.metrics, runScenario(scenario, seed, { agents: opts.agents })));
    opts.onProgress?.(out.length, seeds.length);
    // Let timers and signals (progress bar, Ctrl-C) through between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

interface Thread {
  worker: Worker;
  remote: Remote<SimApi>;
  /** Rejects when the thread dies (uncaught error, out of memory, unexpected exit); never resolves. */
  died: Promise<never>;
  closing: boolean;
}

function startThread(index: number): Thread {
  const worker = new Worker(WORKER_URL);
  const thread = { worker, remote: wrap<SimApi>(nodeEndpoint(worker)), closing: false } as Thread;
  thread.died = new Promise<never>((_, reject) => {
    worker.once('error', (e) => reject(new Error(`orgsim: worker ${index} failed: ${e.message}`, { cause: e })));
    worker.once('exit', (code) => {
      if (!thread.closing) reject(new Error(`orgsim: worker ${index} stopped unexpectedly (exit code ${code})`));
    });
  });
  thread.died.catch(() => {}); // observed through Promise.race below; this only silences "unhandled".
  return thread;
}

async function runThreads(scenario: Scenario, seeds: readonly number[], n: number, opts: EnsembleOptions): Promise<RunOutput[]> {
  const total = seeds.length;
  const results = new Array<RunOutput>(total);
  let next = 0;
  let done = 0;
  let failed = false;
  const threads = Array.from({ length: n }, (_, k) => startThread(k));

  const drain = async (thread: Thread): Promise<void> => {
    while (!failed && next < total) {
      const i = next++;
      try {
        results[i] = withDerived(scenario.metrics, await Promise.race([thread.remote.runReplication(scenario, seeds[i]!, { agents: opts.agents }), thread.died]));
      } catch (e) {
        failed = true;
        throw runError(e, i, seeds[i]!);
      }
      done++;
      opts.onProgress?.(done, total);
    }
  };

  await drainAll(threads, drain);
  return results;
}

/** Let every thread drain the queue; terminate them all at the end, on success or error. */
async function drainAll(threads: Thread[], drain: (t: Thread) => Promise<void>): Promise<void> {
  try {
    await Promise.all(threads.map(drain));
  } finally {
    await terminate(threads);
  }
}

async function terminate(threads: readonly Thread[]): Promise<void> {
  for (const t of threads) t.closing = true;
  await Promise.all(threads.map((t) => t.worker.terminate()));
}

/**
 * Worker threads kept between batches of jobs (a calibration runs one batch per generation): started on
 * first use, reused while batches succeed, terminated by close() (and at once when a batch fails or is
 * aborted, so that no run goes on in the background).
 */
export class ThreadPool {
  private threads: Thread[] = [];

  /** `n` live threads, starting the missing ones. */
  take(n: number): Thread[] {
    while (this.threads.length < n) this.threads.push(startThread(this.threads.length));
    return this.threads.slice(0, n);
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await terminate(threads);
  }
}

/** One clear message naming the run; a scenario mistake stays a ScenarioError (the CLI prints it plainly). */
function runError(e: unknown, index: number, seed: number): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'ScenarioError') return new ScenarioError(err.message);
  if (err.message.startsWith('orgsim: worker')) return new Error(`${err.message} (during run ${index}, seed ${seed})`, { cause: err });
  return new Error(`orgsim: run ${index} (seed ${seed}) failed in a worker: ${err.message}`, { cause: err });
}

/** One run of a heterogeneous batch: a sweep runs a different scenario at each point. */
export interface Job {
  scenario: Scenario;
  seed: number;
}

export interface JobsOptions {
  workers?: number;
  /** Called as each job finishes (in completion order) with the job's index; results are not kept. */
  onResult: (index: number, output: RunOutput) => void;
  /** Aborting stops handing out jobs and terminates the threads; runs in flight are dropped. */
  signal?: AbortSignal;
}

/**
 * Runs `count` jobs, job(i) built when it is handed out (a large sweep never holds every point's scenario),
 * on a shared queue like runEnsemble. Results go to onResult as they arrive, so memory stays flat and a
 * caller can save each run at once. Resolves with the number of jobs finished (fewer when aborted).
 */
export function runJobs(count: number, job: (index: number) => Job, opts: JobsOptions): Promise<number> {
  return runQueue(count, job, {
    here: ({ scenario, seed }) => withDerived(scenario.metrics, runScenario(scenario, seed)),
    there: (remote, { scenario, seed }) => remote.runReplication(scenario, seed),
    after: (out, { scenario }) => withDerived(scenario.metrics, out),
  }, opts);
}

/** One run of a calibration: a scenario, a seed, and the statistics wanted from it. */
export interface MeasureJob extends Job {
  requests: readonly StatisticRequest[];
}

export interface MeasureOptions {
  workers?: number;
  /** Threads to reuse (and leave running) instead of threads started and terminated for this batch. */
  pool?: ThreadPool;
  /** Called as each job finishes (in completion order) with its statistics, in the order of its requests. */
  onResult: (index: number, values: Float64Array) => void;
  signal?: AbortSignal;
}

/**
 * Runs `count` calibration runs like runJobs, but each comes back as its statistics only (computed in the
 * worker, where the run's activity trace is): one small transferred buffer, never series or traces.
 */
export function runMeasureJobs(count: number, job: (index: number) => MeasureJob, opts: MeasureOptions): Promise<number> {
  return runQueue(count, job, {
    here: ({ scenario, seed, requests }) => measureRun(scenario, seed, requests),
    there: (remote, { scenario, seed, requests }) => remote.measure(scenario, seed, [...requests]),
    after: (values) => values,
  }, opts);
}

interface Executor<J, R> {
  /** Run the job in this thread. */
  here: (job: J) => R;
  /** Run the job in a worker thread. */
  there: (remote: Remote<SimApi>, job: J) => Promise<R>;
  /** Finish a worker's result in this thread. */
  after: (result: R, job: J) => R;
}

async function runQueue<J extends Job, R>(count: number, job: (index: number) => J, exec: Executor<J, R>, opts: { workers?: number; onResult: (index: number, result: R) => void; signal?: AbortSignal; pool?: ThreadPool }): Promise<number> {
  if (count === 0 || opts.signal?.aborted) return 0;
  const n = Math.max(1, Math.min(count, Math.floor(opts.workers ?? availableParallelism())));
  let next = 0;
  let done = 0;
  if (n <= 1) {
    while (next < count && !opts.signal?.aborted) {
      const i = next++;
      opts.onResult(i, exec.here(job(i)));
      done++;
      // Let signals (Ctrl-C) and the progress bar through between runs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }
  const aborted = new Promise<'aborted'>((resolve) => opts.signal?.addEventListener('abort', () => resolve('aborted'), { once: true }));
  let failed = false;
  const threads = opts.pool ? opts.pool.take(n) : Array.from({ length: n }, (_, k) => startThread(k));
  const drain = async (thread: Thread): Promise<void> => {
    while (!failed && !opts.signal?.aborted && next < count) {
      const i = next++;
      const j = job(i);
      let out: R | 'aborted';
      try {
        out = await Promise.race([exec.there(thread.remote, j), thread.died, aborted]);
      } catch (e) {
        failed = true;
        throw runError(e, i, j.seed);
      }
      if (out === 'aborted') return;
      try {
        opts.onResult(i, exec.after(out, j));
      } catch (e) {
        failed = true; // saving failed (a full disk, say): stop handing out work
        throw e;
      }
      done++;
    }
  };
  if (!opts.pool) {
    await drainAll(threads, drain);
    return done;
  }
  try {
    await Promise.all(threads.map(drain));
  } catch (e) {
    await opts.pool.close();
    throw e;
  }
  if (opts.signal?.aborted) await opts.pool.close(); // runs in flight are dropped, not left running
  return done;
}
