/**
 * Reporter: employees by what they did today, by role and by risk aversion, counted by activity.ts as it read
 * the day back (ModelState.people), so that this needs no pass over employees.
 */
import { share } from '../jit.ts';
import {
  PEOPLE_ACTIVE_BY_RISK,
  PEOPLE_ACTIVE_BY_ROLE,
  PEOPLE_CONTRIBUTING_BY_RISK,
  PEOPLE_CONTRIBUTORS,
  PEOPLE_LOAD,
  PEOPLE_OPEN_BY_RISK,
  PEOPLE_READERS,
  type ModelState,
} from '../state.ts';
import { ROLE_MANAGER, ROLE_OWNER } from '../world.ts';
import { AT } from './series.ts';

/** roleN, riskN: employees by role and by risk class (they do not change during a run). */
export function recordPeople(st: ModelState, r: Float64Array, roleN: Float64Array, riskN: Float64Array): void {
  const w = st.world;
  const people = st.people;
  const contributors = people[PEOPLE_CONTRIBUTORS]!;
  const readers = people[PEOPLE_READERS]!;
  const load = people[PEOPLE_LOAD]!;
  r[AT.contributors] = contributors;
  r[AT.readers] = readers;
  r[AT.absent] = w.employees - contributors - readers;
  r[AT.activeShare] = share(contributors + readers, w.employees);
  r[AT.active_member] = share(people[PEOPLE_ACTIVE_BY_ROLE]!, roleN[0]!);
  r[AT.active_manager] = share(people[PEOPLE_ACTIVE_BY_ROLE + ROLE_MANAGER]!, roleN[ROLE_MANAGER]!);
  r[AT.active_owner] = share(people[PEOPLE_ACTIVE_BY_ROLE + ROLE_OWNER]!, roleN[ROLE_OWNER]!);
  r[AT.active_riskTolerant] = share(people[PEOPLE_ACTIVE_BY_RISK]!, riskN[0]!);
  r[AT.active_riskAverse] = share(people[PEOPLE_ACTIVE_BY_RISK + 2]!, riskN[2]!);
  r[AT.contrib_riskTolerant] = share(people[PEOPLE_CONTRIBUTING_BY_RISK]!, riskN[0]!);
  r[AT.contrib_riskAverse] = share(people[PEOPLE_CONTRIBUTING_BY_RISK + 2]!, riskN[2]!);
  r[AT.open_riskTolerant] = share(people[PEOPLE_OPEN_BY_RISK]!, riskN[0]!);
  r[AT.open_riskAverse] = share(people[PEOPLE_OPEN_BY_RISK + 2]!, riskN[2]!);
  r[AT.adopters] = st.org.adopters;
  r[AT.attentionMinutes] = load / w.employees;
}
