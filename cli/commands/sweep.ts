/**
 * orgsim sweep <scenario> --param path=lo:hi[:steps] ... --out DIR: a full factorial grid or a Latin
 * hypercube over numeric parameters, N replications per point on common seeds; resumable, shardable.
 */
import { SWEEP_METHODS, type Method } from '../../src/research/design.ts';
import { checkOnly, parseCommand, positionals, wholeNumber } from '../args.ts';
import { checkFolder } from '../sweep-folder.ts';
import { choose } from '../choice.ts';
import { EXPERIMENT_OPTIONS, prepareExperiment } from '../experiment-setup.ts';
import { runExperiment } from '../experiment-run.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print } from '../io.ts';

const OPTIONS = { ...EXPERIMENT_OPTIONS, design: { type: 'string' } } as const;

export async function sweep(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('sweep', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.sweep!);
    return 0;
  }
  const [file] = positionals(
    'sweep',
    given,
    'the scenario to sweep (orgsim sweep <scenario> --param path=lo:hi --out DIR)',
    1,
  );
  const method: Method = choose('sweep', 'design', values.design, SWEEP_METHODS, 'grid');
  const samples = wholeNumber('sweep', 'samples', values.samples, 1, 1_000_000);
  const setup = prepareExperiment('sweep', file!, values, { method, samples, bootstrap: null });
  if (checkOnly()) {
    checkFolder(setup.out, setup.manifest, 'repeat the original command to resume it');
    return 0;
  }
  return (await runExperiment(setup)).code;
}
