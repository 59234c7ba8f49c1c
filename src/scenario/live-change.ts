/**
 * A live change: parameters set during a run, from the next working day to run. Written once for everyone who
 * makes one: the simulation (src/model/simulation.ts: its scheduled interventions and its live ones), the live
 * run in a worker (src/live/session.ts), the page's copy of the run's parameters (viz/live.ts) and the workshop
 * server's (its room's decisions). Checking a change against the schema is src/scenario/load.ts's
 * applyLiveChange; this only applies it. Pure: no DOM, no Node.
 */
import type { Scenario } from './schema.ts';
import { setPath } from './access.ts';

export type LiveValue = number | boolean | string;
/** Parameter path (as in a scenario's interventions) to its new value. */
export type LiveSet = Record<string, LiveValue>;

/** A change made during a run, and the day it took effect on. */
export interface LiveChange {
  tick: number;
  label: string;
  set: LiveSet;
}

/** Set each parameter of `set` in `params` (the run's live parameters), in the order given. */
export function applyLiveSet(params: Scenario, set: LiveSet): void {
  for (const [path, value] of Object.entries(set)) setPath(params as unknown as Record<string, unknown>, path, value);
}

/**
 * The scenario with `changes` scheduled as interventions: it runs as the live run did, bit for bit. A change
 * made on day t was applied before day t ran, so it comes before any of the scenario's own interventions due the
 * same day (the simulation applies scheduled changes in list order, when the day runs): the changes go first.
 */
export function withChanges(scenario: Scenario, changes: readonly LiveChange[]): Scenario {
  return {
    ...scenario,
    interventions: [...changes.map((c) => ({ at: c.tick, label: c.label, set: c.set })), ...scenario.interventions],
  };
}
