/**
 * Live runs in a worker, by id: each a run with its ghost (src/live/session.ts), for the page's live view and
 * the workshop server alike. A live change is checked here as a scenario's interventions are, before the run
 * takes it.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import type { LiveSet } from '../src/scenario/live-change.ts';
import { LiveSession, type Frame, type GhostFrame } from '../src/live/session.ts';

export type { Frame, GhostFrame, Layout, AgentSnapshot } from '../src/live/session.ts';

const sessions = new Map<number, LiveSession>();
let nextId = 1;

export function session(id: number): LiveSession {
  const s = sessions.get(id);
  if (!s) throw new Error(`no open simulation with id ${id}`);
  return s;
}

export function openSession(scenario: Scenario, seed: number): number {
  const id = nextId++;
  sessions.set(id, new LiveSession(scenario, seed, () => performance.now()));
  return id;
}

export function advanceSession(id: number, ticks: number): Frame {
  return session(id).advance(ticks);
}

/** The ghost up to the run's day (after a change made while the run does not advance); null if it is there. */
export function catchUpGhost(id: number): GhostFrame | null {
  return session(id).followGhost();
}

/**
 * Same rules as a scenario's interventions (src/scenario/load.ts). The validator (zod) is loaded on first use
 * only, so that a worker that only runs replications starts without it. Resolves to the day the change takes
 * effect on (the next one to run).
 */
export function interveneSession(id: number, set: LiveSet, label = 'intervention'): Promise<number> {
  // One after the other, in the order they came: two changes that both wait for the validator to load would
  // otherwise be applied in whichever order their imports settle.
  const applied = changes.then(() => applyChange(id, set, label));
  changes = applied.catch(() => {});
  return applied;
}
let changes: Promise<unknown> = Promise.resolve();

async function applyChange(id: number, set: LiveSet, label: string): Promise<number> {
  const s = session(id);
  const { applyLiveChange } = await import('../src/scenario/load.ts');
  applyLiveChange(s.sim.params as unknown as Record<string, unknown>, set, 'intervention');
  return s.intervene(set, label);
}

export function closeSession(id: number): void {
  sessions.delete(id);
}
