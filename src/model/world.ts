/**
 * The organization at the start: agents, teams, topics, groups and memberships, all in typed arrays
 * (structure of arrays) allocated once. Memberships are sorted by group, so the tick loop walks each
 * group's range in order. Every community of a topic (the main one and its duplicates) has the same
 * candidate list, in the same order: merging two of them is an index-for-index copy.
 */
import { exp, pow } from '../math.ts';
import type { Scenario } from '../scenario/schema.ts';
import { aleaStream, betaDraw, normal, poisson, type Random } from '../rng.ts';
import { DISPOSITION_ALIGNMENT, DISPOSITION_BASE, DUPLICATE_JOIN_SHARE } from './constants.ts';

export const KIND_TEAM = 0;
export const KIND_OPEN = 1;
export const KIND_EXTERNAL = 2;
export const GROUP_KINDS = ['team', 'open', 'external'] as const;

export const COMMUNITY_EXPERTISE = 0;
export const COMMUNITY_PROJECT = 1;
export const COMMUNITY_CORPORATE = 2;
export const COMMUNITY_INTEREST = 3;

export const ROLE_MEMBER = 0;
export const ROLE_MANAGER = 1;
export const ROLE_OWNER = 2;
export const ROLE_CUSTOMER = 3;
export const ROLES = ['member', 'manager', 'owner', 'customer'] as const;

/**
 * The per-agent values the decision loop reads and writes, interleaved (one 64-byte cache line per agent),
 * because at 100k agents the loop's scattered reads of separate arrays cost one cache miss each.
 * HOT_TODAY sums today's activity codes (constants.ts: reads, WRITE, OPEN_WRITE); the activity phase decodes it.
 */
export const HOT_STRIDE = 8;
export const HOT_TERM = 0;
export const HOT_RISK = 1;
export const HOT_SENSE = 2;
export const HOT_NOVELTY = 3;
export const HOT_VOICE = 4;
export const HOT_RECEIVED = 5;
export const HOT_TODAY = 6;
/** Attention pressure: minutes a day spent lately over the agent's time budget. */
export const HOT_PRESSURE = 7;

export interface World {
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

  // Agents: attributes drawn once (exported per agent) and dynamic state.
  riskAversion: Float64Array;
  needForSense: Float64Array;
  alignment: Float64Array;
  alignmentStart: Float64Array;
  webSociability: Float64Array;
  statusSeeking: Float64Array;
  voice: Float64Array;
  /** 1 for those disposed to write (members.writerShare), 0 for those who mostly read. */
  writer: Uint8Array;
  timeBudget: Float64Array;
  expertiseTopic: Int32Array;
  team: Int32Array;
  department: Int32Array;
  role: Uint8Array;
  /** 0: bottom third of risk aversion, 1: middle, 2: top third (employees only). */
  riskClass: Uint8Array;
  efficiency: Float64Array;
  joinedCount: Int32Array;
  /** This tick: 0 absent everywhere, 1 read somewhere, 2 contributed somewhere. */
  tickState: Uint8Array;
  /** Cumulative contributions (all groups), contributions in open communities, and visits without contributing. */
  contributions: Float64Array;
  openContributions: Float64Array;
  reads: Float64Array;
  /** Days on which the agent took part, and contributed, so far. */
  activeDays: Float64Array;
  contributionDays: Float64Array;
  /** Smoothed minutes a day spent on social tools lately (attention load). */
  load: Float64Array;
  everActive: Uint8Array;
  /** Interleaved copy of what the decision loop touches (HOT_*); today's activity is read back after each tick, what it gave back at the next. */
  hot: Float64Array;

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
 * Bytes a run needs at its peak (the world, the simulation's state, the garbage of building them, and the
 * series), estimated before allocating anything. The costs per item are measured, not summed from the
 * typed arrays: the peak RSS of one run over the process's RSS before it, fitted at 20,000 to 1,000,000
 * employees and up to 800,000 customers (test/memory-estimate.test.ts checks it stays within 20% at three
 * sizes). Update them when the world's layout changes.
 */
export function estimateMemory(s: Scenario, seriesCount: number): number {
  const employees = s.organization.employees;
  const customers = s.external.customers;
  const topics = Math.max(1, Math.round((employees * s.organization.topicsPerThousand) / 1000));
  const slots = 1 + s.communities.maxDuplicates;
  const memberships = employees + customers + employees * s.organization.interestsPerEmployee * slots;
  const groups = employees / s.organization.teamSize + topics * slots + 1;
  const PER_EMPLOYEE = 230;
  const PER_CUSTOMER = 185;
  const PER_MEMBERSHIP = 12.5;
  const PER_GROUP = 400;
  /** Compiled code and heap growth of a first run, whatever its size. */
  const FIXED = 18 * 2 ** 20;
  return employees * PER_EMPLOYEE + customers * PER_CUSTOMER + memberships * PER_MEMBERSHIP + groups * PER_GROUP + s.ticks * seriesCount * 8 + FIXED;
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

function drawBetaArray(n: number, a: number, b: number, rand: Random): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = betaDraw(a, b, rand);
  return out;
}

/**
 * The world as an instance of one class whose constructor sets every field (not an object literal): phases compiled
 * against the first Simulation's world stay valid for the next ones (V8 keeps their assumptions about its fields).
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
    for (const key of Object.keys(w)) if (!(key in this)) throw new Error(`orgsim: World field ${key} is not set in WorldData`);
  }
}

export function buildWorld(s: Scenario, seed: number): World {
  const rand = aleaStream(seed, 'init');
  const employees = s.organization.employees;
  const customers = s.external.customers;
  const agents = employees + customers;
  const teams = Math.max(1, Math.min(Math.floor(employees / 2), Math.round(employees / s.organization.teamSize)));
  const departments = Math.max(1, Math.ceil(teams / s.organization.teamsPerDepartment));
  const topics = Math.max(1, Math.round((employees * s.organization.topicsPerThousand) / 1000));
  const slotsPerTopic = 1 + s.communities.maxDuplicates;
  const m = s.members;

  // Agent attributes.
  const riskAversion = drawBetaArray(agents, m.riskAversion.a, m.riskAversion.b, rand);
  const needForSense = drawBetaArray(agents, m.needForSense.a, m.needForSense.b, rand);
  const alignmentStart = drawBetaArray(agents, m.alignment.a, m.alignment.b, rand);
  const webSociability = drawBetaArray(agents, m.webSociability.a, m.webSociability.b, rand);
  const statusSeeking = drawBetaArray(agents, m.statusSeeking.a, m.statusSeeking.b, rand);
  const voice = new Float64Array(agents);
  const writer = new Uint8Array(agents);
  const timeBudget = new Float64Array(agents);
  // Voice: a share of people are disposed to write (lognormal among them); the others mostly read (a small
  // fixed voice). Scaled so that the mean voice is 1 whatever the mix.
  const sigma = m.voiceSigma;
  const writers = m.writerShare;
  const lurker = m.lurkerVoice;
  const writerMean = writers > 0 ? Math.max(0, 1 - (1 - writers) * lurker) / writers : 0;
  for (let i = 0; i < agents; i++) {
    const z = normal(rand);
    writer[i] = rand.next() < writers ? 1 : 0;
    voice[i] = writer[i] ? writerMean * exp(sigma * z - (sigma * sigma) / 2) : lurker;
    timeBudget[i] = m.timeBudgetMinutes * exp(m.timeBudgetSigma * normal(rand));
  }

  // Teams and departments: contiguous blocks; the first employee of a team is its manager.
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

  // Topics: kinds by shares, Zipf popularity; each employee has an expertise topic and a few interests.
  const c = s.communities;
  const topicKind = new Uint8Array(topics);
  const topicHr = new Uint8Array(topics);
  const popularity = new Float64Array(topics);
  for (let t = 0; t < topics; t++) {
    const r = rand.next();
    topicKind[t] =
      r < c.expertiseShare ? COMMUNITY_EXPERTISE
      : r < c.expertiseShare + c.projectShare ? COMMUNITY_PROJECT
      : r < c.expertiseShare + c.projectShare + c.corporateShare ? COMMUNITY_CORPORATE
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

  // Candidates per topic (employees interested in it), in employee order.
  const topicCount = new Int32Array(topics + 1);
  for (const t of interestList) topicCount[t + 1]!++;
  for (let t = 0; t < topics; t++) topicCount[t + 1]! += topicCount[t]!;
  const topicStart = topicCount.slice();
  const topicMembers = new Int32Array(interestList.length);
  {
    const fill = topicStart.slice();
    for (let i = 0; i < employees; i++) {
      for (let k = interestStart[i]!; k < interestStart[i + 1]!; k++) topicMembers[fill[interestList[k]!]!++] = i;
    }
  }

  // Groups: teams, then topics x slots, then the external community.
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
    if ((topicKind[t] === COMMUNITY_EXPERTISE || topicKind[t] === COMMUNITY_CORPORATE) && size > 0 && rand.next() < c.ownerShare) {
      // The owner is an expert of the topic when there is one, else any interested employee.
      const cands: number[] = [];
      for (let k = topicStart[t]!; k < topicStart[t + 1]!; k++) if (expertiseTopic[topicMembers[k]!] === t) cands.push(topicMembers[k]!);
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

  // Memberships.
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

  // Risk-aversion thirds among employees.
  const riskClass = new Uint8Array(agents);
  const sorted = Float64Array.from(riskAversion.subarray(0, employees)).sort();
  const lo = sorted[Math.floor(employees / 3)]!;
  const hi = sorted[Math.floor((2 * employees) / 3)]!;
  for (let i = 0; i < employees; i++) riskClass[i] = riskAversion[i]! < lo ? 0 : riskAversion[i]! < hi ? 1 : 2;

  const hot = new Float64Array(agents * HOT_STRIDE);
  for (let i = 0; i < agents; i++) {
    hot[i * HOT_STRIDE + HOT_RISK] = riskAversion[i]!;
    hot[i * HOT_STRIDE + HOT_SENSE] = needForSense[i]!;
    hot[i * HOT_STRIDE + HOT_VOICE] = voice[i]!;
  }

  return new WorldData({
    hot,
    employees, customers, agents, teams, teamFirst, teamsPerDepartment: s.organization.teamsPerDepartment, departments, topics, slotsPerTopic, groups, memberships, openStart, externalGroup,
    riskAversion, needForSense, alignment: alignmentStart.slice(), alignmentStart, webSociability, statusSeeking, voice, writer, timeBudget,
    expertiseTopic, team, department, role, riskClass,
    efficiency: new Float64Array(agents), joinedCount, tickState: new Uint8Array(agents),
    contributions: new Float64Array(agents), openContributions: new Float64Array(agents), reads: new Float64Array(agents),
    activeDays: new Float64Array(agents), contributionDays: new Float64Array(agents), load: new Float64Array(agents),
    everActive: new Uint8Array(agents),
    groupKind, communityKind, groupTopic, groupSlot, groupActive, groupHr, groupStart, groupOwner, ownerDisposition, groupHash,
    memberAgent, joined, engagement,
  });
}
