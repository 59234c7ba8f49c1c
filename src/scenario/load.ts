/**
 * From text to a validated Scenario: JSON parsing, `extends`, `--set` overrides, schema validation,
 * intervention and metric checks. Pure: file access is passed in as a resolver.
 */
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { ScenarioError, show } from './errors.ts';
import { didYouMean, getPath, parameterInfo, parameterList, setPath } from './paths.ts';
import { compileMetrics } from '../metrics/derived.ts';

type Raw = Record<string, unknown>;

/** Parse JSON, with the line and column of a syntax error; any JSON value. */
export function parseJsonValue(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    let where = '';
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    throw new ScenarioError(`${source}: not valid JSON${where}: ${msg.replace(/^.*?: /, '').split('\n')[0]}`);
  }
}

/** Parse a scenario's JSON: an object, with the line and column of a syntax error. */
export function parseJson(text: string, source: string): Raw {
  const value = parseJsonValue(text, source);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(`${source}: a scenario is a JSON object ({...}), got ${Array.isArray(value) ? 'an array' : show(value)}`);
  }
  return value as Raw;
}

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
  if (typeof parent !== 'string') throw new ScenarioError(`${source}: extends: expected a scenario file name, got ${show(parent)}`, 'extends');
  if (seen.length >= 8) throw new ScenarioError(`${source}: extends: chain deeper than 8 files`, 'extends');
  const base = resolve(parent, source);
  if (seen.includes(base.source)) throw new ScenarioError(`${source}: extends: cycle through ${base.source}`, 'extends');
  const resolved = resolveExtends(base.raw, base.source, resolve, [...seen, base.source]);
  const { extends: _e, ...rest } = raw;
  const { extends: _b, ...baseRest } = resolved;
  return deepMerge(baseRest, rest);
}

/** Parse a command-line value: JSON when it parses (numbers, booleans), else the text itself. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function unknownPath(path: string, source: string): ScenarioError {
  const suggestion = didYouMean(path, parameterList().map((p) => p.path));
  return new ScenarioError(`${source}: unknown parameter "${path}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`, path);
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
    setPath(out, path, parseValue(s.slice(eq + 1).trim()));
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
    const suggestion = didYouMean(key, siblings) ?? didYouMean(field, parameterList().map((p) => p.path));
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more unknown)` : '';
    return { field, message: `${source}: unknown field "${field}"${suggestion ? `; did you mean "${base && !suggestion.includes('.') ? `${base}.` : ''}${suggestion}"?` : ''}${more}` };
  }
  const value = getPath(raw, base);
  const info = parameterInfo(base);
  const unit = info?.unit ? ` ${info.unit}` : '';
  let allowed = allowedText(issue);
  if (info && info.minimum !== undefined && info.maximum !== undefined && (issue.code === 'too_big' || issue.code === 'too_small')) {
    allowed = `from ${info.minimum} to ${info.maximum}${unit}`;
  }
  return { field: base || '(scenario)', message: `${source}: ${base || 'scenario'} = ${show(value)} is not allowed; expected ${allowed}` };
}

/** Validate a raw scenario object. Throws ScenarioError naming the first bad field. */
export function validate(raw: Raw, source = 'scenario'): Scenario {
  const result = ScenarioSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues;
    const first = formatIssue(issues[0]!, raw, source);
    const more = issues.length > 1 ? ` (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new ScenarioError(first.message + more, first.field);
  }
  const scenario = result.data;
  checkInterventions(scenario, raw, source);
  // Derived metrics are compiled once here so that a hostile or mistyped expression fails before any run.
  compileMetrics(scenario.metrics, source);
  return scenario;
}

/**
 * Apply a change of live parameters to `state` (a plain scenario object), checking that every path is known
 * and live and that the result is accepted by the schema. Returns the new state; throws ScenarioError.
 * Used for a scenario's interventions and for live changes made during a run.
 */
export function applyLiveChange(state: Raw, set: Record<string, unknown>, source: string, where = ''): Raw {
  const next = structuredClone(state);
  for (const [path, value] of Object.entries(set)) {
    const info = parameterInfo(path);
    if (!info) throw unknownPath(path, `${source}${where}`);
    if (!info.live) {
      throw new ScenarioError(`${source}${where}: "${path}" cannot change during a run (it shapes the organization at the start); allowed: parameters marked live`, path);
    }
    setPath(next, path, value);
    const r = ScenarioSchema.safeParse({ ...next, interventions: [] });
    if (!r.success) throw new ScenarioError(formatIssue(r.error.issues[0]!, next, `${source}${where}`).message, path);
  }
  return next;
}

/** Every intervention sets known, live parameters to values the schema accepts, before the horizon. */
function checkInterventions(scenario: Scenario, raw: Raw, source: string): void {
  let state: Raw = raw;
  const sorted = scenario.interventions.map((iv, index) => ({ iv, index })).sort((a, b) => a.iv.at - b.iv.at);
  for (const { iv, index } of sorted) {
    const where = `interventions.${index}`;
    if (iv.at >= scenario.ticks) {
      throw new ScenarioError(`${source}: ${where}.at = ${iv.at} is not allowed; expected a tick from 0 to ${scenario.ticks - 1}`, `${where}.at`);
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
}

/** Text to a validated scenario. */
export function loadScenario(text: string, opts: LoadOptions = {}): Scenario {
  const source = opts.source ?? 'scenario';
  let raw = parseJson(text, source);
  if (raw.extends !== undefined) {
    if (!opts.resolve) throw new ScenarioError(`${source}: extends is not supported here`, 'extends');
    raw = resolveExtends(raw, source, opts.resolve);
  }
  if (opts.sets?.length) raw = applyOverrides(raw, opts.sets, opts.setsSource);
  return validate(raw, source);
}

/** A deep copy of the scenario with one parameter set; validated. */
export function withParameter(scenario: Scenario, path: string, value: unknown): Scenario {
  if (!parameterInfo(path)) throw unknownPath(path, 'parameter');
  const raw = structuredClone(scenario) as unknown as Raw;
  setPath(raw, path, value);
  return validate(raw, 'parameter');
}
