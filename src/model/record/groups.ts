/**
 * Reporter: the series counted over groups (one pass over the active groups): memberships by what they did, per
 * group kind; open communities' members, joins, leaves and duplicates; SMMs competing with managers. What later
 * reporters turn into shares (legitimacy, routines, coaching, owners' effort, expertise communities' activity) is
 * summed into a tally (TALLY_*).
 */
import { membersOf, type ModelState } from '../state.ts';
import { COMMUNITY_EXPERTISE, KIND_OPEN, KIND_TEAM } from '../world.ts';
import { AT } from './series.ts';

/** Series indices per group kind (team, open, external). */
export const BY_KIND = {
  contributors: Int32Array.of(AT.contributors_team, AT.contributors_open, AT.contributors_external),
  readers: Int32Array.of(AT.readers_team, AT.readers_open, AT.readers_external),
  absent: Int32Array.of(AT.absent_team, AT.absent_open, AT.absent_external),
  posts: Int32Array.of(AT.posts_team, AT.posts_open, AT.posts_external),
  value: Int32Array.of(AT.value_team, AT.value_open, AT.value_external),
  actionable: Int32Array.of(AT.actionable_team, AT.actionable_open, AT.actionable_external),
};

/** Sums over groups that become shares: indices into the recorder's tally. */
export const TALLY_EXPERT_TAKING = 0;
export const TALLY_EXPERT_MEMBERS = 1;
export const TALLY_ANIMATED = 2;
export const TALLY_LEGITIMACY = 3;
export const TALLY_ROUTINES = 4;
export const TALLY_COACHED_MANAGERS = 5;
export const TALLY_OWNERS = 6;
export const TALLY_COACHED_OWNERS = 7;
export const TALLY_OWNER_EFFORT = 8;
export const TALLY_SIZE = 9;

/** Writes the group counts into `r` and the sums into `tally` (both zeroed by the caller). */
export function recordGroups(st: ModelState, r: Float64Array, tally: Float64Array): void {
  const w = st.world;
  const gs = st.groups;
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const kind = w.groupKind[g]!;
    const members = membersOf(gs, g);
    r[BY_KIND.contributors[kind]!]! += gs.contributions[g]!;
    r[BY_KIND.readers[kind]!]! += gs.reads[g]!;
    r[BY_KIND.absent[kind]!]! += gs.absences[g]!;
    if (kind === KIND_OPEN) {
      if (w.communityKind[g] === COMMUNITY_EXPERTISE) {
        tally[TALLY_EXPERT_TAKING]! += gs.contributions[g]! + gs.reads[g]!;
        tally[TALLY_EXPERT_MEMBERS]! += members;
      }
      r[AT.openMembers]! += members - gs.leaves[g]! + gs.joins[g]!;
      r[AT.joins_open]! += gs.joins[g]!;
      r[AT.leaves_open]! += gs.leaves[g]!;
      if (w.groupSlot[g]! > 0) r[AT.overlap]!++;
      if (w.groupOwner[g]! >= 0) {
        tally[TALLY_OWNERS]!++;
        tally[TALLY_COACHED_OWNERS]! += gs.coached[g]!;
        tally[TALLY_OWNER_EFFORT]! += gs.effort[g]!;
      }
    } else if (kind === KIND_TEAM) {
      if (gs.smmEffort[g]! > 0) r[AT.competition]!++;
      tally[TALLY_ROUTINES]! += gs.routines[g]!;
      tally[TALLY_COACHED_MANAGERS]! += gs.coached[g]!;
    }
    if (gs.legitimacy[g]! > 0) {
      tally[TALLY_ANIMATED]!++;
      tally[TALLY_LEGITIMACY]! += gs.legitimacy[g]!;
    }
  }
  const o = st.org;
  for (let k = 0; k < 3; k++) {
    r[BY_KIND.posts[k]!] = r[BY_KIND.contributors[k]!]!;
    r[BY_KIND.value[k]!] = o.value[k]!;
    r[BY_KIND.actionable[k]!] = o.actionable[k]!;
  }
}
