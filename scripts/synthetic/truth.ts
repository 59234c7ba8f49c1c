/** The truth of a synthetic export: its figures by the definitions of src/import/statistics.ts, written out plainly. */
import {
  DAY,
  label,
  type Account,
  type Group,
  type Kept,
  type SyntheticFormat,
  type SyntheticOptions,
} from './model.ts';

export interface Truth {
  format: SyntheticFormat;
  accounts: number;
  months: string[];
  missing: string[];
  groups: { team: number; closed: number; open: number };
  figures: Record<string, number | null>;
  monthly: { month: string; monthlyContributors: number }[];
  messages: number;
  contributions: number;
  skipped: Record<string, number>;
  /** Names, e-mail addresses and texts written into the export: none may appear in any output. */
  secrets: string[];
}

/** Per account: its contributions by month, the day of its last one and its groups; per group: its contributors. */
function tally(kept: Kept[], monthOf: (t: number) => number, dayStart: (t: number) => number) {
  const perMonth = new Map<number, Map<number, number>>(); // account -> month -> contributions
  const lastSeen = new Map<number, number>();
  const groupsOf = new Map<number, Set<number>>();
  const contributorsOf = new Map<number, Set<number>>();
  for (const c of kept) {
    const k = monthOf(c.t);
    let m = perMonth.get(c.author);
    if (!m) perMonth.set(c.author, (m = new Map()));
    m.set(k, (m.get(k) ?? 0) + 1);
    lastSeen.set(c.author, Math.max(lastSeen.get(c.author) ?? -Infinity, dayStart(c.t)));
    if (!groupsOf.has(c.author)) groupsOf.set(c.author, new Set());
    groupsOf.get(c.author)!.add(c.group);
    if (!contributorsOf.has(c.group)) contributorsOf.set(c.group, new Set());
    contributorsOf.get(c.group)!.add(c.author);
  }
  return { perMonth, lastSeen, groupsOf, contributorsOf };
}

/** The figures, by their definitions (src/import/statistics.ts), from the list of what counts. */
export function computeTruth(
  o: Required<SyntheticOptions>,
  accounts: Account[],
  groups: Group[],
  kept: Kept[],
  monthsMs: number[],
  messages: number,
  skipped: Record<string, number>,
  secrets: string[],
): Truth {
  const viva = o.format === 'viva-engage';
  const used = Array.from({ length: o.months }, (_, k) => k).filter((k) => k !== o.missingMonth);
  const monthOf = (t: number) => monthsMs.findIndex((s, k) => k < o.months && t >= s && t < monthsMs[k + 1]!);
  const dayStart = (t: number) => Math.floor(t / DAY) * DAY;
  const persons = accounts.filter((a) => a.kind === 'person');
  const { perMonth, lastSeen, groupsOf, contributorsOf } = tally(kept, monthOf, dayStart);
  const count = (a: Account, k: number) => perMonth.get(a.index)?.get(k) ?? 0;
  // When an account is there: Viva gives both days (to the day); Slack only says "deleted": until the day
  // after its last contribution, or never if it made none.
  const leftDay = (a: Account): number | undefined => {
    if (a.left === undefined) return undefined;
    if (viva) return dayStart(a.left);
    const seen = lastSeen.get(a.index);
    return seen === undefined ? -Infinity : seen + DAY;
  };
  const exists = (a: Account, k: number) => {
    if (count(a, k) > 0) return true;
    const from = monthsMs[k]!;
    const lastOfMonth = monthsMs[k + 1]! - DAY;
    const joinedOk = !viva || dayStart(a.joined) <= lastOfMonth;
    const l = leftDay(a);
    return joinedOk && (l === undefined || l >= from);
  };
  const eligible = persons.filter((a) => used.some((k) => exists(a, k)));
  const M = used.length;
  const monthly = used.map((k) => {
    const there = eligible.filter((a) => exists(a, k));
    const contributing = there.filter((a) => count(a, k) > 0);
    return {
      month: label(monthsMs[k]!),
      monthlyContributors: there.length ? contributing.length / there.length : 0,
      there: there.length,
      contributing: contributing.length,
      contributions: there.reduce((s, a) => s + count(a, k), 0),
    };
  });
  const total = (a: Account) => used.reduce((s, k) => s + count(a, k), 0);
  const totals = eligible.map(total).sort((p, q) => q - p);
  const sum = totals.reduce((s, x) => s + x, 0);
  const top = (f: number) =>
    totals.slice(0, Math.max(1, Math.ceil(totals.length * f - 1e-9))).reduce((s, x) => s + x, 0) / sum;
  const n = totals.length;
  const asc = [...totals].reverse();
  const gini = (2 * asc.reduce((s, x, i) => s + (i + 1) * x, 0)) / (n * sum) - (n + 1) / n;
  const usedKept = kept.filter((c) => used.includes(monthOf(c.t)));
  const size = (g: Group) => (viva ? (contributorsOf.get(g.index)?.size ?? 0) : g.members.length);
  const kindOf = (g: Group) => (!g.private ? 'open' : size(g) <= 30 ? 'team' : 'closed');
  const inKind = (kind: string) => kept.filter((c) => kindOf(groups[c.group]!) === kind).length / kept.length;
  const contributors = [...groupsOf.keys()];
  const sizesCounted = groups.filter((g) => size(g) > 0 || (contributorsOf.get(g.index)?.size ?? 0) > 0);
  const inMonths = (t: number | undefined) => t !== undefined && used.includes(monthOf(t));
  const figures: Record<string, number | null> = {
    monthlyContributors: monthly.reduce((s, r) => s + r.monthlyContributors, 0) / M,
    contributorShare: eligible.filter((a) => total(a) > 0).length / eligible.length,
    contributionsPerContributor:
      monthly.reduce((s, r) => s + r.contributions, 0) / monthly.reduce((s, r) => s + r.contributing, 0),
    monthlyPosts: monthly.reduce((s, r) => s + r.contributions, 0) / monthly.reduce((s, r) => s + r.there, 0),
    top1Share: top(0.01),
    top10Share: top(0.1),
    gini,
    newMembersPerMonth: viva ? eligible.filter((a) => inMonths(a.joined)).length / M : null,
    leaversPerMonth: viva
      ? eligible.filter((a) => a.left !== undefined && inMonths(dayStart(a.left))).length / M
      : null,
    threadsPerMonth: usedKept.filter((c) => c.kind === 'post').length / M,
    repliesPerMonth: usedKept.filter((c) => c.kind === 'reply').length / M,
    repliesPerThread:
      usedKept.filter((c) => c.kind === 'reply').length / usedKept.filter((c) => c.kind === 'post').length,
    reactionsPerMonth: viva ? null : usedKept.filter((c) => c.kind === 'reaction').length / M,
    teamActivityShare: inKind('team'),
    openActivityShare: inKind('open'),
    multiGroupShare: contributors.filter((a) => groupsOf.get(a)!.size > 1).length / contributors.length,
    readOnlyShare: null,
  };
  return {
    format: o.format,
    accounts: eligible.length,
    months: used.map((k) => label(monthsMs[k]!)),
    missing: o.missingMonth >= 0 && o.missingMonth < o.months ? [label(monthsMs[o.missingMonth]!)] : [],
    groups: {
      team: sizesCounted.filter((g) => kindOf(g) === 'team').length,
      closed: sizesCounted.filter((g) => kindOf(g) === 'closed').length,
      open: sizesCounted.filter((g) => kindOf(g) === 'open').length,
    },
    figures,
    monthly: monthly.map(({ month, monthlyContributors }) => ({ month, monthlyContributors })),
    messages,
    contributions: kept.length,
    skipped,
    secrets: secrets.filter((s) => s.length >= 6),
  };
}
