/**
 * What statistics.json tells beside the figures: the monthly series of the window's accounts, the groups by kind
 * and size, and the departments. Pure: counted from the reader's counts (src/import/network.ts).
 */
import { monthLabel, monthOfDay } from './calendar.ts';
import type { FrozenNetwork, GroupKindName } from './network.ts';
import type { Capabilities, MonthRow, SizeBin, Statistics } from './statistics.ts';
import type { MonthsWindow } from './full-months.ts';

const SIZE_BINS: [number, number, string][] = [
  [1, 9, '1-9'],
  [10, 30, '10-30'],
  [31, 99, '31-99'],
  [100, 999, '100-999'],
  [1000, Infinity, '1000+'],
];

/** One row of the monthly series: the window's accounts in its k-th used month. */
function monthRow(net: FrozenNetwork, win: MonthsWindow, k: number, can: Capabilities): MonthRow {
  const m = win.used[k]!;
  const e = win.exists[k]!;
  const c = win.counts[k]!;
  let accounts = 0;
  let contributors = 0;
  let contributions = 0;
  let threads = 0;
  let reps = 0;
  let joins = 0;
  let leaves = 0;
  for (const a of win.eligible) {
    if (e[a]) accounts++;
    if (c.contributions[a]! > 0) contributors++;
    contributions += c.contributions[a]!;
    threads += c.posts[a]!;
    reps += c.replies[a]!;
    if (net.joined[a]! >= 0 && monthOfDay(net.joined[a]!) === m) joins++;
    if (net.left[a]! >= 0 && net.leftDated[a] && monthOfDay(net.left[a]!) === m) leaves++;
  }
  return {
    month: monthLabel(m),
    accounts,
    contributors,
    monthlyContributors: accounts > 0 ? contributors / accounts : 0,
    contributions,
    threads,
    replies: reps,
    reactions: contributions - threads - reps,
    newMembers: can.joinDates ? joins : null,
    leavers: can.leaveDates ? leaves : null,
  };
}

/** The monthly series of every full month (a missing month stays out of it: observed.csv leaves a gap). */
export function monthlySeries(net: FrozenNetwork, win: MonthsWindow, can: Capabilities): MonthRow[] {
  return win.used.map((_, k) => monthRow(net, win, k, can));
}

/** The groups anybody is in or wrote in, by kind and by size. */
export function groupCounts(net: FrozenNetwork): Statistics['groups'] {
  const G = net.groups.kind.length;
  const bySize: SizeBin[] = SIZE_BINS.map(([, , size]) => ({ size, team: 0, closed: 0, open: 0 }));
  const kinds: Record<GroupKindName, number> = { team: 0, closed: 0, open: 0 };
  let teamMembers = 0;
  let listedTeams = 0;
  let listed = 0;
  let counted = 0;
  for (let g = 0; g < G; g++) {
    const s = net.groups.size[g]!;
    if (s === 0 && net.groups.contributions[g] === 0) continue; // a group nobody is in or wrote in
    const kind = net.groups.kind[g]!;
    kinds[kind]++;
    if (kind === 'team' && net.groups.listed[g]) {
      teamMembers += s;
      listedTeams++;
    }
    if (net.groups.listed[g]) listed++;
    else counted++;
    const bin = SIZE_BINS.findIndex(([lo, hi]) => s >= lo && s <= hi);
    if (bin >= 0) bySize[bin]![kind]++;
  }
  return {
    ...kinds,
    bySize,
    meanTeamSize: listedTeams > 0 ? teamMembers / listedTeams : null,
    sizeFrom: listed && counted ? 'both' : listed ? 'members' : 'contributors',
  };
}

/** The departments of the window's accounts. */
export function departmentCount(net: FrozenNetwork, win: MonthsWindow): number {
  const departments = new Set<number>();
  for (const a of win.eligible) if (net.department[a]! >= 0) departments.add(net.department[a]!);
  return departments.size;
}
