/**
 * Phase: governance. The CM spends his day speaking, leading expertise communities (if he does) and enabling
 * others through his levers; what he builds progresses at the pace his standing with the departments allows
 * (a senior manager's standing, times what he knows of the organization's codes and people). Engaged owners ask
 * for coaching when their group does not respond as they want, and the CM and the SMMs coach them, oldest
 * request first; a coached manager disposed to it adopts routines.
 * Without a framework, departments quarrel over time allocation.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { poisson, type Random } from '../../rng.ts';
import {
  DAYS_PER_YEAR,
  EROSION,
  PROCESS_ADOPTION_FLOOR,
  PROCESS_ENGAGEMENT_FLOOR,
  TRUST_SHARE_REF,
} from '../constants.ts';
import { cmTopicKnowledge, smmCodes } from '../knowledge.ts';
import { membersOf, type ModelState } from '../state.ts';
import { COMMUNITY_EXPERTISE, KIND_TEAM } from '../world.ts';

export function meanManagerEffort(st: ModelState): number {
  const w = st.world;
  let s = 0;
  for (let g = 0; g < w.teams; g++) s += st.groups.effort[g]!;
  return s / w.teams;
}

export function govern(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const o = st.org;
  const gs = st.groups;
  const H = p.organization.hoursPerDay;
  const cm = o.cm;
  o.cmSpeakHours = 0;
  o.cmLeadHours = 0;
  gs.cmLead.fill(0);
  if (cm) {
    const c = p.cm;
    o.cmSpeakHours = o.speakHabit * H;
    o.cmLeadHours = c.leadsExpertCommunities ? Math.min(H - o.cmSpeakHours, c.leadShare * H) : 0;
    const enable = Math.max(0, H - o.cmSpeakHours - o.cmLeadHours) + c.staff * H;
    const levers = +c.framework + +c.coBuiltProcesses + +c.expertiseCenter + +c.relays;
    const standing = c.legitimacy * cm.knowledge;
    const each = levers ? (enable * standing) / levers : 0;
    const perDepartment = c.processHoursPerDepartment * w.departments;
    if (c.framework) o.framework += (each / c.frameworkHours) * (1 - o.framework);
    // Processes are co-built with the managers: their engagement sets the pace too.
    if (c.coBuiltProcesses)
      o.processes += ((each * (PROCESS_ENGAGEMENT_FLOOR + meanManagerEffort(st))) / perDepartment) * (1 - o.processes);
    // A customized value proposal for every department.
    if (c.expertiseCenter) o.expertiseCenter += (each / perDepartment) * (1 - o.expertiseCenter);
    if (c.relays) o.cmCoaching += each / c.coachingHours;
    if (o.cmLeadHours > 0) {
      // His leading hours spread over every expertise community: each needs an owner's hours to be led.
      let experts = 0;
      for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++)
        if (w.groupActive[g] && w.groupSlot[g] === 0 && w.communityKind[g] === COMMUNITY_EXPERTISE) experts++;
      const lead = experts ? Math.min(1, o.cmLeadHours / (p.owners.animationHours * experts)) : 0;
      for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++)
        if (w.groupActive[g] && w.groupSlot[g] === 0 && w.communityKind[g] === COMMUNITY_EXPERTISE) gs.cmLead[g] = lead;
    }
  } else {
    // Without a pilot, what was built erodes slowly.
    o.framework *= EROSION;
    o.processes *= EROSION;
    o.expertiseCenter *= EROSION;
  }
  // SMMs help the managers who ask, as far as they know the organization's people.
  for (const s of o.smms) o.smmCoaching += (p.smm.helpOnRequest * H * smmCodes(p, s, st.tick)) / p.cm.coachingHours;
  coach(st, p, rand);

  // Coached managers adopt social routines; co-built processes make it easier.
  const adopt = (p.managers.routineAdoptionPerYear / DAYS_PER_YEAR) * (PROCESS_ADOPTION_FLOOR + o.processes);
  for (let g = 0; g < w.teams; g++) if (gs.adopts[g] && !gs.routines[g] && rand.next() < adopt) gs.routines[g] = 1;

  speak(st, p);

  // Quarrels over time allocation, unless a framework settles them.
  const gov = p.governance;
  o.quarrels = poisson(((gov.quarrelsPerDepartmentYear * w.departments) / DAYS_PER_YEAR) * (1 - o.framework), rand);
  for (let q = 0; q < o.quarrels; q++) {
    const d = Math.floor(rand.next() * w.departments);
    const from = w.teamFirst[Math.min(w.teams, d * w.teamsPerDepartment)]!;
    const to = w.teamFirst[Math.min(w.teams, (d + 1) * w.teamsPerDepartment)]!;
    for (let i = from; i < to; i++) w.alignment[i] = Math.max(0, w.alignment[i]! - gov.quarrelAlignmentLoss);
  }
}

/**
 * Engaged owners ask for coaching when someone can coach them (the CM's relays for managers and community
 * owners; SMMs for managers); banked coaching hours serve the oldest requests first.
 */
function coach(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const cmCoaches = !!o.cm && p.cm.relays;
  const smmCoaches = o.smms.length > 0 && p.smm.helpOnRequest > 0;
  if (!cmCoaches && !smmCoaches) return;
  const rate = p.managers.coachingRequestsPerYear / DAYS_PER_YEAR;
  for (let g = 0; g < w.groups; g++) {
    if (w.groupOwner[g]! < 0 || gs.coached[g] || gs.requested[g] || !w.groupActive[g]) continue;
    if (w.groupKind[g] !== KIND_TEAM && !cmCoaches) continue;
    // Those who animate but do not get the response they want ask for help.
    const response = Math.min(1, gs.activity[g]! / TRUST_SHARE_REF);
    if (rand.next() < rate * gs.effort[g]! * (1 - response)) {
      gs.requested[g] = 1;
      o.queue.push(g);
    }
  }
  serveRequests(st, rand);
}

/**
 * The CM serves the oldest request; the SMMs the oldest manager's request. (Apart from coach's loop over groups,
 * which V8 may compile while it runs: code after a loop that it has not yet seen run deoptimizes that compiled
 * loop, and on Node 20 again at every call.)
 */
function serveRequests(st: ModelState, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  let k = 0;
  while (k < o.queue.length && (o.cmCoaching >= 1 || o.smmCoaching >= 1)) {
    const g = o.queue[k]!;
    const team = w.groupKind[g] === KIND_TEAM;
    const bySmm = team && o.smmCoaching >= 1;
    const byCm = !bySmm && o.cmCoaching >= 1;
    // A request nobody can serve now waits its turn: k moves past it. Written so that the step runs every time
    // (V8 compiles an operation with what it has seen; one first reached late deoptimizes the phase).
    k += bySmm || byCm ? 0 : 1;
    if (!bySmm && !byCm) continue;
    if (bySmm) o.smmCoaching -= 1;
    else o.cmCoaching -= 1;
    gs.coached[g] = 1;
    gs.requested[g] = 0;
    // A coached manager takes up routines if he is disposed to (his alignment): decided once.
    if (team) gs.adopts[g] = rand.next() < w.ownerDisposition[g]! ? 1 : 0;
    o.queue.splice(k, 1);
  }
  // Unused coaching hours are not banked beyond one coaching's worth.
  if (o.cmCoaching > 1) o.cmCoaching = 1;
  if (o.smmCoaching > 1) o.smmCoaching = 1;
}

/**
 * The CM's posts when he speaks: spread over the main open communities in proportion to what he knows of
 * each matter and to how many members would read him there.
 */
function speak(st: ModelState, p: Scenario): void {
  const w = st.world;
  const gs = st.groups;
  const posts = st.org.cmSpeakHours * p.cm.postsPerHour;
  gs.cmPosts.fill(0);
  if (posts <= 0) return;
  let sum = 0;
  for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
    if (!w.groupActive[g] || w.groupSlot[g] !== 0) continue;
    // One reader more than its members, so a community nobody has joined yet still gets his relevant posts.
    const weight = cmTopicKnowledge(p, w, g) * (1 + membersOf(gs, g));
    gs.cmPosts[g] = weight;
    sum += weight;
  }
  if (sum > 0)
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++)
      gs.cmPosts[g] = (posts * gs.cmPosts[g]!) / sum;
}
