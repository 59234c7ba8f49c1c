import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { buildWorld, KIND_EXTERNAL, KIND_OPEN, KIND_TEAM, ROLE_MANAGER } from '../src/model/world.ts';

const s = validate({ organization: { employees: 500 }, external: { customers: 120 } });
const w = buildWorld(s, 11);

describe('world', () => {
  it('has one team group per team, with every employee but the manager as member', () => {
    let members = 0;
    for (let g = 0; g < w.teams; g++) {
      expect(w.groupKind[g]).toBe(KIND_TEAM);
      expect(w.role[w.groupOwner[g]!]).toBe(ROLE_MANAGER);
      for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) {
        expect(w.team[w.memberAgent[m]!]).toBe(g);
        expect(w.memberAgent[m]).not.toBe(w.groupOwner[g]);
        members++;
      }
    }
    expect(members).toBe(w.employees - w.teams);
  });

  it('gives every community of a topic the same candidates in the same order (merges copy index for index)', () => {
    for (let t = 0; t < w.topics; t++) {
      const main = w.openStart + t * w.slotsPerTopic;
      for (let k = 1; k < w.slotsPerTopic; k++) {
        const g = main + k;
        expect(w.groupKind[g]).toBe(KIND_OPEN);
        expect(w.groupTopic[g]).toBe(t);
        expect(Array.from(w.memberAgent.subarray(w.groupStart[g]!, w.groupStart[g + 1]!))).toEqual(
          Array.from(w.memberAgent.subarray(w.groupStart[main]!, w.groupStart[main + 1]!)),
        );
      }
    }
  });

  it('puts every customer, and only customers, in the external community', () => {
    const g = w.externalGroup;
    expect(w.groupKind[g]).toBe(KIND_EXTERNAL);
    expect(w.groupStart[g + 1]! - w.groupStart[g]!).toBe(120);
    for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++)
      expect(w.memberAgent[m]).toBeGreaterThanOrEqual(w.employees);
  });

  it('keeps joinedCount equal to the joined memberships of each agent', () => {
    const count = new Int32Array(w.agents);
    for (let m = 0; m < w.memberships; m++) if (w.joined[m]) count[w.memberAgent[m]!]!++;
    expect(Array.from(count)).toEqual(Array.from(w.joinedCount));
  });

  it('draws attributes in [0, 1] and splits employees into risk-aversion thirds', () => {
    for (const a of [w.riskAversion, w.needForSense, w.alignment, w.webSociability]) {
      expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...a)).toBeLessThanOrEqual(1);
    }
    const thirds = [0, 0, 0];
    for (let i = 0; i < w.employees; i++) thirds[w.riskClass[i]!]!++;
    for (const n of thirds) expect(Math.abs(n - w.employees / 3)).toBeLessThan(3);
  });
});
