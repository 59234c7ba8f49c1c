/**
 * orgsim compare <a> <b> [...]: every scenario on the same seeds (common random numbers, so that the
 * differences come from the scenarios, not from luck), then each against the first with Welch's test.
 */
import { seedList } from '../../src/rng.ts';
import { OUTCOMES, outcomes } from '../../src/metrics/outcomes.ts';
import { welch } from '../../src/stats/index.ts';
import { armLabel } from '../../src/compare/summary.ts';
import { parseCommand, positionals, usageError, wholeNumber } from '../args.ts';
import { checkDistinctOutputs, checkOutPath, displayPath, writeAtomicAsync } from '../files.ts';
import { checkMemory, formatBytes, memoryBudget } from '../limits.ts';
import { compareCsv, compareJson, type Difference, type ScenarioRuns } from '../output.ts';
import { compareReport } from '../report.ts';
import { readScenario } from '../scenarios.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { version } from '../version.ts';
import { print, note } from '../io.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { ENSEMBLE_OPTIONS, MAX_RUNS, ensembleProgress, overrideLabels, overrides, workerCount } from '../ensemble.ts';
import type { LoadedScenario } from '../scenarios.ts';

const DEFAULT_RUNS = 20;

/**
 * Outcomes are read at mid-horizon and at the horizon: scenarios of different horizons would be compared
 * at different days. Refused, as the page's compare view refuses it.
 */
export function checkSameHorizon(loaded: readonly LoadedScenario[]): void {
  const [first, ...others] = loaded;
  const horizon = first!.scenario.ticks;
  others.forEach((l, k) => {
    if (l.scenario.ticks !== horizon) {
      throw new ScenarioError(
        `scenario ${armLabel(k + 1)} (${l.source}): ticks = ${l.scenario.ticks}, but A (${first!.source}) ` +
          `runs ${horizon} ticks; ` +
          `compared scenarios need the same horizon (set "ticks": ${horizon} in ${l.source}, or run all with ` +
          `--ticks ${horizon})`,
        'ticks',
      );
    }
  });
}

export async function compare(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('compare', argv, ENSEMBLE_OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.compare!);
    return 0;
  }
  const files = positionals(
    'compare',
    given,
    'scenarios: compare needs at least two (orgsim compare <a> <b>)',
    2,
    true,
  );
  const runs = wholeNumber('compare', 'runs', values.runs, 1, MAX_RUNS) ?? DEFAULT_RUNS;
  if (runs < 2) throw usageError('compare', '--runs must be at least 2 to estimate a difference');
  const workers = workerCount('compare', values.workers);
  const format = values.out !== undefined ? checkOutPath(values.out) : undefined;
  const sets = overrides(values);
  const labels = overrideLabels(values);
  const loaded = files.map((f) => readScenario(f, sets, labels));
  checkDistinctOutputs(
    [{ option: '--out', path: values.out }],
    loaded.map((l, i) => ({ what: `scenario ${armLabel(i)}`, path: l.source })),
  );
  checkSameHorizon(loaded);
  const budget = memoryBudget();
  for (const { scenario, source } of loaded) checkMemory(scenario, source, runs, workers, budget);

  const masterSeed = loaded[0]!.scenario.seed;
  const seeds = seedList(masterSeed, runs);
  const progress = ensembleProgress(
    'compare',
    loaded.map((l) => l.scenario),
    runs,
  );
  const results: ScenarioRuns[] = [];
  try {
    for (const [i, { scenario }] of loaded.entries()) {
      // Only the outcomes are kept: one scenario's series at a time are in memory.
      const outputs = await progress.run(scenario, seeds, workers);
      results.push({
        label: armLabel(i),
        file: files[i]!,
        scenario,
        seeds,
        outcomes: outputs.map((o) => outcomes(o.series, o.ticks)),
      });
    }
  } finally {
    progress.stop();
  }

  const reference = results[0]!;
  const differences: Difference[] = results.slice(1).flatMap((r) =>
    OUTCOMES.map((key) => ({
      scenario: r.label,
      against: reference.label,
      outcome: key,
      ...welch(
        r.outcomes.map((o) => o[key]),
        reference.outcomes.map((o) => o[key]),
      ),
    })),
  );

  if (values.out !== undefined) {
    const bytes = await writeAtomicAsync(
      values.out,
      format === 'csv' ? compareCsv(results) : compareJson(version(), masterSeed, results, differences),
    );
    note(
      `orgsim: wrote ${displayPath(values.out)} (${results.length} scenarios x ${runs} runs, ${formatBytes(bytes)})`,
    );
  }
  print(compareReport(results, masterSeed, differences));
  return 0;
}
