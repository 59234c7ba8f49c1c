/**
 * The agents' state in one place: the attributes each agent draws once (exported per agent), where he sits
 * (team, department, role, risk class), and his dynamic state (efficiency, load, what he did today and so far, and
 * the interleaved hot record the decisions read and write). All typed arrays indexed by agent (employees first,
 * then customers), allocated once when the world is built (world.ts); a World is an AgentState plus the
 * organization's structure (teams, topics, groups, memberships).
 */
import type { Scenario } from '../scenario/schema.ts';
import { exp } from '../math.ts';
import { betaDraw, normal, type Random } from '../rng.ts';

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

export interface AgentState {
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
  /**
   * Interleaved copy of what the decision loop touches (HOT_*); today's activity is read back after each tick, what it
   * gave back at the next.
   */
  hot: Float64Array;
}

/** What each agent draws once, in draw order (the init stream's first draws). */
export type AgentAttributes = Pick<
  AgentState,
  | 'riskAversion'
  | 'needForSense'
  | 'alignmentStart'
  | 'webSociability'
  | 'statusSeeking'
  | 'voice'
  | 'writer'
  | 'timeBudget'
>;

function drawBetaArray(n: number, a: number, b: number, rand: Random): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = betaDraw(a, b, rand);
  return out;
}

/** Every agent's attributes: five beta traits, then voice, writing disposition and time budget, agent by agent. */
export function drawAttributes(s: Scenario, agents: number, rand: Random): AgentAttributes {
  const m = s.members;
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
  return { riskAversion, needForSense, alignmentStart, webSociability, statusSeeking, voice, writer, timeBudget };
}

/** Risk-aversion thirds among employees (0: bottom third, 2: top third; customers 0). */
export function riskClasses(riskAversion: Float64Array, employees: number, agents: number): Uint8Array {
  const riskClass = new Uint8Array(agents);
  const sorted = Float64Array.from(riskAversion.subarray(0, employees)).sort();
  const lo = sorted[Math.floor(employees / 3)]!;
  const hi = sorted[Math.floor((2 * employees) / 3)]!;
  for (let i = 0; i < employees; i++) riskClass[i] = riskAversion[i]! < lo ? 0 : riskAversion[i]! < hi ? 1 : 2;
  return riskClass;
}

/**
 * The whole agent state from the attributes and where agents sit: alignment starts at its drawn value, the hot
 * records hold each agent's risk aversion, need for sense and voice, and the rest of the dynamic state is zero.
 */
export function agentState(
  a: AgentAttributes,
  employees: number,
  sits: Pick<AgentState, 'expertiseTopic' | 'team' | 'department' | 'role' | 'joinedCount'>,
): AgentState {
  const agents = a.riskAversion.length;
  const hot = new Float64Array(agents * HOT_STRIDE);
  for (let i = 0; i < agents; i++) {
    hot[i * HOT_STRIDE + HOT_RISK] = a.riskAversion[i]!;
    hot[i * HOT_STRIDE + HOT_SENSE] = a.needForSense[i]!;
    hot[i * HOT_STRIDE + HOT_VOICE] = a.voice[i]!;
  }
  return {
    riskAversion: a.riskAversion,
    needForSense: a.needForSense,
    alignment: a.alignmentStart.slice(),
    alignmentStart: a.alignmentStart,
    webSociability: a.webSociability,
    statusSeeking: a.statusSeeking,
    voice: a.voice,
    writer: a.writer,
    timeBudget: a.timeBudget,
    expertiseTopic: sits.expertiseTopic,
    team: sits.team,
    department: sits.department,
    role: sits.role,
    riskClass: riskClasses(a.riskAversion, employees, agents),
    efficiency: new Float64Array(agents),
    joinedCount: sits.joinedCount,
    tickState: new Uint8Array(agents),
    contributions: new Float64Array(agents),
    openContributions: new Float64Array(agents),
    reads: new Float64Array(agents),
    activeDays: new Float64Array(agents),
    contributionDays: new Float64Array(agents),
    load: new Float64Array(agents),
    everActive: new Uint8Array(agents),
    hot,
  };
}
