/**
 * The three outcomes of a comparison (mid-term activity, long-term value, value per cost) for one group
 * kind, computed from a run's compact measures the way src/metrics/outcomes.ts computes them for all groups:
 * so the verdicts follow the group kind the reader picks, not only the charts.
 */
import { GROUP_KIND_LABELS, measureOf, type CompactRun, type GroupKind } from './metrics.ts';
import { reduceWindow } from './summary.ts';
import type { Noun } from './words.ts';
import type { Outcomes } from '../metrics/outcomes.ts';

export type OutcomeKey = keyof Outcomes;

/** The measure ids a run must carry for kindOutcomes(kind). */
export const kindMetricIds = (kind: GroupKind) => [`participation:${kind}`, `value:${kind}`, `valuePerCost:${kind}`];

/** One run's outcomes in one group kind; for 'all', exactly the run's own outcomes. */
export function kindOutcomes(run: CompactRun, metricIds: readonly string[], kind: GroupKind): Outcomes {
  if (kind === 'all') return run.outcomes;
  const [p, v, c] = kindMetricIds(kind).map((id) => {
    const k = metricIds.indexOf(id);
    if (k < 0) throw new Error(`the run does not carry the measure ${id}`);
    return measureOf(run, k);
  });
  const mid = Math.max(1, Math.floor(run.ticks / 2));
  return {
    midActivity: reduceWindow(p!, Math.max(0, mid - 20), mid, 'mean'),
    longValue: v![run.ticks - 1]!,
    valuePerCost: c![run.ticks - 1]!,
  };
}

/** How sentences name the outcomes in a kind, and the top of each ("the most long-term value"), headline first. */
export function outcomeNouns(kind: GroupKind): { key: OutcomeKey; noun: Noun; best: string }[] {
  const where = kind === 'all' ? '' : ` in ${GROUP_KIND_LABELS[kind]}`;
  return [
    {
      key: 'longValue',
      noun: { noun: `long-term value${where}`, format: 'hours', unit: 'hours' },
      best: `the most long-term value${where}`,
    },
    {
      key: 'midActivity',
      noun: { noun: `mid-term activity${where}`, format: 'share' },
      best: `the highest mid-term activity${where}`,
    },
    {
      key: 'valuePerCost',
      noun: { noun: `value per cost${where}`, format: 'ratio', unit: 'hours per hour' },
      best: `the best value per cost${where}`,
    },
  ];
}

/** What the outcomes mean, for the "how to read this" note. */
export function outcomeMeanings(kind: GroupKind, ticks: number): string[] {
  const mid = Math.max(1, Math.floor(ticks / 2));
  const who =
    kind === 'all'
      ? 'employees who read or wrote on a working day'
      : `memberships of ${GROUP_KIND_LABELS[kind]} that were active on a working day`;
  return [
    `Mid-term activity: the share of ${who}, averaged over working days ${Math.max(0, mid - 20)} to ${mid} ` +
      `(just before mid-horizon).`,
    `Long-term value: hours of work saved${kind === 'all' ? '' : ` in ${GROUP_KIND_LABELS[kind]}`}, added up ` +
      `to day ${ticks}.`,
    `Value per cost: those hours for each hour the community roles cost (CM, SMMs, coaching, the platform).`,
  ];
}
