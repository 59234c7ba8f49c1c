/** orgsim validate <scenario>...: check files without running them (story files with --story). */
import { ScenarioError } from '../../src/scenario/errors.ts';
import { parseCommand, positionals, usageError } from '../args.ts';
import { readScenario, readStory } from '../scenarios.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print, note } from '../io.ts';
import { oneLine } from '../terminal.ts';

const OPTIONS = {
  set: { type: 'string', multiple: true },
  story: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function validate(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('validate', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.validate!);
    return 0;
  }
  const files = positionals('validate', given, 'the scenario file to check (orgsim validate <file>)', 1, true);
  if (values.story && values.set?.length)
    throw usageError('validate', '--set applies to scenarios, not to story files');
  let failed = 0;
  for (const file of files) {
    try {
      if (values.story) {
        const story = readStory(file);
        print(`ok: ${oneLine(story.title)} (${story.steps.length} step${story.steps.length > 1 ? 's' : ''})`);
        continue;
      }
      const { scenario } = readScenario(file, values.set ?? []);
      print(`ok: ${oneLine(scenario.name)} (${scenario.ticks} ticks, ${scenario.organization.employees} employees)`);
    } catch (e) {
      // Report every file, not just the first bad one; a single file fails as any other command would.
      if (!(e instanceof ScenarioError) || files.length === 1) throw e;
      note(`orgsim: ${oneLine(e.message)}`);
      failed++;
    }
  }
  return failed ? 2 : 0;
}
