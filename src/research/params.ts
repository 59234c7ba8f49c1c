/**
 * The parameters an experiment varies: `path=lo:hi[:steps]` read from the command line and checked against
 * the schema (known path, numeric, inside the schema's bounds), with one clear message per mistake.
 */
import { ScenarioError, show } from '../scenario/errors.ts';
import { didYouMean, parameterInfo, parameterList } from '../scenario/paths.ts';

export interface ParamRange {
  path: string;
  lo: number;
  hi: number;
  /** Grid levels (grid design only; null for sampled designs). */
  steps: number | null;
  /** Whole-number parameter: values are rounded (grid, Morris) or drawn evenly among lo..hi (LHS, Sobol). */
  integer: boolean;
}

export const DEFAULT_STEPS = 3;
export const MAX_STEPS = 1000;

/** The range as the user would write it, for messages and the report. */
export function rangeText(p: Pick<ParamRange, 'path' | 'lo' | 'hi' | 'steps'>): string {
  return `${p.path}=${p.lo}:${p.hi}${p.steps !== null ? `:${p.steps}` : ''}`;
}

function mistake(spec: string, message: string): ScenarioError {
  return new ScenarioError(`--param ${spec}: ${message}`);
}

function number(spec: string, what: string, text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) throw mistake(spec, `${what} ${show(text)} is not a number`);
  return x;
}

/**
 * One `--param` value. `withSteps`: whether the design takes a number of levels per parameter (grid);
 * otherwise a third field is refused rather than silently ignored.
 */
export function parseParam(spec: string, withSteps: boolean): ParamRange {
  const eq = spec.indexOf('=');
  const fields = eq > 0 ? spec.slice(eq + 1).split(':') : [];
  if (eq <= 0 || fields.length < 2 || fields.length > 3) {
    throw mistake(
      spec,
      `expected path=lo:hi${withSteps ? '[:steps]' : ''}, e.g. --param smm.count=0:4${withSteps ? ':5' : ''}`,
    );
  }
  const path = spec.slice(0, eq).trim();
  const info = parameterInfo(path);
  if (!info) {
    const numeric = parameterList()
      .filter((p) => p.type === 'number' || p.type === 'integer')
      .map((p) => p.path);
    const hint = didYouMean(path, numeric);
    throw mistake(
      spec,
      `unknown parameter ` +
        `"${path}"${hint ? `; did you mean "${hint}"?` : ' (the parameters are listed in src/PARAMETERS.md)'}`,
    );
  }
  if (path === 'seed')
    throw mistake(
      spec,
      'the seed is not a model parameter: replications vary it (--runs), --seed sets the master seed',
    );
  if (info.type === 'boolean' || info.type === 'enum') {
    const values = info.type === 'boolean' ? 'true or false' : `one of ${info.options!.join(', ')}`;
    throw mistake(
      spec,
      `"${path}" is not numeric (${values}): it cannot take a range; run one sweep per value with --set ${path}=...`,
    );
  }
  const integer = info.type === 'integer';
  const lo = number(spec, 'lo', fields[0]!);
  const hi = number(spec, 'hi', fields[1]!);
  let steps: number | null = null;
  if (fields.length === 3) {
    if (!withSteps)
      throw mistake(spec, 'steps are for --design grid; sampled designs choose their own values (--samples)');
    steps = number(spec, 'steps', fields[2]!);
    if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS)
      throw mistake(spec, `steps = ${fields[2]} is not allowed; expected a whole number from 2 to ${MAX_STEPS}`);
  } else if (withSteps) {
    // By default 3 levels, or every value of a whole-number range that has fewer (smm.count=0:1: 0 and 1).
    steps =
      integer && Number.isInteger(lo) && Number.isInteger(hi) && hi > lo
        ? Math.min(DEFAULT_STEPS, hi - lo + 1)
        : DEFAULT_STEPS;
  }
  const unit = info.unit ? ` ${info.unit}` : '';
  const bounds = `${path} goes from ${info.minimum} to ${info.maximum}${unit}`;
  if (info.minimum !== undefined && lo < info.minimum)
    throw mistake(spec, `lo = ${lo} is below the minimum (${bounds})`);
  if (info.maximum !== undefined && hi > info.maximum)
    throw mistake(spec, `hi = ${hi} is above the maximum (${bounds})`);
  if (integer && (!Number.isInteger(lo) || !Number.isInteger(hi)))
    throw mistake(spec, `${path} takes whole numbers; lo and hi must be whole`);
  if (!(lo < hi))
    throw mistake(spec, `lo (${lo}) must be below hi (${hi}); to fix a parameter at one value use --set ${path}=${lo}`);
  if (integer && steps !== null && steps > hi - lo + 1) {
    throw mistake(
      spec,
      `${path} takes whole numbers: ${lo}..${hi} has ${hi - lo + 1} values, fewer than ${steps} steps`,
    );
  }
  return { path, lo, hi, steps, integer };
}

/** Every `--param`, with repeated paths refused (two ranges for one parameter have no meaning). */
export function parseParams(specs: readonly string[], withSteps: boolean): ParamRange[] {
  if (specs.length === 0)
    throw new ScenarioError('no --param given: name at least one parameter to vary, e.g. --param smm.count=0:4');
  const out: ParamRange[] = [];
  for (const spec of specs) {
    const p = parseParam(spec, withSteps);
    if (out.some((q) => q.path === p.path)) throw mistake(spec, `"${p.path}" is given twice`);
    out.push(p);
  }
  return out;
}
