/**
 * A claim's effect in the units field studies measure, beside the published spread between average and
 * champion networks; and the check that no shipped scenario takes a calibrated organization past the best of
 * them. Value (hours saved) has no field measure: where it is shown it is a model figure, given with its range
 * over the calibration's posterior and the assumptions (the audit), never as one number.
 *
 * Field units (src/metrics/statistics.ts), over the last six months of a run (the calibration's window):
 * - `monthlyContributors`: the share of employees who post, reply or react at least once in a month (SWOOP
 *   Analytics' "engagement"): about 20% on average (SWOOP 2016, 15 organizations); champions reach 30%
 *   (Syngenta) and 40% (KFC) (SWOOP 2018 benchmark);
 * - `monthlyPosts`: employees' contributions per employee per month.
 */
import type { Claim, Comparison } from './claims.ts';
import { claimMeasures } from './claims.ts';
import { Simulation } from './model/simulation.ts';
import type { RunOutput } from './run.ts';
import type { Scenario } from './scenario/schema.ts';
import { statistic } from './metrics/statistics.ts';
import { ci95, mean } from './stats/index.ts';

/** The window of the field measures: the last six months (125 working days), as the calibration's targets. */
export const FIELD_WINDOW = { from: -125, to: 0 } as const;
export const FIELD_STATISTICS = ['monthlyContributors', 'monthlyPosts'] as const;

/** The published spread of monthly contributors, from average networks to the best. */
export const FIELD_BENCHMARK = {
  average: 0.2,
  champions: [
    { name: 'Syngenta', share: 0.3 },
    { name: 'KFC', share: 0.4 },
  ],
  /** The best published network: no governance should take a calibrated organization past it. */
  best: 0.4,
  words:
    'published: about 20% of employees contribute in a month in an average network (SWOOP Analytics 2016), ' +
    '30% (Syngenta) to 40% (KFC) in the champions (SWOOP 2018)',
} as const;

/**
 * One run of a claim's arm: the claim's measures (one per comparison), then monthly contributors and posts per
 * employee per month. Computed where the run happens (it needs the run's activity trace), so that a worker
 * sends back a few numbers.
 */
export function claimRun(claim: Claim, scenario: Scenario, seed: number): Float64Array {
  const sim = new Simulation(scenario, seed, { trace: true });
  sim.run();
  const run: RunOutput = { seed, ticks: sim.ticks, series: sim.series, interventions: sim.interventions, derived: {} };
  const view = { ticks: sim.ticks, series: sim.series, world: sim.world, trace: sim.trace };
  return Float64Array.from([
    ...claimMeasures(claim, run),
    ...FIELD_STATISTICS.map((name) => statistic(view, name, FIELD_WINDOW.from, FIELD_WINDOW.to)),
  ]);
}

/** The arms a claim's field effect compares: those of its first comparison, the one it favours second. */
export function favouredArms(claim: Claim): { other: string; favoured: string } {
  const c = claim.comparisons[0]!;
  if (c.kind === 'higher') return { other: c.lower, favoured: c.higher };
  if (c.kind === 'paired') return { other: c.arms[0], favoured: c.arms[1] };
  return { other: c.reference, favoured: c.other };
}

export interface FieldLevel {
  /** Mean over the runs. */
  contributors: number;
  posts: number;
}

export interface FieldEffect {
  other: string;
  favoured: string;
  arms: Record<string, FieldLevel>;
  /** Favoured minus other, paired on the common seeds, with its 95% interval: a share (x100: points). */
  contributors: { difference: number; lo: number; hi: number };
  /** Favoured minus other, posts per employee per month. */
  posts: { difference: number; lo: number; hi: number };
  /** Arms whose monthly contributors exceed the best published network. */
  aboveBest: string[];
}

/** The field measures of a run's values (claimRun's): where they start. */
export const fieldOffset = (claim: Claim) => claim.comparisons.length;

/** measures[arm][i]: claimRun's values of seed i. */
export function fieldEffect(claim: Claim, measures: Record<string, readonly (readonly number[])[]>): FieldEffect {
  const { other, favoured } = favouredArms(claim);
  const k = fieldOffset(claim);
  const col = (arm: string, j: number) => (measures[arm] ?? []).map((m) => m[k + j]!);
  const arms = Object.fromEntries(
    claim.arms.map((a) => [a, { contributors: mean(col(a, 0)), posts: mean(col(a, 1)) }]),
  );
  const diff = (j: number) => {
    const f = col(favoured, j);
    const o = col(other, j);
    const ci = ci95(f.map((x, i) => x - o[i]!));
    return { difference: ci.mean, lo: ci.lo, hi: ci.hi };
  };
  return {
    other,
    favoured,
    arms,
    contributors: diff(0),
    posts: diff(1),
    aboveBest: claim.arms.filter((a) => arms[a]!.contributors > FIELD_BENCHMARK.best),
  };
}

/** The difference in monthly contributors (favoured minus other) of one organization's runs: its field effect. */
export function pointFieldEffect(
  claim: Claim,
  measures: Record<string, readonly (readonly number[])[]>,
): { contributors: number; posts: number } {
  const { other, favoured } = favouredArms(claim);
  const k = fieldOffset(claim);
  const m = (arm: string, j: number) => mean((measures[arm] ?? []).map((r) => r[k + j]!));
  return { contributors: m(favoured, 0) - m(other, 0), posts: m(favoured, 1) - m(other, 1) };
}

/** A comparison that measures value (hours saved): a model figure, with no field measure. */
export function measuresValue(c: Pick<Comparison, 'label'>): boolean {
  return /\bvalue\b/i.test(c.label);
}

/** One shipped scenario at one size: its mean monthly contributors over runs, against the best network. */
export interface CeilingRow {
  scenario: string;
  employees: number;
  runs: number;
  contributors: number;
  lo: number;
  hi: number;
  posts: number;
  /** The mean is above the best published network. */
  above: boolean;
}

/** Monthly contributors and posts of one run, over the field window. */
export function fieldLevels(scenario: Scenario, seed: number): FieldLevel {
  const sim = new Simulation(scenario, seed, { trace: true });
  sim.run();
  const view = { ticks: sim.ticks, series: sim.series, world: sim.world, trace: sim.trace };
  const [contributors, posts] = FIELD_STATISTICS.map((name) =>
    statistic(view, name, FIELD_WINDOW.from, FIELD_WINDOW.to),
  );
  return { contributors: contributors!, posts: posts! };
}

/** A scenario's row of the ceiling check from its runs' field levels. */
export function ceilingRow(scenario: string, employees: number, levels: readonly FieldLevel[]): CeilingRow {
  const ci = ci95(levels.map((l) => l.contributors));
  return {
    scenario,
    employees,
    runs: levels.length,
    contributors: ci.mean,
    lo: ci.lo,
    hi: ci.hi,
    posts: mean(levels.map((l) => l.posts)),
    above: ci.mean > FIELD_BENCHMARK.best,
  };
}

/** The rows that take an organization past the best published network. */
export function pastTheBest(rows: readonly CeilingRow[]): CeilingRow[] {
  return rows.filter((r) => r.above);
}
