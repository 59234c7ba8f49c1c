/** orgsim run <scenario>: replications of one scenario, to a file and/or a summary. */
import { seedList } from '../../src/rng.ts';
import { SERIES_NAMES } from '../../src/metrics/series.ts';
import { outcomes } from '../../src/metrics/outcomes.ts';
import { parseCommand, positionals, wholeNumber } from '../args.ts';
import { checkDistinctOutputs, checkOutPath, displayPath, writeAtomicAsync } from '../files.ts';
import { checkCsvSize, checkMemory, formatBytes, memoryBudget } from '../limits.ts';
import { runCsv, runJson } from '../output.ts';
import { runSummary } from '../report.ts';
import { readScenario } from '../scenarios.ts';
import { readReplay } from '../replay.ts';
import { usageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { version } from '../version.ts';
import { print, note } from '../io.ts';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { agentCsvHeader, agentCsvRows, agentsWords } from '../../src/metrics/agents.ts';
import { ENSEMBLE_OPTIONS, MAX_RUNS, ensembleProgress, overrideLabels, overrides, workerCount } from '../ensemble.ts';

const OPTIONS = {
  ...ENSEMBLE_OPTIONS,
  summary: { type: 'boolean' },
  agents: { type: 'string' },
  replay: { type: 'string' },
} as const;

/** Rows of a per-agent CSV that can still be read back comfortably. */
const MAX_AGENT_ROWS = 5_000_000;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('run', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.run!);
    return 0;
  }
  if (values.replay !== undefined) {
    // A replay is one recorded run: its scenario, seed and decisions are the file's, nothing else.
    if (given.length)
      throw usageError('run', `--replay runs the file's own scenario: unexpected argument ${JSON.stringify(given[0])}`);
    for (const o of ['runs', 'seed', 'ticks', 'set'] as const)
      if (values[o] !== undefined)
        throw usageError('run', `--${o} cannot be used with --replay: a replay reproduces one recorded run as it was`);
  }
  const [file] =
    values.replay !== undefined ? [] : positionals('run', given, 'the scenario to run (orgsim run <scenario>)', 1);
  const runs = wholeNumber('run', 'runs', values.runs, 1, MAX_RUNS) ?? 1;
  const workers = workerCount('run', values.workers);
  // Everything that can be refused is refused before the first tick.
  const format = values.out !== undefined ? checkOutPath(values.out) : undefined;
  if (values.agents !== undefined && checkOutPath(values.agents, '--agents') !== 'csv')
    throw new ScenarioError(
      `--agents ${values.agents}: the per-agent table is written as CSV (a file name ending in .csv)`,
    );
  const loaded =
    values.replay !== undefined
      ? readReplay(values.replay)
      : readScenario(file!, overrides(values), overrideLabels(values));
  const { scenario, source } = loaded;
  checkDistinctOutputs(
    [
      { option: '--out', path: values.out },
      { option: '--agents', path: values.agents },
    ],
    [{ what: values.replay !== undefined ? 'the replay file' : 'the scenario file', path: source }],
  );
  checkMemory(scenario, source, runs, workers, memoryBudget());
  if (format === 'csv') checkCsvSize(runs, scenario.ticks, SERIES_NAMES, scenario.seed);
  const agentRows = runs * (scenario.organization.employees + scenario.external.customers);
  if (values.agents !== undefined && agentRows > MAX_AGENT_ROWS) {
    throw new ScenarioError(
      `--agents: the table would have ${agentRows.toLocaleString('en-US')} rows (${runs} runs x agents); the ` +
        `limit is ${MAX_AGENT_ROWS.toLocaleString('en-US')}: use fewer --runs`,
    );
  }

  if ('note' in loaded && loaded.note) note(`orgsim: ${loaded.note}`);
  // A single run uses the scenario's seed itself, so that `run` reproduces what the scenario file says.
  const seeds = runs === 1 ? [scenario.seed] : seedList(scenario.seed, runs);
  const progress = ensembleProgress(`run ${scenario.name}`, [scenario], runs);
  let results;
  try {
    results = await progress.run(scenario, seeds, workers, values.agents !== undefined);
  } finally {
    progress.stop();
  }

  if (values.out !== undefined) {
    const bytes = await writeAtomicAsync(
      values.out,
      format === 'csv' ? runCsv(results) : runJson(version(), scenario, results),
    );
    note(
      `orgsim: wrote ${displayPath(values.out)} (${runs} run${runs > 1 ? 's' : ''} x ${scenario.ticks} ticks ` +
        `x ${SERIES_NAMES.length} series, ${formatBytes(bytes)})`,
    );
  }
  if (values.agents !== undefined) {
    const columns = results[0]!.agents!;
    const bytes = await writeAtomicAsync(values.agents, [
      agentCsvHeader(columns),
      ...results.map((r, k) => agentCsvRows(k, r.seed, r.agents!)),
    ]);
    note(
      `orgsim: wrote ${displayPath(values.agents)} (${runs} run${runs > 1 ? 's' : ''} x ` +
        `${agentsWords(columns)}, ${formatBytes(bytes)})`,
    );
  }
  if (values.out === undefined || values.summary) {
    const o = results.map((r) => outcomes(r.series, r.ticks));
    print(runSummary(scenario.name, source, scenario.ticks, scenario.organization.employees, scenario.seed, seeds, o));
  }
  return 0;
}
