/**
 * Statistics of a comparison: per-tick mean with 90% and 95% confidence bands, outcome means with their
 * intervals, each scenario against the reference (Welch), and the sentence a strategist reads.
 *
 * Results are gathered by replication index, never in arrival order, and every sum runs in that index
 * order: the numbers are the same whichever worker finished first and however many there were.
 */
import { OUTCOMES, type Outcomes } from '../metrics/outcomes.ts';
import { ci95, mean, tQuantile, welch, type Interval, type WelchResult } from '../stats/index.ts';
import { percent, readable, share, signed } from '../format.ts';
import type { Format } from './metrics.ts';
import { measureOf, type CompactRun } from './metrics.ts';

export interface Band {
  /** Number of runs behind the band. */
  n: number;
  mean: Float64Array;
  lo90: Float64Array;
  hi90: Float64Array;
  lo95: Float64Array;
  hi95: Float64Array;
}

/** The finished runs of one scenario, in replication order (unfinished ones are skipped). */
export function finished(runs: readonly (CompactRun | undefined)[]): CompactRun[] {
  return runs.filter((r): r is CompactRun => r !== undefined);
}

/**
 * Mean over runs of measure k at each tick, with the 90% and 95% confidence intervals of that mean
 * (Student t, n - 1 degrees of freedom). With one run the bands collapse onto the line.
 */
export function band(runs: readonly CompactRun[], k: number): Band {
  const n = runs.length;
  const ticks = n ? runs[0]!.ticks : 0;
  const series = runs.map((r) => measureOf(r, k));
  const out: Band = {
    n,
    mean: new Float64Array(ticks),
    lo90: new Float64Array(ticks),
    hi90: new Float64Array(ticks),
    lo95: new Float64Array(ticks),
    hi95: new Float64Array(ticks),
  };
  const t90 = n > 1 ? tQuantile(0.95, n - 1) : 0;
  const t95 = n > 1 ? tQuantile(0.975, n - 1) : 0;
  for (let t = 0; t < ticks; t++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += series[i]![t]!;
    const m = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = series[i]![t]! - m;
      ss += d * d;
    }
    const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
    out.mean[t] = m;
    out.lo90[t] = m - t90 * se;
    out.hi90[t] = m + t90 * se;
    out.lo95[t] = m - t95 * se;
    out.hi95[t] = m + t95 * se;
  }
  return out;
}

/**
 * One run's measure over days [from, to) (clamped to the run): the mean over the window, or the value on
 * its last day ('last', for cumulative measures).
 */
export function reduceWindow(series: ArrayLike<number>, from: number, to: number, reduce: 'mean' | 'last'): number {
  const end = Math.min(to, series.length);
  const start = Math.max(0, Math.min(from, end - 1));
  if (reduce === 'last') return series[end - 1]!;
  let sum = 0;
  for (let t = start; t < end; t++) sum += series[t]!;
  return sum / (end - start);
}

/** How a sentence names a measure: "B yields more long-term value than A". */
export interface Wording {
  /** "long-term value" */
  noun: string;
  /** "yields" */
  verb: string;
  format: Format;
  /** Words for the direction (default "more" and "less"): "a higher", "a lower". */
  more?: string;
  less?: string;
}

export const OUTCOME_WORDING: Record<keyof Outcomes, Wording> = {
  midActivity: { noun: 'mid-term activity', verb: 'has', format: 'share' },
  longValue: { noun: 'long-term value', verb: 'yields', format: 'hours' },
  valuePerCost: { noun: 'value per cost', verb: 'gets', format: 'ratio' },
};

/** One scenario's measure against the reference's: Welch's difference, also relative to the reference's mean. */
export interface Contrast extends WelchResult {
  reference: number;
  other: number;
  /** diff, lo and hi divided by |reference mean|; undefined when that mean is 0. */
  relative?: Effect;
  /** The 95% interval excludes 0. */
  clear: boolean;
}

interface Effect {
  diff: number;
  lo: number;
  hi: number;
}

/** A difference relative to the reference's mean; undefined when there is no relative change from 0. */
export function relativeTo(e: Effect, referenceMean: number): Effect | undefined {
  const r = Math.abs(referenceMean);
  return r > 0 && Number.isFinite(r) ? { diff: e.diff / r, lo: e.lo / r, hi: e.hi / r } : undefined;
}

export function contrast(other: readonly number[], reference: readonly number[]): Contrast {
  const w = welch(other, reference);
  const ref = mean(reference);
  return { ...w, reference: ref, other: mean(other), relative: relativeTo(w, ref), clear: w.lo > 0 || w.hi < 0 };
}

/** A value in its measure's unit. */
export function formatValue(format: Format, x: number): string {
  return format === 'share' ? share(x) : readable(x);
}

/** A difference: relative when it can be, else in points (shares) or the measure's unit. */
export function formatEffect(c: Effect & { relative?: Effect }, format: Format): string {
  if (c.relative) return `${percent(c.relative.diff)} [${percent(c.relative.lo)}, ${percent(c.relative.hi)}]`;
  const abs = (x: number) => (format === 'share' ? `${signed((x * 100).toFixed(1))} points` : signed(readable(x)));
  return `${abs(c.diff)} [${abs(c.lo)}, ${abs(c.hi)}]`;
}

/**
 * "B yields more long-term value than A: +18.0% [+9.1%, +27.3%]" when the 95% interval excludes 0;
 * "No clear difference in long-term value between B and A: +2.0% [-3.1%, +7.2%]" otherwise.
 */
export function verdict(other: string, reference: string, w: Wording, c: Contrast): string {
  const effect = formatEffect(c, w.format);
  if (!c.clear) return `No clear difference in ${w.noun} between ${other} and ${reference}: ${effect}`;
  return (
    `${other} ${w.verb} ${c.diff > 0 ? (w.more ?? 'more') : (w.less ?? 'less')} ${w.noun} than ${reference}: ` +
    `${effect}`
  );
}

export interface ArmResults {
  /** A, B, C... */
  label: string;
  name: string;
  /** runs[i] is the run of seed i, once it has finished. */
  runs: readonly (CompactRun | undefined)[];
}

export interface OutcomeSummary {
  outcome: keyof Outcomes;
  interval: Interval;
  /** Against the reference (the first scenario); absent for the reference itself or below 2 runs. */
  contrast?: Contrast;
  verdict?: string;
}

export interface ArmSummary {
  label: string;
  name: string;
  n: number;
  outcomes: OutcomeSummary[];
}

/** Each scenario's outcomes (mean and 95% CI) and, from the second on, the difference to the first. */
export function summarize(arms: readonly ArmResults[]): ArmSummary[] {
  const reference = arms[0];
  const refRuns = reference ? finished(reference.runs) : [];
  return arms.map((arm, a) => {
    const runs = finished(arm.runs);
    return {
      label: arm.label,
      name: arm.name,
      n: runs.length,
      outcomes: OUTCOMES.map((key): OutcomeSummary => {
        const values = runs.map((r) => r.outcomes[key]);
        const summary: OutcomeSummary = { outcome: key, interval: ci95(values) };
        if (a > 0 && values.length >= 2 && refRuns.length >= 2) {
          summary.contrast = contrast(
            values,
            refRuns.map((r) => r.outcomes[key]),
          );
          summary.verdict = verdict(arm.label, reference!.label, OUTCOME_WORDING[key], summary.contrast);
        }
        return summary;
      }),
    };
  });
}

/** Scenario labels: A, B, ..., Z, then S27, S28... (as `orgsim compare` names them). */
export function armLabel(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `S${i + 1}`;
}
