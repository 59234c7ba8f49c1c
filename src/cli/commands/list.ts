/** orgsim list: the project's scenarios, by file name, with their name and the first sentence of their description. */
import { join } from 'node:path';
import { ScenarioError } from '../../scenario/errors.ts';
import { parseCommand, positionals } from '../args.ts';
import { readScenario, scenarioFiles, SCENARIOS_DIR } from '../scenarios.ts';
import { displayPath } from '../files.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print } from '../io.ts';

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return (m ? m[0] : text.trim()).replace(/\s+/g, ' ');
}

export async function list(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('list', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.list!);
    return 0;
  }
  positionals('list', given, '', 0);
  const files = scenarioFiles();
  if (!files.length) {
    print(`no scenarios in ${displayPath(SCENARIOS_DIR)}`);
    return 0;
  }
  const entries = files.map((file) => {
    const bare = file.replace(/\.json$/, '');
    try {
      const { scenario } = readScenario(displayPath(join(SCENARIOS_DIR, file)));
      return { bare, name: scenario.name, about: firstSentence(scenario.description) };
    } catch (e) {
      // An invalid file is listed with its problem rather than hidden; `validate` gives the exit code.
      if (!(e instanceof ScenarioError)) throw e;
      return { bare, name: '(invalid)', about: e.message };
    }
  });
  // Name on the first line, description under it: descriptions are too long for a third column.
  const width = Math.max(...entries.map((e) => e.bare.length));
  const lines = entries.flatMap((e) => [`${e.bare.padEnd(width)}  ${e.name}`, ...(e.about ? [`${' '.repeat(width)}  ${e.about}`] : [])]);
  print(lines.join('\n'));
  return 0;
}
