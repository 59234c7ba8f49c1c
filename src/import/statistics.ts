/**
 * The network's figures from its counts, each over the export's full months, each with a bootstrap interval
 * over accounts: the accounts are drawn again with replacement (a seeded stream, so the same export gives the
 * same bytes) and every figure is computed again on the drawn sample; the interval is the 2.5th to 97.5th
 * percentile of those values. Pure: the reader gives the counts (src/import/network.ts).
 */
import { bootstrap, interval95 } from './bootstrap.ts';
import { monthLabel } from './calendar.ts';
import type { FrozenNetwork } from './network.ts';
import { departmentCount, groupCounts, monthlySeries } from './series.ts';
import { fullMonths, windowOf } from './full-months.ts';

export { fullMonths } from './full-months.ts';

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
  groups: {
    team: number;
    closed: number;
    open: number;
    bySize: SizeBin[] /** Of the teams whose members the export lists (Slack); null otherwise. */;
    meanTeamSize: number | null;
    sizeFrom: 'members' | 'contributors' | 'both';
  };
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

/** Descriptions of the figures: one place, read by statistics.json, the summary and the targets. */
export const FIGURES: Record<string, { unit: string; description: string }> = {
  monthlyContributors: {
    unit: 'share',
    description:
      "Share of the month's accounts who post, reply or react at least once in the month, the mean over the " +
      "full months (SWOOP Analytics' engagement; orgsim's monthlyContributors)",
  },
  contributorShare: {
    unit: 'share',
    description: 'Share of the accounts of the full months who contribute at least once in them',
  },
  readOnlyShare: { unit: 'share', description: 'Share of the accounts who read without ever contributing' },
  contributionsPerContributor: {
    unit: 'contributions / contributor / month',
    description: 'Contributions (posts, replies, reactions) per contributor of a month',
  },
  monthlyPosts: {
    unit: 'contributions / account / month',
    description: "Contributions per account per month (orgsim's monthlyPosts)",
  },
  top1Share: {
    unit: 'share',
    description: 'Share of the contributions of the full months made by the top 1% of accounts',
  },
  top10Share: {
    unit: 'share',
    description: 'Share of the contributions of the full months made by the top 10% of accounts',
  },
  gini: {
    unit: 'index',
    description: 'Gini of contributions per account over the full months (0: all equal, 1: one account makes them all)',
  },
  newMembersPerMonth: {
    unit: 'accounts / month',
    description: 'Accounts that join the network in a month, the mean over the full months',
  },
  leaversPerMonth: {
    unit: 'accounts / month',
    description: 'Accounts deleted or suspended in a month, the mean over the full months',
  },
  threadsPerMonth: { unit: 'threads / month', description: 'Threads started a month (first posts)' },
  repliesPerMonth: { unit: 'replies / month', description: 'Replies a month' },
  repliesPerThread: { unit: 'replies / thread', description: 'Replies over threads started, in the full months' },
  reactionsPerMonth: { unit: 'reactions / month', description: 'Reactions a month' },
  teamActivityShare: {
    unit: 'share',
    description: `Share of contributions made in team groups (private, at most 30 members), over the whole export`,
  },
  openActivityShare: {
    unit: 'share',
    description: 'Share of contributions made in open (public) groups, over the whole export',
  },
  multiGroupShare: {
    unit: 'share',
    description:
      'Among accounts who contribute, the share who contribute in more than one group, over the whole export',
  },
};

/** Why a figure the export cannot give is missing, by figure. */
function unavailableFigures(can: Capabilities): Record<string, string> {
  const unavailable: Record<string, string> = {
    readOnlyShare: 'the export records no reads: who only reads cannot be told',
  };
  if (!can.reactions)
    unavailable.reactionsPerMonth =
      'a Viva Engage network data export has no reactions (likes): contributions here are posts and replies';
  if (!can.joinDates) unavailable.newMembersPerMonth = 'the export gives no day an account joined';
  if (!can.leaveDates) unavailable.leaversPerMonth = 'the export says which accounts are deleted, not when';
  return unavailable;
}

/** The figures of a network. Throws RangeError when the export has no full month (the command says it). */
export function computeStatistics(net: FrozenNetwork, format: Format, options: StatisticsOptions = {}): Statistics {
  const can = CAPABILITIES[format];
  const replicates = options.replicates ?? 200;
  const seed = options.seed ?? 1;
  const { full, used, missing } = fullMonths(net);
  if (used.length === 0) throw new RangeError('no full month');
  const win = windowOf(net, used);
  const { point, draws } = bootstrap(net, win, replicates, seed);
  const unavailable = unavailableFigures(can);
  const figures: Record<string, Figure | Unavailable> = {};
  for (const key of Object.keys(FIGURES)) {
    const { unit, description } = FIGURES[key]!;
    if (unavailable[key]) {
      figures[key] = { value: null, unit, description, reason: unavailable[key]! };
      continue;
    }
    figures[key] = { value: point[key]!, interval: interval95(draws[key]!), unit, description };
  }
  return {
    format,
    span: {
      first: monthLabel(full[0]!),
      last: monthLabel(full[full.length - 1]!),
      months: used.map(monthLabel),
      missing: missing.map(monthLabel),
    },
    accounts: { counted: win.eligible.length, departments: departmentCount(net, win) },
    groups: groupCounts(net),
    figures,
    monthly: monthlySeries(net, win, can),
    bootstrap: { replicates, seed, over: 'accounts of the full months, drawn with replacement', level: 0.95 },
  };
}
