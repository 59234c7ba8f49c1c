/**
 * Command-line arguments: node's util.parseArgs in strict mode, with its errors turned into one-line
 * user mistakes (ScenarioError, exit 2) that suggest the option that was probably meant.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ScenarioError, shorten, show } from '../src/scenario/errors.ts';
import { didYouMean } from '../src/scenario/paths.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A usage mistake, pointing at the command's help. */
export function usageError(command: string, message: string): ScenarioError {
  return new ScenarioError(`${message} (see: orgsim ${command} --help)`);
}

export function parseCommand<const O extends OptionSpec>(command: string, args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw translate(e, command, Object.keys(options));
  }
  refuseRepeats(command, options, parsed.tokens);
  const { values, positionals } = parsed;
  return { values, positionals };
}

/**
 * An option that takes one value, given twice (`--out a --out b`): parseArgs keeps the last one silently,
 * and the first (an output file, a seed) would be dropped without a word. Refused, naming both values.
 */
function refuseRepeats(
  command: string,
  options: OptionSpec,
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
): void {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || !Object.hasOwn(options, t.name)) continue;
    const spec = options[t.name]!;
    if (spec.type !== 'string' || spec.multiple) continue;
    const value = t.value ?? '';
    const first = seen.get(t.name);
    if (first !== undefined) {
      throw usageError(
        command,
        `--${t.name} is given twice (${show(first)} and ${show(value)}); it takes one value: give it once`,
      );
    }
    seen.set(t.name, value);
  }
}

function translate(e: unknown, command: string, names: string[]): unknown {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /Unknown option '([^']+)'/.exec(message)?.[1] ?? '?';
    const bare = option.replace(/^-+/, '').split('=')[0]!;
    const suggestion = didYouMean(bare, names);
    return usageError(
      command,
      `unknown option ${shorten(option)} for "${command}"${suggestion ? `; did you mean --${suggestion}?` : ''}`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--[\w-]+/.exec(message)?.[0] ?? 'option';
    if (/argument missing/.test(message)) return usageError(command, `option ${option} needs a value`);
    if (/does not take an argument/.test(message)) return usageError(command, `option ${option} takes no value`);
    if (/ambiguous/.test(message))
      return usageError(
        command,
        `the value of ${option} starts with "-"; write ${option}=<value> if that is what you mean`,
      );
    return usageError(command, shorten(message.split('\n')[0]!, 200));
  }
  if (code?.startsWith('ERR_PARSE_ARGS')) return usageError(command, shorten(message.split('\n')[0]!, 200));
  return e;
}

/**
 * A whole number option within [min, max], or undefined when absent. Decimal digits only: Number() would
 * also read "0x10" as 16, "1e3" as 1000 and " 8 " as 8.
 */
export function wholeNumber(
  command: string,
  option: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw usageError(
      command,
      `--${option} = ${show(text)} is not allowed; expected a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

/** Exactly `count` positionals (or at least `count` when `atLeast`), named for the error message. */
export function positionals(command: string, given: string[], names: string, count: number, atLeast = false): string[] {
  if (given.length < count) throw usageError(command, `missing ${names}`);
  if (!atLeast && given.length > count) {
    const extra =
      given
        .slice(count, count + 5)
        .map((g) => show(g))
        .join(' ') + (given.length > count + 5 ? ' ...' : '');
    throw usageError(command, `unexpected argument${given.length - count > 1 ? 's' : ''} ${extra}`);
  }
  return given;
}

/**
 * ORGSIM_CHECK_ONLY=1: check the command line, the files it reads and its output folder as the command
 * would, then stop before running or writing anything (exit 0, or the usual one-line refusal, exit 2).
 * deploy/slurm/submit.sh asks this of every task's command line before it submits a job.
 */
export function checkOnly(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ORGSIM_CHECK_ONLY === '1';
}
