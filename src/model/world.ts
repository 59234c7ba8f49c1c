/**
 * The organization at the start: agents (their state: agents.ts), teams, topics, groups and memberships, all in
 * typed arrays (structure of arrays) allocated once. Memberships are sorted by group, so the tick loop walks each
 * group's range in order. Every community of a topic (the main one and its duplicates) has the same
 * candidate list, in the same order: merging two of them is an index-for-index copy.
 * buildWorld draws in a fixed order from the seed's init stream: agents' attributes, topics and interests,
 * duplicates and owners, group hashes, initial joins.
 */
import { pow } from '../math.ts';
import type { Scenario } from '../scenario/schema.ts';
import { aleaStream, poisson, type Random } from '../rng.ts';
import {
  agentState,
  drawAttributes,
  ROLE_CUSTOMER,
  ROLE_MANAGER,
  ROLE_MEMBER,
  ROLE_OWNER,
  type AgentState,
} from './agents.ts';
import { DISPOSITION_ALIGNMENT, DISPOSITION_BASE, DUPLICATE_JOIN_SHARE } from './constants.ts';

export { estimateMemory } from './memory.ts';
export {
  HOT_NOVELTY,
  HOT_PRESSURE,
  HOT_RECEIVED,
  HOT_RISK,
  HOT_SENSE,
  HOT_STRIDE,
  HOT_TERM,
  HOT_TODAY,
  HOT_VOICE,
  ROLE_CUSTOMER,
  ROLE_MANAGER,
  ROLE_MEMBER,
  ROLE_OWNER,
  ROLES,
} from './agents.ts';

export const KIND_TEAM = 0;
export const KIND_OPEN = 1;
export const KIND_EXTERNAL = 2;
export const GROUP_KINDS = ['team', 'open', 'external'] as const;

export const COMMUNITY_EXPERTISE = 0;
export const COMMUNITY_PROJECT = 1;
export const COMMUNITY_CORPORATE = 2;
export const COMMUNITY_INTEREST = 3;

/** The world: every agent's state (agents.ts) and the organization's structure. */
export interface World extends AgentState {
  employees: number;
  customers: number;
  agents: number;
  teams: number;
  /** Employees of team t are teamFirst[t]..teamFirst[t+1]-1; the first is its manager. */
  teamFirst: Int32Array;
  teamsPerDepartment: number;
  departments: number;
  topics: number;
  slotsPerTopic: number;
  groups: number;
  memberships: number;
  /** First open-community group index; team groups are 0..teams-1. */
  openStart: number;
  /** The external community's group index, or -1. */
  externalGroup: number;

  // Groups.
  groupKind: Uint8Array;
  communityKind: Uint8Array;
  groupTopic: Int32Array;
  groupSlot: Int32Array;
  groupActive: Uint8Array;
  /** 1 for corporate communities on an HR matter. */
  groupHr: Uint8Array;
  groupStart: Int32Array;
  /** Manager (team group) or community owner (main community of a topic), else -1. */
  groupOwner: Int32Array;
  /** Disposition of the group's owner to animate (0-1), drawn from his alignment. */
  ownerDisposition: Float64Array;
  /** Stable draw per group: which team groups an SMM steps into for a given share. */
  groupHash: Float64Array;

  // Memberships.
  memberAgent: Int32Array;
  joined: Uint8Array;
  engagement: Float64Array;
}

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

/**
 * The world as an instance of one class whose constructor sets every field, not an object literal (jit.ts, 4).
 */
interface WorldData extends World {}
class WorldData {
  constructor(w: World) {
    this.employees = w.employees;
    this.customers = w.customers;
    this.agents = w.agents;
    this.teams = w.teams;
    this.teamFirst = w.teamFirst;
    this.teamsPerDepartment = w.teamsPerDepartment;
    this.departments = w.departments;
    this.topics = w.topics;
    this.slotsPerTopic = w.slotsPerTopic;
    this.groups = w.groups;
    this.memberships = w.memberships;
    this.openStart = w.openStart;
    this.externalGroup = w.externalGroup;
    this.riskAversion = w.riskAversion;
    this.needForSense = w.needForSense;
    this.alignment = w.alignment;
    this.alignmentStart = w.alignmentStart;
    this.webSociability = w.webSociability;
    this.statusSeeking = w.statusSeeking;
    this.voice = w.voice;
    this.writer = w.writer;
    this.timeBudget = w.timeBudget;
    this.expertiseTopic = w.expertiseTopic;
    this.team = w.team;
    this.department = w.department;
    this.role = w.role;
    this.riskClass = w.riskClass;
    this.efficiency = w.efficiency;
    this.joinedCount = w.joinedCount;
    this.tickState = w.tickState;
    this.contributions = w.contributions;
    this.openContributions = w.openContributions;
    this.reads = w.reads;
    this.activeDays = w.activeDays;
    this.contributionDays = w.contributionDays;
    this.load = w.load;
    this.everActive = w.everActive;
    this.hot = w.hot;
    this.groupKind = w.groupKind;
    this.communityKind = w.communityKind;
    this.groupTopic = w.groupTopic;
    this.groupSlot = w.groupSlot;
    this.groupActive = w.groupActive;
    this.groupHr = w.groupHr;
    this.groupStart = w.groupStart;
    this.groupOwner = w.groupOwner;
    this.ownerDisposition = w.ownerDisposition;
    this.groupHash = w.groupHash;
    this.memberAgent = w.memberAgent;
    this.joined = w.joined;
    this.engagement = w.engagement;
    // A field added to World must be copied above too (checked once per world, not silently left out).
    for (const key of Object.keys(w))
      if (!(key in this)) throw new Error(`orgsim: World field ${key} is not set in WorldData`);
  }
}

/** The organization's sizes, from the scenario. */
interface Sizes {
  employees: number;
  customers: number;
  agents: number;
  teams: number;
  departments: number;
  topics: number;
  slotsPerTopic: number;
}

function sizesOf(s: Scenario): Sizes {
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
function placeTeams(s: Scenario, z: Sizes) {
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
function drawTopics(s: Scenario, z: Sizes, rand: Random) {
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

type Topics = ReturnType<typeof drawTopics>;
type Teams = ReturnType<typeof placeTeams>;

/**
 * Groups: teams, then topics x slots (the main community and its duplicates, some active from the start; an owner
 * for some expertise and corporate communities, an expert of the topic when there is one), then the external
 * community; each group's range of memberships, a stable draw per group and its owner's disposition.
 */
function buildGroups(s: Scenario, z: Sizes, tm: Teams, tp: Topics, alignmentStart: Float64Array, rand: Random) {
  const { customers, teams, topics, slotsPerTopic } = z;
  const { teamFirst, role } = tm;
  const { topicKind, topicHr, topicStart, topicMembers, expertiseTopic } = tp;
  const c = s.communities;
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
    let owner = -1;
    if (
      (topicKind[t] === COMMUNITY_EXPERTISE || topicKind[t] === COMMUNITY_CORPORATE) &&
      size > 0 &&
      rand.next() < c.ownerShare
    ) {
      // The owner is an expert of the topic when there is one, else any interested employee.
      const cands: number[] = [];
      for (let k = topicStart[t]!; k < topicStart[t + 1]!; k++)
        if (expertiseTopic[topicMembers[k]!] === t) cands.push(topicMembers[k]!);
      const pool = cands.length ? cands : Array.from(topicMembers.subarray(topicStart[t]!, topicStart[t + 1]!));
      owner = pool[Math.floor(rand.next() * pool.length)]!;
      if (role[owner] === ROLE_MEMBER) role[owner] = ROLE_OWNER;
    }
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
function buildMemberships(
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

/** The world of a scenario and seed: every draw from the seed's init stream, in this order. */
export function buildWorld(s: Scenario, seed: number): World {
  const rand = aleaStream(seed, 'init');
  const z = sizesOf(s);
  const attributes = drawAttributes(s, z.agents, rand);
  const teams = placeTeams(s, z);
  const topics = drawTopics(s, z, rand);
  const groups = buildGroups(s, z, teams, topics, attributes.alignmentStart, rand);
  const { memberAgent, joined, engagement, joinedCount } = buildMemberships(s, z, teams, topics, groups, rand);
  const agents = agentState(attributes, z.employees, {
    expertiseTopic: topics.expertiseTopic,
    team: teams.team,
    department: teams.department,
    role: teams.role,
    joinedCount,
  });
  return new WorldData({
    ...agents,
    employees: z.employees,
    customers: z.customers,
    agents: z.agents,
    teams: z.teams,
    teamFirst: teams.teamFirst,
    teamsPerDepartment: s.organization.teamsPerDepartment,
    departments: z.departments,
    topics: z.topics,
    slotsPerTopic: z.slotsPerTopic,
    ...groups,
    memberAgent,
    joined,
    engagement,
  });
}
