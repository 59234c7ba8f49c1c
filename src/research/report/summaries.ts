/**
 * What the report draws, computed once from the tidy rows (pure, testable): per outcome and parameter the
 * runs and the mean per level with its 95% CI; per outcome and pair of parameters a table of means; the
 * sensitivity indices. The page only draws these numbers.
 */
import { ci95 } from '../../stats/index.ts';

export interface Level {
  /** The level (grid, Morris, whole numbers) or the mean of a bin (sampled designs). */
  x: number;
  mean: number;
  lo: number | null;
  hi: number | null;
  n: number;
}

export interface Scatter {
  outcome: string;
  parameter: string;
  /** [parameter value, outcome] per run, thinned to at most MAX_SCATTER_POINTS. */
  runs: [number, number][];
  levels: Level[];
}

export interface Heatmap {
  outcome: string;
  x: string;
  y: string;
  /** Cell edges' labels: levels, or bin centres. */
  xs: number[];
  ys: number[];
  cells: { i: number; j: number; mean: number; n: number }[];
}

export interface IndexEntry {
  method: string;
  outcome: string;
  parameter: string;
  index: string;
  estimate: number | null;
  lo: number | null;
  hi: number | null;
}

export interface ReportData {
  title: string;
  subtitle: string;
  parameters: { path: string; lo: number; hi: number }[];
  outcomes: { key: string; label: string }[];
  totalRuns: number;
  shownRuns: number;
  scatters: Scatter[];
  heatmaps: Heatmap[];
  indices: IndexEntry[];
}

export const MAX_SCATTER_POINTS = 4000;
/** Up to this many distinct values, a parameter is read by level; beyond, by bins. */
export const MAX_LEVELS = 12;
const SCATTER_BINS = 10;
const HEAT_BINS = 8;
/** Heatmaps for the pairs of the first few parameters only: d (d - 1) / 2 grows fast. */
const HEAT_PARAMS = 4;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A function from a value to its class (level or bin), and the label of each class. */
interface Classes {
  of: (x: number) => number;
  labels: number[];
}

function levelClasses(xs: readonly number[]): Classes | undefined {
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  if (distinct.length > MAX_LEVELS) return undefined;
  const index = new Map(distinct.map((x, i) => [x, i]));
  return { of: (x) => index.get(x)!, labels: distinct };
}

/** Equal-width bins over [lo, hi]; the label is the bin's centre. */
function binClasses(lo: number, hi: number, bins: number): Classes {
  const w = (hi - lo) / bins;
  return {
    of: (x) => Math.max(0, Math.min(bins - 1, Math.floor((x - lo) / w))),
    labels: Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * w),
  };
}

function levelsOf(xs: readonly number[], ys: readonly number[], lo: number, hi: number): Level[] {
  const classes = levelClasses(xs) ?? binClasses(lo, hi, SCATTER_BINS);
  const groups = classes.labels.map(() => ({ xs: [] as number[], ys: [] as number[] }));
  xs.forEach((x, k) => {
    const g = groups[classes.of(x)]!;
    g.xs.push(x);
    g.ys.push(ys[k]!);
  });
  const byLevel = levelClasses(xs) !== undefined;
  return groups
    .filter((g) => g.ys.length)
    .map((g) => {
      const ci = ci95(g.ys);
      const x = byLevel ? g.xs[0]! : g.xs.reduce((s, v) => s + v, 0) / g.xs.length;
      return { x, mean: ci.mean, lo: finite(ci.lo), hi: finite(ci.hi), n: ci.n };
    });
}

function heatmap(outcome: string, px: Column, py: Column, ys: readonly number[]): Heatmap {
  const cx = levelClasses(px.values) ?? binClasses(px.lo, px.hi, HEAT_BINS);
  const cy = levelClasses(py.values) ?? binClasses(py.lo, py.hi, HEAT_BINS);
  const sums = new Map<string, { i: number; j: number; sum: number; n: number }>();
  ys.forEach((y, k) => {
    if (!Number.isFinite(y)) return;
    const i = cx.of(px.values[k]!);
    const j = cy.of(py.values[k]!);
    const cell = sums.get(`${i},${j}`) ?? { i, j, sum: 0, n: 0 };
    cell.sum += y;
    cell.n++;
    sums.set(`${i},${j}`, cell);
  });
  const cells = [...sums.values()]
    .sort((a, b) => a.i - b.i || a.j - b.j)
    .map((c) => ({ i: c.i, j: c.j, mean: c.sum / c.n, n: c.n }));
  return { outcome, x: px.path, y: py.path, xs: cx.labels, ys: cy.labels, cells };
}

export interface Column {
  path: string;
  lo: number;
  hi: number;
  /** One value per run. */
  values: number[];
}

export interface ReportInput {
  title: string;
  subtitle: string;
  parameters: Column[];
  outcomes: { key: string; label: string; values: number[] }[];
  indices: IndexEntry[];
}

export function summarize(input: ReportInput): ReportData {
  const total = input.outcomes[0]?.values.length ?? 0;
  // Thin evenly (every k-th run) so that a large sweep still opens quickly; means use every run.
  const stride = Math.max(1, Math.ceil(total / MAX_SCATTER_POINTS));
  const shown = Array.from({ length: Math.ceil(total / stride) }, (_, k) => k * stride);
  const scatters: Scatter[] = [];
  const heatmaps: Heatmap[] = [];
  for (const o of input.outcomes) {
    for (const p of input.parameters) {
      const keep = p.values.map((_, k) => k).filter((k) => Number.isFinite(o.values[k]!));
      const xs = keep.map((k) => p.values[k]!);
      const ys = keep.map((k) => o.values[k]!);
      const runs = shown
        .filter((k) => Number.isFinite(o.values[k]!))
        .map((k): [number, number] => [p.values[k]!, o.values[k]!]);
      scatters.push({ outcome: o.key, parameter: p.path, runs, levels: levelsOf(xs, ys, p.lo, p.hi) });
    }
    const heat = input.parameters.slice(0, HEAT_PARAMS);
    for (let a = 0; a < heat.length; a++)
      for (let b = a + 1; b < heat.length; b++) heatmaps.push(heatmap(o.key, heat[a]!, heat[b]!, o.values));
  }
  return {
    title: input.title,
    subtitle: input.subtitle,
    parameters: input.parameters.map(({ path, lo, hi }) => ({ path, lo, hi })),
    outcomes: input.outcomes.map(({ key, label }) => ({ key, label })),
    totalRuns: total,
    shownRuns: shown.length,
    scatters,
    heatmaps,
    indices: input.indices,
  };
}
