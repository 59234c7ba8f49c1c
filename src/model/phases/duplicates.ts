/**
 * Phase: overlapping initiatives. Without a framework, new duplicate communities appear on existing topics
 * and split their members' attention. With one, the duplicates that whoever animates the topic sees are
 * escalated to the CM and merged into the main community (the others more slowly).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { poisson, type Random } from '../../rng.ts';
import { DAYS_PER_YEAR, UNSEEN_DUPLICATE } from '../constants.ts';
import type { ModelState } from '../state.ts';

export function overlap(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const slots = w.slotsPerTopic;
  if (slots < 2) return;
  const spawns = poisson(
    ((p.communities.duplicateSpawnPerYear * w.topics) / DAYS_PER_YEAR) * (1 - st.org.framework),
    rand,
  );
  for (let k = 0; k < spawns; k++) {
    const t = Math.floor(rand.next() * w.topics);
    for (let s = 1; s < slots; s++) {
      const g = w.openStart + t * slots + s;
      if (!w.groupActive[g]) {
        w.groupActive[g] = 1;
        gs.activity[g] = 0;
        gs.trust[g] = 1;
        gs.broadcast[g] = 0;
        break;
      }
    }
  }
  const F = st.org.framework;
  if (F <= 0 || !st.org.cm) return;
  const rate = (p.governance.mergePerYear / DAYS_PER_YEAR) * F;
  for (let t = 0; t < w.topics; t++) {
    const main = w.openStart + t * slots;
    const seen = gs.smmEffort[main]! > 0 || gs.effort[main]! > 0 ? 1 : UNSEEN_DUPLICATE;
    for (let s = 1; s < slots; s++) {
      const g = main + s;
      if (w.groupActive[g] && rand.next() < rate * seen) merge(st, g, main);
    }
  }
}

/** Members of the duplicate move to the main community (the same candidates, index for index). */
function merge(st: ModelState, dup: number, main: number): void {
  const w = st.world;
  const size = w.groupStart[dup + 1]! - w.groupStart[dup]!;
  const a = w.groupStart[dup]!;
  const b = w.groupStart[main]!;
  for (let q = 0; q < size; q++) {
    if (!w.joined[a + q]) continue;
    w.joined[a + q] = 0;
    if (w.joined[b + q]) {
      w.joinedCount[w.memberAgent[a + q]!]!--;
      if (w.engagement[a + q]! > w.engagement[b + q]!) w.engagement[b + q] = w.engagement[a + q]!;
    } else {
      w.joined[b + q] = 1;
      w.engagement[b + q] = w.engagement[a + q]!;
    }
  }
  w.groupActive[dup] = 0;
}
