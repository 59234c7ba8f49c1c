/** An option that takes one of a few names (--design, --method), with "did you mean" for a typo. */
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { didYouMean } from '../src/scenario/paths.ts';

/** `text` if it is one of `names`; the fallback when absent (or a message saying the option is needed). */
export function choose<T extends string>(
  command: string,
  option: string,
  text: string | undefined,
  names: readonly T[],
  fallback?: T,
): T {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new ScenarioError(`missing --${option} ${names.join('|')} (see: orgsim ${command} --help)`);
  }
  if ((names as readonly string[]).includes(text)) return text as T;
  const hint = didYouMean(text, names);
  throw new ScenarioError(
    `--${option} ${show(text)} is not allowed; expected ` +
      `${names.join(' or ')}${hint ? `; did you mean "${hint}"?` : ''}`,
  );
}
