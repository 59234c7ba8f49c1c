/**
 * The organization at the start: agents (their state: agents.ts), teams, topics, groups and memberships, all in
 * typed arrays (structure of arrays) allocated once. Memberships are sorted by group, so the tick loop walks each
 * group's range in order. Every community of a topic (the main one and its duplicates) has the same
 * candidate list, in the same order: merging two of them is an index-for-index copy.
 * buildWorld draws in a fixed order from the seed's init stream: agents' attributes, topics and interests,
 * duplicates and owners, group hashes, initial joins.
 */
import type { Scenario } from '../scenario/schema.ts';
import { aleaStream } from '../rng.ts';
import { agentState, drawAttributes, type AgentState } from './agents.ts';
import { buildGroups, buildMemberships, placeTeams, drawTopics, sizesOf } from './world-build.ts';

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

export {
  COMMUNITY_CORPORATE,
  COMMUNITY_EXPERTISE,
  COMMUNITY_INTEREST,
  COMMUNITY_PROJECT,
  GROUP_KINDS,
  KIND_EXTERNAL,
  KIND_OPEN,
  KIND_TEAM,
} from './world-build.ts';

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
