/**
 * orgsim list: the project's scenarios in natural order (c1, c2, ..., c10), with their name and the first
 * sentence of their description. A file that other scenarios extend (claim-base) is a base to build on,
 * not a scenario to run: it is left out, and named at the end (--all lists it).
 */
import { basename, join } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { parseJson } from '../../src/scenario/load.ts';
import { parseCommand, positionals } from '../args.ts';
import { readScenario, scenarioFiles, SCENARIOS_DIR } from '../scenarios.ts';
import { displayPath } from '../files.ts';
import { INPUTS, readInput } from '../input.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print } from '../io.ts';
import { oneLine } from '../terminal.ts';

const OPTIONS = { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** The files of the folder that another file of the folder extends. */
function bases(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    try {
      const parent = parseJson(readInput(join(SCENARIOS_DIR, file), INPUTS.scenario), file).extends;
      if (typeof parent === 'string' && !/[\\/]/.test(parent)) out.add(basename(parent));
    } catch {
      /* an unreadable file is listed with its problem below */
    }
  }
  return out;
}

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
  const all = scenarioFiles();
  const extended = values.all ? new Set<string>() : bases(all);
  const hidden = all.filter((f) => extended.has(f));
  const files = all.filter((f) => !hidden.includes(f));
  if (!files.length) {
    print(`no scenarios in ${displayPath(SCENARIOS_DIR)}`);
    return 0;
  }
  const entries = files.map((file) => {
    const bare = file.replace(/\.json$/, '');
    try {
      const { scenario } = readScenario(displayPath(join(SCENARIOS_DIR, file)));
      return { bare, name: oneLine(scenario.name), about: oneLine(firstSentence(scenario.description)) };
    } catch (e) {
      // An invalid file is listed with its problem rather than hidden; `validate` gives the exit code.
      if (!(e instanceof ScenarioError)) throw e;
      return { bare, name: '(invalid)', about: oneLine(e.message) };
    }
  });
  // Name on the first line, description under it: descriptions are too long for a third column.
  const width = Math.max(...entries.map((e) => e.bare.length));
  const lines = entries.flatMap((e) => [
    `${e.bare.padEnd(width)}  ${e.name}`,
    ...(e.about ? [`${' '.repeat(width)}  ${e.about}`] : []),
  ]);
  if (hidden.length) {
    const names = hidden.map((f) => f.replace(/\.json$/, '')).join(', ');
    lines.push(
      '',
      `Not listed: ${names}, the base${hidden.length > 1 ? 's' : ''} other scenarios extend (orgsim list ` +
        `--all lists ${hidden.length > 1 ? 'them' : 'it'}).`,
    );
  }
  print(lines.join('\n'));
  return 0;
}
