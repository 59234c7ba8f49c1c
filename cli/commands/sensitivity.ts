/**
 * orgsim sensitivity <scenario> --param path=lo:hi ... --method morris|sobol --out DIR: a sweep over a
 * Morris or Saltelli design, then the indices of each outcome with bootstrap intervals (indices.csv and a
 * table). The model value of a point is the mean over its --runs replications, on common seeds.
 */
import { SENSITIVITY_METHODS } from '../../src/research/design.ts';
import { checkOnly, parseCommand, positionals, wholeNumber } from '../args.ts';
import { checkFolder } from '../sweep-folder.ts';
import { choose } from '../choice.ts';
import { EXPERIMENT_OPTIONS, prepareExperiment } from '../experiment-setup.ts';
import { runExperiment } from '../experiment-run.ts';
import { indicesTable } from '../indices-table.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print } from '../io.ts';

const OPTIONS = {
  ...EXPERIMENT_OPTIONS,
  method: { type: 'string' },
  levels: { type: 'string' },
  bootstrap: { type: 'string' },
} as const;

export const DEFAULT_BOOTSTRAP = 1000;

export async function sensitivity(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('sensitivity', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.sensitivity!);
    return 0;
  }
  const [file] = positionals(
    'sensitivity',
    given,
    'the scenario to analyse (orgsim sensitivity <scenario> --param path=lo:hi --method morris --out DIR)',
    1,
  );
  const method = choose('sensitivity', 'method', values.method, SENSITIVITY_METHODS);
  const samples = wholeNumber('sensitivity', 'samples', values.samples, 1, 1_000_000);
  const levels = wholeNumber('sensitivity', 'levels', values.levels, 2, 100);
  const bootstrap = wholeNumber('sensitivity', 'bootstrap', values.bootstrap, 0, 100_000) ?? DEFAULT_BOOTSTRAP;
  const setup = prepareExperiment('sensitivity', file!, values, { method, samples, levels, bootstrap });
  if (checkOnly()) {
    checkFolder(setup.out, setup.manifest, 'repeat the original command to resume it');
    return 0;
  }
  const { code, indices } = await runExperiment(setup);
  if (indices) print(indicesTable(indices, bootstrap));
  return code;
}
