/**
 * A live run with its ghost, as the page and the workshop server show it. The run advances N days at a time and
 * takes live changes; beside it, the ghost: the same scenario and seed without the latest change (the earlier
 * ones kept), which follows the run to the same day, so a room sees what its change did. Both live in the worker
 * that runs them (workers/sessions.ts), for the page's live view and for `orgsim serve`'s room alike; a frame
 * carries only the days run since the previous one, of the run and of its ghost, each packed in one buffer
 * (series-major) so that one transfer moves it. Synchronous and pure: no DOM, no Node; whoever animates it
 * decides when to advance.
 */
import type { Scenario } from '../scenario/schema.ts';
import { withChanges, type LiveChange, type LiveSet } from '../scenario/live-change.ts';
import { Simulation } from '../model/simulation.ts';
import { agentTable, type AgentColumn } from '../metrics/agents.ts';

/** Days [from, to) of a run's series. */
export interface SeriesFrame {
  from: number;
  to: number;
  /** Series k at tick from + j is data[k * (to - from) + j]. */
  data: Float64Array;
  /** One view per series over `data` (no copy), in SERIES order. */
  series: Float64Array[];
}

/** What an advance of the ghost added; `restart`: it is a new ghost (a new change), starting at day 0. */
export interface GhostFrame extends SeriesFrame {
  restart: boolean;
  /** The change the ghost is without: its label, and its number (1 for the first change of the run). */
  label: string;
  change: number;
}

export interface Frame extends SeriesFrame {
  /** `to` is the run's tick after the advance. */
  done: boolean;
  /** Milliseconds the worker spent running the run's days (lets the page size its chunks; the ghost's excluded). */
  computeMs: number;
  /** What the ghost added meanwhile (it follows the run to the same day), or null. */
  ghost: GhostFrame | null;
}

export interface Layout {
  employees: number;
  teams: number;
  departments: number;
  /** Per employee. */
  team: Int32Array;
  department: Int32Array;
  role: Uint8Array;
  /** Per group: kind (0 team, 1 open, 2 external), topic (-1 if none), candidate members. */
  groupKind: Uint8Array;
  groupTopic: Int32Array;
  groupSize: Int32Array;
}

export interface AgentSnapshot {
  tick: number;
  /** Per employee this tick: 0 absent, 1 read, 2 contributed. */
  state: Uint8Array;
  /** Per employee: contributions so far. */
  contributions: Float64Array;
  /** Per group: share of its joined members who took part this tick; -1 for an inactive group. */
  groupShare: Float32Array;
}

/** Days [from, sim.tick) of a simulation's series, copied into one buffer. */
function seriesFrame(sim: Simulation, from: number): SeriesFrame {
  const to = sim.tick;
  const n = to - from;
  const all = sim.series;
  const data = new Float64Array(all.length * n);
  const series: Float64Array[] = [];
  for (let k = 0; k < all.length; k++) {
    data.set(all[k]!.subarray(from, to), k * n);
    series.push(data.subarray(k * n, (k + 1) * n));
  }
  return { from, to, data, series };
}

interface Ghost {
  sim: Simulation;
  label: string;
  change: number;
  /** First day not yet sent. */
  sent: number;
}

export class LiveSession {
  readonly sim: Simulation;
  /** The live changes made so far, in order, with the day each took effect on. */
  readonly changes: LiveChange[] = [];
  /** First day not yet sent. */
  private sent = 0;
  private ghost: Ghost | undefined;

  /**
   * `now` is the caller's clock in milliseconds (the worker passes performance.now): it only times a frame's
   * computation for the page's pacing; the core reads no clock of its own, and the numbers never depend on it.
   */
  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    private readonly now: () => number = () => 0,
  ) {
    this.sim = new Simulation(scenario, seed);
  }

  /** Run up to `ticks` more days; the ghost follows to the same day. */
  advance(ticks: number): Frame {
    const started = this.now();
    this.sim.run(Math.max(0, Math.floor(ticks)));
    const computeMs = this.now() - started;
    const frame = seriesFrame(this.sim, this.sent);
    this.sent = frame.to;
    return { ...frame, done: this.sim.done, computeMs, ghost: this.followGhost() };
  }

  /** The ghost runs up to the run's day (from day 0 the first time: same seed, same days); null if it is there. */
  followGhost(): GhostFrame | null {
    const g = this.ghost;
    if (!g || g.sim.tick >= this.sim.tick) return null;
    g.sim.run(this.sim.tick - g.sim.tick);
    const restart = g.sent === 0;
    const frame = seriesFrame(g.sim, g.sent);
    g.sent = frame.to;
    return { ...frame, restart, label: g.label, change: g.change };
  }

  /**
   * A live change, already checked (workers/sessions.ts checks it as a scenario's interventions are): it takes
   * effect at the next day to run, which it returns. The ghost starts again without it.
   */
  intervene(set: LiveSet, label: string): number {
    this.sim.intervene(set, label);
    const tick = this.sim.tick;
    this.changes.push({ tick, label, set });
    this.ghost = {
      sim: new Simulation(withChanges(this.scenario, this.changes.slice(0, -1)), this.seed),
      label,
      change: this.changes.length,
      sent: 0,
    };
    return tick;
  }

  /** Who is where: teams, departments, roles, groups (for the organization view). */
  layout(): Layout {
    const w = this.sim.world;
    const E = w.employees;
    const groupSize = new Int32Array(w.groups);
    for (let g = 0; g < w.groups; g++) groupSize[g] = w.groupStart[g + 1]! - w.groupStart[g]!;
    return {
      employees: E,
      teams: w.teams,
      departments: w.departments,
      team: w.team.slice(0, E),
      department: w.department.slice(0, E),
      role: w.role.slice(0, E),
      groupKind: w.groupKind.slice(),
      groupTopic: w.groupTopic.slice(),
      groupSize,
    };
  }

  /** This day's state of every employee, contributions so far, and each group's participation. */
  agents(): AgentSnapshot {
    const sim = this.sim;
    const w = sim.world;
    const E = w.employees;
    const groupShare = new Float32Array(w.groups);
    for (let g = 0; g < w.groups; g++) groupShare[g] = w.groupActive[g] ? sim.participationShare(g) : -1;
    return { tick: sim.tick, state: w.tickState.slice(0, E), contributions: w.contributions.slice(0, E), groupShare };
  }

  /** The per-agent table of the run so far (src/metrics/agents.ts): columns copied out, so they can be transferred. */
  agentTable(): AgentColumn[] {
    return agentTable(this.sim.world);
  }
}
