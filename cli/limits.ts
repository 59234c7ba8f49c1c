/**
 * Sizes refused up front, with the numbers: better a clear message now than an out-of-memory crash, or a
 * full disk, an hour into a run.
 */
import { estimateMemory } from '../src/model/world.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { SERIES } from '../src/metrics/series.ts';

const MB = 2 ** 20;
const GB = 2 ** 30;
export const DEFAULT_MAX_MEMORY_MB = 8 * 1024;
/** CSV files larger than this are slow to write and impractical to read back: JSON is the better tool. */
export const MAX_CSV_BYTES = 2 * GB;

export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  if (bytes < GB) return `${Math.round(bytes / MB)} MB`;
  return `${(bytes / GB).toFixed(1).replace(/\.0$/, '')} GB`;
}

/** The memory budget in bytes: ORGSIM_MAX_MEMORY_MB, or 8 GB. */
export function memoryBudget(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.ORGSIM_MAX_MEMORY_MB;
  if (text === undefined || text === '') return DEFAULT_MAX_MEMORY_MB * MB;
  const mb = Number(text);
  if (!(mb > 0) || !Number.isFinite(mb))
    throw new ScenarioError(`ORGSIM_MAX_MEMORY_MB = ${show(text)}: expected a positive number of megabytes`);
  return mb * MB;
}

/** The parameter that makes a run big, for the message. */
function sizeDriver(s: Scenario): string {
  const seriesBytes = s.ticks * SERIES.length * 8;
  if (seriesBytes > estimateMemory(s, SERIES.length) / 2) return `ticks = ${s.ticks}`;
  return s.external.customers > s.organization.employees
    ? `external.customers = ${s.external.customers}`
    : `organization.employees = ${s.organization.employees}`;
}

/**
 * Refuse a run whose peak memory would exceed the budget: `concurrent` worlds alive at once, plus the
 * series of every finished run, which are all kept until the results are written.
 */
export function checkMemory(s: Scenario, source: string, runs: number, workers: number, budget: number): void {
  const concurrent = Math.max(1, Math.min(runs, workers));
  const perRun = estimateMemory(s, SERIES.length);
  const limit = `the limit is ${formatBytes(budget)} (set ORGSIM_MAX_MEMORY_MB to change it)`;
  if (perRun * concurrent > budget) {
    const fewer =
      concurrent > 1 && perRun <= budget ? `, or use --workers ${Math.max(1, Math.floor(budget / perRun))}` : '';
    throw new ScenarioError(
      `${source}: ${sizeDriver(s)} needs about ${formatBytes(perRun * concurrent)} of memory ` +
        `${concurrent > 1 ? `for ${concurrent} runs at once` : 'for one run'}; ${limit}${fewer}`,
    );
  }
  const kept = (runs - concurrent) * s.ticks * SERIES.length * 8;
  if (perRun * concurrent + kept > budget) {
    throw new ScenarioError(
      `${source}: keeping the series of ${runs} runs of ${s.ticks} ticks needs about ` +
        `${formatBytes(perRun * concurrent + kept)} of memory; ${limit}; use fewer --runs or --ticks`,
    );
  }
}

/** Refuse a CSV that would be too large to be useful (one row per run x tick x series). */
export function checkCsvSize(runs: number, ticks: number, seriesNames: readonly string[], seed: number): void {
  const nameChars = seriesNames.reduce((sum, n) => sum + n.length, 0) / Math.max(1, seriesNames.length);
  const digits = (n: number) => String(Math.max(0, n)).length;
  // run, seed, tick, series, value (about 18 characters), 4 commas and a newline.
  const rowBytes = digits(runs - 1) + Math.max(digits(seed), 10) + digits(ticks - 1) + nameChars + 18 + 5;
  const rows = runs * ticks * seriesNames.length;
  const bytes = rows * rowBytes;
  if (bytes > MAX_CSV_BYTES) {
    throw new ScenarioError(
      `the CSV would have ${rows.toLocaleString('en-US')} rows (${runs} runs x ${ticks} ticks x ` +
        `${seriesNames.length} series, about ${formatBytes(bytes)}); ` +
        `the limit is ${formatBytes(MAX_CSV_BYTES)}: write JSON instead (--out file.json), or use fewer ` +
        `--runs or --ticks`,
    );
  }
}
