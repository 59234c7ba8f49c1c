/**
 * The network's figures from its counts, each over the export's full months, each with a bootstrap interval
 * over accounts: the accounts are drawn again with replacement (a seeded stream, so the same export gives the
 * same bytes) and every figure is computed again on the drawn sample; the interval is the 2.5th to 97.5th
 * percentile of those values. Pure: the reader gives the counts (src/import/network.ts).
 */
import seedrandom from 'seedrandom';
import { firstDay, lastDay, monthLabel, monthOfDay } from './calendar.ts';
import type { FrozenNetwork, GroupKindName } from './network.ts';

export type Format = 'viva-engage' | 'slack';

export interface Figure {
  value: number;
  /** The 95% bootstrap interval over accounts. */
  interval: [number, number];
  unit: string;
  description: string;
}

/** A figure the export cannot give, and why. */
export interface Unavailable {
  value: null;
  unit: string;
  description: string;
  reason: string;
}

export interface MonthRow {
  month: string;
  accounts: number;
  contributors: number;
  monthlyContributors: number;
  contributions: number;
  threads: number;
  replies: number;
  reactions: number;
  newMembers: number | null;
  leavers: number | null;
}

export interface SizeBin {
  size: string;
  team: number;
  closed: number;
  open: number;
}

export interface Statistics {
  format: Format;
  span: { first: string; last: string; months: string[]; missing: string[] };
  accounts: { counted: number; departments: number };
  groups: { team: number; closed: number; open: number; bySize: SizeBin[]; /** Of the teams whose members the export lists (Slack); null otherwise. */ meanTeamSize: number | null; sizeFrom: 'members' | 'contributors' | 'both' };
  figures: Record<string, Figure | Unavailable>;
  monthly: MonthRow[];
  bootstrap: { replicates: number; seed: number; over: string; level: number };
}

/** What the export can tell, by format: the readers say it, the figures follow. */
export interface Capabilities {
  reactions: boolean;
  joinDates: boolean;
  leaveDates: boolean;
}

export const CAPABILITIES: Record<Format, Capabilities> = {
  'viva-engage': { reactions: false, joinDates: true, leaveDates: true },
  slack: { reactions: true, joinDates: false, leaveDates: false },
};

export interface StatisticsOptions {
  replicates?: number;
  seed?: number;
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

const SIZE_BINS: [number, number, string][] = [
  [1, 9, '1-9'],
  [10, 30, '10-30'],
  [31, 99, '31-99'],
  [100, 999, '100-999'],
  [1000, Infinity, '1000+'],
];

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Descriptions of the figures: one place, read by statistics.json, the summary and the targets. */
export const FIGURES: Record<string, { unit: string; description: string }> = {
  monthlyContributors: { unit: 'share', description: "Share of the month's accounts who post, reply or react at least once in the month, the mean over the full months (SWOOP Analytics' engagement; orgsim's monthlyContributors)" },
  contributorShare: { unit: 'share', description: 'Share of the accounts of the full months who contribute at least once in them' },
  readOnlyShare: { unit: 'share', description: 'Share of the accounts who read without ever contributing' },
  contributionsPerContributor: { unit: 'contributions / contributor / month', description: 'Contributions (posts, replies, reactions) per contributor of a month' },
  monthlyPosts: { unit: 'contributions / account / month', description: "Contributions per account per month (orgsim's monthlyPosts)" },
  top1Share: { unit: 'share', description: 'Share of the contributions of the full months made by the top 1% of accounts' },
  top10Share: { unit: 'share', description: 'Share of the contributions of the full months made by the top 10% of accounts' },
  gini: { unit: 'index', description: 'Gini of contributions per account over the full months (0: all equal, 1: one account makes them all)' },
  newMembersPerMonth: { unit: 'accounts / month', description: 'Accounts that join the network in a month, the mean over the full months' },
  leaversPerMonth: { unit: 'accounts / month', description: 'Accounts deleted or suspended in a month, the mean over the full months' },
  threadsPerMonth: { unit: 'threads / month', description: 'Threads started a month (first posts)' },
  repliesPerMonth: { unit: 'replies / month', description: 'Replies a month' },
  repliesPerThread: { unit: 'replies / thread', description: 'Replies over threads started, in the full months' },
  reactionsPerMonth: { unit: 'reactions / month', description: 'Reactions a month' },
  teamActivityShare: { unit: 'share', description: `Share of contributions made in team groups (private, at most 30 members), over the whole export` },
  openActivityShare: { unit: 'share', description: 'Share of contributions made in open (public) groups, over the whole export' },
  multiGroupShare: { unit: 'share', description: 'Among accounts who contribute, the share who contribute in more than one group, over the whole export' },
};

/** The figures of a network. Throws RangeError when the export has no full month (the command says it). */
export function computeStatistics(net: FrozenNetwork, format: Format, options: StatisticsOptions = {}): Statistics {
  const can = CAPABILITIES[format];
  const replicates = options.replicates ?? 200;
  const seed = options.seed ?? 1;
  const { full, used, missing } = fullMonths(net);
  if (used.length === 0) throw new RangeError('no full month');
  const A = net.accounts;
  const M = used.length;
  const zero = new Uint32Array(A);
  const counts = used.map((m) => net.months.get(m) ?? { contributions: zero, posts: zero, replies: zero });

  // Who is there in each month: joined before its end, not left before its start, or seen contributing in it.
  const exists = used.map((m, k) => {
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

  // The bootstrap draws from the pool: the accounts of the full months and those who contributed anywhere
  // (the shares by kind of group are over the whole export). Everything a figure needs of an account is laid
  // out by its place in the pool, so that a replicate is a few passes over flat arrays.
  const pool = [...new Set([...eligible, ...contributedAnywhere])].sort((x, y) => x - y);
  const P = pool.length;
  const inWindow = new Uint8Array(P);
  const tot = new Float64Array(P);
  const thr = new Float64Array(P);
  const rep = new Float64Array(P);
  const joins = new Float64Array(P);
  const leaves = new Float64Array(P);
  const monthsThere = new Float64Array(P);
  const monthsContributing = new Float64Array(P);
  const team = new Float64Array(P);
  const open = new Float64Array(P);
  const whole = new Float64Array(P);
  const anywhere = new Uint8Array(P);
  const multi = new Uint8Array(P);
  // Accounts with the same months of presence and of contribution weigh alike in the monthly shares: a
  // replicate adds their weights by pattern, then runs over the patterns' months (not accounts x months).
  const patternOf = new Int32Array(P).fill(-1);
  const patternIds = new Map<string, number>();
  const patterns: Uint8Array[] = []; // per pattern: M presence flags, then M contribution flags
  const windowPlace = new Map<number, number>();
  const eligibleSet = new Set(eligible);
  pool.forEach((a, i) => {
    if (eligibleSet.has(a)) {
      inWindow[i] = 1;
      windowPlace.set(a, i);
      tot[i] = total[a]!;
      thr[i] = posts[a]!;
      rep[i] = replies[a]!;
      joins[i] = joinedIn[a]!;
      leaves[i] = leftIn[a]!;
      const flags = new Uint8Array(2 * M);
      for (let k = 0; k < M; k++) {
        flags[k] = exists[k]![a]!;
        flags[M + k] = counts[k]!.contributions[a]! > 0 ? 1 : 0;
        monthsThere[i]! += flags[k]!;
        monthsContributing[i]! += flags[M + k]!;
      }
      const key = flags.join('');
      let id = patternIds.get(key);
      if (id === undefined) {
        patternIds.set(key, (id = patterns.length));
        patterns.push(flags);
      }
      patternOf[i] = id;
    }
    if (net.groupsOf[a]! > 0) {
      anywhere[i] = 1;
      multi[i] = net.groupsOf[a]! > 1 ? 1 : 0;
      team[i] = net.teamContributions[a]!;
      open[i] = net.openContributions[a]!;
      for (const m of net.months.values()) whole[i]! += m.contributions[a]!;
    }
  });
  // The window's accounts by contributions, most first (ties by number): the order of the top shares and the Gini.
  const byTotal = Int32Array.from(eligible.map((a) => windowPlace.get(a)!)).sort((x, y) => tot[y]! - tot[x]! || pool[x]! - pool[y]!);
  const patternWeight = new Float64Array(patterns.length);
  const there = new Float64Array(M);
  const contributing = new Float64Array(M);

  /** Every figure with weights w (by place in the pool: the multiplicity of each account in the sample). */
  const figuresWith = (w: Float64Array): Record<string, number> => {
    let n = 0;
    let contributed = 0;
    let sum = 0;
    let threads = 0;
    let reps = 0;
    let joined = 0;
    let left = 0;
    let monthsContributors = 0;
    let monthsAccounts = 0;
    let inTeams = 0;
    let inOpen = 0;
    let all = 0;
    let active = 0;
    let multiple = 0;
    patternWeight.fill(0);
    for (let i = 0; i < P; i++) {
      const wi = w[i]!;
      if (wi === 0) continue;
      if (inWindow[i]) {
        n += wi;
        if (tot[i]! > 0) contributed += wi;
        sum += wi * tot[i]!;
        threads += wi * thr[i]!;
        reps += wi * rep[i]!;
        joined += wi * joins[i]!;
        left += wi * leaves[i]!;
        monthsAccounts += wi * monthsThere[i]!;
        monthsContributors += wi * monthsContributing[i]!;
        patternWeight[patternOf[i]!]! += wi;
      }
      if (anywhere[i]) {
        inTeams += wi * team[i]!;
        inOpen += wi * open[i]!;
        all += wi * whole[i]!;
        active += wi;
        multiple += wi * multi[i]!;
      }
    }
    there.fill(0);
    contributing.fill(0);
    for (let p = 0; p < patterns.length; p++) {
      const pw = patternWeight[p]!;
      if (pw === 0) continue;
      const flags = patterns[p]!;
      for (let k = 0; k < M; k++) {
        if (flags[k]) there[k]! += pw;
        if (flags[M + k]) contributing[k]! += pw;
      }
    }
    let shareSum = 0;
    for (let k = 0; k < M; k++) shareSum += there[k]! > 0 ? contributing[k]! / there[k]! : 0;
    // Top shares and Gini over the sample, an account drawn k times standing k times in the order. Gini =
    // 2 sum(rank_i x_i) / (n sum x) - (n + 1) / n with ascending ranks; byTotal is descending.
    const slots1 = Math.max(1, Math.ceil(n * 0.01 - 1e-9));
    const slots10 = Math.max(1, Math.ceil(n * 0.1 - 1e-9));
    let taken = 0;
    let top1 = 0;
    let top10 = 0;
    let weighted = 0;
    let rankAbove = n;
    for (const i of byTotal) {
      const wi = w[i]!;
      if (wi === 0) continue;
      const x = tot[i]!;
      if (taken < slots10) {
        top10 += Math.min(wi, slots10 - taken) * x;
        if (taken < slots1) top1 += Math.min(wi, slots1 - taken) * x;
      }
      taken += wi;
      weighted += x * (wi * rankAbove - (wi * (wi - 1)) / 2);
      rankAbove -= wi;
    }
    const gini = sum > 0 && n > 0 ? (2 * weighted) / (n * sum) - (n + 1) / n : 0;
    return {
      monthlyContributors: shareSum / M,
      contributorShare: n > 0 ? contributed / n : 0,
      contributionsPerContributor: monthsContributors > 0 ? sum / monthsContributors : 0,
      monthlyPosts: monthsAccounts > 0 ? sum / monthsAccounts : 0,
      top1Share: sum > 0 ? top1 / sum : 0,
      top10Share: sum > 0 ? top10 / sum : 0,
      gini,
      newMembersPerMonth: joined / M,
      leaversPerMonth: left / M,
      threadsPerMonth: threads / M,
      repliesPerMonth: reps / M,
      repliesPerThread: threads > 0 ? reps / threads : 0,
      reactionsPerMonth: (sum - threads - reps) / M,
      teamActivityShare: all > 0 ? inTeams / all : 0,
      openActivityShare: all > 0 ? inOpen / all : 0,
      multiGroupShare: active > 0 ? multiple / active : 0,
    };
  };

  const point = figuresWith(new Float64Array(P).fill(1));
  const draws: Record<string, number[]> = Object.fromEntries(Object.keys(point).map((k) => [k, []]));
  const random = seedrandom.alea(`orgsim import bootstrap ${seed}`);
  const w = new Float64Array(P);
  for (let r = 0; r < replicates; r++) {
    w.fill(0);
    for (let i = 0; i < P; i++) w[Math.floor(random() * P)]!++;
    const f = figuresWith(w);
    for (const k of Object.keys(f)) draws[k]!.push(f[k]!);
  }

  const unavailable: Record<string, string> = {
    readOnlyShare: 'the export records no reads: who only reads cannot be told',
  };
  if (!can.reactions) unavailable.reactionsPerMonth = 'a Viva Engage network data export has no reactions (likes): contributions here are posts and replies';
  if (!can.joinDates) unavailable.newMembersPerMonth = 'the export gives no day an account joined';
  if (!can.leaveDates) unavailable.leaversPerMonth = 'the export says which accounts are deleted, not when';

  const figures: Record<string, Figure | Unavailable> = {};
  for (const key of Object.keys(FIGURES)) {
    const { unit, description } = FIGURES[key]!;
    if (unavailable[key]) {
      figures[key] = { value: null, unit, description, reason: unavailable[key]! };
      continue;
    }
    const sorted = draws[key]!.slice().sort((x, y) => x - y);
    figures[key] = { value: point[key]!, interval: [quantile(sorted, 0.025), quantile(sorted, 0.975)], unit, description };
  }

  // The monthly series of every full month (a missing month stays out of it: observed.csv leaves a gap).
  const monthly: MonthRow[] = used.map((m, k) => {
    const e = exists[k]!;
    const c = counts[k]!;
    let accounts = 0;
    let contributors = 0;
    let contributions = 0;
    let threads = 0;
    let reps = 0;
    let joins = 0;
    let leaves = 0;
    for (const a of eligible) {
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
  });

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
  const departments = new Set<number>();
  for (const a of eligible) if (net.department[a]! >= 0) departments.add(net.department[a]!);
  return {
    format,
    span: { first: monthLabel(full[0]!), last: monthLabel(full[full.length - 1]!), months: used.map(monthLabel), missing: missing.map(monthLabel) },
    accounts: { counted: eligible.length, departments: departments.size },
    groups: {
      ...kinds,
      bySize,
      meanTeamSize: listedTeams > 0 ? teamMembers / listedTeams : null,
      sizeFrom: listed && counted ? 'both' : listed ? 'members' : 'contributors',
    },
    figures,
    monthly,
    bootstrap: { replicates, seed, over: 'accounts of the full months, drawn with replacement', level: 0.95 },
  };
}
