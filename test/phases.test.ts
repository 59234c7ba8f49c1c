/**
 * One test per phase of a tick (src/model/phases/*, and the decisions of src/model/decide.ts), on a tiny world
 * part-way through a run (test/phase-harness.ts):
 * - what it writes: the fields of the state it changed, at several ticks, are among those it declares, and it
 *   changes some of them;
 * - what it reads: with every other field poisoned (NaN, or -1 in integer arrays), what it writes comes out the
 *   same, bit for bit;
 * - one invariant of what it leaves (counts never negative, shares within [0, 1], people conserved...).
 * The contracts (what each phase reads, writes and leaves) are in test/phase-contracts.ts.
 */
import { describe, expect, it } from 'vitest';
import { aleaStream } from '../src/rng.ts';
import { validate } from '../src/scenario/load.ts';
import { overlap } from '../src/model/phases/duplicates.ts';
import { Simulation } from '../src/model/simulation.ts';
import type { ModelState } from '../src/model/state.ts';
import { stateBefore, changed, fields, PHASES, snapshot, type PhaseName } from './phase-harness.ts';
import { CONTRACTS, joinedByAgent } from './phase-contracts.ts';

/** A copy of what the invariants compare with (the state before the phase). */
function copyOf(st: ModelState): ModelState {
  return {
    world: { ...st.world, joined: st.world.joined.slice() },
    org: { ...st.org },
    groups: st.groups,
    people: st.people.slice(),
  } as ModelState;
}

describe.each(Object.keys(PHASES) as PhaseName[])('phase %s', (phase) => {
  const contract = CONTRACTS[phase];

  it('writes only what it declares, and something of it', () => {
    const all = new Set<string>();
    for (const ticks of [0, 1, 20, 45]) {
      const { st, p } = stateBefore(phase, ticks);
      const was = snapshot(st);
      PHASES[phase](st, p);
      const wrote = changed(was, snapshot(st));
      expect(
        wrote.filter((k) => !contract.writes.includes(k)),
        `at tick ${ticks}`,
      ).toEqual([]);
      for (const k of wrote) all.add(k);
    }
    if (phase !== 'duplicates') expect(all.size).toBeGreaterThan(0);
  });

  it('reads only what it declares: the rest poisoned, it writes the same bits', () => {
    const clean = stateBefore(phase, 20);
    PHASES[phase](clean.st, clean.p);
    const expected = snapshot(clean.st);
    const poisoned = stateBefore(phase, 20);
    for (const [name, f] of fields(poisoned.st))
      if (!contract.reads.includes(name) && !contract.writes.includes(name)) f.poison();
    PHASES[phase](poisoned.st, poisoned.p);
    const got = snapshot(poisoned.st);
    const differ = contract.writes.filter((k) => expected.has(k) && String(got.get(k)) !== String(expected.get(k)));
    expect(differ).toEqual([]);
  });

  it(`invariant: ${contract.invariant[0]}`, () => {
    for (const ticks of [0, 20, 45]) {
      const { st, p } = stateBefore(phase, ticks);
      const was = copyOf(st);
      PHASES[phase](st, p);
      contract.invariant[1](st, was);
    }
  });
});

describe('phase duplicates, without a framework', () => {
  it('spawns duplicates of existing topics over a year, each an inactive slot of its topic made active', () => {
    const s = validate({
      organization: { employees: 300 },
      external: { customers: 0 },
      ticks: 10,
      communities: { duplicateSpawnPerYear: 5 },
    });
    const sim = new Simulation(s, 2);
    const w = sim.world;
    const was = w.groupActive.slice();
    const rand = aleaStream(5, 'events');
    for (let day = 0; day < 250; day++) overlap(sim.state, sim.params, rand);
    let spawned = 0;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      if (w.groupActive[g] && !was[g]) {
        expect(w.groupSlot[g]).toBeGreaterThan(0);
        spawned++;
      }
    }
    expect(spawned).toBeGreaterThan(0);
    expect(Array.from(joinedByAgent(sim.state))).toEqual(Array.from(w.joinedCount));
  });
});
