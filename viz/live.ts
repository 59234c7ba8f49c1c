/**
 * A live run in the web worker. The main thread never runs the model: it asks the worker for the next
 * chunk of ticks only when the previous one has arrived (no queue builds up), stores the frames, and lets
 * the page draw at most once per animation frame, whatever the tick rate.
 */
import type { Remote } from 'comlink';
import { startSimWorker } from './worker.ts';
import type { SimApi, Layout, AgentSnapshot } from '../workers/api.ts';
import type { AgentColumn } from '../src/metrics/agents.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { applyLiveSet, withChanges, type LiveChange } from '../src/scenario/live-change.ts';
import { LiveSeries, type GhostSeries } from '../src/live/series.ts';

/** A change on the run's chart: a scheduled intervention of the scenario, or a live change made on the page. */
export type Marker = LiveChange;

export type Speed = number | 'max';

const EMPTY = new Float64Array(0);

export class LiveRun {
  private readonly api: Remote<SimApi>;
  private id = 0;
  scenario!: Scenario;
  /** The run's parameters now: the scenario with the live changes made so far (scheduled ones excluded). */
  params!: Scenario;
  seed = 1;
  layout: Layout | undefined;
  agents: AgentSnapshot | undefined;
  /**
   * The run's series and, beside them, the ghost's: the same run without its latest live change (same scenario,
   * same seed, the earlier changes kept), run in the worker to the run's day, so a room sees what the change did.
   */
  private store = new LiveSeries(0);
  playing = true;
  speed: Speed = 10;
  /** At the horizon, start again (same scenario, seed and changes): a demo that plays by itself. */
  loop = false;
  /** Scheduled interventions of the scenario and live changes made on the page. */
  markers: Marker[] = [];
  /** Live changes only (they become scheduled interventions in a shared link or an export). */
  liveChanges: Marker[] = [];
  private inFlight = false;
  private budget = 0;
  private last = 0;
  chunk = 4;
  lastComputeMs = 0;
  private generation = 0;
  /** Called when new data arrived; the page redraws on its next animation frame. */
  onData: () => void = () => {};
  onError: (e: unknown) => void = () => {};
  /** Called once at the horizon when looping: the page starts the run again. */
  onLoop: () => void = () => {};

  get series(): Float64Array[] {
    return this.store.series;
  }

  get tick(): number {
    return this.store.tick;
  }

  get horizon(): number {
    return this.store.horizon;
  }

  get done(): boolean {
    return this.store.done;
  }

  get ghost(): GhostSeries | undefined {
    return this.store.ghost;
  }

  /** The run's worker: the page's own, or (in a test) any object answering the same calls. */
  constructor(api: Remote<SimApi> = startSimWorker().api) {
    this.api = api;
  }

  /** Settles when the run being opened is ready (live changes made meanwhile wait for it). */
  private opened: Promise<void> = Promise.resolve();
  /** Live changes are sent one at a time, in the order they were made (see intervene). */
  private changes: Promise<unknown> = Promise.resolve();

  /** Start a new run of `scenario` with `seed`; the previous one is closed. */
  open(scenario: Scenario, seed: number): Promise<void> {
    const opened = this.openNow(scenario, seed);
    this.opened = opened.catch(() => {});
    return opened;
  }

  private async openNow(scenario: Scenario, seed: number): Promise<void> {
    const generation = ++this.generation;
    // The old run is closed now, and its id forgotten now: until the new one is open, nothing may ask the
    // worker for the old one (a frame asked for by the next animation frame would get "no open simulation").
    if (this.id) void this.api.close(this.id); // the run and its ghost
    this.id = 0;
    this.scenario = scenario;
    this.params = structuredClone(scenario);
    this.seed = seed;
    this.store = new LiveSeries(scenario.ticks);
    this.agents = undefined;
    this.liveChanges = [];
    this.markers = scenario.interventions.map((iv) => ({ tick: iv.at, label: iv.label, set: iv.set }));
    this.inFlight = false;
    // The first working day is asked for at the first frame, not once the speed has earned it (100 ms at
    // 10 days a second): the page shows data as soon as the worker has it.
    this.budget = 1;
    const id = await this.api.open(scenario, seed);
    if (generation !== this.generation) return;
    this.id = id;
    this.layout = await this.api.layout(id);
    this.onData();
  }

  /** A series of this run (empty before a run is open). */
  get(name: string): Float64Array {
    return this.series[SERIES_INDEX[name]!] ?? EMPTY;
  }

  /**
   * Getters bound to the arrays of this run and of its ghost as they are now: a chart that redraws what it drew
   * later (on a resize) reads the same arrays, even after another run has replaced them.
   */
  bound(): {
    get: (name: string) => Float64Array;
    ghost: { get: (name: string) => Float64Array; tick: number; label: string } | undefined;
  } {
    const series = this.series;
    const g = this.ghost;
    return {
      get: (name) => series[SERIES_INDEX[name]!] ?? EMPTY,
      ghost:
        g && g.tick > 0
          ? { get: (name) => g.series[SERIES_INDEX[name]!] ?? EMPTY, tick: Math.min(g.tick, this.tick), label: g.label }
          : undefined,
    };
  }

  /** Called on every animation frame: asks for ticks according to the speed. */
  pump(now: number): void {
    const elapsed = this.last ? Math.min(500, now - this.last) : 0;
    this.last = now;
    if (this.done && this.loop && this.playing && !this.inFlight) {
      this.inFlight = true; // until the new run opens
      this.onLoop();
      return;
    }
    if (this.inFlight || !this.id) return;
    if (!this.playing || this.done) {
      const g = this.ghost;
      if ((this.store.ghostPending && this.tick > 0) || (g && g.tick < this.tick)) void this.catchUpGhost();
      return;
    }
    let n: number;
    if (this.speed === 'max') n = this.chunk;
    else {
      this.budget = Math.min(this.budget + (elapsed / 1000) * this.speed, Math.max(1, this.speed / 2));
      n = Math.floor(this.budget);
      this.budget -= n;
    }
    if (n > 0) void this.advance(n);
  }

  /** Run n ticks in the worker and store what comes back. */
  async advance(n: number): Promise<void> {
    if (this.inFlight || this.done || !this.id) return;
    this.inFlight = true;
    const generation = this.generation;
    try {
      const [frame, agents] = await Promise.all([this.api.advance(this.id, n), this.api.agents(this.id)]);
      if (generation !== this.generation) return;
      this.store.store(frame);
      this.agents = agents;
      this.lastComputeMs = frame.computeMs;
      if (this.speed === 'max') {
        // Chunks of about 8 ms of worker time, measured in the worker, one per animation frame: on a small
        // machine the browser's own rendering needs the other core.
        this.chunk = Math.max(1, Math.min(500, Math.round((this.chunk * 8) / Math.max(0.5, frame.computeMs))));
      }
      this.onData();
    } catch (e) {
      // A run replaced meanwhile was closed in the worker: its last frames do not matter, nor their errors.
      if (generation === this.generation) this.onError(e);
    } finally {
      if (generation === this.generation) this.inFlight = false;
    }
  }

  /**
   * The ghost catches up on its own when the run does not advance (paused, or ended before the ghost's first days
   * came): otherwise it would be drawn only once the run moves again, or never.
   */
  private async catchUpGhost(): Promise<void> {
    this.inFlight = true;
    const generation = this.generation;
    try {
      const frame = await this.api.catchUpGhost(this.id);
      if (generation !== this.generation) return;
      this.store.storeGhost(frame);
      this.onData();
    } catch (e) {
      if (generation === this.generation) this.onError(e);
    } finally {
      if (generation === this.generation) this.inFlight = false;
    }
  }

  /**
   * A live change: validated by the worker, takes effect at the next tick, recorded as an intervention.
   * Changes are sent one at a time, in the order they were made: the worker answers a change only once its
   * validator has loaded, and two changes sent together could come back in either order; the ghost (the run
   * without the latest change) would then be that of the earlier one, and its legend never the latest's.
   */
  intervene(set: Record<string, number | boolean | string>, label: string): Promise<void> {
    const done = this.changes.then(() => this.interveneNow(set, label));
    this.changes = done.catch(() => {});
    return done;
  }

  private async interveneNow(set: Record<string, number | boolean | string>, label: string): Promise<void> {
    await this.opened;
    if (this.done) {
      throw new Error(
        `The run has ended (day ${this.tick} of ${this.horizon}): “${label}” would have no working day left ` +
          `to act. Reset (r) to start again, or choose a longer horizon in “Your organization”.`,
      );
    }
    const generation = this.generation;
    const tick = await this.api.intervene(this.id, set, label);
    // The run was replaced while the worker checked the change: it belonged to the old one.
    if (generation !== this.generation) return;
    applyLiveSet(this.params, set);
    const marker = { tick, label, set };
    this.liveChanges.push(marker);
    this.markers.push(marker);
    // The worker started the ghost again without this change: its days come with the next frames.
    this.store.changed(this.liveChanges.length);
    this.onData();
  }

  /** The per-agent table of the run so far (computed in the worker). */
  async agentTable(): Promise<AgentColumn[]> {
    await this.opened;
    return this.api.agentTable(this.id);
  }

  /** The scenario with this page's live changes as scheduled interventions: it reproduces the run. */
  reproducible(): Scenario {
    return { ...withChanges(this.scenario, this.liveChanges), seed: this.seed };
  }
}
