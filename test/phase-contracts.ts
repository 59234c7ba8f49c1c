/**
 * What each phase of a tick declares, for test/phases.test.ts: the fields of the state it reads and writes
 * (names as test/phase-harness.ts gives them) and one invariant of what it leaves, checked against the state
 * before it.
 */
import { expect } from 'vitest';
import { membersOf, PEOPLE_CONTRIBUTORS, PEOPLE_READERS, type ModelState } from '../src/model/state.ts';
import { KIND_OPEN } from '../src/model/world.ts';
import type { PhaseName } from './phase-harness.ts';

export interface Contract {
  reads: string[];
  writes: string[];
  invariant: [string, (st: ModelState, was: ModelState) => void];
}

/** Joined memberships of each agent, counted from the memberships. */
export function joinedByAgent(st: ModelState): Int32Array {
  const w = st.world;
  const n = new Int32Array(w.agents);
  for (let m = 0; m < w.memberships; m++) if (w.joined[m]) n[w.memberAgent[m]!]!++;
  return n;
}

const within01 = (a: ArrayLike<number>, what: string) => {
  for (let k = 0; k < a.length; k++) expect(a[k]! >= 0 && a[k]! <= 1, `${what}[${k}] = ${a[k]}`).toBe(true);
};

export const CONTRACTS: Record<PhaseName, Contract> = {
  staff: {
    reads: [],
    writes: ['org.smms', 'org.cm', 'org.speakHabit', 'groups.smmEffort', 'groups.smmIndex'],
    invariant: [
      'hires smm.count SMMs, each knowing between 0 and 1 of the codes',
      (st) => {
        expect(st.org.smms.length).toBe(2);
        for (const s of st.org.smms) expect(s.knowledge >= 0 && s.knowledge <= 1).toBe(true);
        for (let g = 0; g < st.world.groups; g++) expect(st.groups.smmIndex[g]).toBeLessThan(st.org.smms.length);
      },
    ],
  },
  governance: {
    reads: [
      'groups.absences',
      'groups.contributions',
      'groups.effort',
      'groups.reads',
      'org.speakHabit',
      'world.communityKind',
      'world.groupSlot',
    ],
    writes: [
      'groups.cmPosts',
      'groups.cmLead',
      'groups.coached',
      'groups.requested',
      'groups.routines',
      'groups.adopts',
      'org.cmCoaching',
      'org.smmCoaching',
      'org.expertiseCenter',
      'org.framework',
      'org.processes',
      'org.queue',
      'org.quarrels',
      'org.cmSpeakHours',
      'org.cmLeadHours',
      'world.alignment',
    ],
    invariant: [
      "the CM's programmes progress within [0, 1] and never go back",
      (st, was) => {
        for (const k of ['framework', 'processes', 'expertiseCenter'] as const) {
          expect(st.org[k]).toBeGreaterThanOrEqual(was.org[k]);
          expect(st.org[k]).toBeLessThanOrEqual(1);
        }
      },
    ],
  },
  duplicates: {
    reads: ['org.framework', 'world.groupActive'],
    writes: [
      'world.groupActive',
      'groups.activity',
      'groups.trust',
      'groups.broadcast',
      'world.joined',
      'world.joinedCount',
      'world.engagement',
    ],
    invariant: [
      'keeps every main community active and joined counts equal to joined memberships',
      (st) => {
        const w = st.world;
        for (let t = 0; t < w.topics; t++) expect(w.groupActive[w.openStart + t * w.slotsPerTopic]).toBe(1);
        expect(Array.from(joinedByAgent(st))).toEqual(Array.from(w.joinedCount));
      },
    ],
  },
  groupTerms: {
    reads: [
      'groups.absences',
      'groups.activity',
      'groups.broadcast',
      'groups.cmLead',
      'groups.cmPosts',
      'groups.coached',
      'groups.contributions',
      'groups.effort',
      'groups.payoff',
      'groups.reads',
      'groups.routines',
      'groups.smmEffort',
      'groups.smmIndex',
      'groups.trust',
      'org.expertiseCenter',
      'org.framework',
      'org.processes',
      'world.communityKind',
      'world.groupActive',
      'world.groupKind',
      'world.groupStart',
      'world.groupOwner',
      'world.groupHr',
    ],
    writes: [
      'groups.animation',
      'groups.attract',
      'groups.content',
      'groups.followUps',
      'groups.invite',
      'groups.legitimacy',
      'groups.prompts',
      'groups.reward',
      'groups.rewardWrite',
      'groups.risk',
      'groups.sense',
      'groups.writeRisk',
      'groups.novelty',
      'groups.ownerPull',
      'groups.onWork',
      'groups.actionable',
    ],
    invariant: [
      "keeps animation, legitimacy, actionability and the owner's share within [0, 1]",
      (st) => {
        const gs = st.groups;
        for (const k of ['animation', 'legitimacy', 'actionable', 'ownerPull', 'onWork'] as const) within01(gs[k], k);
      },
    ],
  },
  agentTerms: {
    reads: [
      'org.framework',
      'org.processes',
      'world.alignment',
      'world.alignmentStart',
      'world.efficiency',
      'world.hot',
      'world.load',
      'world.riskAversion',
      'world.statusSeeking',
      'world.timeBudget',
      'world.webSociability',
      'world.writer',
    ],
    writes: ['org.alignmentMean', 'people', 'world.alignment', 'world.efficiency', 'world.hot'],
    invariant: [
      "keeps every employee's alignment within [0, 1]",
      (st) => within01(st.world.alignment.subarray(0, st.world.employees), 'alignment'),
    ],
  },
  decisions: {
    reads: [
      'groups.attract',
      'groups.invite',
      'groups.novelty',
      'groups.payoff',
      'groups.reward',
      'groups.rewardWrite',
      'groups.risk',
      'groups.sense',
      'groups.writeRisk',
      'world.engagement',
      'world.groupKind',
      'world.groupStart',
      'world.groupActive',
      'world.hot',
      'world.joined',
      'world.memberAgent',
      'world.joinedCount',
    ],
    writes: [
      'groups.absences',
      'groups.contributions',
      'groups.leaves',
      'groups.reads',
      'world.engagement',
      'world.hot',
      'world.joined',
      'world.joinedCount',
    ],
    invariant: [
      'conserves members: each joined member contributed, read or stayed away; only those away left',
      (st, was) => {
        const w = st.world;
        const gs = st.groups;
        for (let g = 0; g < w.groups; g++) {
          let joined = 0;
          for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) joined += was.world.joined[m]!;
          expect(membersOf(gs, g)).toBe(w.groupActive[g] ? joined : 0);
          expect(gs.leaves[g]!).toBeLessThanOrEqual(gs.absences[g]!);
          if (w.groupKind[g] !== KIND_OPEN) expect(gs.leaves[g]).toBe(0);
        }
        expect(Array.from(joinedByAgent(st))).toEqual(Array.from(w.joinedCount));
      },
    ],
  },
  ownerPosts: {
    reads: ['groups.effort', 'world.groupOwner'],
    writes: ['org.ownerPosts', 'world.hot'],
    invariant: [
      'posts a whole, non-negative number of prompts',
      (st) => {
        expect(Number.isInteger(st.org.ownerPosts)).toBe(true);
        expect(st.org.ownerPosts).toBeGreaterThanOrEqual(0);
      },
    ],
  },
  activity: {
    reads: [
      'world.everActive',
      'world.hot',
      'world.load',
      'world.riskClass',
      'world.role',
      'world.contributions',
      'world.openContributions',
      'world.reads',
      'world.activeDays',
      'world.contributionDays',
    ],
    writes: [
      'org.adopters',
      'people',
      'world.activeDays',
      'world.contributionDays',
      'world.contributions',
      'world.everActive',
      'world.load',
      'world.openContributions',
      'world.reads',
      'world.tickState',
    ],
    invariant: [
      'counts each employee once: contributors and readers within the employees, adopters never fewer',
      (st, was) => {
        const people = st.people;
        expect(people[PEOPLE_CONTRIBUTORS]! + people[PEOPLE_READERS]!).toBeLessThanOrEqual(st.world.employees);
        expect(st.org.adopters).toBeGreaterThanOrEqual(was.org.adopters);
        for (let i = 0; i < st.world.agents; i++) expect(st.world.tickState[i]! <= 2).toBe(true);
      },
    ],
  },
  value: {
    reads: [
      'groups.absences',
      'groups.actionable',
      'groups.activity',
      'groups.cmPosts',
      'groups.coached',
      'groups.content',
      'groups.contributions',
      'groups.followUps',
      'groups.leaves',
      'groups.onWork',
      'groups.ownerPull',
      'groups.ownerShare',
      'groups.prompts',
      'groups.reads',
      'groups.broadcast',
      'groups.trust',
      'groups.effort',
      'groups.legitimacy',
      'groups.smmEffort',
      'groups.cmLead',
      'world.groupActive',
      'world.groupKind',
      'world.groupOwner',
      'world.ownerDisposition',
      'world.communityKind',
      'world.groupHr',
    ],
    writes: [
      'groups.activity',
      'groups.broadcast',
      'groups.effort',
      'groups.payoff',
      'groups.trust',
      'groups.ownerShare',
      'org.actionable',
      'org.animatorPosts',
      'org.informed',
      'org.value',
      'org.cmPosts',
    ],
    invariant: [
      'keeps activity, trust and effort within [0, 1], value and payoffs non-negative',
      (st) => {
        const gs = st.groups;
        for (const k of ['activity', 'trust', 'effort'] as const) within01(gs[k], k);
        for (let g = 0; g < st.world.groups; g++) expect(gs.payoff[g]!).toBeGreaterThanOrEqual(0);
        for (let k = 0; k < 3; k++) expect(st.org.value[k]!).toBeGreaterThanOrEqual(0);
      },
    ],
  },
  membership: {
    reads: [
      'groups.absences',
      'groups.activity',
      'groups.contributions',
      'groups.leaves',
      'groups.reads',
      'groups.smmEffort',
      'groups.smmIndex',
      'groups.effort',
      'world.groupActive',
      'world.groupStart',
      'world.groupOwner',
      'world.joined',
      'world.memberAgent',
      'world.joinedCount',
    ],
    writes: ['groups.joins', 'world.joined', 'world.joinedCount', 'world.engagement'],
    invariant: [
      'conserves people: joins are outsiders who became members, counted once',
      (st, was) => {
        const w = st.world;
        for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
          let newly = 0;
          for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) {
            expect(w.joined[m]!).toBeGreaterThanOrEqual(was.world.joined[m]!);
            newly += w.joined[m]! - was.world.joined[m]!;
          }
          expect(st.groups.joins[g]).toBe(newly);
        }
        expect(Array.from(joinedByAgent(st))).toEqual(Array.from(w.joinedCount));
      },
    ],
  },
};
