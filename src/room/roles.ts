/**
 * Who a participant is in the run: each phone is given one employee of the simulated organization (a member,
 * a manager or a community owner, spread across departments), and sees the few numbers that concern that
 * employee: what they did today, their team, their kind of role, the whole organization. Roles frame what a
 * participant watches; every participant has one vote. Pure: no Node, no DOM.
 */
import type { NumberView, RoleCard } from './protocol.ts';
import { compact } from '../compare/words.ts';
import { ROLE_MANAGER, ROLE_MEMBER, ROLE_OWNER } from '../model/world.ts';

/** What this module needs of the organization (src/live/session.ts Layout has it). */
export interface Org {
  employees: number;
  departments: number;
  team: ArrayLike<number>;
  department: ArrayLike<number>;
  role: ArrayLike<number>;
}

/** Role codes of the model's layout. */
const CODE = { member: ROLE_MEMBER, manager: ROLE_MANAGER, owner: ROLE_OWNER } as const;
type Role = keyof typeof CODE;

/** One participant in five is a manager and one an owner, the others members: a room sees all three. */
const PATTERN: readonly Role[] = ['member', 'manager', 'member', 'owner', 'member'];

/**
 * The employee for the k-th participant (from 0): department k mod D, the pattern's role there if one is
 * free, else anyone free in that department, else anyone free; employees are shared only when the room is
 * larger than the organization. Deterministic: it never draws from the run's random streams.
 */
export function assignEmployee(org: Org, k: number, taken: ReadonlySet<number>): number {
  const E = org.employees;
  const want = CODE[PATTERN[k % PATTERN.length]!];
  const d = k % Math.max(1, org.departments);
  // A stride, so that successive participants of a department are not neighbours in the same team.
  const start = (k * 7919) % E;
  const passes = [
    (i: number) => org.department[i] === d && org.role[i] === want,
    (i: number) => org.department[i] === d,
    () => true,
  ];
  for (const fits of passes) {
    for (let j = 0; j < E; j++) {
      const i = (start + j) % E;
      if (!taken.has(i) && fits(i)) return i;
    }
  }
  return k % E;
}

export function teamMembers(org: Org, team: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < org.employees; i++) if (org.team[i] === team) out.push(i);
  return out;
}

export function roleCard(org: Org, employee: number): RoleCard {
  const code = org.role[employee]!;
  const role: Role = code === CODE.manager ? 'manager' : code === CODE.owner ? 'owner' : 'member';
  const team = org.team[employee]!;
  const department = org.department[employee]!;
  const teamSize = teamMembers(org, team).length;
  const where = `team ${team + 1} in department ${department + 1} (${teamSize} people)`;
  const text =
    role === 'manager'
      ? `The manager of ${where}`
      : role === 'owner'
        ? `A community owner, in ${where}`
        : `A member of ${where}`;
  return { employee, role, team, department, teamSize, text };
}

/** This tick's state of every employee (0 absent, 1 read, 2 contributed) and contributions so far. */
export interface Today {
  state: ArrayLike<number>;
  contributions: ArrayLike<number>;
}

const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x * 100)}%`);
const STATE_WORDS = ['absent', 'read', 'contributed'];

/**
 * The numbers on a participant's phone. `at(name)` is the last value of a series of the run (undefined
 * before the first day); `members` are the employees of the participant's team.
 */
export function personalNumbers(
  card: RoleCard,
  members: readonly number[],
  today: Today | undefined,
  at: (name: string) => number | undefined,
): NumberView[] {
  const e = card.employee;
  const out: NumberView[] = [];
  out.push({ label: 'You today', value: today ? (STATE_WORDS[today.state[e]!] ?? '–') : '–' });
  out.push({ label: 'Your contributions so far', value: today ? String(Math.round(today.contributions[e]!)) : '–' });
  if (today) {
    let k = 0;
    for (const m of members) if (today.state[m]! > 0) k++;
    out.push({ label: 'Your team today', value: `${k} of ${members.length} took part` });
  } else out.push({ label: 'Your team today', value: '–' });
  if (card.role === 'manager') out.push({ label: "Managers' animation effort", value: pct(at('managerEngagement')) });
  else if (card.role === 'owner')
    out.push({ label: "Community owners' animation effort", value: pct(at('ownerEngagement')) });
  else {
    const c = at('contributors_open');
    const r = at('readers_open');
    const a = at('absent_open');
    const all = (c ?? 0) + (r ?? 0) + (a ?? 0);
    out.push({
      label: 'Open communities: members taking part',
      value: c === undefined || all === 0 ? '–' : pct(((c ?? 0) + (r ?? 0)) / all),
    });
  }
  out.push({
    label: 'Whole organization today',
    value: at('activeShare') === undefined ? '–' : `${pct(at('activeShare'))} took part`,
  });
  const v = at('valueCum');
  out.push({ label: 'Value created so far', value: v === undefined ? '–' : `${compact(v)} hours` });
  return out;
}
