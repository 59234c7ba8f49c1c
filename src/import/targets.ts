/**
 * A calibration target file from the network's figures (orgsim calibrate runs it as it is): the figures the
 * model measures the same way (src/metrics/statistics.ts: monthlyContributors, contributorShare, monthlyPosts)
 * over the horizon's full months, each with a band from its bootstrap interval, and the monthly series of
 * contributors (observed.csv). Bands are widened to at least +-20% of the value: the interval says how sure
 * the figure is for this network; the model's organization has the network's shape, not its people, and a
 * band as narrow as the interval of 100,000 accounts would be out of reach of any run.
 */
import { WORKING_DAYS_PER_MONTH } from './calendar.ts';
import { horizonMonths } from './scenario.ts';
import type { Figure, Statistics } from './statistics.ts';

/** The figures fitted, and the statistic of the model each is. */
const FITTED: { figure: string; statistic: string; name: string; lo: number; hi: number; weight: number }[] = [
  {
    figure: 'monthlyContributors',
    statistic: 'monthlyContributors',
    name: 'accounts who contribute in a month',
    lo: 0,
    hi: 1,
    weight: 1,
  },
  {
    figure: 'contributorShare',
    statistic: 'contributorShare',
    name: 'accounts who contribute at least once',
    lo: 0,
    hi: 1,
    weight: 1,
  },
  {
    figure: 'monthlyPosts',
    statistic: 'monthlyPosts',
    name: 'contributions per account per month',
    lo: 0,
    hi: Infinity,
    weight: 0.5,
  },
];

/**
 * The behaviour fitted: the parameters of participation, in boxes a little wider than scenarios/calibration/mid.json's
 * (a network is not the published average).
 */
const PARAMETERS = [
  { path: 'behaviour.baseline', lo: -4, hi: 0.5 },
  { path: 'behaviour.contributionBase', lo: 0.005, hi: 0.2 },
  { path: 'behaviour.teamWriteBonus', lo: 0.3, hi: 3 },
  { path: 'behaviour.animatorPostsPerDay', lo: 0.05, hi: 1.5 },
  { path: 'members.writerShare', lo: 0.03, hi: 0.5 },
  { path: 'members.lurkerVoice', lo: 0.01, hi: 0.3 },
];

export const RELATIVE_BAND = 0.2;
export const OBSERVED_SERIES = 'monthlyContributors';

const round = (x: number) => Number(x.toPrecision(6));

export function band(f: Figure, lo: number, hi: number): [number, number] {
  const half = Math.max(RELATIVE_BAND * Math.abs(f.value), 0.005);
  const a = Math.max(lo, Math.min(f.interval[0], f.value - half));
  const b = Math.min(hi, Math.max(f.interval[1], f.value + half));
  return [round(a), round(b > a ? b : a + 0.01)];
}

export function buildTargets(
  stats: Statistics,
  scenarioFile = 'scenario.json',
  observedFile = 'observed.csv',
): Record<string, unknown> {
  const months = horizonMonths(stats);
  const ticks = months * WORKING_DAYS_PER_MONTH;
  // A Viva Engage network export has no reactions: its contributors post or reply, the model's also react.
  const reactions =
    stats.figures.reactionsPerMonth?.value === null
      ? ' (posts and replies only: the export has no reactions, so the figure is a floor)'
      : '';
  const source =
    `orgsim import of a ${stats.format} export, ${stats.accounts.counted} accounts, full months ` +
    `${stats.span.first} to ${stats.span.last}${reactions}`;
  const targets: Record<string, unknown>[] = [];
  for (const t of FITTED) {
    const f = stats.figures[t.figure];
    if (!f || f.value === null) continue;
    const [lo, hi] = band(f, t.lo, t.hi);
    targets.push({
      name: t.name,
      statistic: t.statistic,
      window: { from: -ticks, to: 0 },
      value: round(Math.min(hi, Math.max(lo, f.value))),
      band: [lo, hi],
      weight: t.weight,
      source:
        `${source}: ${f.description}; 95% bootstrap interval over accounts [${round(f.interval[0])}, ` +
        `${round(f.interval[1])}], band at least +-${RELATIVE_BAND * 100}% of the value`,
    });
  }
  targets.push({
    name: 'accounts who contribute, month by month',
    series: OBSERVED_SERIES,
    csv: observedFile,
    every: WORKING_DAYS_PER_MONTH,
    from: 0,
    tolerance: 0.25,
    weight: 1,
    source: `${source}: the monthly share of accounts who post, reply or react (observed.csv)`,
  });
  return {
    name: `imported ${stats.format} network: participation`,
    description:
      `Fits the participation of the imported organization (scenario.json) to the network's own figures ` +
      `(statistics.json): ${months} months, bands from the bootstrap intervals over accounts.`,
    scenario: scenarioFile,
    runs: 1,
    seed: 2026,
    parameters: PARAMETERS,
    targets,
    // 60 simulations a generation: minutes for a few thousand employees; raise particles and generations
    // (and runs) for a closer fit once the first one has run.
    method: { particles: 24, generations: 3, keep: 0.4, point: 'best' },
  };
}

/** observed.csv: month,monthlyContributors, one line per full month (a missing month left out: a gap). */
export function observedCsv(stats: Statistics): string {
  const lines = [`month,${OBSERVED_SERIES}`];
  for (const r of stats.monthly) lines.push(`${r.month},${round(r.monthlyContributors)}`);
  return lines.join('\n') + '\n';
}
