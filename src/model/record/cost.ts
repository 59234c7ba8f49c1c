/**
 * Reporter: today's value and the cost of the roles (in FTE: the platform, owners' animation hours, the CM and
 * his staff, the SMMs and their co-drivers, the brand's emcee), their running sums (kept in the organization's
 * state), and the posts by whom.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { share } from '../jit.ts';
import type { ModelState } from '../state.ts';
import { KIND_TEAM } from '../world.ts';
import { AT } from './series.ts';

/**
 * Hours a day owners spend animating, into o.animationHours: managers (and their routines' follow-ups) and
 * community owners. Parameters are read into locals before the loop (jit.ts, 5), and the sum is kept in place
 * by a phase that ends with its loop (jit.ts, 7): a local returned after it was boxed at every group.
 */
function sumAnimationHours(st: ModelState, p: Scenario): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const managerHours = +p.managers.animationHours;
  const routineHours = +p.managers.routineFollowUpHours;
  const ownerHours = +p.owners.animationHours;
  o.animationHours = 0;
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g] || w.groupOwner[g]! < 0) continue;
    // A manager with routines also spends his routine's follow-up hours.
    o.animationHours +=
      gs.effort[g]! * (w.groupKind[g] === KIND_TEAM ? managerHours + gs.routines[g]! * routineHours : ownerHours);
  }
}

/** Writes value, cost and posts into `r`, after recordGroups (it reads the member posts by kind). */
export function recordValueAndCost(st: ModelState, p: Scenario, r: Float64Array): void {
  const w = st.world;
  const o = st.org;
  const value = o.value[0]! + o.value[1]! + o.value[2]!;
  const H = p.organization.hoursPerDay;
  sumAnimationHours(st, p);
  let fte = p.value.platformFte + o.animationHours / H;
  if (o.cm) fte += (o.cm.outsourced ? p.cm.costFactorOutsourced : 1) + p.cm.staff;
  for (const s of o.smms) {
    fte += s.outsourced ? p.smm.costFactorOutsourced : 1;
    // A co-driver's hours are paid too.
    if (s.outsourced && st.tick < s.hired + p.smm.coDrivingDays) fte += Math.min(1, p.smm.coDrivingHours / H);
  }
  // The brand's emcee: a full-time role (he speaks part of his day and follows conversations up the rest).
  if (w.externalGroup >= 0) fte += 1;
  o.valueCum += value;
  o.costCum += fte * H;
  const memberPosts = r[AT.posts_team]! + r[AT.posts_open]! + r[AT.posts_external]!;
  const internalPosts = r[AT.posts_team]! + r[AT.posts_open]! + o.animatorPosts + o.cmPosts;
  r[AT.value] = value;
  r[AT.valueCum] = o.valueCum;
  r[AT.costFte] = fte;
  r[AT.costCum] = o.costCum;
  r[AT.valuePerCost] = o.costCum > 0 ? o.valueCum / o.costCum : 0;
  r[AT.valuePerPost] = memberPosts > 0 ? value / memberPosts : 0;
  r[AT.animatorPosts] = o.animatorPosts;
  r[AT.cmPosts] = o.cmPosts;
  r[AT.informedHours] = o.informed;
  r[AT.ownerPosts] = o.ownerPosts;
  r[AT.cmShare] = share(o.cmPosts, internalPosts);
}
