/**
 * Recording: the tick's row of every series (src/metrics/series.ts), computed from the state. Passes over
 * groups only: employees are counted as the day is read back (activity.ts), and participation inequality is kept
 * as contributions grow (CountHistogram); no allocation.
 */
import type { Scenario } from '../scenario/schema.ts';
import { SERIES, SERIES_INDEX } from '../metrics/series.ts';
import { meanManagerEffort } from './phases/governance.ts';
import { membersOf, PEOPLE_ACTIVE_BY_RISK, PEOPLE_ACTIVE_BY_ROLE, PEOPLE_CONTRIBUTING_BY_RISK, PEOPLE_CONTRIBUTORS, PEOPLE_LOAD, PEOPLE_OPEN_BY_RISK, PEOPLE_READERS, type ModelState } from './state.ts';
import { COMMUNITY_EXPERTISE, KIND_OPEN, KIND_TEAM, ROLE_MANAGER, ROLE_OWNER, type World } from './world.ts';

const I = SERIES_INDEX;
/** Series indices per group kind (team, open, external), resolved once. */
const KIND_SERIES = Object.fromEntries(
  (['contributors', 'readers', 'absent', 'posts', 'value', 'actionable'] as const).map((m) => [
    m,
    Int32Array.from(['team', 'open', 'external'], (k) => SERIES_INDEX[`${m}_${k}`]!),
  ]),
) as Record<'contributors' | 'readers' | 'absent' | 'posts' | 'value' | 'actionable', Int32Array>;

/**
 * part / whole, 0 for an empty whole (counts are never negative). One function for the recorder's ratios, whose
 * feedback V8 sees fractional from the start (below): a division of counts that gave whole numbers in the first
 * ticks (0 / n, n / n) would otherwise be compiled for whole numbers and deoptimized at the first fraction, and the
 * recorder compiled again in the next Simulation.
 */
function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
for (let k = 0; k < 16; k++) share(k, k % 4);

export class Recorder {
  readonly series: Float64Array[];
  private readonly row = new Float64Array(SERIES.length);
  /** Gini, top 1% share, top 10% share (CountHistogram.measure). */
  private readonly ineq = new Float64Array(3);
  /** Employees by role and by risk class (they do not change during a run). */
  private readonly roleN = new Float64Array(4);
  private readonly riskN = new Float64Array(3);

  constructor(ticks: number, w: World) {
    // Pushed one by one, not Array.prototype.map: once V8 compiles this constructor, map would build the array
    // with another hidden class, and the compiled recorder would deoptimize at the next Simulation.
    const series: Float64Array[] = [];
    for (let k = 0; k < SERIES.length; k++) series.push(new Float64Array(ticks));
    this.series = series;
    for (let i = 0; i < w.employees; i++) {
      this.roleN[w.role[i]!]!++;
      this.riskN[w.riskClass[i]!]!++;
    }
  }

  record(st: ModelState, p: Scenario): void {
    const w = st.world;
    const gs = st.groups;
    const o = st.org;
    const r = this.row;
    r.fill(0);

    let openMembers = 0;
    let expertTaking = 0;
    let expertMembers = 0;
    let animated = 0;
    let legitSum = 0;
    let overlap = 0;
    let competition = 0;
    let routines = 0;
    let coachedM = 0;
    let owners = 0;
    let coachedO = 0;
    let ownerEffort = 0;
    let joins = 0;
    let leaves = 0;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g]) continue;
      const kind = w.groupKind[g]!;
      const members = membersOf(gs, g);
      r[KIND_SERIES.contributors[kind]!]! += gs.contributions[g]!;
      r[KIND_SERIES.readers[kind]!]! += gs.reads[g]!;
      r[KIND_SERIES.absent[kind]!]! += gs.absences[g]!;
      if (kind === KIND_OPEN) {
        if (w.communityKind[g] === COMMUNITY_EXPERTISE) {
          expertTaking += gs.contributions[g]! + gs.reads[g]!;
          expertMembers += members;
        }
        openMembers += members - gs.leaves[g]! + gs.joins[g]!;
        joins += gs.joins[g]!;
        leaves += gs.leaves[g]!;
        if (w.groupSlot[g]! > 0) overlap++;
        if (w.groupOwner[g]! >= 0) {
          owners++;
          coachedO += gs.coached[g]!;
          ownerEffort += gs.effort[g]!;
        }
      } else if (kind === KIND_TEAM) {
        if (gs.smmEffort[g]! > 0) competition++;
        routines += gs.routines[g]!;
        coachedM += gs.coached[g]!;
      }
      if (gs.legitimacy[g]! > 0) {
        animated++;
        legitSum += gs.legitimacy[g]!;
      }
    }
    for (let k = 0; k < 3; k++) {
      r[KIND_SERIES.posts[k]!] = r[KIND_SERIES.contributors[k]!]!;
      r[KIND_SERIES.value[k]!] = o.value[k]!;
      r[KIND_SERIES.actionable[k]!] = o.actionable[k]!;
    }

    // People: employees by state, by role and by risk aversion (counted by activity.ts as it read the day back).
    const people = st.people;
    const contributors = people[PEOPLE_CONTRIBUTORS]!;
    const readers = people[PEOPLE_READERS]!;
    const load = people[PEOPLE_LOAD]!;
    const roleN = this.roleN;
    const riskN = this.riskN;
    r[I.contributors!] = contributors;
    r[I.readers!] = readers;
    r[I.absent!] = w.employees - contributors - readers;
    r[I.activeShare!] = share(contributors + readers, w.employees);
    r[I.active_member!] = share(people[PEOPLE_ACTIVE_BY_ROLE]!, roleN[0]!);
    r[I.active_manager!] = share(people[PEOPLE_ACTIVE_BY_ROLE + ROLE_MANAGER]!, roleN[ROLE_MANAGER]!);
    r[I.active_owner!] = share(people[PEOPLE_ACTIVE_BY_ROLE + ROLE_OWNER]!, roleN[ROLE_OWNER]!);
    r[I.active_riskTolerant!] = share(people[PEOPLE_ACTIVE_BY_RISK]!, riskN[0]!);
    r[I.active_riskAverse!] = share(people[PEOPLE_ACTIVE_BY_RISK + 2]!, riskN[2]!);
    r[I.contrib_riskTolerant!] = share(people[PEOPLE_CONTRIBUTING_BY_RISK]!, riskN[0]!);
    r[I.contrib_riskAverse!] = share(people[PEOPLE_CONTRIBUTING_BY_RISK + 2]!, riskN[2]!);
    r[I.open_riskTolerant!] = share(people[PEOPLE_OPEN_BY_RISK]!, riskN[0]!);
    r[I.open_riskAverse!] = share(people[PEOPLE_OPEN_BY_RISK + 2]!, riskN[2]!);
    r[I.adopters!] = o.adopters;
    r[I.attentionMinutes!] = load / w.employees;

    // Value and cost.
    const value = o.value[0]! + o.value[1]! + o.value[2]!;
    const H = p.organization.hoursPerDay;
    let animationHours = 0;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g] || w.groupOwner[g]! < 0) continue;
      // A manager with routines also spends his routine's follow-up hours.
      animationHours += gs.effort[g]! * (w.groupKind[g] === KIND_TEAM ? p.managers.animationHours + gs.routines[g]! * p.managers.routineFollowUpHours : p.owners.animationHours);
    }
    let fte = p.value.platformFte + animationHours / H;
    if (o.cm) fte += (o.cm.outsourced ? p.cm.costFactorOutsourced : 1) + p.cm.staff;
    let knowledge = 0;
    for (const s of o.smms) {
      fte += s.outsourced ? p.smm.costFactorOutsourced : 1;
      knowledge += s.knowledge;
      // A co-driver's hours are paid too.
      if (s.outsourced && st.tick < s.hired + p.smm.coDrivingDays) fte += Math.min(1, p.smm.coDrivingHours / H);
    }
    // The brand's emcee: a full-time role (he speaks part of his day and follows conversations up the rest).
    if (w.externalGroup >= 0) fte += 1;
    o.valueCum += value;
    o.costCum += fte * H;
    const memberPosts = r[I.posts_team!]! + r[I.posts_open!]! + r[I.posts_external!]!;
    const internalPosts = r[I.posts_team!]! + r[I.posts_open!]! + o.animatorPosts + o.cmPosts;
    r[I.value!] = value;
    r[I.valueCum!] = o.valueCum;
    r[I.costFte!] = fte;
    r[I.costCum!] = o.costCum;
    r[I.valuePerCost!] = o.costCum > 0 ? o.valueCum / o.costCum : 0;
    r[I.valuePerPost!] = memberPosts > 0 ? value / memberPosts : 0;
    r[I.animatorPosts!] = o.animatorPosts;
    r[I.cmPosts!] = o.cmPosts;
    r[I.informedHours!] = o.informed;
    r[I.ownerPosts!] = o.ownerPosts;
    r[I.cmShare!] = share(o.cmPosts, internalPosts);

    st.contributionCounts.measure(this.ineq);
    r[I.gini!] = this.ineq[0]!;
    r[I.top1Share!] = this.ineq[1]!;
    r[I.top10Share!] = this.ineq[2]!;
    r[I.legitimacy!] = share(legitSum, animated);
    r[I.competition!] = competition;
    r[I.overlap!] = overlap;
    r[I.quarrels!] = o.quarrels;
    r[I.managerEngagement!] = meanManagerEffort(st);
    r[I.ownerEngagement!] = share(ownerEffort, owners);
    r[I.routinesShare!] = share(routines, w.teams);
    r[I.coachedManagers!] = share(coachedM, w.teams);
    r[I.coachedOwners!] = share(coachedO, owners);
    r[I.framework!] = o.framework;
    r[I.processes!] = o.processes;
    r[I.expertiseCenter!] = o.expertiseCenter;
    r[I.alignment!] = o.alignmentMean;
    r[I.smmCount!] = o.smms.length;
    r[I.smmIntegration!] = share(knowledge, o.smms.length);
    r[I.cmKnowledge!] = o.cm ? o.cm.knowledge : 0;
    r[I.openMembers!] = openMembers;
    r[I.joins_open!] = joins;
    r[I.leaves_open!] = leaves;
    r[I.active_expertise!] = share(expertTaking, expertMembers);

    for (let k = 0; k < r.length; k++) this.series[k]![st.tick] = r[k]!;
  }
}
