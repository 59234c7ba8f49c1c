/**
 * Reporter: the organization and its governance: participation inequality, animators' legitimacy, managers' and
 * owners' effort, routines and coaching, the CM's programmes, alignment, the SMMs' and the CM's integration.
 */
import { share } from '../jit.ts';
import { meanManagerEffort } from '../phases/governance.ts';
import type { ModelState } from '../state.ts';
import {
  TALLY_ANIMATED,
  TALLY_COACHED_MANAGERS,
  TALLY_COACHED_OWNERS,
  TALLY_EXPERT_MEMBERS,
  TALLY_EXPERT_TAKING,
  TALLY_LEGITIMACY,
  TALLY_OWNER_EFFORT,
  TALLY_OWNERS,
  TALLY_ROUTINES,
} from './groups.ts';
import { AT } from './series.ts';

/** `tally`: recordGroups' sums; `ineq`: room for [Gini, top 1% share, top 10% share]. */
export function recordOrganization(st: ModelState, r: Float64Array, tally: Float64Array, ineq: Float64Array): void {
  const w = st.world;
  const o = st.org;
  let knowledge = 0;
  for (const s of o.smms) knowledge += s.knowledge;
  const owners = tally[TALLY_OWNERS]!;
  st.contributionCounts.measure(ineq);
  r[AT.gini] = ineq[0]!;
  r[AT.top1Share] = ineq[1]!;
  r[AT.top10Share] = ineq[2]!;
  r[AT.legitimacy] = share(tally[TALLY_LEGITIMACY]!, tally[TALLY_ANIMATED]!);
  r[AT.quarrels] = o.quarrels;
  r[AT.managerEngagement] = meanManagerEffort(st);
  r[AT.ownerEngagement] = share(tally[TALLY_OWNER_EFFORT]!, owners);
  r[AT.routinesShare] = share(tally[TALLY_ROUTINES]!, w.teams);
  r[AT.coachedManagers] = share(tally[TALLY_COACHED_MANAGERS]!, w.teams);
  r[AT.coachedOwners] = share(tally[TALLY_COACHED_OWNERS]!, owners);
  r[AT.framework] = o.framework;
  r[AT.processes] = o.processes;
  r[AT.expertiseCenter] = o.expertiseCenter;
  r[AT.alignment] = o.alignmentMean;
  r[AT.smmCount] = o.smms.length;
  r[AT.smmIntegration] = share(knowledge, o.smms.length);
  r[AT.cmKnowledge] = o.cm ? o.cm.knowledge : 0;
  r[AT.active_expertise] = share(tally[TALLY_EXPERT_TAKING]!, tally[TALLY_EXPERT_MEMBERS]!);
}
