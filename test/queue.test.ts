/**
 * The job-pool contract both pools keep (workers/queue.ts): here with workers that are plain objects answering
 * after a delay each, so the order runs finish in differs from the order they were handed out in.
 */
import { describe, expect, it } from 'vitest';
import { drainJobs, workerCount } from '../workers/queue.ts';

interface FakeWorker {
  name: string;
  ran: number[];
  died: Promise<never>;
  kill: (e: Error) => void;
}

function fakeWorker(name: string): FakeWorker {
  let kill!: (e: Error) => void;
  const died = new Promise<never>((_, reject) => (kill = reject));
  died.catch(() => {});
  return { name, ran: [], died, kill };
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('drainJobs', () => {
  it('puts result i in slot i whatever worker ran it, every job once, from one shared queue', async () => {
    const workers = [fakeWorker('a'), fakeWorker('b'), fakeWorker('c')];
    const results = new Array<number>(10).fill(-1);
    const order: number[] = [];
    const done = await drainJobs(workers, 10, {
      job: (i) => ({ i, ms: (i * 7) % 5 }),
      call: async (w, j) => {
        w.ran.push(j.i);
        await later(j.ms);
        return j.i * j.i;
      },
      died: (w) => w.died,
      onResult: (i, r) => {
        results[i] = r;
        order.push(i);
      },
    });
    expect(done).toBe(10);
    expect(results).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    // Every job ran once, spread over the workers; results came in completion order, not job order.
    expect(workers.flatMap((w) => w.ran).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(workers.every((w) => w.ran.length > 0)).toBe(true);
    expect(order).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stops handing out jobs at the first failure, and rejects with the error naming the run', async () => {
    const workers = [fakeWorker('a'), fakeWorker('b')];
    const handed: number[] = [];
    const run = drainJobs(workers, 20, {
      job: (i) => i,
      call: async (_w, i) => {
        handed.push(i);
        await later(1);
        if (i === 3) throw new Error('boom');
        return i;
      },
      died: (w) => w.died,
      onResult: () => {},
      failure: (e, i) => new Error(`run ${i} failed: ${(e as Error).message}`),
    });
    await expect(run).rejects.toThrow('run 3 failed: boom');
    await later(20);
    expect(Math.max(...handed)).toBeLessThan(6);
  });

  it('fails when a worker dies in the middle of a run', async () => {
    const workers = [fakeWorker('a')];
    const run = drainJobs(workers, 3, {
      job: (i) => i,
      call: async (w, i) => {
        if (i === 0) return i;
        setTimeout(() => w.kill(new Error('worker a stopped')), 1);
        return new Promise<number>(() => {}); // a run that never answers: only the death ends it
      },
      died: (w) => w.died,
      onResult: () => {},
    });
    await expect(run).rejects.toThrow('worker a stopped');
  });

  it('an abort drops the runs in flight and hands out nothing more', async () => {
    const stop = new AbortController();
    const workers = [fakeWorker('a'), fakeWorker('b')];
    const got: number[] = [];
    const run = drainJobs(workers, 100, {
      job: (i) => i,
      call: async (_w, i) => {
        if (i === 4) stop.abort();
        await later(2);
        return i;
      },
      died: (w) => w.died,
      onResult: (i) => got.push(i),
      signal: stop.signal,
    });
    const done = await run;
    expect(done).toBe(got.length);
    expect(got.length).toBeLessThan(5);
    expect(got).not.toContain(4);
    expect(
      await drainJobs(workers, 5, {
        job: (i) => i,
        call: async (_w, i) => i,
        died: (w) => w.died,
        onResult: () => {},
        signal: stop.signal,
      }),
    ).toBe(0);
  });

  it('uses at least one worker and never more than one per job', () => {
    expect(workerCount(0, 4)).toBe(1);
    expect(workerCount(3, 8)).toBe(3);
    expect(workerCount(10, 2.7)).toBe(2);
    expect(workerCount(10, 0)).toBe(1);
  });
});
