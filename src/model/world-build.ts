/**
 * How buildWorld (world.ts) lays the organization out, step by step: sizes, teams and departments, topics and
 * their candidates, groups, memberships. Each step draws from the init stream it is given, in the order
 * buildWorld calls them; the group kinds and community kinds they set are defined here.
 */
import { pow } from '../math.ts';
import type { Scenario } from '../scenario/schema.ts';
import { poisson, type Random } from '../rng.ts';
import { ROLE_CUSTOMER, ROLE_MANAGER, ROLE_MEMBER, ROLE_OWNER } from './agents.ts';
import { DISPOSITION_ALIGNMENT, DISPOSITION_BASE, DUPLICATE_JOIN_SHARE } from './constants.ts';

export const KIND_TEAM = 0;
export const KIND_OPEN = 1;
export const KIND_EXTERNAL = 2;
export const GROUP_KINDS = ['team', 'open', 'external'] as const;

export const COMMUNITY_EXPERTISE = 0;
export const COMMUNITY_PROJECT = 1;
export const COMMUNITY_CORPORATE = 2;
export const COMMUNITY_INTEREST = 3;

function weightedPicker(weights: Float64Array): (r: number) => number {
  const cum = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = acc += weights[i]!;
  return (r: number) => {
    const x = r * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** The organization's sizes, from the scenario. */
export interface Sizes {
  employees: number;
  customers: number;
  agents: number;
  teams: number;
  departments: number;
  topics: number;
  slotsPerTopic: number;
}

export function sizesOf(s: Scenario): Sizes {
  const employees = s.organization.employees;
  const customers = s.external.customers;
  const teams = Math.max(1, Math.min(Math.floor(employees / 2), Math.round(employees / s.organization.teamSize)));
  return {
    employees,
    customers,
    agents: employees + customers,
    teams,
    departments: Math.max(1, Math.ceil(teams / s.organization.teamsPerDepartment)),
    topics: Math.max(1, Math.round((employees * s.organization.topicsPerThousand) / 1000)),
    slotsPerTopic: 1 + s.communities.maxDuplicates,
  };
}

/** Teams and departments: contiguous blocks; the first employee of a team is its manager. */
export function placeTeams(s: Scenario, z: Sizes) {
  const { employees, agents, teams } = z;
  const team = new Int32Array(agents).fill(-1);
  const department = new Int32Array(agents).fill(-1);
  const role = new Uint8Array(agents);
  const teamFirst = new Int32Array(teams + 1);
  for (let i = 0; i < employees; i++) {
    const t = Math.floor((i * teams) / employees);
    team[i] = t;
    department[i] = Math.floor(t / s.organization.teamsPerDepartment);
  }
  for (let t = 0, i = 0; t <= teams; t++) {
    while (i < employees && team[i]! < t) i++;
    teamFirst[t] = t === teams ? employees : i;
  }
  for (let t = 0; t < teams; t++) role[teamFirst[t]!] = ROLE_MANAGER;
  for (let i = employees; i < agents; i++) role[i] = ROLE_CUSTOMER;
  return { team, department, role, teamFirst };
}

/**
 * Topics: kinds by shares, Zipf popularity; each employee has an expertise topic and a few interests; then the
 * candidates per topic (employees interested in it), in employee order: topicMembers[topicStart[t]..topicStart[t+1]).
 */
export function drawTopics(s: Scenario, z: Sizes, rand: Random) {
  const { employees, agents, topics } = z;
  const c = s.communities;
  const topicKind = new Uint8Array(topics);
  const topicHr = new Uint8Array(topics);
  const popularity = new Float64Array(topics);
  for (let t = 0; t < topics; t++) {
    const r = rand.next();
    topicKind[t] =
      r < c.expertiseShare
        ? COMMUNITY_EXPERTISE
        : r < c.expertiseShare + c.projectShare
          ? COMMUNITY_PROJECT
          : r < c.expertiseShare + c.projectShare + c.corporateShare
            ? COMMUNITY_CORPORATE
            : COMMUNITY_INTEREST;
    topicHr[t] = topicKind[t] === COMMUNITY_CORPORATE && rand.next() < c.hrShare ? 1 : 0;
    popularity[t] = 1 / pow(t + 1, s.organization.topicPopularity);
  }
  const pickTopic = weightedPicker(popularity);
  const expertiseTopic = new Int32Array(agents).fill(-1);
  const interestStart = new Int32Array(employees + 1);
  const interestList: number[] = [];
  const chosen = new Set<number>();
  for (let i = 0; i < employees; i++) {
    interestStart[i] = interestList.length;
    chosen.clear();
    const own = pickTopic(rand.next());
    expertiseTopic[i] = own;
    chosen.add(own);
    const extra = Math.min(topics - 1, poisson(s.organization.interestsPerEmployee - 1, rand));
    for (let k = 0, tries = 0; k < extra && tries < extra * 20; tries++) {
      const t = pickTopic(rand.next());
      if (!chosen.has(t)) {
        chosen.add(t);
        k++;
      }
    }
    for (const t of [...chosen].sort((a, b) => a - b)) interestList.push(t);
  }
  interestStart[employees] = interestList.length;
  return { topicKind, topicHr, expertiseTopic, ...candidates(z, interestStart, interestList) };
}

function candidates(z: Sizes, interestStart: Int32Array, interestList: readonly number[]) {
  const topicCount = new Int32Array(z.topics + 1);
  for (const t of interestList) topicCount[t + 1]!++;
  for (let t = 0; t < z.topics; t++) topicCount[t + 1]! += topicCount[t]!;
  const topicStart = topicCount.slice();
  const topicMembers = new Int32Array(interestList.length);
  const fill = topicStart.slice();
  for (let i = 0; i < z.employees; i++) {
    for (let k = interestStart[i]!; k < interestStart[i + 1]!; k++) topicMembers[fill[interestList[k]!]!++] = i;
  }
  return { topicStart, topicMembers };
}

export type Topics = ReturnType<typeof drawTopics>;
export type Teams = ReturnType<typeof placeTeams>;

/**
 * The owner of topic t's main community, or -1: some expertise and corporate communities have one (drawn with
 * communities.ownerShare), an expert of the topic when there is one, else any interested employee.
 */
function drawOwner(s: Scenario, t: number, tp: Topics, role: Uint8Array, rand: Random): number {
  const { topicKind, topicStart, topicMembers, expertiseTopic } = tp;
  const size = topicStart[t + 1]! - topicStart[t]!;
  if (
    !(
      (topicKind[t] === COMMUNITY_EXPERTISE || topicKind[t] === COMMUNITY_CORPORATE) &&
      size > 0 &&
      rand.next() < s.communities.ownerShare
    )
  )
    return -1;
  const cands: number[] = [];
  for (let k = topicStart[t]!; k < topicStart[t + 1]!; k++)
    if (expertiseTopic[topicMembers[k]!] === t) cands.push(topicMembers[k]!);
  const pool = cands.length ? cands : Array.from(topicMembers.subarray(topicStart[t]!, topicStart[t + 1]!));
  const owner = pool[Math.floor(rand.next() * pool.length)]!;
  if (role[owner] === ROLE_MEMBER) role[owner] = ROLE_OWNER;
  return owner;
}

/**
 * Groups: teams, then topics x slots (the main community and its duplicates, some active from the start; an owner
 * for some expertise and corporate communities, an expert of the topic when there is one), then the external
 * community; each group's range of memberships, a stable draw per group and its owner's disposition.
 */
export function buildGroups(s: Scenario, z: Sizes, tm: Teams, tp: Topics, alignmentStart: Float64Array, rand: Random) {
  const { customers, teams, topics, slotsPerTopic } = z;
  const { teamFirst, role } = tm;
  const { topicKind, topicHr, topicStart } = tp;
  const openStart = teams;
  const externalGroup = customers > 0 ? teams + topics * slotsPerTopic : -1;
  const groups = teams + topics * slotsPerTopic + (customers > 0 ? 1 : 0);
  const groupKind = new Uint8Array(groups);
  const communityKind = new Uint8Array(groups);
  const groupTopic = new Int32Array(groups).fill(-1);
  const groupSlot = new Int32Array(groups);
  const groupActive = new Uint8Array(groups);
  const groupHr = new Uint8Array(groups);
  const groupOwner = new Int32Array(groups).fill(-1);
  const ownerDisposition = new Float64Array(groups);
  const groupHash = new Float64Array(groups);
  const groupStart = new Int32Array(groups + 1);

  let memberships = 0;
  for (let t = 0; t < teams; t++) {
    groupKind[t] = KIND_TEAM;
    groupActive[t] = 1;
    groupOwner[t] = teamFirst[t]!;
    groupStart[t] = memberships;
    memberships += teamFirst[t + 1]! - teamFirst[t]! - 1;
  }
  for (let t = 0; t < topics; t++) {
    const size = topicStart[t + 1]! - topicStart[t]!;
    const dups = Math.min(s.communities.maxDuplicates, poisson(s.communities.initialDuplicates, rand));
    const owner = drawOwner(s, t, tp, role, rand);
    for (let k = 0; k < slotsPerTopic; k++) {
      const g = openStart + t * slotsPerTopic + k;
      groupKind[g] = KIND_OPEN;
      communityKind[g] = topicKind[t]!;
      groupHr[g] = topicHr[t]!;
      groupTopic[g] = t;
      groupSlot[g] = k;
      groupActive[g] = k === 0 || k <= dups ? 1 : 0;
      groupOwner[g] = k === 0 ? owner : -1;
      groupStart[g] = memberships;
      memberships += size;
    }
  }
  if (externalGroup >= 0) {
    groupKind[externalGroup] = KIND_EXTERNAL;
    groupActive[externalGroup] = 1;
    groupStart[externalGroup] = memberships;
    memberships += customers;
  }
  groupStart[groups] = memberships;
  for (let g = 0; g < groups; g++) {
    groupHash[g] = rand.next();
    const o = groupOwner[g]!;
    if (o >= 0) ownerDisposition[g] = DISPOSITION_BASE + DISPOSITION_ALIGNMENT * alignmentStart[o]!;
  }
  return {
    openStart,
    externalGroup,
    groups,
    memberships,
    groupKind,
    communityKind,
    groupTopic,
    groupSlot,
    groupActive,
    groupHr,
    groupStart,
    groupOwner,
    ownerDisposition,
    groupHash,
  };
}

/**
 * Memberships, sorted by group: every employee but the manager in his team's group; every candidate of a topic in
 * each of its communities, joined at the start with communities.initialJoinShare (less in a duplicate); every
 * customer in the external community.
 */
export function buildMemberships(
  s: Scenario,
  z: Sizes,
  tm: Teams,
  tp: Topics,
  gr: ReturnType<typeof buildGroups>,
  rand: Random,
) {
  const { employees, agents, teams, topics, slotsPerTopic } = z;
  const { teamFirst } = tm;
  const { topicStart, topicMembers } = tp;
  const { groupStart, groupActive, externalGroup, openStart, memberships } = gr;
  const c = s.communities;
  const memberAgent = new Int32Array(memberships);
  const joined = new Uint8Array(memberships);
  const engagement = new Float64Array(memberships);
  const joinedCount = new Int32Array(agents);
  for (let t = 0; t < teams; t++) {
    let mIdx = groupStart[t]!;
    for (let i = teamFirst[t]! + 1; i < teamFirst[t + 1]!; i++) {
      memberAgent[mIdx] = i;
      joined[mIdx++] = 1;
      joinedCount[i]!++;
    }
  }
  for (let t = 0; t < topics; t++) {
    for (let k = 0; k < slotsPerTopic; k++) {
      const g = openStart + t * slotsPerTopic + k;
      let mIdx = groupStart[g]!;
      const share = k === 0 ? c.initialJoinShare : c.initialJoinShare * DUPLICATE_JOIN_SHARE;
      for (let q = topicStart[t]!; q < topicStart[t + 1]!; q++) {
        const i = topicMembers[q]!;
        memberAgent[mIdx] = i;
        if (groupActive[g] && rand.next() < share) {
          joined[mIdx] = 1;
          joinedCount[i]!++;
        }
        mIdx++;
      }
    }
  }
  if (externalGroup >= 0) {
    let mIdx = groupStart[externalGroup]!;
    for (let i = employees; i < agents; i++) {
      memberAgent[mIdx] = i;
      joined[mIdx++] = 1;
      joinedCount[i]!++;
    }
  }
  return { memberAgent, joined, engagement, joinedCount };
}
