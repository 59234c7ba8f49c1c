/**
 * What a story step says once its runs are in (the claim's verdict, or each scenario against the first) and its
 * chart, for the story mode (viz/story.ts). Text goes to the page as text, never markup.
 */
import type { StoryStep } from '../src/story.ts';
import { claimPlan, claimStepResult } from '../src/story.ts';
import { metricById, measureOf } from '../src/compare/metrics.ts';
import { band, contrast, finished, reduceWindow, type Band, type Contrast } from '../src/compare/summary.ts';
import { contrastSentence, effectLabel } from '../src/compare/words.ts';
import { type BandChart, DASHES, type Highlight } from './charts/band-chart.ts';
import { LINE_COLOURS } from './palette.ts';
import type { StepRun } from './story-run.ts';

/** What a step says once its runs are in: a headline and the comparisons behind it. */
export interface Said {
  headline: string;
  lines: string[];
  /** The closing page's words for it. */
  short: string;
  /** The bracket on the chart: the arms it spans (indices in the step's order) and its label. */
  bracket?: { arms: [number, number]; label: string };
}

/**
 * What a finished step says: the claim's own verdict, or for a step without a claim each scenario against the first.
 */
export function verdictOf(run: StepRun): Said | undefined {
  const step = run.step;
  const plan = claimPlan(step);
  if (plan) {
    const r = claimStepResult(
      step,
      plan.claim,
      run.measures.map((arm) => arm.map((m) => m!)),
    );
    return { headline: r.headline, lines: r.lines, short: r.words, bracket: r.bracket };
  }
  const values = run.arms.map((_, i) => stepValues(run, i));
  const m = step.measure;
  const format = metricById(m.metric).format;
  const noun = {
    noun: m.noun,
    format,
    unit: format === 'share' ? undefined : metricById(m.metric).unit.replace(/ \(cumulative\)$/, ''),
  };
  const contrasts: Contrast[] = values.slice(1).map((xs) => contrast(xs, values[0]!));
  const lines = contrasts.map((c, k) => contrastSentence(step.arms[k + 1]!.label, step.arms[0]!.label, noun, c));
  const c = contrasts[0]!;
  return {
    headline: lines[0]!,
    lines: lines.slice(1),
    short: lines[0]!,
    bracket: { arms: [0, 1], label: c.clear ? effectLabel(c.other, c.reference, format) : 'no clear difference' },
  };
}

/** The step's measure of each finished run of arm i (the chart's measure over the step's window). */
export function stepValues(run: StepRun, i: number): number[] {
  const m = run.step.measure;
  return finished(run.results[i]!).map((r) => reduceWindow(measureOf(r, 0), m.from, m.to ?? r.ticks, m.reduce));
}

/** The step's chart: a band per scenario, the measured window highlighted, and the bracket of its result. */
export function drawStepChart(
  chart: BandChart,
  step: StoryStep,
  run: StepRun | undefined,
  said: Said | undefined,
): void {
  const m = step.measure;
  const metric = metricById(m.metric);
  const horizon = run?.arms[0]?.ticks ?? 500;
  const to = Math.min(m.to ?? horizon, horizon);
  const from = Math.max(0, Math.min(m.from, to - 1));
  // A window that ends early gets the chart to itself: the x axis ends with it, so that its bracket and label
  // sit right of the lines.
  const end = to * 1.5 < horizon ? to : horizon;
  const bands: Band[] = step.arms.map((_, i) => {
    const b = run ? band(finished(run.results[i]!), 0) : undefined;
    return b
      ? end < horizon
        ? truncate(b, end)
        : b
      : {
          n: 0,
          mean: new Float64Array(0),
          lo90: new Float64Array(0),
          hi90: new Float64Array(0),
          lo95: new Float64Array(0),
          hi95: new Float64Array(0),
        };
  });
  const series = step.arms.map((a, i) => ({
    label: a.label,
    colour: LINE_COLOURS[i]!,
    dash: DASHES[i] ?? '',
    band: bands[i]!,
  }));
  const values = run
    ? run.arms.map((_, i) => {
        const xs = stepValues(run, i);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
      })
    : [];
  const b = said?.bracket;
  const pair = b ? b.arms.map((i) => values[i]) : [];
  const highlight: Highlight =
    m.reduce === 'last'
      ? {
          from: to - 1,
          to,
          marker: true,
          text: from > 0 ? `days ${from} to ${to}, measured on day ${to}` : `measured on day ${to}`,
        }
      : {
          from,
          to,
          text: `averaged over days ${from} to ${to}`,
          levels: values.flatMap((v, i) => (v === undefined ? [] : [{ value: v, colour: series[i]!.colour }])),
        };
  if (b && pair.every((v) => v !== undefined))
    highlight.bracket = { at: to - 1, values: pair as number[], label: b.label };
  chart.update(series, end, metric.unit, metric.format, highlight);
  const n = run ? Math.min(...run.results.map((r) => finished(r).length)) : 0;
  chart.frame.setCaption(
    n
      ? `${cap(metric.label)}. Lines: the mean over ${n} run${n > 1 ? 's' : ''} of each scenario; bands: 90% ` +
          `and 95% confidence intervals of the ` +
          `mean.${b ? ' The bracket: the first comparison of the result.' : ''}`
      : 'The lines appear as the runs come in.',
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The first `ticks` days of a band (views, no copy). */
function truncate(b: Band, ticks: number): Band {
  return {
    n: b.n,
    mean: b.mean.subarray(0, ticks),
    lo90: b.lo90.subarray(0, ticks),
    hi90: b.hi90.subarray(0, ticks),
    lo95: b.lo95.subarray(0, ticks),
    hi95: b.hi95.subarray(0, ticks),
  };
}
