/** The command line: the only place that touches files, arguments and exit codes. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/load.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { runScenario } from '../run.ts';
import { outcomes } from '../metrics/outcomes.ts';

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, file] = argv;
    if (command !== 'run' || !file) throw new ScenarioError('usage: orgsim run <scenario.json> [--summary]');
    const scenario = loadScenario(readFileSync(file, 'utf8'), { source: file });
    const out = runScenario(scenario);
    const o = outcomes(out.series, out.ticks);
    process.stdout.write(`${scenario.name}: mid-term activity ${(o.midActivity * 100).toFixed(1)}%, long-term value ${o.longValue.toFixed(0)} h, value per cost ${o.valuePerCost.toFixed(2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`orgsim: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
