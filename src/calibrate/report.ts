/**
 * From a finished calibration's files to what its report draws: each target's band against the simulated
 * mean and its 95% CI at the fitted values; each parameter's posterior as a weighted histogram over its prior
 * range; the discrepancies kept and epsilon per generation. Pure: strings and parsed JSON in, numbers out.
 */
import { csvRecords } from '../csv.ts';
import type { Population } from './generation.ts';
import type { FitParameter } from './plan.ts';
import type { FittedParameter } from './summary.ts';

export interface TargetFit {
  label: string;
  kind: 'statistic' | 'series';
  statistic: string;
  source: string;
  weight: number;
  /** One row for a statistic, one per period for a series. */
  rows: {
    period: string;
    from: number;
    to: number;
    value: number;
    band: [number, number];
    mean: number | null;
    lo: number | null;
    hi: number | null;
    sd: number | null;
    inside: boolean;
  }[];
}

export interface Marginal {
  path: string;
  prior: [number, number];
  /** Bins over the prior range: [x0, x1) and the share of the posterior weight in it. */
  bins: { x0: number; x1: number; weight: number }[];
  /** The share of the uniform prior in each bin (equal bins; whole numbers: one value each, equally likely). */
  priorShare: number[];
  value: number;
  median: number;
  lo95: number;
  hi95: number;
}

export interface GenerationSummary {
  generation: number;
  epsilon: number | null;
  ess: number;
  particles: number;
  discrepancies: number[];
}

export interface CalibrationReport {
  kind: 'calibration';
  title: string;
  subtitle: string;
  parameters: FittedParameter[];
  targets: TargetFit[];
  marginals: Marginal[];
  generations: GenerationSummary[];
  /** At the point estimate, over the fresh replications. */
  discrepancy: number | null;
}

/** Subset of calibration.json and fitted.json the report reads. */
export interface CalibrationFiles {
  manifest: {
    orgsim: string;
    git: string | null;
    seed: number;
    target: { name: string; runs: number; method: { particles: number; generations: number; keep: number } };
    scenario: { file: string; name: string; sha256: string };
    parameters: FitParameter[];
  };
  fitted: { parameters: FittedParameter[]; discrepancy: number | null };
  populations: Population[];
  targetsCsv: string;
}

const MAX_BINS = 20;

const numOrNull = (text: string | undefined): number | null => {
  const x = Number(text);
  return text === undefined || text === '' || !Number.isFinite(x) ? null : x;
};

function marginal(p: FitParameter, d: number, population: Population, fitted: FittedParameter): Marginal {
  // Whole numbers: one bin per value when there are few; else equal bins over the range.
  const values = p.hi - p.lo + 1;
  const edges: number[] =
    p.integer && values <= MAX_BINS
      ? Array.from({ length: values + 1 }, (_, k) => p.lo - 0.5 + k)
      : Array.from({ length: MAX_BINS + 1 }, (_, k) => p.lo + ((p.hi - p.lo) * k) / MAX_BINS);
  const bins = edges.slice(0, -1).map((x0, k) => ({ x0, x1: edges[k + 1]!, weight: 0 }));
  let total = 0;
  for (const q of population.particles) {
    const x = q.values[d]!;
    let k = bins.findIndex((b) => x < b.x1);
    if (k < 0) k = bins.length - 1; // the top of the range
    bins[k]!.weight += q.weight;
    total += q.weight;
  }
  for (const b of bins) b.weight /= total || 1;
  return {
    path: p.path,
    prior: [p.lo, p.hi],
    bins,
    priorShare: bins.map(() => 1 / bins.length),
    value: fitted.value,
    median: fitted.median,
    lo95: fitted.lo95,
    hi95: fitted.hi95,
  };
}

function targetFits(text: string): TargetFit[] {
  const out: TargetFit[] = [];
  for (const r of csvRecords(text)) {
    const index = Number(r.target);
    let t = out[index];
    if (!t) {
      t = out[index] = {
        label: r.label ?? '',
        kind: r.kind === 'series' ? 'series' : 'statistic',
        statistic: r.statistic ?? '',
        source: r.source ?? '',
        weight: Number(r.weight),
        rows: [],
      };
    }
    t.rows.push({
      period: r.period ?? '',
      from: Number(r.from),
      to: Number(r.to),
      value: Number(r.value),
      band: [Number(r.band_lo), Number(r.band_hi)],
      mean: numOrNull(r.mean),
      lo: numOrNull(r.ci_lo),
      hi: numOrNull(r.ci_hi),
      sd: numOrNull(r.sd),
      inside: r.inside === 'true',
    });
  }
  return out.filter(Boolean);
}

export function calibrationReport(f: CalibrationFiles): CalibrationReport {
  const m = f.manifest;
  const last = f.populations[f.populations.length - 1]!;
  const method = m.target.method;
  const code = `orgsim ${m.orgsim}${m.git ? `, git ${m.git.slice(0, 10)}` : ''}`;
  return {
    kind: 'calibration',
    title: `Calibration: ${m.target.name}`,
    subtitle:
      `ABC-SMC: ${method.generations} generation${method.generations > 1 ? 's' : ''} of ${method.particles} ` +
      `particles (keeping ${method.keep * 100}% of ${Math.ceil(method.particles / method.keep - 1e-9)} ` +
      `proposals), ${m.target.runs} run${m.target.runs > 1 ? 's' : ''} per proposal on common seeds, master ` +
      `seed ${m.seed}; scenario ${m.scenario.file} (sha256 ${m.scenario.sha256.slice(0, 12)}); ${code}`,
    parameters: f.fitted.parameters,
    targets: targetFits(f.targetsCsv),
    marginals: m.parameters.map((p, d) => marginal(p, d, last, f.fitted.parameters[d]!)),
    generations: f.populations.map((p) => ({
      generation: p.generation,
      epsilon: p.epsilon,
      ess: p.ess,
      particles: p.particles.length,
      discrepancies: p.particles.map((q) => q.discrepancy).filter((x): x is number => x !== null),
    })),
    discrepancy: f.fitted.discrepancy,
  };
}
