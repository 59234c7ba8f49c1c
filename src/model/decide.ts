/**
 * The hot loop: every joined membership of one group decides, this tick, to contribute, read or stay away.
 * One logistic (one exp, src/math.ts) and one uniform draw per decision; typed-array reads only; no allocation.
 *
 *   z = agentTerm[i] + engagement[m] + attract[g] - riskAversion[i] * risk[g] + needForSense[i] * sense[g]
 *       - noveltyGate[i] * novelty[g]
 *   p(take part) = 1 / (1 + exp(-z));  p(contribute | take part) = voice[i] * invite[g] / (1 + riskAversion[i] * writeRisk[g])
 *
 * Engagement then moves with what the group gave back last tick (reward[g]) and fades while absent.
 */
import { exp } from '../math.ts';
import type { Uniform } from '../rng.ts';
import { HOT_CONTRIBUTIONS, HOT_NOVELTY, HOT_RECEIVED, HOT_RISK, HOT_SENSE, HOT_STATE, HOT_STRIDE, HOT_TERM, HOT_VOICE, type World } from './world.ts';

export interface GroupTerms {
  attract: Float64Array;
  risk: Float64Array;
  sense: Float64Array;
  novelty: Float64Array;
  invite: Float64Array;
  writeRisk: Float64Array;
  reward: Float64Array;
  /** Hours each participant got back last tick (feeds efficiency experienced). */
  payoff: Float64Array;
}

export interface GroupCounts {
  contributions: Float64Array;
  reads: Float64Array;
  absences: Float64Array;
  leaves: Float64Array;
}

/** Decide for every joined membership of group g. `canLeave`: open communities only. */
export function decideGroup(
  w: World,
  g: number,
  t: GroupTerms,
  counts: GroupCounts,
  rand: Uniform,
  keep: number,
  floor: number,
  cap: number,
  leaveBelow: number,
  canLeave: boolean,
): void {
  const memberAgent = w.memberAgent;
  const joined = w.joined;
  const engagement = w.engagement;
  const hot = w.hot;
  const joinedCount = w.joinedCount;
  const attract = t.attract[g]!;
  const risk = t.risk[g]!;
  const sense = t.sense[g]!;
  const novelty = t.novelty[g]!;
  const invite = t.invite[g]!;
  const writeRisk = t.writeRisk[g]!;
  const reward = t.reward[g]!;
  const payoff = t.payoff[g]!;
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
    let write = (hot[o + HOT_VOICE]! * invite) / (1 + ra * writeRisk);
    if (write > 1) write = 1;
    if (u < p * write) {
      nContrib++;
      hot[o + HOT_STATE] = 2;
      hot[o + HOT_CONTRIBUTIONS]!++;
      hot[o + HOT_RECEIVED]! += payoff;
      e += reward;
    } else if (u < p) {
      nRead++;
      if (hot[o + HOT_STATE] === 0) hot[o + HOT_STATE] = 1;
      hot[o + HOT_RECEIVED]! += payoff;
      e += reward;
    } else {
      nAbsent++;
      e *= keep;
    }
    if (e > cap) e = cap;
    else if (e < floor) e = floor;
    engagement[m] = e;
    if (canLeave && e < leaveBelow) {
      joined[m] = 0;
      joinedCount[i]!--;
      nLeave++;
    }
  }
  counts.contributions[g] = nContrib;
  counts.reads[g] = nRead;
  counts.absences[g] = nAbsent;
  counts.leaves[g] = nLeave;
}
