/**
 * Live runs for the web app: a Simulation per id, stepped N ticks at a time. Each frame carries only the
 * ticks run since the previous frame, packed in one buffer (series-major) so that one transfer moves it all.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { agentTable, type AgentColumn } from '../src/metrics/agents.ts';

export interface Frame {
  /** Ticks [from, to) are in this frame; `to` is the simulation's tick after the advance. */
  from: number;
  to: number;
  done: boolean;
  /** Series k at tick from + j is data[k * (to - from) + j]. */
  data: Float64Array;
  /** One view per series over `data` (no copy), in SERIES order. */
  series: Float64Array[];
  /** Milliseconds the worker spent running these ticks (lets the page size its chunks). */
  computeMs: number;
}

interface Session {
  sim: Simulation;
  /** First tick not yet sent. */
  sent: number;
}

const sessions = new Map<number, Session>();
let nextId = 1;

function get(id: number): Session {
  const s = sessions.get(id);
  if (!s) throw new Error(`no open simulation with id ${id}`);
  return s;
}

export function openSession(scenario: Scenario, seed: number): number {
  const id = nextId++;
  sessions.set(id, { sim: new Simulation(scenario, seed), sent: 0 });
  return id;
}

export function advanceSession(id: number, ticks: number): Frame {
  const s = get(id);
  const started = performance.now();
  s.sim.run(Math.max(0, Math.floor(ticks)));
  const computeMs = performance.now() - started;
  const from = s.sent;
  const to = s.sim.tick;
  const n = to - from;
  const all = s.sim.series;
  const data = new Float64Array(all.length * n);
  const series: Float64Array[] = [];
  for (let k = 0; k < all.length; k++) {
    data.set(all[k]!.subarray(from, to), k * n);
    series.push(data.subarray(k * n, (k + 1) * n));
  }
  s.sent = to;
  return { from, to, done: s.sim.done, data, series, computeMs };
}

/**
 * Same rules as a scenario's interventions (src/scenario/load.ts). The validator (zod) is loaded on first use
 * only, so that a worker that only runs replications starts without it.
 */
export function interveneSession(id: number, set: Record<string, number | boolean | string>, label = 'intervention'): Promise<number> {
  // One after the other, in the order they came: two changes that both wait for the validator to load would
  // otherwise be applied in whichever order their imports settle.
  const applied = changes.then(() => applyChange(id, set, label));
  changes = applied.catch(() => {});
  return applied;
}
let changes: Promise<unknown> = Promise.resolve();

async function applyChange(id: number, set: Record<string, number | boolean | string>, label: string): Promise<number> {
  const s = get(id);
  const { applyLiveChange } = await import('../src/scenario/load.ts');
  applyLiveChange(s.sim.params as unknown as Record<string, unknown>, set, 'intervention');
  s.sim.intervene(set, label);
  // The tick at which the change takes effect (the next one to run).
  return s.sim.tick;
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

export function sessionLayout(id: number): Layout {
  const w = get(id).sim.world;
  const E = w.employees;
  const groupSize = new Int32Array(w.groups);
  for (let g = 0; g < w.groups; g++) groupSize[g] = w.groupStart[g + 1]! - w.groupStart[g]!;
  return {
    employees: E, teams: w.teams, departments: w.departments,
    team: w.team.slice(0, E), department: w.department.slice(0, E), role: w.role.slice(0, E),
    groupKind: w.groupKind.slice(), groupTopic: w.groupTopic.slice(), groupSize,
  };
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

export function sessionAgents(id: number): AgentSnapshot {
  const sim = get(id).sim;
  const w = sim.world;
  const E = w.employees;
  const groupShare = new Float32Array(w.groups);
  for (let g = 0; g < w.groups; g++) groupShare[g] = w.groupActive[g] ? sim.participationShare(g) : -1;
  return { tick: sim.tick, state: w.tickState.slice(0, E), contributions: w.contributions.slice(0, E), groupShare };
}

/** The per-agent table of the run so far (src/metrics/agents.ts): columns copied out, so they can be transferred. */
export function sessionAgentTable(id: number): AgentColumn[] {
  return agentTable(get(id).sim.world);
}

export function closeSession(id: number): void {
  sessions.delete(id);
}
