/**
 * The command line: the only place that touches files, arguments and exit codes. Exit 0 on success, 2 on
 * a user mistake (one line, never a stack trace), 1 on an internal error.
 */
import { ScenarioError, shorten } from '../src/scenario/errors.ts';
import { didYouMean } from '../src/scenario/paths.ts';
import { COMMAND_USAGE, USAGE } from './usage.ts';
import { print, note } from './io.ts';
import { oneLine } from './terminal.ts';
import { version } from './version.ts';
import { run } from './commands/run.ts';
import { compare } from './commands/compare.ts';
import { validate } from './commands/validate.ts';
import { list } from './commands/list.ts';
import { sweep } from './commands/sweep.ts';
import { sensitivity } from './commands/sensitivity.ts';
import { merge } from './commands/merge.ts';
import { report } from './commands/report.ts';
import { claims } from './commands/claims.ts';
import { calibrate } from './commands/calibrate.ts';
import { serve } from './commands/serve.ts';
import { importCommand } from './import/command.ts';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  run,
  compare,
  validate,
  list,
  sweep,
  sensitivity,
  merge,
  report,
  claims,
  calibrate,
  serve,
  import: importCommand,
};

function help(topic: string | undefined): number {
  if (topic === undefined) {
    print(USAGE);
    return 0;
  }
  const text = Object.hasOwn(COMMAND_USAGE, topic) ? COMMAND_USAGE[topic] : undefined;
  if (!text) throw unknownCommand(topic);
  print(text);
  return 0;
}

function unknownCommand(name: string): ScenarioError {
  const names = [...Object.keys(COMMANDS), 'help'];
  if (name.startsWith('-'))
    return new ScenarioError(
      `expected a command (${names.join(', ')}) before any option, got ${shorten(name)} (see: orgsim --help)`,
    );
  const suggestion = didYouMean(name, names);
  return new ScenarioError(
    `unknown command ` +
      `"${shorten(name)}"${suggestion ? `; did you mean "${suggestion}"?` : ` (commands: ${names.join(', ')})`}`,
  );
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      note(USAGE);
      return 2;
    }
    if (command === 'help' || command === '--help' || command === '-h') return help(rest[0]);
    if (command === '--version' || command === '-v') {
      print(version());
      return 0;
    }
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw unknownCommand(command);
    return await handler(rest);
  } catch (e) {
    if (e instanceof ScenarioError) {
      // One line, whatever the file put in the value quoted by the message.
      note(`orgsim: ${oneLine(e.message)}`);
      return 2;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    note(`orgsim: internal error: ${oneLine(err.message)}`);
    if (process.env.ORGSIM_DEBUG) note(err.stack ?? '');
    return 1;
  }
}
