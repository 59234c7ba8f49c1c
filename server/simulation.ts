/**
 * The workshop's run, on a worker thread: the same worker code as the page's (workers/api.ts over comlink,
 * started by workers/node-worker.mjs), so the room sees the numbers the page and `orgsim run` give.
 *
 * Calls to the worker go one at a time, in the order they were asked (advance, then a decision, then
 * advance...): a decision takes effect on the day the worker says, and that day is what the replay records.
 * Beside the run, a ghost: the same scenario and seed without the latest decision (the earlier ones kept),
 * which follows the run so the shared screen shows what the room's decision changed.
 */
import type { AgentSnapshot, Layout } from '../workers/api.ts';
import { startThread, terminate, type Thread } from '../workers/pool.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { SERIES_NAMES, storeFrame } from '../src/metrics/series.ts';
import { setPath } from '../src/scenario/access.ts';
import { withDecisions } from '../src/room/replay.ts';

export interface Change {
  tick: number;
  label: string;
  set: Record<string, number | boolean | string>;
}

/** What an advance added: ticks [from, to) of the run, and of the ghost (restart: it began again at 0). */
export interface Step {
  from: number;
  to: number;
  ghost: { from: number; to: number; restart: boolean } | null;
}

export interface Ghost {
  id: number;
  label: string;
  series: Float64Array[];
  tick: number;
  /** Not yet sent since it (re)started from day 0. */
  restarted: boolean;
}

export class LiveSimulation {
  /** The run's parameters now: the scenario with the decisions applied so far. */
  readonly params: Scenario;
  readonly series: Float64Array[];
  readonly horizon: number;
  readonly changes: Change[] = [];
  tick = 0;
  done = false;
  ghost: Ghost | undefined;
  agents: AgentSnapshot | undefined;
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
    this.horizon = scenario.ticks;
    this.series = SERIES_NAMES.map(() => new Float64Array(scenario.ticks));
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

  /** Run up to n more days; the ghost follows to the same day. */
  advance(n: number): Promise<Step> {
    return this.serial(async () => {
      if (this.done || this.closed) return { from: this.tick, to: this.tick, ghost: null };
      const frame = await this.thread.remote.advance(this.id, n);
      const from = this.tick;
      storeFrame(this.series, frame);
      this.tick = frame.to;
      this.done = frame.done;
      this.agents = await this.thread.remote.agents(this.id);
      return { from, to: this.tick, ghost: await this.followGhost() };
    });
  }

  /** A decision of the room: a change of live parameters from the next day to run; resolves to that day. */
  intervene(set: Change['set'], label: string): Promise<number> {
    return this.serial(async () => {
      if (this.done) throw new Error(`the run has ended (day ${this.tick} of ${this.horizon}): no working day is left for “${label}”`);
      const tick = await this.thread.remote.intervene(this.id, set, label);
      for (const [path, v] of Object.entries(set)) setPath(this.params as unknown as Record<string, unknown>, path, v);
      this.changes.push({ tick, label, set });
      await this.restartGhost(label);
      return tick;
    });
  }

  private async restartGhost(label: string): Promise<void> {
    if (this.ghost) void this.thread.remote.close(this.ghost.id);
    const earlier = this.changes.slice(0, -1);
    const id = await this.thread.remote.open(withDecisions(this.scenario, earlier), this.seed);
    this.ghost = { id, label, series: SERIES_NAMES.map(() => new Float64Array(this.horizon)), tick: 0, restarted: true };
  }

  private async followGhost(): Promise<Step['ghost']> {
    const g = this.ghost;
    if (!g || g.tick >= this.tick) return null;
    const frame = await this.thread.remote.advance(g.id, this.tick - g.tick);
    const restart = g.restarted;
    const from = restart ? 0 : g.tick;
    storeFrame(g.series, frame);
    g.tick = frame.to;
    g.restarted = false;
    return { from, to: g.tick, restart };
  }

  /** Bring the ghost up to the run's day now (after a decision taken while the run is paused). */
  catchUpGhost(): Promise<Step['ghost']> {
    return this.serial(() => this.followGhost());
  }

  async close(): Promise<void> {
    this.closed = true;
    await terminate([this.thread]);
  }
}
