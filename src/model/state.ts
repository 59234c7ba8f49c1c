/**
 * The model's state, explicit and in one place: the world (agents: agents.ts; groups, memberships: world.ts), the
 * per-group state (structure of arrays, one entry per group), the state of the organization and of its staff
 * (the CM and the SMMs, who are not agents). Every phase is a function of this state, the parameters and its
 * own random stream.
 */
import { CountHistogram } from './count-histogram.ts';
import { FRACTION } from './jit.ts';
import { CountTables } from './tables.ts';
import { GroupTerms, TermsContext } from './phases/terms-context.ts';
import type { World } from './world.ts';

/** Per group, one entry per group (team groups, open communities, the external community). */
export interface GroupState {
  /** Animation effort of the group's owner (manager or community owner), 0-1. */
  effort: Float64Array;
  coached: Uint8Array;
  /** Social routines: the manager acts on conversations by default (team groups). */
  routines: Uint8Array;
  /** The owner asked for coaching and waits for it. */
  requested: Uint8Array;
  /** A coached manager who will adopt routines (decided once, when coached, by his disposition). */
  adopts: Uint8Array;
  /** The audience's judgement of its animators, 0-1. */
  trust: Float64Array;
  /** Smoothed share of members taking part. */
  activity: Float64Array;
  /** Smoothed share of the talk that is the organization's voice (the CM, the brand's emcee). */
  broadcast: Float64Array;
  /** Smoothed share of the response to the group's prompts that goes to its owner's (7.10). */
  ownerShare: Float64Array;
  /** SMM animation assigned to the group (1: a full community's worth of one SMM), and which SMM. */
  smmEffort: Float64Array;
  smmIndex: Int32Array;
  /** The CM's leading effort (expertise communities he leads) and his posts a day when he speaks. */
  cmLead: Float64Array;
  cmPosts: Float64Array;
  /** This tick: prompts by animators. */
  prompts: Float64Array;
  /** This tick: animators' and the organization's voice's posts, weighted by what their authors know of the matter. */
  content: Float64Array;
  /**
   * This tick: the owner's share of the pull of the group's prompts (prompts x legitimacy), that is of the
   * members' responses; the share of responses that answer requests about the group's own work.
   */
  ownerPull: Float64Array;
  onWork: Float64Array;
  /**
   * This tick: animation felt by members (saturating), legitimacy of the animators, spontaneous actionability,
   * follow-ups animators can make.
   */
  animation: Float64Array;
  legitimacy: Float64Array;
  actionable: Float64Array;
  followUps: Float64Array;
  // Terms of the decision rule (decide.ts).
  attract: Float64Array;
  risk: Float64Array;
  sense: Float64Array;
  novelty: Float64Array;
  invite: Float64Array;
  writeRisk: Float64Array;
  reward: Float64Array;
  /** The engagement a contribution leads to: the reward, plus the responses the group gives its writers. */
  rewardWrite: Float64Array;
  /** Hours each participant got back at the last tick. */
  payoff: Float64Array;
  // This tick's decisions.
  contributions: Float64Array;
  reads: Float64Array;
  absences: Float64Array;
  leaves: Float64Array;
  joins: Float64Array;
}

/** A member of staff who is not an agent: an SMM or the CM. */
export interface Staff {
  outsourced: boolean;
  /** Tick he started (a replacement starts anew). */
  hired: number;
  /** What he knows of the organization's codes and people, 0-1 (an insider: 1). */
  knowledge: number;
}

export interface OrgState {
  /** Progress (0-1) of the CM's framework, co-built processes and expertise center. */
  framework: number;
  processes: number;
  expertiseCenter: number;
  /** Coaching hours banked, in coachings: the CM's (managers and owners) and the SMMs' (managers). */
  cmCoaching: number;
  smmCoaching: number;
  /** Owners waiting for coaching, oldest first (group indices). */
  queue: number[];
  smms: Staff[];
  /** The CM, when present. */
  cm: Staff | null;
  /** Share of his day the CM actually speaks: a habit that moves towards cm.speakShare. */
  speakHabit: number;
  /** Today's hours of the CM spent speaking, leading and enabling. */
  cmSpeakHours: number;
  cmLeadHours: number;
  valueCum: number;
  costCum: number;
  adopters: number;
  alignmentMean: number;
  quarrels: number;
  /** Today's value and actionable conversations by group kind; animators' and the CM's posts. */
  value: Float64Array;
  actionable: Float64Array;
  animatorPosts: number;
  cmPosts: number;
  /** Today's prompts by managers and community owners (their own contributions). */
  ownerPosts: number;
  /** Today's hours employees say reading saved them (their payoff, not the organization's value). */
  informed: number;
  /** Hours owners and managers spend animating today (record/cost.ts), summed in place (jit.ts, 7). */
  animationHours: number;
}

/**
 * Today's employees by what they did, counted while the day is read back (activity.ts) so that recording needs
 * no pass of its own over them: indices into ModelState.people.
 */
export const PEOPLE_CONTRIBUTORS = 0;
export const PEOPLE_READERS = 1;
/** Sum of employees' attention minutes (their moving averages), in employee order. */
export const PEOPLE_LOAD = 2;
/**
 * Employees who took part, by role (4 entries, ROLES order), by risk class (3), and who contributed, by risk class (3).
 */
export const PEOPLE_ACTIVE_BY_ROLE = 3;
export const PEOPLE_ACTIVE_BY_RISK = 7;
export const PEOPLE_CONTRIBUTING_BY_RISK = 10;
/** Employees who visited an open community today, by risk class (3). */
export const PEOPLE_OPEN_BY_RISK = 13;
/** Sum of employees' alignment, in employee order (agentTerms). */
export const PEOPLE_ALIGNMENT = 16;
export const PEOPLE_SIZE = 17;

export interface ModelState {
  world: World;
  groups: GroupState;
  org: OrgState;
  tick: number;
  /** Today's employees by what they did (PEOPLE_*). */
  people: Float64Array;
  /** Histogram of employees' cumulative contributions, kept as they grow (participation inequality). */
  contributionCounts: CountHistogram;
  /** This Simulation's tables of functions of counts (tables.ts). */
  tables: CountTables;
  /** What the group terms read each tick, and their per-group scratch (phases/terms-context.ts). */
  terms: { context: TermsContext; group: GroupTerms };
}

// The state objects are instances of classes whose constructors set every field (jit.ts, 4). A field added to one
// of the interfaces above is set in its class's constructor below.

interface Groups extends GroupState {}
class Groups {
  constructor(G: number) {
    const f = () => new Float64Array(G);
    this.effort = f();
    this.coached = new Uint8Array(G);
    this.routines = new Uint8Array(G);
    this.requested = new Uint8Array(G);
    this.adopts = new Uint8Array(G);
    this.trust = f().fill(1);
    this.activity = f();
    this.broadcast = f();
    this.ownerShare = f().fill(1);
    this.smmEffort = f();
    this.smmIndex = new Int32Array(G).fill(-1);
    this.cmLead = f();
    this.cmPosts = f();
    this.prompts = f();
    this.content = f();
    this.ownerPull = f().fill(1);
    this.onWork = f().fill(1);
    this.animation = f();
    this.legitimacy = f();
    this.actionable = f();
    this.followUps = f();
    this.attract = f();
    this.risk = f();
    this.sense = f();
    this.novelty = f();
    this.invite = f();
    this.writeRisk = f();
    this.reward = f();
    this.rewardWrite = f();
    this.payoff = f();
    this.contributions = f();
    this.reads = f();
    this.absences = f();
    this.leaves = f();
    this.joins = f();
  }
}

// Fields that will hold fractions are first set to FRACTION (jit.ts, 1).
interface Org extends OrgState {}
class Org {
  constructor() {
    this.framework = FRACTION;
    this.processes = FRACTION;
    this.expertiseCenter = FRACTION;
    this.cmCoaching = FRACTION;
    this.smmCoaching = FRACTION;
    this.queue = [];
    this.smms = [];
    this.cm = null;
    this.speakHabit = FRACTION;
    this.cmSpeakHours = FRACTION;
    this.cmLeadHours = FRACTION;
    this.valueCum = FRACTION;
    this.costCum = FRACTION;
    this.adopters = 0;
    this.alignmentMean = FRACTION;
    this.quarrels = 0;
    this.value = new Float64Array(3);
    this.actionable = new Float64Array(3);
    this.animatorPosts = FRACTION;
    this.cmPosts = FRACTION;
    this.ownerPosts = 0;
    this.informed = FRACTION;
    this.animationHours = FRACTION;
    this.framework = 0;
    this.processes = 0;
    this.expertiseCenter = 0;
    this.cmCoaching = 0;
    this.smmCoaching = 0;
    this.speakHabit = 0;
    this.cmSpeakHours = 0;
    this.cmLeadHours = 0;
    this.valueCum = 0;
    this.costCum = 0;
    this.alignmentMean = 0;
    this.animatorPosts = 0;
    this.cmPosts = 0;
    this.informed = 0;
    this.animationHours = 0;
  }
}

interface State extends ModelState {}
class State {
  constructor(world: World) {
    this.world = world;
    this.groups = new Groups(world.groups);
    this.org = new Org();
    this.tick = 0;
    this.people = new Float64Array(PEOPLE_SIZE);
    this.contributionCounts = new CountHistogram(world.employees);
    this.tables = new CountTables();
    this.terms = { context: new TermsContext(this.tables), group: new GroupTerms() };
  }
}

/** An SMM or the CM: one class, whatever his sourcing. */
interface StaffMember extends Staff {}
class StaffMember {
  constructor(outsourced: boolean, hired: number, knowledge: number) {
    this.outsourced = outsourced;
    this.hired = hired;
    this.knowledge = FRACTION;
    this.knowledge = knowledge;
  }
}

export function newStaff(outsourced: boolean, hired: number, knowledge: number): Staff {
  return new StaffMember(outsourced, hired, knowledge);
}

export function initialState(world: World): ModelState {
  return new State(world);
}

/** Members of group g who were joined at the start of this tick (took part or stayed away). */
export function membersOf(gs: GroupState, g: number): number {
  return gs.contributions[g]! + gs.reads[g]! + gs.absences[g]!;
}
