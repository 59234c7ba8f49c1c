/**
 * The compare view's state, in one object, and what is computed from it: the summary table, the verdicts, the
 * bands of the charts, the CSV. No DOM: the view (view.ts) changes the state and draws from it (draw.ts).
 */
import type { PoolEnd } from './pool.ts';
import { GROUP_KINDS, type CompactRun, type GroupKind } from '../../src/compare/metrics.ts';
import { band, contrast, finished, type Band } from '../../src/compare/summary.ts';
import { OUTCOMES, type Outcomes } from '../../src/metrics/outcomes.ts';
import { ci95, type Interval } from '../../src/stats/index.ts';
import { costWords, rankingLines, type Ranked } from '../../src/compare/words.ts';
import { kindOutcomes, outcomeNouns } from '../../src/compare/kind.ts';
import { csvCell, csvNumber } from '../../src/csv.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { ValueFigure } from './model-figure.ts';

export const MAX_ARMS = 6;
export const MAX_RUNS = 200;

/** One scenario to compare: where it comes from, and changes written as path=value. */
export interface ArmSpec {
  /** 'current' (the live run, with its changes), a shipped scenario's id, or 'file:<k>' (an added file). */
  source: string;
  changes: string;
  /** A display name (a user may type one); else built from the source and the changes. */
  name?: string;
  /** The name was typed by the user: it stays when the scenario or its changes change. */
  renamed?: boolean;
  /** The changes were filled in as an example, not typed: they go when another scenario is picked. */
  example?: boolean;
}

export interface Arm {
  label: string;
  name: string;
  scenario: Scenario;
}

export const CHARTS: { id: string; metric: 'participation' | 'value' | 'valuePerCost'; title: string }[] = [
  { id: 'compare-participation', metric: 'participation', title: 'Participation' },
  { id: 'compare-value', metric: 'value', title: 'Value created' },
  { id: 'compare-value-per-cost', metric: 'valuePerCost', title: 'Value per cost' },
];

/** The measures every run of a comparison carries: the charts', for every group kind. */
export const MEASURES: readonly string[] = GROUP_KINDS.flatMap((k) => CHARTS.map((c) => `${c.metric}:${k}`));

export interface ViewState {
  /** The form: the scenarios chosen, and the files added. */
  specs: ArmSpec[];
  files: { name: string; text: string }[];
  /** The comparison on screen: its scenarios, seeds, and every run's result by [scenario][replication]. */
  arms: Arm[];
  seeds: number[];
  results: (CompactRun | undefined)[][];
  metricIds: readonly string[];
  /** What its value figures are (a model figure) and the range that goes with them. */
  figure: ValueFigure | undefined;
  /** The group kind the table and the charts show. */
  kind: GroupKind;
  running: boolean;
  /** Set by cancel(): a comparison still checking its scenarios stops before it starts its runs. */
  cancelRequested: boolean;
  total: number;
  done: number;
  workers: number;
  startedAt: number;
  elapsedMs: number;
  end: PoolEnd | 'error' | undefined;
  /** Bands computed so far, by scenario and measure (kept until the next run of that scenario arrives). */
  bands: Map<string, Band>;
}

export function initialState(): ViewState {
  return {
    specs: [],
    files: [],
    arms: [],
    seeds: [],
    results: [],
    metricIds: MEASURES,
    figure: undefined,
    kind: 'all',
    running: false,
    cancelRequested: false,
    total: 0,
    done: 0,
    workers: 0,
    startedAt: 0,
    elapsedMs: 0,
    end: undefined,
    bands: new Map(),
  };
}

/** One scenario's outcomes in the chosen group kind. */
export interface KindSummary extends Ranked {
  n: number;
  intervals: Record<string, Interval>;
}

/**
 * Each scenario's outcomes in the chosen group kind over its finished runs: means, 95% intervals and, from the
 * second scenario on, the difference to the first (Welch).
 */
export function summary(s: ViewState): KindSummary[] {
  const refRuns = finished(s.results[0] ?? []);
  const values = (runs: CompactRun[], key: keyof Outcomes) =>
    runs.map((r) => kindOutcomes(r, s.metricIds, s.kind)[key]);
  return s.arms.map((a, i) => {
    const runs = finished(s.results[i] ?? []);
    const out: KindSummary = { name: a.name, n: runs.length, means: {}, intervals: {}, contrasts: {} };
    for (const key of OUTCOMES) {
      const xs = values(runs, key);
      out.intervals[key] = ci95(xs);
      out.means[key] = out.intervals[key]!.mean;
      if (i > 0 && xs.length >= 2 && refRuns.length >= 2) out.contrasts[key] = contrast(xs, values(refRuns, key));
    }
    return out;
  });
}

/** One line per scenario, best first, and the trade-off: what the results list says. */
export function verdicts(s: ViewState, sum = summary(s)): string[] {
  if (sum.some((a) => a.n === 0)) return [];
  const r = rankingLines(sum, { outcomes: outcomeNouns(s.kind), done: s.done, total: s.total });
  const cost = costWords(
    sum.filter((a) => a.n > 0).map((a) => ({ name: a.name, valuePerCost: a.means.valuePerCost! })),
  );
  return [...r.lines, ...(r.tradeOff ? [r.tradeOff] : []), ...(cost ? [cost] : [])];
}

/** Mean and bands of a measure for scenario i over its finished runs. */
export function bandOf(s: ViewState, i: number, metric: string): Band {
  const runs = finished(s.results[i] ?? []);
  const key = `${i}:${metric}`;
  let b = s.bands.get(key);
  if (!b || b.n !== runs.length) {
    b = band(runs, s.metricIds.indexOf(metric));
    s.bands.set(key, b);
  }
  return b;
}

/** Tidy CSV of every finished run's outcomes: scenario,name,run,seed,outcome,value. */
export function csv(s: ViewState): string {
  let out = 'scenario,name,run,seed,outcome,value\n';
  s.arms.forEach((a, i) => {
    (s.results[i] ?? []).forEach((r, run) => {
      if (!r) return;
      for (const key of OUTCOMES)
        out += `${a.label},${csvCell(a.name)},${run},${r.seed},${key},${csvNumber(r.outcomes[key])}\n`;
    });
  });
  return out;
}
