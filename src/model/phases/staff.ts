/**
 * Phase: the staff. SMMs are hired, replaced (when their sourcing changes, or when a provider rotates the
 * person it placed) and learn the organization's codes and people; the CM arrives, learns and keeps his
 * speaking habit; SMMs are assigned to the groups they animate.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { Random } from '../../rng.ts';
import { LEARNING_DEPARTMENTS, TEAM_GROUP_LOAD } from '../constants.ts';
import { coDriving } from '../knowledge.ts';
import { newStaff, type ModelState, type Staff } from '../state.ts';

function hire(p: Scenario, outsourced: boolean, tick: number): Staff {
  return newStaff(outsourced, tick, outsourced ? p.knowledge.outsiderCodes : 1);
}

/**
 * An outsider learns the codes and people by working among them, faster with a co-driver's introductions:
 * dK = (1 - K) / learningDays x (1 + introductions x co-driver's hours / H).
 */
function learn(p: Scenario, s: Staff, tick: number, rand: Random, spread = 1, coDriven = true): void {
  if (!s.outsourced) return;
  const k = p.knowledge;
  if (k.rotationDays > 0 && rand.next() < 1 / k.rotationDays) {
    s.hired = tick;
    s.knowledge = k.outsiderCodes;
    return;
  }
  const beside = coDriven && coDriving(p, s, tick) ? Math.min(1, p.smm.coDrivingHours / p.organization.hoursPerDay) : 0;
  s.knowledge += ((1 - s.knowledge) / (k.learningDays * spread)) * (1 + k.introductions * beside);
}

export function updateStaff(st: ModelState, p: Scenario, rand: Random): void {
  const o = st.org;
  const tick = st.tick;
  const outsourced = p.smm.sourcing === 'outsourced';
  for (let k = 0; k < o.smms.length; k++)
    if (o.smms[k]!.outsourced !== outsourced) o.smms[k] = hire(p, outsourced, tick);
  while (o.smms.length < p.smm.count) o.smms.push(hire(p, outsourced, tick));
  if (o.smms.length > p.smm.count) o.smms.length = p.smm.count;
  for (const s of o.smms) learn(p, s, tick, rand);

  if (!p.cm.present) o.cm = null;
  else {
    const out = p.cm.sourcing === 'outsourced';
    if (!o.cm || o.cm.outsourced !== out) {
      // A new CM: his habit of speaking is the emcee's if he comes from the external community.
      o.cm = hire(p, out, tick);
      o.speakHabit = p.cm.formerEmcee ? p.external.emceeEffort : p.cm.speakShare;
    }
    // Nobody co-drives a CM: he learns alone, and his time spreads over every department.
    learn(p, o.cm, tick, rand, Math.max(1, st.world.departments / LEARNING_DEPARTMENTS), false);
    o.speakHabit += (p.cm.speakShare - o.speakHabit) / p.cm.habitDays;
  }
  assignSmms(st, p);
}

/**
 * SMMs step into the share of team groups the scenario says (each takes TEAM_GROUP_LOAD of a community's worth
 * of time), then animate, one community's worth each, the main communities no owner animates, most popular topics
 * first (topic index is popularity rank), until their capacity is spent.
 */
function assignSmms(st: ModelState, p: Scenario): void {
  const w = st.world;
  const gs = st.groups;
  const n = st.org.smms.length;
  gs.smmEffort.fill(0);
  gs.smmIndex.fill(-1);
  if (n === 0) return;
  const perSmm = p.smm.capacity * (1 - p.smm.helpOnRequest);
  let capacity = n * perSmm;
  for (let g = 0; g < w.teams; g++) {
    if (w.groupHash[g]! < p.smm.teamGroupIntervention) {
      gs.smmEffort[g] = TEAM_GROUP_LOAD;
      gs.smmIndex[g] = g % n;
      capacity -= TEAM_GROUP_LOAD;
    }
  }
  let used = 0;
  for (let t = 0; t < w.topics && used < capacity; t++) {
    const g = w.openStart + t * w.slotsPerTopic;
    if (!w.groupActive[g] || w.groupOwner[g]! >= 0) continue;
    const e = Math.min(1, capacity - used);
    gs.smmEffort[g] = e;
    gs.smmIndex[g] = Math.min(n - 1, Math.floor(used / Math.max(1e-9, perSmm)));
    used += e;
  }
}
