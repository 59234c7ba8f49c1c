/**
 * The hot loop: every joined membership of every group decides, this tick, to contribute, read or stay away.
 * One logistic (one exp, src/math.ts) and one uniform draw per decision; typed-array reads only; no allocation.
 * The per-agent values come from the agent's hot record (terms.ts): risk[i] is his risk aversion plus what web
 * habits add at work, gate[i] the barrier of new things he still feels (efficiency and web familiarity lift it).
 *
 *   z = agentTerm[i] + engagement[m] + attract[g] - risk[i] * risk[g] + needForSense[i] * sense[g] - gate[i] *
 *   novelty[g]
 *   p(take part) = 1 / (1 + exp(-z));
 *   p(contribute | take part) = min(1, voice[i] * invite[g] * max(0, 1 + engagedWriting * (engagement[m] - rest))
 *                                       / (1 + risk[i] * writeRisk[g]))
 *
 * Engagement then moves towards what the group gives back (target[g], from its payoff; a writer also gets its
 * responses, targetWrite[g]) and, while the member stays away, fades back towards what a newcomer expects
 * (rest). In an open community, a member who stayed away today may
 * leave: he drifts out (drift x (1 + his attention pressure)), and more so once disappointed:
 *   p(leave) = drift x (1 + pressure[i]) + hazard x clamp((threshold - engagement) / LEAVE_RAMP + 1/2, 0, 1),
 * drawn from the same uniform (the part of it above p(take part) is uniform too), so leaving costs no draw.
 */
import { exp } from '../math.ts';
import type { Scenario } from '../scenario/schema.ts';
import { FRACTION } from './jit.ts';
import { LEAVE_RAMP, OPEN_VISIT, OPEN_WRITE, WRITE } from './constants.ts';
import type { GroupState } from './state.ts';
import {
  HOT_NOVELTY,
  HOT_PRESSURE,
  HOT_RECEIVED,
  HOT_RISK,
  HOT_SENSE,
  HOT_STRIDE,
  HOT_TERM,
  HOT_TODAY,
  HOT_VOICE,
  KIND_OPEN,
  type World,
} from './world.ts';

/**
 * Above this many agents (6 MiB of hot records, HOT_STRIDE doubles each), the records outgrow what one core finds
 * in its caches and an open community's decisions wait on memory: touching its members' records first pays.
 * Above LISTED_AGENTS (4 MiB), an open community's joined members are listed first, without a branch: a third to
 * a half of its candidates are joined, a branch on it is mispredicted often there, and each misprediction throws
 * away the reads of the next records started ahead. Below, both cost more than they save (the records are in the
 * cache, and the branch predictor learns a small organization's few groups): 1.05x at 200 and 2,000 employees
 * for the list, 1.06-1.15x at 45,000 and 75,000 agents for touching.
 * Measured with bench/kernel.ts, this kernel over the one without either (time of the decisions, medians over
 * fresh processes of one Simulation each, two sets): 0.83-0.91x at enterprise-100k (whole ticks 0.86x), 0.70-0.74x
 * at 400,000 employees (whole ticks 0.80x). Two Simulations side by side in one process double the memory and
 * overstate cache effects: do not measure them that way. Results are the same either way.
 */
const SCATTERED_AGENTS = (6 << 20) / (HOT_STRIDE * 8);
const LISTED_AGENTS = 65_536;

/** The decision rule's parameters, as numbers. */
export interface DecisionRuleNumbers {
  /** behaviour.learningRate. */
  learn: number;
  /** 1 - behaviour.forgetting. */
  keep: number;
  /** What engagement fades back to while a member stays away (a newcomer's expectation). */
  rest: number;
  /** How much each logit of engagement above `rest` raises the share of participations that are contributions. */
  engagedWriting: number;
  /** Daily probability that a member who stayed away drifts out of an open community, before attention pressure. */
  drift: number;
  /** Engagement below which a member is disappointed, and the daily hazard of leaving at full disappointment. */
  threshold: number;
  hazard: number;
}

/** The rule as one class whose fields are fractions from the start (jit.ts, 1 and 5): read once a call. */
export interface DecisionRule extends DecisionRuleNumbers {}
export class DecisionRule {
  constructor(n?: DecisionRuleNumbers) {
    this.learn = FRACTION;
    this.keep = FRACTION;
    this.rest = FRACTION;
    this.engagedWriting = FRACTION;
    this.drift = FRACTION;
    this.threshold = FRACTION;
    this.hazard = FRACTION;
    if (n) this.set(n);
  }

  set(n: DecisionRuleNumbers): this {
    this.learn = +n.learn;
    this.keep = +n.keep;
    this.rest = +n.rest;
    this.engagedWriting = +n.engagedWriting;
    this.drift = +n.drift;
    this.threshold = +n.threshold;
    this.hazard = +n.hazard;
    return this;
  }

  /** The rule of a scenario's parameters (read at each tick: interventions change them). */
  read(p: Scenario): this {
    const b = p.behaviour;
    const c = p.communities;
    this.learn = +b.learningRate;
    this.keep = 1 - b.forgetting;
    this.rest = +b.initialEngagement;
    this.engagedWriting = +b.engagedWriting;
    this.drift = +c.driftPerDay;
    this.threshold = +c.leaveThreshold;
    this.hazard = +c.leaveHazard;
    return this;
  }
}

/** A new rule of a scenario's parameters (a Simulation keeps one and reads it again each tick). */
export function decisionRule(p: Scenario): DecisionRule {
  return new DecisionRule().read(p);
}

/** A Simulation's own buffers for the kernel (no state shared between Simulations). */
export class DecisionScratch {
  /** One group's joined memberships, in order (overwritten group by group, within one call). */
  at = new Int32Array(1024);
  /** Where the reads of the touching pass go (kept, so that the compiler does not drop them). */
  touched = FRACTION;
}

/**
 * Decide for every joined membership of every active group, group by group, member by member (the order of the
 * draws). `rng` is the state of the decisions stream (rng.ts: Alea), stepped inline. The rule's numbers are read
 * into locals once: the loop reads no object field but the world's and the groups' arrays, so the same optimized
 * code serves every Simulation, whatever its scenario.
 *   touchAbove: the number of agents above which open communities' records are touched first (then their joined
 *   members are listed too, whatever LISTED_AGENTS says; tests force it).
 */
export function decide(
  w: World,
  gs: GroupState,
  rng: Float64Array,
  rule: DecisionRule,
  scratch: DecisionScratch,
  touchAbove: number = SCATTERED_AGENTS,
): void {
  const memberAgent = w.memberAgent;
  const joined = w.joined;
  const hot = w.hot;
  const groupStart = w.groupStart;
  const groupActive = w.groupActive;
  const groupKind = w.groupKind;
  let largest = 0;
  for (let g = 0; g < w.groups; g++)
    if (groupStart[g + 1]! - groupStart[g]! > largest) largest = groupStart[g + 1]! - groupStart[g]!;
  if (scratch.at.length < largest) scratch.at = new Int32Array(largest);
  const at = scratch.at;
  let sink = 0;
  const scattered = w.agents > touchAbove;
  const large = w.agents > LISTED_AGENTS;
  for (let g = 0; g < w.groups; g++) {
    if (!groupActive[g]) {
      setCounts(gs, g, 0, 0, 0, 0);
      continue;
    }
    const open = groupKind[g] === KIND_OPEN;
    const first = groupStart[g]!;
    const end = groupStart[g + 1]!;
    let n = end - first;
    // An open community's joined members listed first in a large organization (LISTED_AGENTS).
    const listed = open && (large || scattered);
    if (listed) {
      n = 0;
      for (let m = first; m < end; m++) {
        at[n] = m;
        n += joined[m]!;
      }
    }
    // In an open community (its members are spread over all the agents) of a large organization (their records
    // no longer stay in the cache from one group to the next), touch their records first, with no dependence on
    // the draws, so that the reads overlap; the decisions then find them in the cache. Team members are
    // consecutive agents: no need.
    if (open && scattered) {
      for (let k = 0; k < n; k++) {
        const o = memberAgent[at[k]!]! * HOT_STRIDE;
        sink += hot[o]! + hot[o + HOT_STRIDE - 1]!;
      }
    }
    decideGroup(w, gs, g, rng, rule, open, listed ? at : null, n);
  }
  scratch.touched = sink;
}

/**
 * The decisions of group g's joined members, in order: its memberships first..first+n-1, or, when `listed` is
 * given, the n memberships listed there (the group's joined members). Steps the decisions stream (its state in
 * locals, as rng.ts: aleaNext, written back at the end) and writes the group's counts.
 */
function decideGroup(
  w: World,
  gs: GroupState,
  g: number,
  rng: Float64Array,
  rule: DecisionRule,
  open: boolean,
  listed: Int32Array | null,
  n: number,
): void {
  const { memberAgent, joined, engagement, hot, joinedCount } = w;
  const { learn, keep, rest, engagedWriting, drift, hazard } = rule;
  const fade = (1 - keep) * rest;
  const leaveTop = rule.threshold + LEAVE_RAMP / 2;
  const attract = gs.attract[g]!;
  const risk = gs.risk[g]!;
  const sense = gs.sense[g]!;
  const novelty = gs.novelty[g]!;
  const invite = gs.invite[g]!;
  const writeRisk = gs.writeRisk[g]!;
  const target = gs.reward[g]!;
  const targetWrite = gs.rewardWrite[g]!;
  const payoff = gs.payoff[g]!;
  // Members can leave open communities only.
  const visitCode = open ? OPEN_VISIT : 1;
  const writeCode = visitCode + (open ? OPEN_WRITE : WRITE);
  let nContrib = 0,
    nRead = 0,
    nAbsent = 0,
    nLeave = 0;
  const first = w.groupStart[g]!;
  let s0 = rng[0]!,
    s1 = rng[1]!,
    s2 = rng[2]!,
    c = rng[3]!;
  for (let k = 0; k < n; k++) {
    const m = listed !== null ? listed[k]! : first + k;
    if (joined[m] === 0) continue;
    const i = memberAgent[m]!;
    const o = i * HOT_STRIDE;
    const ra = hot[o + HOT_RISK]!;
    let e = engagement[m]!;
    const z =
      hot[o + HOT_TERM]! + e + attract - ra * risk + hot[o + HOT_SENSE]! * sense - hot[o + HOT_NOVELTY]! * novelty;
    const p = 1 / (1 + exp(-z));
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    const u = s2;
    if (u < p) {
      if (u < p * writeShare(hot[o + HOT_VOICE]!, invite, engagedWriting * (e - rest), ra * writeRisk)) {
        nContrib++;
        hot[o + HOT_TODAY]! += writeCode;
        e += learn * (targetWrite - e);
      } else {
        nRead++;
        hot[o + HOT_TODAY]! += visitCode;
        e += learn * (target - e);
      }
      hot[o + HOT_RECEIVED]! += payoff;
      engagement[m] = e;
    } else {
      nAbsent++;
      e = e * keep + fade;
      engagement[m] = e;
      if (open && leaves(u, p, e, hot[o + HOT_PRESSURE]!, leaveTop, drift, hazard)) {
        joined[m] = 0;
        joinedCount[i]!--;
        nLeave++;
      }
    }
  }
  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = c;
  setCounts(gs, g, nContrib, nRead, nAbsent, nLeave);
}

/** Group g's counts of the tick's decisions. */
function setCounts(gs: GroupState, g: number, contributions: number, reads: number, absences: number, leaves: number) {
  gs.contributions[g] = contributions;
  gs.reads[g] = reads;
  gs.absences[g] = absences;
  gs.leaves[g] = leaves;
}

/**
 * The share of a member's participations that are contributions: his voice times the group's invitation, raised
 * by his engagement above a newcomer's (lift: engagedWriting x (engagement - rest); the more engaged, the more a
 * member writes rather than reads), over what writing risks (riskCost: his risk x the group's write risk); at
 * most 1.
 */
function writeShare(voice: number, invite: number, lift: number, riskCost: number): number {
  let engaged = 1 + lift;
  if (engaged < 0) engaged = 0;
  let write = (voice * invite * engaged) / (1 + riskCost);
  if (write > 1) write = 1;
  return write;
}

/**
 * Whether a member who stayed away from an open community today leaves it: drawn from the part of the uniform u
 * above p(take part) (v = (u - p) / (1 - p) is uniform on [0, 1)), so leaving costs no draw.
 * Math.min and Math.max, not comparisons (jit.ts, 6): for weeks nobody is disappointed (always 0), and the first
 * who is would deoptimize the kernel.
 */
function leaves(
  u: number,
  p: number,
  e: number,
  pressure: number,
  leaveTop: number,
  drift: number,
  hazard: number,
): boolean {
  const disappointed = Math.min(1, Math.max(0, (leaveTop - e) / LEAVE_RAMP));
  return u - p < (1 - p) * (drift * (1 + pressure) + hazard * disappointed);
}
