/**
 * Statistics of a run over a window of ticks: the published figures of enterprise social networks are stated
 * this way (e.g. "over six months, 80-85% of staff access the network; almost 60% only read"). Some need each
 * employee's activity per tick (the run's ActivityTrace); the others reduce a reported series.
 *
 * A statistic is named `name` or `reduction:series` (mean:activeShare, last:valueCum, sum:value,
 * growth:value). Windows are [from, to) in ticks; negative bounds count from the horizon.
 */
import type { ActivityTrace } from '../model/phases/activity.ts';
import { TRACE_OPEN_VISIT } from '../model/phases/activity.ts';
import type { World } from '../model/world.ts';
import { DAYS_PER_YEAR } from '../model/constants.ts';
import { SERIES_INDEX, SERIES_NAMES } from './series.ts';

export interface RunView {
  ticks: number;
  series: readonly Float64Array[];
  world: World;
  trace: ActivityTrace | null;
}

interface Named {
  description: string;
  unit: string;
  /** Needs the per-employee trace (Simulation option `trace`). */
  trace: boolean;
  compute: (run: RunView, from: number, to: number) => number;
}

export const REDUCTIONS = ['mean', 'last', 'sum', 'growth'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

type PerEmployee = ReturnType<typeof countPerEmployee>;
const cache = new WeakMap<RunView, Map<string, PerEmployee>>();

/** Per employee over [from, to) (computed once per run and window). */
function perEmployee(run: RunView, from: number, to: number): PerEmployee {
  let byWindow = cache.get(run);
  if (!byWindow) cache.set(run, (byWindow = new Map()));
  const key = `${from}:${to}`;
  let e = byWindow.get(key);
  if (!e) byWindow.set(key, (e = countPerEmployee(run, from, to)));
  return e;
}

/** Days active, days contributed, days in an open community, open contributions, days with one. */
function countPerEmployee(run: RunView, from: number, to: number) {
  const tr = run.trace!;
  const E = tr.employees;
  const active = new Float64Array(E);
  const contributed = new Float64Array(E);
  const openDays = new Float64Array(E);
  const openPosts = new Float64Array(E);
  const openPostDays = new Float64Array(E);
  for (let t = from; t < to; t++) {
    const base = t * E;
    for (let i = 0; i < E; i++) {
      const s = tr.state[base + i]!;
      if (s === 0) continue;
      const st = s & 3;
      active[i]!++;
      if (st === 2) contributed[i]!++;
      if (s & TRACE_OPEN_VISIT) openDays[i]!++;
      const o = tr.open[base + i]!;
      if (o > 0) {
        openPosts[i]! += o;
        openPostDays[i]!++;
      }
    }
  }
  return { E, active, contributed, openDays, openPosts, openPostDays };
}

const share = (xs: Float64Array, test: (x: number, i: number) => boolean, among?: (i: number) => boolean): number => {
  let n = 0;
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    if (among && !among(i)) continue;
    n++;
    if (test(xs[i]!, i)) k++;
  }
  return n ? k / n : 0;
};

/** Contributions of the open-community users (employees who visited one in the window), sorted descending. */
function openUserPosts(run: RunView, from: number, to: number): Float64Array {
  const e = perEmployee(run, from, to);
  const xs: number[] = [];
  for (let i = 0; i < e.E; i++) if (e.openDays[i]! > 0) xs.push(e.openPosts[i]!);
  return Float64Array.from(xs).sort().reverse();
}

/** The employees in the top 10% by a count (ties broken by index; nobody with a count of 0). */
function topTenth(xs: Float64Array): Set<number> {
  const order = Array.from(xs.keys())
    .filter((i) => xs[i]! > 0)
    .sort((i, j) => xs[j]! - xs[i]! || i - j);
  return new Set(order.slice(0, Math.ceil(xs.length / 10)));
}

function topShare(sorted: Float64Array, fraction: number): number {
  let total = 0;
  for (const x of sorted) total += x;
  if (total === 0) return 0;
  const k = Math.max(1, Math.ceil(sorted.length * fraction));
  let top = 0;
  for (let i = 0; i < k && i < sorted.length; i++) top += sorted[i]!;
  return top / total;
}

function giniSortedDesc(sorted: Float64Array): number {
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    // Ascending rank of the i-th largest is n - i.
    total += sorted[i]!;
    weighted += (n - i) * sorted[i]!;
  }
  return total === 0 ? 0 : (2 * weighted) / (n * total) - (n + 1) / n;
}

function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

const seriesOf = (run: RunView, name: string) => run.series[SERIES_INDEX[name]!]!;
function meanOver(s: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += s[t]!;
  return to > from ? sum / (to - from) : 0;
}

/** Participation share (took part / members) of a group kind over [from, to). */
function kindParticipation(run: RunView, kind: 'team' | 'open', from: number, to: number): number {
  const c = seriesOf(run, `contributors_${kind}`);
  const r = seriesOf(run, `readers_${kind}`);
  const a = seriesOf(run, `absent_${kind}`);
  let took = 0;
  let all = 0;
  for (let t = from; t < to; t++) {
    took += c[t]! + r[t]!;
    all += c[t]! + r[t]! + a[t]!;
  }
  return all ? took / all : 0;
}

/**
 * Working days in a month (250 a year over 12, rounded): the period over which field studies count who
 * interacts (SWOOP Analytics: the share of users who post, reply or react in a month).
 */
export const MONTH_DAYS = 21;

/** The full months of [from, to), counted back from its end (a partial month at its start is left out). */
function months(from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let end = to; end - MONTH_DAYS >= from; end -= MONTH_DAYS) out.unshift([end - MONTH_DAYS, end]);
  return out;
}

/** Mean over the window's full months of the share of employees who contributed at least once that month. */
function monthlyContributors(run: RunView, from: number, to: number): number {
  const spans = months(from, to);
  if (spans.length === 0) return 0;
  let sum = 0;
  for (const [a, b] of spans) sum += share(perEmployee(run, a, b).contributed, (x) => x > 0);
  return sum / spans.length;
}

export const STATISTICS: Readonly<Record<string, Named>> = {
  monthlyContributors: {
    description:
      'Share of employees who contribute (post, reply or react) at least once in a month, the mean over the ' +
      'full months of the window (SWOOP Analytics\' "engagement")',
    unit: 'share',
    trace: true,
    compute: monthlyContributors,
  },
  monthlyPosts: {
    description:
      "Employees' contributions per employee per month: members' contributions in team groups and open " +
      'communities and the prompts of managers and community owners (the mean over the full months of ' +
      'the window)',
    unit: 'posts / employee / month',
    trace: false,
    compute: (run, from, to) => {
      const spans = months(from, to);
      if (spans.length === 0) return 0;
      const a = spans[0]![0];
      const b = spans[spans.length - 1]![1];
      const posts =
        meanOver(seriesOf(run, 'posts_team'), a, b) +
        meanOver(seriesOf(run, 'posts_open'), a, b) +
        meanOver(seriesOf(run, 'ownerPosts'), a, b);
      return (posts * MONTH_DAYS) / run.world.employees;
    },
  },
  activeOnce: {
    description:
      'Share of employees who took part (read or contributed) at least once in the window (e.g. monthly ' +
      'active users over a month)',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => share(perEmployee(run, from, to).active, (x) => x > 0),
  },
  readOnlyShare: {
    description: 'Share of employees who took part in the window but never contributed',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => {
      const e = perEmployee(run, from, to);
      return share(e.active, (x, i) => x > 0 && e.contributed[i] === 0);
    },
  },
  contributorShare: {
    description: 'Share of employees who contributed at least once in the window',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => share(perEmployee(run, from, to).contributed, (x) => x > 0),
  },
  observerShare: {
    description:
      'Among employees who visited an open community in the window, share who contributed (anywhere) on ' +
      'fewer than one working day in ten ("observers")',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => {
      const e = perEmployee(run, from, to);
      return share(
        e.contributed,
        (x) => x < (to - from) / 10,
        (i) => e.openDays[i]! > 0,
      );
    },
  },
  openTop1: {
    description:
      'Share of open-community contributions made by the top 1% of their users (employees who visited one) ' +
      'in the window',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => topShare(openUserPosts(run, from, to), 0.01),
  },
  openTop10: {
    description: 'Share of open-community contributions made by the top 10% of their users in the window',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => topShare(openUserPosts(run, from, to), 0.1),
  },
  openSilence: {
    description:
      'Among employees who visited an open community in the window, share who made no open-community ' +
      'contribution in it (Nonnecke & Preece 2000: 46-82% over 12 weeks)',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => {
      const e = perEmployee(run, from, to);
      return share(
        e.openPosts,
        (x) => x === 0,
        (i) => e.openDays[i]! > 0,
      );
    },
  },
  topPersistence: {
    description:
      'Among the top 10% of employees by days contributed in the first half of the window, the share who are ' +
      'in the top 10% in the second half too',
    unit: 'share',
    trace: true,
    compute: (run, from, to) => {
      const mid = from + Math.floor((to - from) / 2);
      const a = topTenth(perEmployee(run, from, mid).contributed);
      const b = topTenth(perEmployee(run, mid, to).contributed);
      let kept = 0;
      for (const i of a) if (b.has(i)) kept++;
      return a.size ? kept / a.size : 0;
    },
  },
  openGini: {
    description: 'Gini of open-community contributions among their users in the window',
    unit: 'index',
    trace: true,
    compute: (run, from, to) => giniSortedDesc(openUserPosts(run, from, to)),
  },
  webLink: {
    description: 'Correlation between web sociability and days taking part in the window, over employees',
    unit: 'correlation',
    trace: true,
    compute: (run, from, to) => {
      const e = perEmployee(run, from, to);
      return pearson(run.world.webSociability, e.active, e.E);
    },
  },
  dailyContributors: {
    description: 'Mean daily share of employees who contributed somewhere',
    unit: 'share',
    trace: false,
    compute: (run, from, to) => meanOver(seriesOf(run, 'contributors'), from, to) / run.world.employees,
  },
  teamOverOpen: {
    description:
      'Daily participation share in team groups over that in open communities (members taking part / members)',
    unit: 'ratio',
    trace: false,
    compute: (run, from, to) => {
      const open = kindParticipation(run, 'open', from, to);
      return open > 0 ? kindParticipation(run, 'team', from, to) / open : 0;
    },
  },
  openChurn: {
    description: 'Yearly share of open-community memberships that end (members who leave per year / mean members)',
    unit: '1 / year',
    trace: false,
    compute: (run, from, to) => {
      const members = meanOver(seriesOf(run, 'openMembers'), from, to);
      return members > 0 ? (meanOver(seriesOf(run, 'leaves_open'), from, to) * DAYS_PER_YEAR) / members : 0;
    },
  },
};

export const STATISTIC_NAMES: readonly string[] = Object.keys(STATISTICS);

/** What a statistic name means, or an error message naming what is allowed. */
export function parseStatistic(
  name: string,
): { named: Named } | { reduction: Reduction; series: string } | { error: string } {
  if (Object.hasOwn(STATISTICS, name)) return { named: STATISTICS[name]! };
  const m = /^([a-z]+):(.+)$/.exec(name);
  if (m) {
    const [, reduction, series] = m;
    if (!(REDUCTIONS as readonly string[]).includes(reduction!))
      return { error: `unknown reduction "${reduction}" (allowed: ${REDUCTIONS.join(', ')})` };
    if (!SERIES_NAMES.includes(series!)) return { error: `unknown series "${series}"` };
    return { reduction: reduction as Reduction, series: series! };
  }
  return {
    error:
      `unknown statistic "${name}" (allowed: ${STATISTIC_NAMES.join(', ')}, or ` +
      `${REDUCTIONS.map((r) => `${r}:<series>`).join(', ')})`,
  };
}

export function needsTrace(name: string): boolean {
  const s = parseStatistic(name);
  return 'named' in s && s.named.trace;
}

/** [from, to) with negative bounds counted from the horizon, clamped to the run. */
export function resolveWindow(ticks: number, from: number, to: number): [number, number] {
  const f = from < 0 ? ticks + from : from;
  const t = to <= 0 ? ticks + to : to;
  return [Math.max(0, Math.min(ticks, f)), Math.max(0, Math.min(ticks, t))];
}

export function statistic(run: RunView, name: string, from: number, to: number): number {
  const [f, t] = resolveWindow(run.ticks, from, to);
  const s = parseStatistic(name);
  if ('error' in s) throw new Error(s.error);
  if ('named' in s) {
    if (s.named.trace && !run.trace) throw new Error(`statistic ${name} needs the run's activity trace`);
    return s.named.compute(run, f, t);
  }
  const x = seriesOf(run, s.series);
  switch (s.reduction) {
    case 'mean':
      return meanOver(x, f, t);
    case 'last':
      return t > 0 ? x[t - 1]! : 0;
    case 'sum':
      return meanOver(x, f, t) * (t - f);
    case 'growth': {
      // Mean of the second half of the window over the first half, minus 1.
      const mid = f + Math.floor((t - f) / 2);
      const a = meanOver(x, f, mid);
      return a !== 0 ? meanOver(x, mid, t) / a - 1 : 0;
    }
  }
}
