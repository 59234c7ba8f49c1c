/**
 * Runs of the model on worker threads: the Node side of the job-pool contract (workers/queue.ts, shared with the
 * page's pool): result i is the run of job i whatever the number of workers; results are reported as runs finish.
 *
 * The threads are the process's own, started once and kept (ThreadPool, `sharedPool()`): an ensemble, a sweep, a
 * claims report and a calibration started in one process reuse them, so each thread loads the model's modules
 * and warms V8's compiled code once, not once per batch. An idle thread does not keep the process alive
 * (`unref`), so a command ends when its work ends. Workers take the next job index from a shared queue, so a
 * slow run does not hold up the others. With one worker the runs happen in this thread: the same code on the
 * same inputs, so the same numbers, without a thread at all. When a batch fails or is aborted, the pool's threads
 * are terminated at once (no run goes on in the background) and the next batch starts fresh ones.
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
import { CLAIMS } from '../src/claims.ts';
import { claimRun } from '../src/claims-field.ts';
import { drainJobs, workerCount } from './queue.ts';

/** The shim that registers tsx in the thread, then loads workers/node-entry.ts. */
const WORKER_URL = new URL('./node-worker.mjs', import.meta.url);

export interface Thread {
  worker: Worker;
  remote: Remote<SimApi>;
  /** Rejects when the thread dies (uncaught error, out of memory, unexpected exit); never resolves. */
  died: Promise<never>;
  closing: boolean;
  /** The thread has exited (the pool replaces it at the next batch). */
  exited: boolean;
}

/**
 * A worker thread running workers/api.ts over comlink, as the pool's threads and the workshop's run use it;
 * `name` starts its failure messages ("orgsim: worker 1 failed: ..."). End it with terminate().
 */
export function startThread(name: string): Thread {
  const worker = new Worker(WORKER_URL);
  const thread = { worker, remote: wrap<SimApi>(nodeEndpoint(worker)), closing: false, exited: false } as Thread;
  thread.died = new Promise<never>((_, reject) => {
    worker.once('error', (e) => reject(new Error(`${name} failed: ${e.message}`, { cause: e })));
    worker.once('exit', (code) => {
      thread.exited = true;
      if (!thread.closing) reject(new Error(`${name} stopped unexpectedly (exit code ${code})`));
    });
  });
  thread.died.catch(() => {}); // observed through Promise.race where it is used; this only silences "unhandled".
  return thread;
}

export async function terminate(threads: readonly Thread[]): Promise<void> {
  for (const t of threads) t.closing = true;
  await Promise.all(threads.map((t) => t.worker.terminate()));
}

/**
 * Worker threads kept between batches of jobs: started on first use, reused while batches succeed, terminated by
 * close() (and at once when a batch fails or is aborted). Threads are referenced (keep the process alive) only
 * while a batch runs on them.
 */
export class ThreadPool {
  private threads: Thread[] = [];
  /** Batches running now (a batch holds its threads referenced). */
  private running = 0;

  /** Threads started so far and alive. */
  get size(): number {
    return this.threads.length;
  }

  /** Their thread ids (to check that batches reuse them). */
  get threadIds(): number[] {
    return this.threads.map((t) => t.worker.threadId);
  }

  /** `n` live threads, starting the missing ones (and replacing any that exited while idle). */
  take(n: number): Thread[] {
    this.threads = this.threads.filter((t) => !t.exited);
    while (this.threads.length < n) {
      const thread = startThread(`orgsim: worker ${this.threads.length}`);
      thread.worker.unref();
      this.threads.push(thread);
    }
    return this.threads.slice(0, n);
  }

  /** Start `n` threads now (they load the model's modules meanwhile), without running anything. */
  warm(n: number): void {
    this.take(n);
  }

  /** Run `batch` on `n` threads, holding the process alive meanwhile; close the pool if it fails. */
  async use<T>(n: number, batch: (threads: Thread[]) => Promise<T>): Promise<T> {
    const threads = this.take(n);
    this.running++;
    for (const t of threads) t.worker.ref();
    try {
      return await batch(threads);
    } catch (e) {
      await this.close();
      throw e;
    } finally {
      this.running--;
      if (this.running === 0) for (const t of this.threads) t.worker.unref();
    }
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await terminate(threads);
  }
}

let shared: ThreadPool | undefined;

/** The process's pool, used by every batch that names none. */
export function sharedPool(): ThreadPool {
  return (shared ??= new ThreadPool());
}

/** One clear message naming the run; a scenario mistake stays a ScenarioError (the CLI prints it plainly). */
function runError(e: unknown, index: number, seed: number): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'ScenarioError') return new ScenarioError(err.message);
  if (err.message.startsWith('orgsim: worker'))
    return new Error(`${err.message} (during run ${index}, seed ${seed})`, { cause: err });
  return new Error(`orgsim: run ${index} (seed ${seed}) failed in a worker: ${err.message}`, { cause: err });
}

/** One run of a batch: a sweep runs a different scenario at each point. */
export interface Job {
  scenario: Scenario;
  seed: number;
  /** Also return the run's per-agent table. */
  agents?: boolean;
}

export interface EnsembleOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Also return each run's per-agent table. */
  agents?: boolean;
  /** Threads to use (default: the process's pool). */
  pool?: ThreadPool;
}

/** Replications of one scenario, result i being the run of seeds[i]. */
export async function runEnsemble(
  scenario: Scenario,
  seeds: readonly number[],
  opts: EnsembleOptions = {},
): Promise<RunOutput[]> {
  const results = new Array<RunOutput>(seeds.length);
  let done = 0;
  const agents = opts.agents;
  await runQueue(
    seeds.length,
    (i) => ({ scenario, seed: seeds[i]! }),
    {
      here: (job) => withDerived(job.scenario.metrics, runScenario(job.scenario, job.seed, { agents })),
      there: (remote, job) => remote.runReplication(job.scenario, job.seed, { agents }),
      after: (out, job) => withDerived(job.scenario.metrics, out),
    },
    {
      workers: opts.workers,
      pool: opts.pool,
      onResult: (i, out) => {
        results[i] = out;
        opts.onProgress?.(++done, seeds.length);
      },
    },
  );
  return results;
}

export interface JobsOptions {
  workers?: number;
  /** Called as each job finishes (in completion order) with the job's index; results are not kept. */
  onResult: (index: number, output: RunOutput) => void;
  /** Aborting stops handing out jobs and terminates the threads; runs in flight are dropped. */
  signal?: AbortSignal;
  pool?: ThreadPool;
}

/**
 * Runs `count` jobs, job(i) built when it is handed out (a large sweep never holds every point's scenario),
 * on a shared queue like runEnsemble. Results go to onResult as they arrive, so memory stays flat and a
 * caller can save each run at once. Resolves with the number of jobs finished (fewer when aborted).
 */
export function runJobs(count: number, job: (index: number) => Job, opts: JobsOptions): Promise<number> {
  return runQueue(
    count,
    job,
    {
      here: ({ scenario, seed, agents }) => withDerived(scenario.metrics, runScenario(scenario, seed, { agents })),
      there: (remote, { scenario, seed, agents }) => remote.runReplication(scenario, seed, { agents }),
      after: (out, { scenario }) => withDerived(scenario.metrics, out),
    },
    opts,
  );
}

/** One run of a calibration: a scenario, a seed, and the statistics wanted from it. */
export interface MeasureJob extends Job {
  requests: readonly StatisticRequest[];
}

export interface MeasureOptions {
  workers?: number;
  /** Threads to use (default: the process's pool). */
  pool?: ThreadPool;
  /** Called as each job finishes (in completion order) with its statistics, in the order of its requests. */
  onResult: (index: number, values: Float64Array) => void;
  signal?: AbortSignal;
}

/**
 * Runs `count` calibration runs like runJobs, but each comes back as its statistics only (computed in the
 * worker, where the run's activity trace is): one small transferred buffer, never series or traces.
 */
export function runMeasureJobs(
  count: number,
  job: (index: number) => MeasureJob,
  opts: MeasureOptions,
): Promise<number> {
  return runQueue(
    count,
    job,
    {
      here: ({ scenario, seed, requests }) => measureRun(scenario, seed, requests),
      there: (remote, { scenario, seed, requests }) => remote.measure(scenario, seed, [...requests]),
      after: (values) => values,
    },
    opts,
  );
}

/** One run of a claim's arm. */
export interface ClaimJob extends Job {
  claim: string;
}

/**
 * Runs `count` runs of claims' arms like runJobs, each coming back as the claim's measures and field measures
 * (src/claims-field.ts: claimRun), computed in the worker where the run's activity trace is.
 */
export function runClaimJobs(count: number, job: (index: number) => ClaimJob, opts: MeasureOptions): Promise<number> {
  return runQueue(
    count,
    job,
    {
      here: ({ scenario, seed, claim }) => claimRun(CLAIMS.find((c) => c.id === claim)!, scenario, seed),
      there: (remote, { scenario, seed, claim }) => remote.claimRun(scenario, seed, claim),
      after: (values) => values,
    },
    opts,
  );
}

interface Executor<J, R> {
  /** Run the job in this thread. */
  here: (job: J) => R;
  /** Run the job in a worker thread. */
  there: (remote: Remote<SimApi>, job: J) => Promise<R>;
  /** Finish a worker's result in this thread. */
  after: (result: R, job: J) => R;
}

interface QueueOptions<R> {
  workers?: number;
  onResult: (index: number, result: R) => void;
  signal?: AbortSignal;
  pool?: ThreadPool;
}

async function runQueue<J extends Job, R>(
  count: number,
  job: (index: number) => J,
  exec: Executor<J, R>,
  opts: QueueOptions<R>,
): Promise<number> {
  if (count === 0 || opts.signal?.aborted) return 0;
  const n = workerCount(count, opts.workers ?? availableParallelism());
  if (n <= 1) return runHere(count, job, exec, opts);
  const pool = opts.pool ?? sharedPool();
  return pool.use(n, async (threads) => {
    const done = await drainJobs(threads, count, {
      job,
      call: (thread, j) => exec.there(thread.remote, j),
      died: (thread) => thread.died,
      onResult: (i, out, j) => opts.onResult(i, exec.after(out, j)),
      failure: (e, i, j) => runError(e, i, j.seed),
      signal: opts.signal,
    });
    if (opts.signal?.aborted) await pool.close(); // runs in flight are dropped, not left running
    return done;
  });
}

/** With one worker the runs happen in this thread, one after the other, in job order. */
async function runHere<J extends Job, R>(
  count: number,
  job: (index: number) => J,
  exec: Executor<J, R>,
  opts: QueueOptions<R>,
): Promise<number> {
  let done = 0;
  for (let i = 0; i < count && !opts.signal?.aborted; i++) {
    opts.onResult(i, exec.here(job(i)));
    done++;
    // Let signals (Ctrl-C) and the progress bar through between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}
