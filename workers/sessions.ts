/**
 * Live runs for the web app: a Simulation per id, stepped N ticks at a time. Each frame carries only the
 * ticks run since the previous frame, packed in one buffer (series-major) so that one transfer moves it all.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { validate } from '../src/scenario/load.ts';
import { didYouMean, parameterInfo, parameterList, setPath } from '../src/scenario/paths.ts';

export interface Frame {
  /** Ticks [from, to) are in this frame; `to` is the simulation's tick after the advance. */
  from: number;
  to: number;
  done: boolean;
  /** Series k at tick from + j is data[k * (to - from) + j]. */
  data: Float64Array;
  /** One view per series over `data` (no copy), in SERIES order. */
  series: Float64Array[];
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
  s.sim.run(Math.max(0, Math.floor(ticks)));
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
  return { from, to, done: s.sim.done, data, series };
}

/** Same rules as a scenario's interventions: known, live parameters, values the schema accepts. */
export function interveneSession(id: number, set: Record<string, number | boolean | string>, label = 'intervention'): void {
  const s = get(id);
  const next = structuredClone(s.sim.params) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const info = parameterInfo(path);
    if (!info) {
      const hint = didYouMean(path, parameterList().map((p) => p.path));
      throw new ScenarioError(`intervention: unknown parameter "${path}"${hint ? `; did you mean "${hint}"?` : ''}`, path);
    }
    if (!info.live) throw new ScenarioError(`intervention: "${path}" cannot change during a run (it shapes the organization at the start)`, path);
    setPath(next, path, value);
  }
  validate(next, 'intervention');
  s.sim.intervene(set, label);
}

export function closeSession(id: number): void {
  sessions.delete(id);
}
