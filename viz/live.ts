/**
 * A live run in the web worker. The main thread never runs the model: it asks the worker for the next
 * chunk of ticks only when the previous one has arrived (no queue builds up), stores the frames, and lets
 * the page draw at most once per animation frame, whatever the tick rate.
 */
import type { Remote } from 'comlink';
import { startSimWorker } from './worker.ts';
import type { SimApi, Layout, AgentSnapshot, Frame } from '../workers/api.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { SERIES_INDEX, SERIES_NAMES } from '../src/metrics/series.ts';
import { setPath } from '../src/scenario/access.ts';

export interface Marker {
  tick: number;
  label: string;
  set: Record<string, number | boolean | string>;
}

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
  series: Float64Array[] = [];
  tick = 0;
  horizon = 0;
  done = false;
  playing = true;
  speed: Speed = 20;
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

  constructor() {
    this.api = startSimWorker().api;
  }

  /** Start a new run of `scenario` with `seed`; the previous one is closed. */
  async open(scenario: Scenario, seed: number): Promise<void> {
    const generation = ++this.generation;
    if (this.id) void this.api.close(this.id);
    this.scenario = scenario;
    this.params = structuredClone(scenario);
    this.seed = seed;
    this.horizon = scenario.ticks;
    this.series = SERIES_NAMES.map(() => new Float64Array(scenario.ticks));
    this.tick = 0;
    this.done = false;
    this.agents = undefined;
    this.liveChanges = [];
    this.markers = scenario.interventions.map((iv) => ({ tick: iv.at, label: iv.label, set: iv.set }));
    this.inFlight = false;
    this.budget = 0;
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

  /** Called on every animation frame: asks for ticks according to the speed. */
  pump(now: number): void {
    const elapsed = this.last ? Math.min(500, now - this.last) : 0;
    this.last = now;
    if (!this.playing || this.done || this.inFlight || !this.id) return;
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
      this.store(frame);
      this.agents = agents;
      this.lastComputeMs = frame.computeMs;
      if (this.speed === 'max') {
        // Chunks of about 8 ms of worker time, measured in the worker, one per animation frame: on a small
        // machine the browser's own rendering needs the other core.
        this.chunk = Math.max(1, Math.min(500, Math.round((this.chunk * 8) / Math.max(0.5, frame.computeMs))));
      }
      this.onData();
    } catch (e) {
      this.onError(e);
    } finally {
      if (generation === this.generation) this.inFlight = false;
    }
  }

  private store(frame: Frame): void {
    const n = frame.to - frame.from;
    for (let k = 0; k < this.series.length; k++) this.series[k]!.set(frame.series[k]!.subarray(0, n), frame.from);
    this.tick = frame.to;
    this.done = frame.done;
  }

  /** A live change: validated by the worker, takes effect at the next tick, recorded as an intervention. */
  async intervene(set: Record<string, number | boolean | string>, label: string): Promise<void> {
    const tick = await this.api.intervene(this.id, set, label);
    for (const [path, v] of Object.entries(set)) setPath(this.params as unknown as Record<string, unknown>, path, v);
    const marker = { tick, label, set };
    this.liveChanges.push(marker);
    this.markers.push(marker);
    this.onData();
  }

  /** The scenario with this page's live changes as scheduled interventions: it reproduces the run. */
  reproducible(): Scenario {
    return { ...this.scenario, seed: this.seed, interventions: [...this.scenario.interventions, ...this.liveChanges.map((m) => ({ at: m.tick, label: m.label, set: m.set }))] };
  }
}
