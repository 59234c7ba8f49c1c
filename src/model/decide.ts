/**
 * The hot loop: every joined membership of one group decides, this tick, to contribute, read or stay away.
 * One logistic (one Math.exp) and one uniform draw per decision; typed-array reads only; no allocation.
 *
 *   z = agentTerm[i] + engagement[m] + attract[g] - riskAversion[i] * risk[g] + needForSense[i] * sense[g]
 *       - noveltyGate[i] * novelty[g]
 *   p(take part) = 1 / (1 + exp(-z));  p(contribute | take part) = voice[i] * invite[g] / (1 + riskAversion[i] * writeRisk[g])
 *
 * Engagement then moves with what the group gave back last tick (reward[g]) and fades while absent.
 */
import type { Uniform } from '../rng.ts';
import type { World } from './world.ts';

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
  const agentTerm = w.agentTerm;
  const riskAversion = w.riskAversion;
  const needForSense = w.needForSense;
  const noveltyGate = w.noveltyGate;
  const voice = w.voice;
  const tickState = w.tickState;
  const contributions = w.contributions;
  const received = w.received;
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
    const ra = riskAversion[i]!;
    let e = engagement[m]!;
    const z = agentTerm[i]! + e + attract - ra * risk + needForSense[i]! * sense - noveltyGate[i]! * novelty;
    const p = 1 / (1 + Math.exp(-z));
    const u = rand();
    let write = (voice[i]! * invite) / (1 + ra * writeRisk);
    if (write > 1) write = 1;
    if (u < p * write) {
      nContrib++;
      tickState[i] = 2;
      contributions[i]!++;
      received[i]! += payoff;
      e += reward;
    } else if (u < p) {
      nRead++;
      if (tickState[i] === 0) tickState[i] = 1;
      received[i]! += payoff;
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
