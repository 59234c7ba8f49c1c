/**
 * The page's live run (viz/live.ts) against the real worker API, run in this process behind a message queue
 * that answers in order, as a worker does, except where a test holds answers back to force an ordering that
 * load produces only now and then: a run opened again while frames are asked for, two live changes whose
 * answers come back in reverse order, a ghost that opens after the run has stopped advancing.
 */
import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import { api, type SimApi } from '../workers/api.ts';
import { LiveRun } from '../viz/live.ts';
import { validate } from '../src/scenario/load.ts';

/** A small organization over 60 days: a run of a few dozen milliseconds. */
const small = async () =>
  validate({ name: 'small', organization: { employees: 200 }, external: { customers: 50 }, ticks: 60 });

/** The worker API in this process: one message at a time, in the order sent; intervene answers can be held. */
function inProcess() {
  const queue: (() => Promise<void>)[] = [];
  let busy = false;
  const held: (() => void)[] = [];
  const calls: string[] = [];
  let hold = false;
  /** Intervene calls sent and not yet answered nor held. */
  let computing = 0;
  const pumpQueue = () => {
    if (busy || !queue.length) return;
    busy = true;
    // A macrotask per message, as postMessage delivers them.
    setTimeout(async () => {
      await queue.shift()!();
      busy = false;
      pumpQueue();
    });
  };
  const remote = new Proxy(
    {},
    {
      get:
        (_, method: string) =>
        (...args: unknown[]) =>
          new Promise((resolve, reject) => {
            calls.push(`${method}(${typeof args[0] === 'number' ? args[0] : '…'})`);
            queue.push(async () => {
              try {
                // The real handlers: intervene is async in the worker too (it loads the validator).
                if (method === 'intervene') computing++;
                const p = Promise.resolve(
                  (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args),
                );
                if (method === 'intervene' && hold) {
                  // The answer is ready but not sent: the test decides when.
                  p.then((v) => held.push(() => resolve(v)), reject).finally(() => computing--);
                  return;
                }
                resolve(await p.finally(() => method === 'intervene' && computing--));
              } catch (e) {
                reject(e);
              }
            });
            pumpQueue();
          }),
    },
  ) as Remote<SimApi>;
  return {
    remote,
    calls,
    setHold: (on: boolean) => (hold = on),
    /** Answers held so far (each settles a different intervene call). */
    held,
    /** Every message sent so far has been handled (answered or held). */
    settled: () => !busy && !queue.length && computing === 0,
  };
}

const until = async (what: () => boolean, label: string) => {
  for (let k = 0; k < 2000 && !what(); k++) await new Promise((r) => setTimeout(r, 1));
  expect(what(), label).toBe(true);
};

/** Animation frames, 100 ms apart: at 10 days a second each asks for about one day. */
async function frames(run: LiveRun, n: number, at = { t: 1000 }): Promise<void> {
  for (let k = 0; k < n; k++) {
    at.t += 100;
    run.pump(at.t);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('the live run', () => {
  it('a run opened again while frames are asked for never asks the worker for the closed run', async () => {
    const w = inProcess();
    const run = new LiveRun(w.remote);
    const errors: unknown[] = [];
    run.onError = (e) => errors.push(e);
    const scenario = await small();
    await run.open(scenario, 1);
    const at = { t: 1000 };
    await frames(run, 5, at);
    await until(() => run.tick > 0, 'the first run advances');
    // "Apply from day 0": the run starts again while the page keeps asking for frames on every animation frame.
    const reopened = run.open(scenario, 2);
    await frames(run, 5, at);
    await reopened;
    await frames(run, 10, at);
    await until(() => run.tick > 3, 'the new run advances');
    expect(errors.map(String)).toEqual([]);
    // Nothing was asked of run 1 after it was closed.
    const closedAt = w.calls.indexOf('close(1)');
    expect(closedAt).toBeGreaterThan(0);
    expect(w.calls.slice(closedAt + 1).filter((c) => /\(1\)$/.test(c))).toEqual([]);
  });

  it('the ghost is that of the latest live change, even when the worker answers the changes in \
reverse order', async () => {
    const w = inProcess();
    const run = new LiveRun(w.remote);
    const errors: unknown[] = [];
    run.onError = (e) => errors.push(e);
    await run.open(await small(), 1);
    const at = { t: 1000 };
    await frames(run, 6, at);
    await until(() => run.tick >= 3, 'the run advances');
    w.setHold(true);
    // Two clicks in quick succession.
    const first = run.intervene({ 'smm.count': 3 }, 'Hire an SMM');
    const second = run.intervene({ 'cm.speakShare': 0.5 }, 'Let the CM speak more');
    // Answer the latest change first, as a worker whose validator loads in the meantime may do.
    for (let k = 0; k < 2; k++) {
      // Every change sent so far is in the worker and answered, the answers held back: send the latest's.
      await until(() => w.settled() && w.held.length > 0, `an answer to release (${k + 1})`);
      w.held.pop()!();
      await new Promise((r) => setTimeout(r, 5));
    }
    w.setHold(false);
    await Promise.all([first, second]);
    expect(run.liveChanges.map((m) => m.label)).toEqual(['Hire an SMM', 'Let the CM speak more']);
    await frames(run, 6, at);
    await until(() => (run.bound().ghost?.tick ?? 0) > 0, 'the ghost follows the run');
    expect(run.bound().ghost!.label).toBe('Let the CM speak more');
    expect(errors.map(String)).toEqual([]);
  });

  it('the ghost catches up when the run is paused, and when the run has ended', async () => {
    const w = inProcess();
    const run = new LiveRun(w.remote);
    await run.open(await small(), 1);
    const at = { t: 1000 };
    await frames(run, 6, at);
    await until(() => run.tick >= 3, 'the run advances');
    run.playing = false;
    await run.intervene({ 'smm.count': 3 }, 'Hire an SMM');
    await frames(run, 3, at);
    await until(() => run.bound().ghost?.tick === run.tick, 'the ghost reaches the paused run');
    // A change made near the end, whose answer (and so whose ghost) comes only after the run has ended.
    run.playing = true;
    await until(() => {
      run.pump((at.t += 100));
      return run.tick >= run.horizon - 8;
    }, 'near the end');
    run.playing = false;
    w.setHold(true);
    const late = run.intervene({ 'cm.speakShare': 0.5 }, 'Let the CM speak more');
    await until(() => w.held.length > 0, 'the answer to hold');
    run.playing = true;
    await until(() => {
      run.pump((at.t += 100));
      return run.done;
    }, 'the run ends');
    w.held.pop()!();
    w.setHold(false);
    await late;
    await frames(run, 3, at);
    await until(
      () => run.bound().ghost?.tick === run.tick && run.bound().ghost?.label === 'Let the CM speak more',
      'the ghost reaches the ended run',
    );
  });
});
