/**
 * orgsim import EXPORT --out DIR [--format viva-engage|slack]: a network's own figures, an organization of its
 * shape and a calibration target file, from a Viva Engage or Slack export, read as a stream. Nothing leaves
 * the machine; no name, e-mail address, message text or id is kept or written. Everything is computed before
 * anything is written, then each file is written whole (a temporary file renamed), so that a bad export or a
 * Ctrl-C leaves nothing half-written.
 */
import { resolve } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { validate } from '../../src/scenario/load.ts';
import { checkTargetFile } from '../../src/calibrate/targets.ts';
import { Network } from '../../src/import/network.ts';
import { computeStatistics, type Format, type Statistics } from '../../src/import/statistics.ts';
import { buildScenario } from '../../src/import/scenario.ts';
import { buildTargets, observedCsv } from '../../src/import/targets.ts';
import { checkNotSystem, displayPath, makeFolder, realTarget, statOrUndefined, writeAtomic } from '../files.ts';
import { parseCommand, positionals, usageError, wholeNumber } from '../args.ts';
import { print } from '../io.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { openExport, type ExportSource } from './source.ts';
import { findVivaFiles, readViva } from './viva.ts';
import { readSlack, slackRoot } from './slack.ts';
import { ReadReport } from './report.ts';
import { summary } from './summary.ts';

const OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  replicates: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const OUTPUT_FILES = ['statistics.json', 'scenario.json', 'targets.json', 'observed.csv'] as const;

const FORMATS: readonly Format[] = ['viva-engage', 'slack'];

function recognize(source: ExportSource): Format {
  const viva = findVivaFiles(source, new ReadReport()) !== undefined;
  const slack = slackRoot(source) !== undefined;
  if (viva && !slack) return 'viva-engage';
  if (slack && !viva) return 'slack';
  if (source.files.length === 0) throw new ScenarioError(`${source.shown}: the export is empty (no file in it)`);
  if (viva && slack)
    throw new ScenarioError(
      `${source.shown}: holds both a Viva Engage export (Messages.csv) and a Slack one (users.json); name ` +
        `one with --format viva-engage or --format slack`,
    );
  throw new ScenarioError(
    `${source.shown}: not a Viva Engage or Slack export: no Messages.csv or Users.csv (Viva Engage) and no ` +
      `users.json (Slack) among its ${source.files.length} files`,
  );
}

export interface ImportResult {
  statistics: Statistics;
  scenario: Record<string, unknown>;
  targets: Record<string, unknown>;
  observed: string;
  report: ReadReport;
  format: Format;
  source: string;
}

/** Read and compute, without writing: every check of the export happens here. */
export async function importExport(
  path: string,
  options: { format?: Format; replicates?: number; seed?: number } = {},
): Promise<ImportResult> {
  const source = await openExport(path);
  try {
    const report = new ReadReport();
    const format = options.format ?? recognize(source);
    const net = new Network();
    if (format === 'viva-engage') await readViva(source, net, report);
    else await readSlack(source, net, report);
    if (report.messages === 0) throw new ScenarioError(`${source.shown}: no message in the export; nothing to measure`);
    if (report.contributions === 0)
      throw new ScenarioError(
        `${source.shown}: ${report.messages} messages, none a contribution of a person in a group (all ` +
          `skipped: ${[...report.skipped.keys()].join(', ')})`,
      );
    const frozen = net.freeze();
    let statistics: Statistics;
    try {
      statistics = computeStatistics(frozen, format, options);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw new ScenarioError(
        `${source.shown}: its messages cover no full calendar month; the figures are over full months (an ` +
          `export of at least one month from its first day to its last)`,
      );
    }
    const scenario = buildScenario(statistics);
    validate(scenario, 'scenario.json'); // what the command writes, the schema accepts
    const targets = buildTargets(statistics);
    checkTargetFile(JSON.parse(JSON.stringify(targets)), 'targets.json');
    return { statistics, scenario, targets, observed: observedCsv(statistics), report, format, source: source.shown };
  } finally {
    source.close();
  }
}

/** The output folder, checked before the export is read (made only once everything is computed). */
function checkOut(dir: string, exportPath: string): void {
  checkNotSystem(dir, '--out');
  const st = statOrUndefined(dir);
  if (st && !st.isDirectory())
    throw new ScenarioError(`--out ${dir}: a file is in the way; expected a folder (made if needed)`);
  const real = realTarget(dir);
  const input = realTarget(exportPath);
  if (real === input || real.startsWith(`${input}/`))
    throw new ScenarioError(`--out ${dir} is inside the export ${displayPath(exportPath)}; choose a folder outside it`);
}

export function writeResult(dir: string, r: ImportResult): string[] {
  makeFolder(dir);
  const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
  const contents: Record<(typeof OUTPUT_FILES)[number], string> = {
    'statistics.json': json(r.statistics),
    'scenario.json': json(r.scenario),
    'targets.json': json(r.targets),
    'observed.csv': r.observed,
  };
  return OUTPUT_FILES.map((name) => {
    const path = resolve(dir, name);
    writeAtomic(path, [contents[name]]);
    return displayPath(path);
  });
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('import', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.import!);
    return 0;
  }
  const [exportPath] = positionals(
    'import',
    given,
    'the export: its folder or its .zip (orgsim import EXPORT --out DIR)',
    1,
  );
  if (values.out === undefined)
    throw usageError(
      'import',
      'missing --out DIR: the folder to write statistics.json, scenario.json, targets.json and observed.csv into',
    );
  if (values.format !== undefined && !FORMATS.includes(values.format as Format)) {
    throw usageError(
      'import',
      `--format ${JSON.stringify(values.format.slice(0, 40))} is not allowed; expected viva-engage or slack`,
    );
  }
  const replicates = wholeNumber('import', 'replicates', values.replicates, 10, 10_000);
  const seed = wholeNumber('import', 'seed', values.seed, 0, 2 ** 31 - 1);
  checkOut(values.out, exportPath!);
  const result = await importExport(exportPath!, { format: values.format as Format | undefined, replicates, seed });
  const written = writeResult(values.out, result);
  print(summary(result, written, values.out));
  return 0;
}
