/**
 * Phase: joining open communities. Interested employees who are not members join on their own, more often
 * where visible activity is high, or are recruited by whoever animates the community: an SMM as far as he
 * knows the organization's people, the owner less. Leaving happens in the decisions (decide.ts).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { binomial, type Random } from '../../rng.ts';
import { JOIN_VISIBILITY_FLOOR, OWNER_RECRUITMENT } from '../constants.ts';
// jit.ts warms nextOutsider's walk up at load (3 there).
import '../jit.ts';
import { smmCodes } from '../knowledge.ts';
import { nextOutsider } from './outsider.ts';
import { membersOf, type ModelState } from '../state.ts';

/** Random picks among a community's candidates before walking the list to the next outsider. */
const MAX_PICKS = 16;

export function join(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const end = w.openStart + w.topics * w.slotsPerTopic;
  for (let g = w.openStart; g < end; g++) {
    gs.joins[g] = 0;
    if (!w.groupActive[g]) continue;
    const start = w.groupStart[g]!;
    const size = w.groupStart[g + 1]! - start;
    if (size === 0) continue;
    const outside = size - (membersOf(gs, g) - gs.leaves[g]!);
    if (outside <= 0) continue;
    const smm = gs.smmIndex[g]! >= 0 ? o.smms[gs.smmIndex[g]!] : undefined;
    const recruiting =
      (smm ? gs.smmEffort[g]! * smmCodes(p, smm, st.tick) : 0) +
      (w.groupOwner[g]! >= 0 ? OWNER_RECRUITMENT * gs.effort[g]! : 0);
    const pJoin =
      p.communities.spontaneousJoin * (JOIN_VISIBILITY_FLOOR + gs.activity[g]!) + p.smm.recruitmentRate * recruiting;
    // Each outsider joins with probability pJoin: k of them, each picked uniformly among the outsiders.
    const k = binomial(outside, Math.min(1, pJoin), rand);
    let joined = 0;
    for (let j = 0; j < k; j++) {
      let m = start + Math.floor(rand.next() * size);
      for (let tries = 1; w.joined[m] && tries < MAX_PICKS; tries++) m = start + Math.floor(rand.next() * size);
      // Few outsiders left: take the next one along the candidate list (there is one: k <= outside).
      m = nextOutsider(w.joined, start, size, m);
      if (m < 0) break;
      w.joined[m] = 1;
      w.engagement[m] = p.behaviour.initialEngagement;
      w.joinedCount[w.memberAgent[m]!]!++;
      joined++;
    }
    gs.joins[g] = joined;
  }
}
