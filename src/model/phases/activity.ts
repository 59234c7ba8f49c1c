/**
 * Phase: what each agent did today, read back from the hot record (decide.ts sums activity codes there):
 * state, cumulative counts, days active, and the attention the day took (minutes reading and writing), whose
 * moving average weighs on the next decisions against the agent's time budget. An optional trace keeps each
 * employee's state and open-community contributions per tick, for statistics over any window.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { poisson, type Random } from '../../rng.ts';
import { LOAD_MEMORY, OPEN_VISIT, OPEN_WRITE, WRITE } from '../constants.ts';
import {
  PEOPLE_ACTIVE_BY_RISK,
  PEOPLE_ACTIVE_BY_ROLE,
  PEOPLE_ALIGNMENT,
  PEOPLE_CONTRIBUTING_BY_RISK,
  PEOPLE_CONTRIBUTORS,
  PEOPLE_LOAD,
  PEOPLE_OPEN_BY_RISK,
  PEOPLE_READERS,
  type ModelState,
} from '../state.ts';
import { HOT_STRIDE, HOT_TODAY, KIND_OPEN } from '../world.ts';

/**
 * Owners (managers, community owners) are employees: the prompts they post in the group they animate are their
 * own contributions, a Poisson number a day of mean effort x behaviour.animatorPostsPerDay.
 */
export function ownerPosts(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const perDay = p.behaviour.animatorPostsPerDay;
  let posted = 0;
  for (let g = 0; g < w.groups; g++) {
    const owner = w.groupOwner[g]!;
    if (owner < 0 || !w.groupActive[g]) continue;
    const n = poisson(gs.effort[g]! * perDay, rand);
    if (n === 0) continue;
    posted += n;
    w.hot[owner * HOT_STRIDE + HOT_TODAY]! += n * (w.groupKind[g] === KIND_OPEN ? OPEN_VISIT + OPEN_WRITE : 1 + WRITE);
  }
  st.org.ownerPosts = posted;
}

/**
 * Per tick and employee (index tick x employees + i): state (0 absent, 1 read, 2 contributed) plus
 * TRACE_OPEN_VISIT if he visited an open community; and his open-community contributions (capped at 255).
 */
export interface ActivityTrace {
  employees: number;
  ticks: number;
  state: Uint8Array;
  open: Uint8Array;
}

export const TRACE_OPEN_VISIT = 4;

export function newTrace(employees: number, ticks: number): ActivityTrace {
  return { employees, ticks, state: new Uint8Array(employees * ticks), open: new Uint8Array(employees * ticks) };
}

export function readActivity(st: ModelState, p: Scenario, trace: ActivityTrace | null): void {
  const w = st.world;
  const hot = w.hot;
  const readMinutes = +p.behaviour.readMinutes;
  const writeMinutes = +p.behaviour.writeMinutes;
  const employees = w.employees;
  const base = trace ? st.tick * employees : 0;
  const load = w.load;
  const tickState = w.tickState;
  const contributions = w.contributions;
  const role = w.role;
  const riskClass = w.riskClass;
  const everActive = w.everActive;
  const counts = st.contributionCounts;
  // Employees by what they did today, for the recorder (state.ts: PEOPLE_*), counted in place: nothing follows
  // the loop (see agentTerms).
  const people = st.people.fill(0, 0, PEOPLE_ALIGNMENT);
  for (let i = 0, o = 0; i < w.agents; i++, o += HOT_STRIDE) {
    const code = hot[o + HOT_TODAY]!;
    let state = 0;
    let minutes = 0;
    let openVisited = 0;
    if (code > 0) {
      const openWrites = Math.floor(code / OPEN_WRITE);
      let rest = code - openWrites * OPEN_WRITE;
      const other = Math.floor(rest / WRITE);
      rest -= other * WRITE;
      const openVisits = Math.floor(rest / OPEN_VISIT);
      const visits = openVisits + rest - openVisits * OPEN_VISIT;
      openVisited = openVisits > 0 ? 1 : 0;
      const writes = openWrites + other;
      const reads = visits - writes;
      state = writes > 0 ? 2 : 1;
      minutes = visits * readMinutes + writes * writeMinutes;
      w.reads[i]! += reads;
      w.activeDays[i]!++;
      if (writes > 0) {
        const before = contributions[i]!;
        contributions[i] = before + writes;
        if (i < employees) counts.move(before, before + writes);
        w.openContributions[i]! += openWrites;
        w.contributionDays[i]!++;
      }
      if (i < employees) {
        if (trace) {
          trace.state[base + i] = state + (openVisits > 0 ? TRACE_OPEN_VISIT : 0);
          trace.open[base + i] = openWrites > 255 ? 255 : openWrites;
        }
        const rc = riskClass[i]!;
        if (state === 2) {
          people[PEOPLE_CONTRIBUTORS]!++;
          people[PEOPLE_CONTRIBUTING_BY_RISK + rc]!++;
        } else people[PEOPLE_READERS]!++;
        people[PEOPLE_ACTIVE_BY_ROLE + role[i]!]!++;
        people[PEOPLE_ACTIVE_BY_RISK + rc]!++;
        people[PEOPLE_OPEN_BY_RISK + rc]! += openVisited;
        if (!everActive[i]) {
          everActive[i] = 1;
          st.org.adopters++;
        }
      }
    }
    tickState[i] = state;
    const l = load[i]! + LOAD_MEMORY * (minutes - load[i]!);
    load[i] = l;
    if (i < employees) people[PEOPLE_LOAD]! += l;
  }
}
