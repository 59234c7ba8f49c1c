/**
 * The hot loop: every joined membership of one group decides, this tick, to contribute, read or stay away.
 * One logistic (one exp, src/math.ts) and one uniform draw per decision; typed-array reads only; no allocation.
 * The per-agent values come from the agent's hot record (terms.ts): risk[i] is his risk aversion plus what web
 * habits add at work, gate[i] the barrier of new things he still feels (efficiency and web familiarity lift it).
 *
 *   z = agentTerm[i] + engagement[m] + attract[g] - risk[i] * risk[g] + needForSense[i] * sense[g] - gate[i] * novelty[g]
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
import type { Uniform } from '../rng.ts';
import { LEAVE_RAMP, OPEN_VISIT, OPEN_WRITE, WRITE } from './constants.ts';
import type { GroupState } from './state.ts';
import { HOT_NOVELTY, HOT_PRESSURE, HOT_RECEIVED, HOT_RISK, HOT_SENSE, HOT_STRIDE, HOT_TERM, HOT_TODAY, HOT_VOICE, type World } from './world.ts';

export interface Churn {
  /** What engagement fades back to while a member stays away (a newcomer's expectation). */
  rest: number;
  /** How much each logit of engagement above that raises the share of participations that are contributions. */
  engagedWriting: number;
  /** Daily probability that a member who stayed away drifts out, before attention pressure. */
  drift: number;
  /** Engagement below which a member is disappointed, and the daily hazard of leaving at full disappointment. */
  threshold: number;
  hazard: number;
}

/** Decide for every joined membership of group g; members can leave open communities only. */
export function decideGroup(w: World, g: number, gs: GroupState, rand: Uniform, learn: number, keep: number, churn: Churn, open: boolean): void {
  const memberAgent = w.memberAgent;
  const joined = w.joined;
  const engagement = w.engagement;
  const hot = w.hot;
  const joinedCount = w.joinedCount;
  const attract = gs.attract[g]!;
  const risk = gs.risk[g]!;
  const sense = gs.sense[g]!;
  const novelty = gs.novelty[g]!;
  const invite = gs.invite[g]!;
  const writeRisk = gs.writeRisk[g]!;
  const target = gs.reward[g]!;
  const targetWrite = gs.rewardWrite[g]!;
  const payoff = gs.payoff[g]!;
  const rest = churn.rest;
  const fade = (1 - keep) * rest;
  const engagedWriting = churn.engagedWriting;
  const drift = churn.drift;
  const hazard = churn.hazard;
  const leaveTop = churn.threshold + LEAVE_RAMP / 2;
  const visitCode = open ? OPEN_VISIT : 1;
  const writeCode = visitCode + (open ? OPEN_WRITE : WRITE);
  let nContrib = 0;
  let nRead = 0;
  let nAbsent = 0;
  let nLeave = 0;
  const end = w.groupStart[g + 1]!;
  for (let m = w.groupStart[g]!; m < end; m++) {
    if (joined[m] === 0) continue;
    const i = memberAgent[m]!;
    const o = i * HOT_STRIDE;
    const ra = hot[o + HOT_RISK]!;
    let e = engagement[m]!;
    const z = hot[o + HOT_TERM]! + e + attract - ra * risk + hot[o + HOT_SENSE]! * sense - hot[o + HOT_NOVELTY]! * novelty;
    const p = 1 / (1 + exp(-z));
    const u = rand();
    if (u < p) {
      // The more engaged, the more a member writes rather than reads.
      let engaged = 1 + engagedWriting * (e - rest);
      if (engaged < 0) engaged = 0;
      let write = (hot[o + HOT_VOICE]! * invite * engaged) / (1 + ra * writeRisk);
      if (write > 1) write = 1;
      if (u < p * write) {
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
      if (open) {
        // v = (u - p) / (1 - p) is uniform on [0, 1).
        let disappointed = (leaveTop - e) / LEAVE_RAMP;
        disappointed = disappointed < 0 ? 0 : disappointed > 1 ? 1 : disappointed;
        if (u - p < (1 - p) * (drift * (1 + hot[o + HOT_PRESSURE]!) + hazard * disappointed)) {
          joined[m] = 0;
          joinedCount[i]!--;
          nLeave++;
        }
      }
    }
  }
  gs.contributions[g] = nContrib;
  gs.reads[g] = nRead;
  gs.absences[g] = nAbsent;
  gs.leaves[g] = nLeave;
}
