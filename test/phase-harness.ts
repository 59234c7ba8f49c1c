/**
 * Helpers for test/phases.test.ts: a tiny world part-way through a run, stopped before a given phase of a tick,
 * and the fields of its state (world arrays, group arrays, the organization's numbers, the day's counts) to
 * compare before and after a phase or to poison (NaN, or -1 in integer arrays) before it.
 */
import { aleaStream } from '../src/rng.ts';
import { validate } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { decide, decisionRule, DecisionScratch } from '../src/model/decide.ts';
import { ownerPosts, readActivity } from '../src/model/phases/activity.ts';
import { overlap } from '../src/model/phases/duplicates.ts';
import { govern } from '../src/model/phases/governance.ts';
import { join } from '../src/model/phases/membership.ts';
import { updateStaff } from '../src/model/phases/staff.ts';
import { agentTerms, groupTerms } from '../src/model/phases/terms.ts';
import { produceValue } from '../src/model/phases/value.ts';
import { Simulation } from '../src/model/simulation.ts';
import { PEOPLE_ALIGNMENT, type ModelState } from '../src/model/state.ts';

/** A tiny organization with every role present, duplicates, an external community and a visibility campaign. */
export const TINY: Scenario = validate({
  organization: { employees: 60 },
  external: { customers: 20 },
  ticks: 60,
  cm: { present: true, speakShare: 0.3 },
  smm: { count: 2, sourcing: 'outsourced' },
  communities: { initialDuplicates: 1, duplicateSpawnPerYear: 5 },
  policies: { visibility: 0.3 },
});

/** The phases of a tick, in order (simulation.ts: step), each run with its own stream of seed 11. */
export const PHASES = {
  staff: (st, p) => updateStaff(st, p, aleaStream(11, 'staff')),
  governance: (st, p) => govern(st, p, aleaStream(11, 'events')),
  duplicates: (st, p) => overlap(st, p, aleaStream(11, 'events')),
  groupTerms: (st, p) => groupTerms(st, p),
  agentTerms: (st, p) => {
    agentTerms(st, p);
    st.org.alignmentMean = st.people[PEOPLE_ALIGNMENT]! / st.world.employees;
  },
  decisions: (st, p) =>
    decide(st.world, st.groups, aleaStream(11, 'decisions').state, decisionRule(p), new DecisionScratch()),
  ownerPosts: (st, p) => ownerPosts(st, p, aleaStream(11, 'prompts')),
  activity: (st, p) => readActivity(st, p, null),
  value: (st, p) => produceValue(st, p, aleaStream(11, 'value')),
  membership: (st, p) => join(st, p, aleaStream(11, 'membership')),
} satisfies Record<string, (st: ModelState, p: Scenario) => void>;
export type PhaseName = keyof typeof PHASES;

/** A Simulation of TINY after `ticks` ticks, then the phases of the next tick before `phase`. */
export function stateBefore(phase: PhaseName, ticks = 30): { st: ModelState; p: Scenario } {
  const sim = new Simulation(TINY, 3);
  sim.run(ticks);
  for (const [name, run] of Object.entries(PHASES) as [PhaseName, (st: ModelState, p: Scenario) => void][]) {
    if (name === phase) break;
    run(sim.state, sim.params);
  }
  return { st: sim.state, p: sim.params };
}

type Field = { get: () => unknown; poison: () => void };

/** Every field of the state a phase can read or write, by name (world.x, groups.x, org.x, people). */
export function fields(st: ModelState): Map<string, Field> {
  const out = new Map<string, Field>();
  const array = (name: string, a: Float64Array | Int32Array | Uint8Array) =>
    out.set(name, { get: () => a.slice(), poison: () => void (a instanceof Float64Array ? a.fill(NaN) : a.fill(-1)) });
  for (const [k, v] of Object.entries(st.world)) if (ArrayBuffer.isView(v)) array(`world.${k}`, v as Float64Array);
  for (const [k, v] of Object.entries(st.groups)) array(`groups.${k}`, v as Float64Array);
  const org = st.org as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(org)) {
    if (ArrayBuffer.isView(v)) array(`org.${k}`, v as Float64Array);
    else if (typeof v === 'number') out.set(`org.${k}`, { get: () => org[k], poison: () => void (org[k] = NaN) });
    else out.set(`org.${k}`, { get: () => JSON.stringify(org[k]), poison: () => {} });
  }
  array('people', st.people);
  return out;
}

/** The value of every field, comparable with sameValue. */
export function snapshot(st: ModelState): Map<string, unknown> {
  return new Map([...fields(st)].map(([k, f]) => [k, f.get()]));
}

/** Bit for bit (NaN equals NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b))
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return Object.is(a, b);
}

/** The fields a phase changed. */
export function changed(beforeState: Map<string, unknown>, afterState: Map<string, unknown>): string[] {
  return [...beforeState.keys()].filter((k) => !sameValue(beforeState.get(k), afterState.get(k))).sort();
}
