/**
 * The target file of `orgsim calibrate`: which scenario, which parameters to fit (a box inside the schema's
 * bounds), which statistics to reach (a value and a tolerance band, or an observed series), and the settings
 * of the ABC-SMC method. Validated by a zod schema (unknown fields refused) and then by checks that need the
 * model's vocabulary (statistic names, parameter bounds); every refusal is one line naming the field, the
 * value and what is allowed. Pure: files are read by the command line.
 */
import { z } from 'zod';
import { ScenarioError, show } from '../scenario/errors.ts';
import { didYouMean, parameterInfo, parameterList } from '../scenario/paths.ts';
import { parseStatistic, STATISTIC_NAMES, REDUCTIONS } from '../metrics/statistics.ts';
import { SERIES_NAMES } from '../metrics/series.ts';

const text = (max: number) =>
  z
    .string({ error: 'a text' })
    .min(1, { error: 'a non-empty text' })
    .max(max, { error: `a text of at most ${max} characters` });
const whole = (min: number, max: number) =>
  z
    .number({ error: `a whole number from ${min} to ${max}` })
    .int({ error: `a whole number from ${min} to ${max}` })
    .min(min)
    .max(max);
const tick = z
  .number({ error: 'a whole number of ticks' })
  .int({ error: 'a whole number of ticks' })
  .min(-1_000_000)
  .max(1_000_000);
const weight = z.number({ error: 'a positive number' }).positive({ error: 'a positive number' }).max(1e6).default(1);

export const WindowSchema = z
  .object({ from: tick, to: tick })
  .strict()
  .meta({ description: '[from, to) in ticks; negative bounds count from the horizon, to = 0 is the horizon' });

export const ScalarTargetSchema = z
  .object({
    name: text(200).optional(),
    statistic: text(200),
    window: WindowSchema,
    value: z.number({ error: 'a number' }).optional(),
    band: z.tuple([z.number({ error: 'a number' }), z.number({ error: 'a number' })], {
      error: 'an interval [lo, hi]',
    }),
    weight,
    source: text(2000),
  })
  .strict();

export const SeriesTargetSchema = z
  .object({
    name: text(200).optional(),
    series: text(200),
    csv: text(1000),
    every: whole(1, 100_000),
    from: tick.default(0),
    tolerance: z.number({ error: 'a positive number' }).positive({ error: 'a positive number' }).max(100).default(0.1),
    weight,
    source: text(2000),
  })
  .strict();

export const ParameterSchema = z
  .object({ path: text(200), lo: z.number({ error: 'a number' }), hi: z.number({ error: 'a number' }) })
  .strict();

export const MethodSchema = z
  .object({
    particles: whole(2, 100_000),
    generations: whole(1, 100),
    keep: z
      .number({ error: 'a share in (0, 1]' })
      .gt(0, { error: 'a share in (0, 1]' })
      .max(1, { error: 'a share in (0, 1]' }),
    /** The point estimate: the weighted posterior mean, or the kept particle with the smallest discrepancy. */
    point: z.enum(['mean', 'best'], { error: 'expected "mean" or "best"' }).default('mean'),
  })
  .strict();

export const TargetFileSchema = z
  .object({
    name: text(200),
    description: z.string({ error: 'a text' }).max(4000).default(''),
    scenario: text(1000),
    set: z
      .record(z.string(), z.union([z.number(), z.boolean(), z.string().max(1000)]), {
        error: 'an object of "path": value',
      })
      .default({}),
    runs: whole(1, 10_000),
    seed: whole(0, 2 ** 31 - 1).optional(),
    parameters: z
      .array(z.unknown(), { error: 'a list of { "path", "lo", "hi" }' })
      .min(1, { error: 'at least one parameter' })
      .max(50),
    targets: z.array(z.unknown(), { error: 'a list of targets' }).min(1, { error: 'at least one target' }).max(1000),
    method: z.unknown(),
  })
  .strict();

export type ScalarTarget = z.output<typeof ScalarTargetSchema>;
export type SeriesTarget = z.output<typeof SeriesTargetSchema>;
export type Target = ScalarTarget | SeriesTarget;
export type FitRange = z.output<typeof ParameterSchema>;
export type Method = z.output<typeof MethodSchema>;

/** A validated target file: every default filled in, so that its canonical JSON identifies a calibration. */
export interface TargetFile {
  name: string;
  description: string;
  scenario: string;
  set: Record<string, number | boolean | string>;
  runs: number;
  seed?: number;
  parameters: FitRange[];
  targets: Target[];
  method: Method;
}

export const isSeries = (t: Target): t is SeriesTarget => 'series' in t;

/** More simulations than this in one calibration is a job for a smaller problem first. */
export const MAX_CALIBRATION_RUNS = 10_000_000;

function mistake(source: string, field: string, value: unknown, allowed: string): ScenarioError {
  return new ScenarioError(`${source}: ${field} = ${show(value)} is not allowed; expected ${allowed}`, field);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur = raw;
  for (const k of path)
    cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[String(k)] : undefined;
  return cur;
}

/**
 * Parse `raw` with `schema`; the first problem as one line. `keys(path)` gives the fields allowed at a nested
 * path, for "did you mean" on unknown fields.
 */
function parse<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  source: string,
  prefix: string,
  keys: (path: readonly PropertyKey[]) => string[],
): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const join = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  const field = join(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const allowed = keys(issue.path);
    const hint = didYouMean(key, allowed);
    const name = field ? `${field}.${key}` : key;
    return fail(
      new ScenarioError(
        `${source}: unknown field "${name}"${hint ? `; did you mean "${hint}"?` : ` (allowed: ${allowed.join(', ')})`}`,
        name,
      ),
    );
  }
  const value = valueAt(raw, issue.path);
  const what =
    issue.code === 'too_small' || issue.code === 'too_big'
      ? issue.message.startsWith('Too') || issue.message.startsWith('Invalid')
        ? `${issue.code === 'too_small' ? 'at least' : 'at most'} ` +
          `${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}` +
          `${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`
        : issue.message
      : issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '');
  if (value === undefined)
    return fail(new ScenarioError(`${source}: missing field "${field}"; expected ${what}`, field));
  return fail(mistake(source, field || '(target file)', value, what));
}

function fail(e: ScenarioError): never {
  throw e;
}

const shapeKeys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

function checkStatistic(name: string, source: string, field: string): void {
  const parsed = parseStatistic(name);
  if (!('error' in parsed)) return;
  const hint = didYouMean(name, [...STATISTIC_NAMES, ...SERIES_NAMES.map((s) => `mean:${s}`)]);
  throw new ScenarioError(
    `${source}: ${field} = ${show(name)} is not allowed; ${parsed.error}${hint ? `; did you mean "${hint}"?` : ''}`,
    field,
  );
}

/**
 * The statistic a series target computes over each period: a statistic name as such (activeShare: the share
 * of employees active at least once in the period), or a reported series by its bare name (its mean).
 */
export function seriesStatistic(series: string): string | undefined {
  if (!('error' in parseStatistic(series))) return series;
  return SERIES_NAMES.includes(series) ? `mean:${series}` : undefined;
}

function checkSeries(t: SeriesTarget, source: string, field: string): void {
  if (seriesStatistic(t.series) !== undefined) return;
  const hint = didYouMean(t.series, [...STATISTIC_NAMES, ...SERIES_NAMES]);
  throw new ScenarioError(
    `${source}: ${field}.series = ${show(t.series)} is not allowed; unknown series: expected a statistic ` +
      `(${STATISTIC_NAMES.join(', ')}, or ${REDUCTIONS.map((r) => `${r}:<series>`).join(', ')}) or a reported ` +
      `series (see orgsim run --out file.csv)${hint ? `; did you mean "${hint}"?` : ''}`,
    `${field}.series`,
  );
}

function checkBand(t: ScalarTarget, source: string, field: string): void {
  const [lo, hi] = t.band;
  if (lo > hi) throw mistake(source, `${field}.band`, t.band, 'an interval [lo, hi] with lo <= hi');
  if (lo === hi)
    throw mistake(
      source,
      `${field}.band`,
      t.band,
      'an interval [lo, hi] wider than a point (its half-width scales the discrepancy)',
    );
  if (t.value !== undefined && (t.value < lo || t.value > hi))
    throw mistake(source, `${field}.value`, t.value, `a value inside its band [${lo}, ${hi}]`);
}

/** Paths that cannot be fitted: the master seed, and the horizon the windows are resolved against. */
const NOT_FITTED: Record<string, string> = {
  seed: 'the seed is not a model parameter: the replications vary it (runs), "seed" sets the master seed',
  ticks: 'the horizon cannot be fitted: the windows of the targets are resolved against it (fix it with "set")',
};

function checkParameter(p: FitRange, source: string, field: string, set: Record<string, unknown>): void {
  const info = parameterInfo(p.path);
  if (!info) {
    const numeric = parameterList()
      .filter((q) => q.type === 'number' || q.type === 'integer')
      .map((q) => q.path);
    const hint = didYouMean(p.path, numeric);
    throw new ScenarioError(
      `${source}: ${field}.path = ${show(p.path)} is not allowed; unknown ` +
        `parameter${hint ? `; did you mean "${hint}"?` : ' (the parameters are listed in src/PARAMETERS.md)'}`,
      `${field}.path`,
    );
  }
  if (Object.hasOwn(NOT_FITTED, p.path))
    throw mistake(source, `${field}.path`, p.path, `a model parameter; ${NOT_FITTED[p.path]}`);
  if (info.type !== 'number' && info.type !== 'integer') {
    throw mistake(
      source,
      `${field}.path`,
      p.path,
      `a numeric parameter; "${p.path}" is ` +
        `${info.type === 'boolean' ? 'true or false' : `one of ${info.options!.join(', ')}`}: fix it with "set"`,
    );
  }
  if (Object.hasOwn(set, p.path))
    throw mistake(source, `${field}.path`, p.path, 'a parameter not also fixed in "set" (keep one)');
  const unit = info.unit ? ` ${info.unit}` : '';
  const bounds = `${info.minimum} to ${info.maximum}${unit}`;
  if (info.minimum !== undefined && p.lo < info.minimum)
    throw mistake(source, `${field}.lo`, p.lo, `a value within the schema's bounds of ${p.path}: ${bounds}`);
  if (info.maximum !== undefined && p.hi > info.maximum)
    throw mistake(source, `${field}.hi`, p.hi, `a value within the schema's bounds of ${p.path}: ${bounds}`);
  if (info.type === 'integer' && !Number.isInteger(p.lo))
    throw mistake(source, `${field}.lo`, p.lo, `a whole number (${p.path} takes whole numbers)`);
  if (info.type === 'integer' && !Number.isInteger(p.hi))
    throw mistake(source, `${field}.hi`, p.hi, `a whole number (${p.path} takes whole numbers)`);
  if (!(p.lo < p.hi))
    throw mistake(
      source,
      `${field}.hi`,
      p.hi,
      `a value above lo (${p.lo}); to fix ${p.path} at one value, put it in "set"`,
    );
}

/** Proposals per generation: the population over the share kept. */
export function proposalCount(method: Method): number {
  return Math.ceil(method.particles / method.keep - 1e-9);
}

/** Schema, then the checks that need the model's names and bounds. Throws ScenarioError (one line). */
export function checkTargetFile(raw: unknown, source: string): TargetFile {
  if (!isObject(raw))
    throw new ScenarioError(
      `${source}: a target file is a JSON object ({...}), got ${Array.isArray(raw) ? 'an array' : show(raw)}`,
    );
  const top = parse(TargetFileSchema, raw, source, '', () => shapeKeys(TargetFileSchema));
  const method = parse(MethodSchema, top.method, source, 'method', () => shapeKeys(MethodSchema));
  const parameters = top.parameters.map((p, i) => {
    const field = `parameters.${i}`;
    const q = parse(ParameterSchema, p, source, field, () => shapeKeys(ParameterSchema));
    checkParameter(q, source, field, top.set);
    const first = top.parameters.findIndex((r) => isObject(r) && r.path === q.path);
    if (first !== i)
      throw mistake(source, `${field}.path`, q.path, `each parameter once (already parameters.${first})`);
    return q;
  });
  const targets = top.targets.map((t, i): Target => {
    const field = `targets.${i}`;
    if (isObject(t) && 'series' in t) {
      const s = parse(SeriesTargetSchema, t, source, field, () => shapeKeys(SeriesTargetSchema));
      checkSeries(s, source, field);
      return s;
    }
    const keys = (path: readonly PropertyKey[]) =>
      path[0] === 'window' ? shapeKeys(WindowSchema) : shapeKeys(ScalarTargetSchema);
    const s = parse(ScalarTargetSchema, t, source, field, keys);
    checkStatistic(s.statistic, source, `${field}.statistic`);
    checkBand(s, source, field);
    return s;
  });
  const file: TargetFile = { ...top, method, parameters, targets };
  if (top.seed === undefined) delete file.seed;
  const runs = proposalCount(method) * top.runs * method.generations + top.runs;
  if (runs > MAX_CALIBRATION_RUNS) {
    throw mistake(
      source,
      'method',
      method,
      `at most ${MAX_CALIBRATION_RUNS.toLocaleString('en-US')} simulations in all; this needs ` +
        `${runs.toLocaleString('en-US')} (particles / keep x runs x generations): use fewer particles, runs or ` +
        `generations`,
    );
  }
  return file;
}
