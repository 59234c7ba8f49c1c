/**
 * The figures of a window and their bootstrap over accounts: the accounts are drawn again with replacement (a
 * seeded stream, so the same export gives the same bytes) and every figure is computed again on the drawn
 * sample. A sample is weights over the pool (how many times each account was drawn), so the point estimate is
 * the same computation with every weight 1.
 */
import seedrandom from 'seedrandom';
import type { FrozenNetwork } from './network.ts';
import type { MonthsWindow } from './full-months.ts';

/**
 * The bootstrap draws from the pool: the accounts of the full months and those who contributed anywhere (the
 * shares by kind of group are over the whole export). Everything a figure needs of an account is laid out by
 * its place in the pool, so that a replicate is a few passes over flat arrays.
 */
interface Pool {
  /** Accounts by place. */
  accounts: number[];
  /** Used months. */
  M: number;
  inWindow: Uint8Array;
  tot: Float64Array;
  thr: Float64Array;
  rep: Float64Array;
  joins: Float64Array;
  leaves: Float64Array;
  monthsThere: Float64Array;
  monthsContributing: Float64Array;
  team: Float64Array;
  open: Float64Array;
  whole: Float64Array;
  anywhere: Uint8Array;
  multi: Uint8Array;
  /**
   * Accounts with the same months of presence and of contribution weigh alike in the monthly shares: a
   * replicate adds their weights by pattern, then runs over the patterns' months (not accounts x months).
   */
  patternOf: Int32Array;
  /** Per pattern: M presence flags, then M contribution flags. */
  patterns: Uint8Array[];
  /** The window's places by contributions, most first (ties by number): the order of the top shares and the Gini. */
  byTotal: Int32Array;
  /** Scratch of a replicate: weight per pattern, accounts there and contributing per month. */
  patternWeight: Float64Array;
  there: Float64Array;
  contributing: Float64Array;
}

function emptyPool(accounts: number[], M: number): Pool {
  const P = accounts.length;
  const f = () => new Float64Array(P);
  return {
    accounts,
    M,
    inWindow: new Uint8Array(P),
    tot: f(),
    thr: f(),
    rep: f(),
    joins: f(),
    leaves: f(),
    monthsThere: f(),
    monthsContributing: f(),
    team: f(),
    open: f(),
    whole: f(),
    anywhere: new Uint8Array(P),
    multi: new Uint8Array(P),
    patternOf: new Int32Array(P).fill(-1),
    patterns: [],
    byTotal: new Int32Array(0),
    patternWeight: new Float64Array(0),
    there: new Float64Array(M),
    contributing: new Float64Array(M),
  };
}

/** Lays out the window's account a at place i: its counts, its months and its pattern. */
function placeInWindow(pool: Pool, win: MonthsWindow, a: number, i: number, patternIds: Map<string, number>): void {
  const M = pool.M;
  pool.inWindow[i] = 1;
  pool.tot[i] = win.total[a]!;
  pool.thr[i] = win.posts[a]!;
  pool.rep[i] = win.replies[a]!;
  pool.joins[i] = win.joinedIn[a]!;
  pool.leaves[i] = win.leftIn[a]!;
  const flags = new Uint8Array(2 * M);
  for (let k = 0; k < M; k++) {
    flags[k] = win.exists[k]![a]!;
    flags[M + k] = win.counts[k]!.contributions[a]! > 0 ? 1 : 0;
    pool.monthsThere[i]! += flags[k]!;
    pool.monthsContributing[i]! += flags[M + k]!;
  }
  const key = flags.join('');
  let id = patternIds.get(key);
  if (id === undefined) {
    patternIds.set(key, (id = pool.patterns.length));
    pool.patterns.push(flags);
  }
  pool.patternOf[i] = id;
}

/** Lays out the account a, who contributed in some group, at place i: its contributions by kind of group. */
function placeContributor(pool: Pool, net: FrozenNetwork, a: number, i: number): void {
  pool.anywhere[i] = 1;
  pool.multi[i] = net.groupsOf[a]! > 1 ? 1 : 0;
  pool.team[i] = net.teamContributions[a]!;
  pool.open[i] = net.openContributions[a]!;
  for (const m of net.months.values()) pool.whole[i]! += m.contributions[a]!;
}

function poolOf(net: FrozenNetwork, win: MonthsWindow): Pool {
  const { eligible } = win;
  const pool = emptyPool(
    [...new Set([...eligible, ...win.contributedAnywhere])].sort((x, y) => x - y),
    win.used.length,
  );
  const patternIds = new Map<string, number>();
  const windowPlace = new Map<number, number>();
  const eligibleSet = new Set(eligible);
  pool.accounts.forEach((a, i) => {
    if (eligibleSet.has(a)) {
      windowPlace.set(a, i);
      placeInWindow(pool, win, a, i, patternIds);
    }
    if (net.groupsOf[a]! > 0) placeContributor(pool, net, a, i);
  });
  const { tot, accounts } = pool;
  pool.byTotal = Int32Array.from(eligible.map((a) => windowPlace.get(a)!)).sort(
    (x, y) => tot[y]! - tot[x]! || accounts[x]! - accounts[y]!,
  );
  pool.patternWeight = new Float64Array(pool.patterns.length);
  return pool;
}

/** The weighted sums of a sample over the pool; fills pool.patternWeight. */
function sums(pool: Pool, w: Float64Array) {
  const { inWindow, tot, thr, rep, joins, leaves, monthsThere, monthsContributing, patternOf, patternWeight } = pool;
  const { anywhere, team, open, whole, multi } = pool;
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
  for (let i = 0; i < pool.accounts.length; i++) {
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
  return {
    n,
    contributed,
    sum,
    threads,
    reps,
    joined,
    left,
    monthsContributors,
    monthsAccounts,
    inTeams,
    inOpen,
    all,
    active,
    multiple,
  };
}

/** The sum over the months of the share of the month's accounts who contribute in it, by pool.patternWeight. */
function monthlyShareSum(pool: Pool): number {
  const { M, patterns, patternWeight, there, contributing } = pool;
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
  return shareSum;
}

/**
 * Top shares and Gini over the sample of n accounts making sum contributions, an account drawn k times
 * standing k times in the order. Gini = 2 sum(rank_i x_i) / (n sum x) - (n + 1) / n with ascending ranks;
 * byTotal is descending.
 */
function concentration(
  pool: Pool,
  w: Float64Array,
  n: number,
  sum: number,
): { top1: number; top10: number; gini: number } {
  const slots1 = Math.max(1, Math.ceil(n * 0.01 - 1e-9));
  const slots10 = Math.max(1, Math.ceil(n * 0.1 - 1e-9));
  let taken = 0;
  let top1 = 0;
  let top10 = 0;
  let weighted = 0;
  let rankAbove = n;
  for (const i of pool.byTotal) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const x = pool.tot[i]!;
    if (taken < slots10) {
      top10 += Math.min(wi, slots10 - taken) * x;
      if (taken < slots1) top1 += Math.min(wi, slots1 - taken) * x;
    }
    taken += wi;
    weighted += x * (wi * rankAbove - (wi * (wi - 1)) / 2);
    rankAbove -= wi;
  }
  const gini = sum > 0 && n > 0 ? (2 * weighted) / (n * sum) - (n + 1) / n : 0;
  return { top1, top10, gini };
}

/** Every figure with weights w (by place in the pool: the multiplicity of each account in the sample). */
function figuresWith(pool: Pool, w: Float64Array): Record<string, number> {
  const s = sums(pool, w);
  const shareSum = monthlyShareSum(pool);
  const { top1, top10, gini } = concentration(pool, w, s.n, s.sum);
  const M = pool.M;
  return {
    monthlyContributors: shareSum / M,
    contributorShare: s.n > 0 ? s.contributed / s.n : 0,
    contributionsPerContributor: s.monthsContributors > 0 ? s.sum / s.monthsContributors : 0,
    monthlyPosts: s.monthsAccounts > 0 ? s.sum / s.monthsAccounts : 0,
    top1Share: s.sum > 0 ? top1 / s.sum : 0,
    top10Share: s.sum > 0 ? top10 / s.sum : 0,
    gini,
    newMembersPerMonth: s.joined / M,
    leaversPerMonth: s.left / M,
    threadsPerMonth: s.threads / M,
    repliesPerMonth: s.reps / M,
    repliesPerThread: s.threads > 0 ? s.reps / s.threads : 0,
    reactionsPerMonth: (s.sum - s.threads - s.reps) / M,
    teamActivityShare: s.all > 0 ? s.inTeams / s.all : 0,
    openActivityShare: s.all > 0 ? s.inOpen / s.all : 0,
    multiGroupShare: s.active > 0 ? s.multiple / s.active : 0,
  };
}

/** Every figure of the window (point) and its value in each of the replicates (draws), by figure. */
export function bootstrap(
  net: FrozenNetwork,
  win: MonthsWindow,
  replicates: number,
  seed: number,
): { point: Record<string, number>; draws: Record<string, number[]> } {
  const pool = poolOf(net, win);
  const P = pool.accounts.length;
  const point = figuresWith(pool, new Float64Array(P).fill(1));
  const draws: Record<string, number[]> = Object.fromEntries(Object.keys(point).map((k) => [k, []]));
  const random = seedrandom.alea(`orgsim import bootstrap ${seed}`);
  const w = new Float64Array(P);
  for (let r = 0; r < replicates; r++) {
    w.fill(0);
    for (let i = 0; i < P; i++) w[Math.floor(random() * P)]!++;
    const f = figuresWith(pool, w);
    for (const k of Object.keys(f)) draws[k]!.push(f[k]!);
  }
  return { point, draws };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** The 95% interval of the draws: their 2.5th to 97.5th percentile. */
export function interval95(draws: readonly number[]): [number, number] {
  const sorted = draws.slice().sort((x, y) => x - y);
  return [quantile(sorted, 0.025), quantile(sorted, 0.975)];
}
