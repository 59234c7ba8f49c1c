/**
 * The window of the figures: the export's full months with any item in them, and per account what it did there
 * (present, contributions, posts, replies, joined, left). Pure: the reader gives the counts (src/import/network.ts).
 */
import { firstDay, lastDay, monthOfDay } from './calendar.ts';
import type { FrozenNetwork, MonthCounts } from './network.ts';

/** The accounts of the full months, each with its counts over them. */
export interface MonthsWindow {
  /** The full months with any item in them, in order. */
  used: number[];
  /** Contributions, posts and replies per account, one entry per used month (zeros when it has none). */
  counts: MonthCounts[];
  /** Per used month, 1 for each account there in it. */
  exists: Uint8Array[];
  /** The accounts there in at least one used month, by number. */
  eligible: number[];
  /** Per account, over the used months. */
  total: Float64Array;
  posts: Float64Array;
  replies: Float64Array;
  /** Per account, 1 when it joined in a used month / left in one on a day the export gives. */
  joinedIn: Uint8Array;
  leftIn: Uint8Array;
  /** The accounts who contributed in any group, over the whole export, by number. */
  contributedAnywhere: number[];
}

/** The months of the export's span that it covers from their first day to their last. */
export function fullMonths(net: FrozenNetwork): { full: number[]; used: number[]; missing: number[] } {
  if (!Number.isFinite(net.firstDay)) return { full: [], used: [], missing: [] };
  const full: number[] = [];
  for (let m = monthOfDay(net.firstDay); m <= monthOfDay(net.lastDay); m++) {
    if (firstDay(m) >= net.firstDay && lastDay(m) <= net.lastDay) full.push(m);
  }
  const missing = full.filter((m) => !(net.itemsPerMonth.get(m)! > 0));
  return { full, used: full.filter((m) => net.itemsPerMonth.get(m)! > 0), missing };
}

/** Who is there in each month: joined before its end, not left before its start, or seen contributing in it. */
function presence(net: FrozenNetwork, used: readonly number[], counts: readonly MonthCounts[]): Uint8Array[] {
  const A = net.accounts;
  return used.map((m, k) => {
    const e = new Uint8Array(A);
    const from = firstDay(m);
    const to = lastDay(m);
    const c = counts[k]!.contributions;
    for (let a = 0; a < A; a++) {
      const j = net.joined[a]!;
      const l = net.left[a]!;
      e[a] = c[a]! > 0 || ((j < 0 || j <= to) && (l < 0 || l >= from)) ? 1 : 0;
    }
    return e;
  });
}

/** The accounts of the used months and their counts over them. */
export function windowOf(net: FrozenNetwork, used: readonly number[]): MonthsWindow {
  const A = net.accounts;
  const M = used.length;
  const zero = new Uint32Array(A);
  const counts = used.map((m) => net.months.get(m) ?? { contributions: zero, posts: zero, replies: zero });
  const exists = presence(net, used, counts);
  const eligible: number[] = [];
  const total = new Float64Array(A);
  const posts = new Float64Array(A);
  const replies = new Float64Array(A);
  const joinedIn = new Uint8Array(A);
  const leftIn = new Uint8Array(A);
  const usedSet = new Set(used);
  for (let a = 0; a < A; a++) {
    let there = false;
    for (let k = 0; k < M; k++) {
      if (exists[k]![a]) there = true;
      total[a]! += counts[k]!.contributions[a]!;
      posts[a]! += counts[k]!.posts[a]!;
      replies[a]! += counts[k]!.replies[a]!;
    }
    if (net.joined[a]! >= 0 && usedSet.has(monthOfDay(net.joined[a]!))) joinedIn[a] = 1;
    if (net.left[a]! >= 0 && net.leftDated[a] && usedSet.has(monthOfDay(net.left[a]!))) leftIn[a] = 1;
    if (there) eligible.push(a);
  }
  const contributedAnywhere: number[] = [];
  for (let a = 0; a < A; a++) if (net.groupsOf[a]! > 0) contributedAnywhere.push(a);
  return { used: [...used], counts, exists, eligible, total, posts, replies, joinedIn, leftIn, contributedAnywhere };
}
