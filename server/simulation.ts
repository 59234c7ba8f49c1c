/**
 * The workshop's run, on a worker thread: the same worker code as the page's (workers/api.ts over comlink,
 * started by workers/node-worker.mjs), so the room sees the numbers the page and `orgsim run` give.
 *
 * Calls to the worker go one at a time, in the order they were asked (advance, then a decision, then
 * advance...): a decision takes effect on the day the worker says, and that day is what the replay records.
 * Beside the run, a ghost: the same scenario and seed without the latest decision (the earlier ones kept),
 * which follows the run so the shared screen shows what the room's decision changed. The run and its ghost are
 * src/live/session.ts in the worker, as for the page's live view; this keeps their series (src/live/series.ts).
 */
import type { AgentSnapshot, Layout } from '../workers/api.ts';
import { startThread, terminate, type Thread } from '../workers/pool.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { applyLiveSet, type LiveChange } from '../src/scenario/live-change.ts';
import { LiveSeries, type GhostSeries, type Step } from '../src/live/series.ts';

export type Change = LiveChange;
export type { Step } from '../src/live/series.ts';

export class LiveSimulation {
  /** The run's parameters now: the scenario with the decisions applied so far. */
  readonly params: Scenario;
  readonly changes: Change[] = [];
  agents: AgentSnapshot | undefined;
  /** The run's series and its ghost's, as the worker sends them (src/live/series.ts). */
  private readonly store: LiveSeries;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly thread: Thread,
    readonly scenario: Scenario,
    readonly seed: number,
    private readonly id: number,
    readonly layout: Layout,
  ) {
    this.params = structuredClone(scenario);
    this.store = new LiveSeries(scenario.ticks);
  }

  get series(): Float64Array[] {
    return this.store.series;
  }

  get horizon(): number {
    return this.store.horizon;
  }

  get tick(): number {
    return this.store.tick;
  }

  get done(): boolean {
    return this.store.done;
  }

  /** The run without the latest decision, once its first days have come. */
  get ghost(): GhostSeries | undefined {
    return this.store.ghost;
  }

  static async start(scenario: Scenario, seed: number): Promise<LiveSimulation> {
    const thread = startThread("the simulation's worker");
    try {
      const id = await Promise.race([thread.remote.open(scenario, seed), thread.died]);
      const layout = await Promise.race([thread.remote.layout(id), thread.died]);
      return new LiveSimulation(thread, scenario, seed, id, layout);
    } catch (e) {
      await terminate([thread]);
      throw e;
    }
  }

  /** One call at a time, in order; a dead worker fails the call instead of hanging it. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => Promise.race([fn(), this.thread.died]));
    this.queue = next.catch(() => {});
    return next;
  }

  /** Run up to n more days; the ghost follows to the same day (in the worker). */
  advance(n: number): Promise<Step> {
    return this.serial(async () => {
      if (this.done || this.closed) return { from: this.tick, to: this.tick, ghost: null };
      const step = this.store.store(await this.thread.remote.advance(this.id, n));
      this.agents = await this.thread.remote.agents(this.id);
      return step;
    });
  }

  /** A decision of the room: a change of live parameters from the next day to run; resolves to that day. */
  intervene(set: Change['set'], label: string): Promise<number> {
    return this.serial(async () => {
      if (this.done)
        throw new Error(
          `the run has ended (day ${this.tick} of ${this.horizon}): no working day is left for “${label}”`,
        );
      const tick = await this.thread.remote.intervene(this.id, set, label);
      applyLiveSet(this.params, set);
      this.changes.push({ tick, label, set });
      // The worker started the ghost again without this decision: its days come with the next advance.
      this.store.changed(this.changes.length);
      return tick;
    });
  }

  /** Bring the ghost up to the run's day now (after a decision taken while the run is paused). */
  catchUpGhost(): Promise<Step['ghost']> {
    return this.serial(async () => this.store.storeGhost(await this.thread.remote.catchUpGhost(this.id)));
  }

  async close(): Promise<void> {
    this.closed = true;
    await terminate([this.thread]);
  }
}
