/**
 * From text to a validated Scenario: JSON parsing, `extends`, `--set` overrides, schema validation,
 * intervention and metric checks. Pure: file access is passed in as a resolver.
 */
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { ScenarioError, shorten, show } from './errors.ts';
import { didYouMean, getPath, parameterInfo, parameterList, setPath } from './paths.ts';
import { checkJsonDepth, parseJsonValue } from './json.ts';

export { parseJsonValue };
import { compileMetrics } from '../metrics/derived.ts';

type Raw = Record<string, unknown>;

/** Parse a scenario's JSON: an object, with the line and column of a syntax error. */
export function parseJson(text: string, source: string): Raw {
  const value = parseJsonValue(text, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(
      `${source}: a scenario is a JSON object ({...}), got ${Array.isArray(value) ? 'an array' : show(value)}`,
    );
  }
  return value as Raw;
}

/**
 * The parser's reason without the excerpt of the text it quotes: `extends` can name any file (a key,
 * a password file), whose first characters should not end up in a message or a log.
 */
function isPlainObject(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, everything else (arrays included) is replaced. */
export function deepMerge(base: Raw, over: Raw): Raw {
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor') continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Raw, v) : v;
  }
  return out;
}

export type Resolver = (name: string, from: string) => { raw: Raw; source: string };

/** Resolve `extends` chains (at most 8 deep, no cycles). */
export function resolveExtends(raw: Raw, source: string, resolve: Resolver, seen: string[] = []): Raw {
  const parent = raw.extends;
  if (parent === undefined) return raw;
  if (typeof parent !== 'string')
    throw new ScenarioError(`${source}: extends: expected a scenario file name, got ${show(parent)}`, 'extends');
  if (seen.length >= 8) throw new ScenarioError(`${source}: extends: chain deeper than 8 files`, 'extends');
  const base = resolve(parent, source);
  if (seen.includes(base.source))
    throw new ScenarioError(`${source}: extends: cycle through ${base.source}`, 'extends');
  const resolved = resolveExtends(base.raw, base.source, resolve, [...seen, base.source]);
  const { extends: _e, ...rest } = raw;
  const { extends: _b, ...baseRest } = resolved;
  return deepMerge(baseRest, rest);
}

/** Parse a command-line value: JSON when it parses (numbers, booleans), else the text itself. */
export function parseValue(text: string, source = '--set'): unknown {
  checkJsonDepth(text, source);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function unknownPath(path: string, source: string): ScenarioError {
  const suggestion = didYouMean(
    path,
    parameterList().map((p) => p.path),
  );
  return new ScenarioError(
    `${source}: unknown parameter "${shorten(path)}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    path,
  );
}

/**
 * Overrides typed in one line, as the page's compare view takes them: "a.b=1; c=2", one per line, or
 * comma-separated when the comma is followed by the next path= (a comma inside a value stays).
 */
export function splitSets(text: string): string[] {
  return text
    .split(/[;\n]|,(?=\s*[A-Za-z][\w.]*\s*=)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.replace(/\s*=\s*/, '='));
}

/** Apply `path=value` overrides (from --set). */
export function applyOverrides(raw: Raw, sets: readonly string[], source = '--set'): Raw {
  const out = structuredClone(raw);
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new ScenarioError(`${source}: expected path=value, got ${show(s)}`);
    const path = s.slice(0, eq).trim();
    if (!parameterInfo(path) && path !== 'name' && path !== 'description') throw unknownPath(path, source);
    setPath(out, path, parseValue(s.slice(eq + 1).trim(), source));
  }
  return out;
}

export function allowedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => show(v)).join(', ')}`;
    case 'invalid_union':
      // An intervention's value: what the union accepts, in words.
      return 'a number, true or false, or a text';
    case 'invalid_key':
      return issue.issues[0]?.message ?? 'another name';
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '');
  }
}

/** One line per zod issue, naming the field, the value and what is allowed. */
export function formatIssue(issue: z.core.$ZodIssue, raw: unknown, source: string): { field: string; message: string } {
  const base = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const field = base ? `${base}.${key}` : key;
    const parentNode = base ? getPath(ScenarioSchema.parse({}), base) : ScenarioSchema.parse({});
    const siblings = isPlainObject(parentNode) ? Object.keys(parentNode) : [];
    const suggestion =
      didYouMean(key, siblings) ??
      didYouMean(
        field,
        parameterList().map((p) => p.path),
      );
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more unknown)` : '';
    return {
      field,
      message:
        `${source}: unknown field "${shorten(field)}"` +
        (suggestion ? `; did you mean "${base && !suggestion.includes('.') ? `${base}.` : ''}${suggestion}"?` : '') +
        more,
    };
  }
  // By the path's keys, not its dotted text: an intervention's "smm.count" is one key.
  const value =
    issue.code === 'invalid_key'
      ? issue.path.at(-1)
      : issue.path.reduce<unknown>(
          (node, key) => (node !== null && typeof node === 'object' ? (node as Raw)[key as string] : undefined),
          raw,
        );
  const info = parameterInfo(base);
  const unit = info?.unit ? ` ${info.unit}` : '';
  let allowed = allowedText(issue);
  if (
    info &&
    info.minimum !== undefined &&
    info.maximum !== undefined &&
    (issue.code === 'too_big' || issue.code === 'too_small')
  ) {
    allowed = `from ${info.minimum} to ${info.maximum}${unit}`;
  }
  if (issue.code === 'invalid_key')
    return { field: base, message: `${source}: ${shorten(base)}: the name ${show(value)} is not allowed (${allowed})` };
  return {
    field: base || '(scenario)',
    message: `${source}: ${shorten(base) || 'scenario'} = ${show(value)} is not allowed; expected ${allowed}`,
  };
}

/**
 * Who set a field, when it was not the file: `--set`, `--ticks`... on the command line, 'changes' on the
 * page. Undefined for the file's own fields.
 */
export type Blame = (field: string) => string | undefined;

/** Validate a raw scenario object. Throws ScenarioError naming the first bad field (and who set it). */
export function validate(raw: Raw, source = 'scenario', blame?: Blame): Scenario {
  const result = ScenarioSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues;
    const field = formatIssue(issues[0]!, raw, source).field;
    const first = formatIssue(issues[0]!, raw, blame?.(field) ?? source);
    const more = issues.length > 1 ? ` (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ScenarioError(first.message + more, first.field);
  }
  const scenario = result.data;
  checkInterventions(scenario, source, blame?.('ticks'));
  checkMetricNames(raw, source);
  // Derived metrics are compiled (and tried on a synthetic run) here, so that a hostile or mistyped
  // expression fails before any run.
  compileMetrics(scenario.metrics, source, scenario.ticks);
  return scenario;
}

/**
 * Metric names that are properties of every object (constructor, toString, __proto__...) would shadow or
 * vanish in the objects that hold the series: refused by name. Checked on the raw object, because a
 * "__proto__" key does not survive validation as a key.
 */
function checkMetricNames(raw: Raw, source: string): void {
  const metrics = raw.metrics;
  if (!isPlainObject(metrics)) return;
  for (const name of Object.keys(metrics)) {
    if (name.length > 64)
      throw new ScenarioError(
        `${source}: metrics.${shorten(name, 40)}: a metric name has at most 64 characters`,
        'metrics',
      );
    if (name in Object.prototype) {
      throw new ScenarioError(
        `${source}: metrics.${name}: "${name}" is a reserved name; expected another name (letters, digits and _)`,
        `metrics.${name}`,
      );
    }
  }
}

const SECTIONS = ScenarioSchema.shape as unknown as Record<string, z.ZodType | undefined>;

/**
 * Apply a change of live parameters to `state` (a plain scenario object), checking that every path is known
 * and live and that the result is accepted by the schema. Returns the new state (sections that did not
 * change are shared with `state`, which is left as it was); throws ScenarioError.
 * Used for a scenario's interventions and for live changes made during a run.
 *
 * Only the section a path belongs to is copied and validated again (every live parameter lives in a
 * section, and the schema's rules are per section): the cost of a change does not grow with the size of
 * the scenario, so 10,000 interventions validate in linear time.
 */
export function applyLiveChange(state: Raw, set: Record<string, unknown>, source: string, where = ''): Raw {
  const next: Raw = { ...state };
  for (const [path, value] of Object.entries(set)) {
    const info = parameterInfo(path);
    if (!info) throw unknownPath(path, `${source}${where}`);
    if (!info.live) {
      throw new ScenarioError(
        `${source}${where}: "${path}" cannot change during a run (it shapes the organization at the start); ` +
          `allowed: parameters marked live`,
        path,
      );
    }
    const dot = path.indexOf('.');
    const section = dot > 0 ? path.slice(0, dot) : undefined;
    const schema = section !== undefined && Object.hasOwn(SECTIONS, section) ? SECTIONS[section] : undefined;
    if (section === undefined || schema === undefined) {
      // A live parameter outside any section (none today): the whole scenario is checked.
      setPath(next, path, value);
      const r = ScenarioSchema.safeParse({ ...next, interventions: [], metrics: {} });
      if (!r.success) throw new ScenarioError(formatIssue(r.error.issues[0]!, next, `${source}${where}`).message, path);
      continue;
    }
    const copy = isPlainObject(next[section]) ? structuredClone(next[section]) : {};
    setPath(copy, path.slice(dot + 1), value);
    next[section] = copy;
    const r = schema.safeParse(copy);
    if (!r.success) {
      const issue = { ...r.error.issues[0]!, path: [section, ...r.error.issues[0]!.path] } as z.core.$ZodIssue;
      throw new ScenarioError(formatIssue(issue, next, `${source}${where}`).message, path);
    }
  }
  return next;
}

/** Every intervention sets known, live parameters to values the schema accepts, before the horizon. */
function checkInterventions(scenario: Scenario, source: string, ticksFrom: string | undefined): void {
  // The validated scenario without its interventions and metrics: what each change is applied to. Copying
  // the interventions into every state would make the check quadratic in their number.
  const { interventions, metrics: _m, ...rest } = scenario;
  let state: Raw = rest;
  const sorted = interventions
    .map((iv, index) => ({ iv, index }))
    .sort((a, b) => a.iv.at - b.iv.at || a.index - b.index);
  for (const { iv, index } of sorted) {
    const where = `interventions.${index}`;
    if (iv.at >= scenario.ticks) {
      const because = ticksFrom ? ` (ticks = ${scenario.ticks} comes from ${ticksFrom})` : '';
      throw new ScenarioError(
        `${source}: ${where}.at = ${iv.at} is not allowed; expected a tick from 0 to ${scenario.ticks - 1}${because}`,
        `${where}.at`,
      );
    }
    state = applyLiveChange(state, iv.set, source, `: ${where}.set`);
  }
}

export interface LoadOptions {
  source?: string;
  resolve?: Resolver;
  sets?: readonly string[];
  /** How errors in `sets` name where they come from: '--set' on the command line, 'changes' on the page. */
  setsSource?: string;
  /** Per set, where it comes from when it is not `setsSource` (the CLI's --ticks and --seed). */
  setLabels?: readonly (string | undefined)[];
}

/** Who set `field`: the last override of that field (or of a field above or below it), if any. */
export function blameSets(
  sets: readonly string[],
  setsSource = '--set',
  labels: readonly (string | undefined)[] = [],
): Blame {
  const paths = sets.map((s) => s.slice(0, Math.max(0, s.indexOf('='))).trim());
  return (field) => {
    for (let i = paths.length - 1; i >= 0; i--) {
      const p = paths[i]!;
      if (p && (field === p || field.startsWith(`${p}.`) || p.startsWith(`${field}.`))) return labels[i] ?? setsSource;
    }
    return undefined;
  };
}

/** Text to a validated scenario. */
export function loadScenario(text: string, opts: LoadOptions = {}): Scenario {
  const source = opts.source ?? 'scenario';
  let raw = parseJson(text, source);
  if (raw.extends !== undefined) {
    if (!opts.resolve) throw new ScenarioError(`${source}: extends is not supported here`, 'extends');
    raw = resolveExtends(raw, source, opts.resolve);
  }
  if (!opts.sets?.length) return validate(raw, source);
  raw = applyOverrides(raw, opts.sets, opts.setsSource);
  return validate(raw, source, blameSets(opts.sets, opts.setsSource, opts.setLabels));
}

/** A deep copy of the scenario with one parameter set; validated. */
export function withParameter(scenario: Scenario, path: string, value: unknown): Scenario {
  if (!parameterInfo(path)) throw unknownPath(path, 'parameter');
  const raw = structuredClone(scenario) as unknown as Raw;
  setPath(raw, path, value);
  return validate(raw, 'parameter');
}
