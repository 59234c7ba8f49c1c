/**
 * Derived metrics: series a scenario defines as mathjs expressions over the reported series, e.g.
 * `{"roi": "valueCum / costCum"}`, evaluated once per tick.
 *
 * Scenario files come from users, so an expression is treated as untrusted input, twice over:
 * - the mathjs instance is hardened as mathjs documents ("Security"): the functions that parse text or
 *   change the instance (import, createUnit, evaluate, parse, compile, simplify, ...) are replaced by ones
 *   that throw;
 * - before anything is compiled, the parsed tree is checked against a whitelist (numbers, series names,
 *   arithmetic, comparisons, ?:, a few mathjs numeric functions), held in Sets and Maps so that names every
 *   object has (constructor, toString, __proto__) are not in it. Nothing outside it is ever evaluated;
 * - each expression is then evaluated on a synthetic run (every tick up to 64, then spread to the horizon;
 *   series taking whole, fractional, small and large values), so that an expression that can only fail at
 *   run time (round(x, t) beyond 15 decimals) is refused with the scenario; and an error in a real run is
 *   still a user error naming the metric and the tick.
 */
import type {
  ConditionalNode,
  ConstantNode,
  EvalFunction,
  FunctionNode,
  MathJsInstance,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  RelationalNode,
  SymbolNode,
} from 'mathjs';
// mathjs's single-file build (an export of the package), not its ESM entry: every process and worker that
// runs a scenario loads this module, and the ESM entry is ~1,260 files (about 1.5 s and 150 MB under tsx,
// against about 0.3 s and 50 MB for this file). Same API; its types are declared in src/mathjs-bundle.d.ts.
import mathBundle from 'mathjs/lib/browser/math.js';
import { ScenarioError } from '../scenario/errors.ts';
import { didYouMean } from '../scenario/paths.ts';
import { SERIES_INDEX, SERIES_NAMES } from './series.ts';

const SERIES_SET: ReadonlySet<string> = new Set(SERIES_NAMES);
/** More derived series than this would be a file of expressions, not a scenario. */
export const MAX_METRICS = 100;

export interface CompiledMetric {
  name: string;
  expression: string;
  /** Series the expression reads, by name (the scope is filled with these only). */
  uses: string[];
  code: EvalFunction;
}

const FUNCTIONS = new Set(['abs', 'sqrt', 'log', 'exp', 'min', 'max', 'round', 'floor', 'ceil']);
const CONSTANTS = new Set(['t', 'pi', 'e']);
/** mathjs operator functions we accept. */
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'smallerEq',
  'larger',
  'largerEq',
  'equal',
  'unequal',
]);
const COMPARISONS = new Set(['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal']);

const ALLOWED =
  'allowed: numbers, series names, t, pi, e, + - * / ^, comparisons (< <= > >= == !=), cond ? a : b, ' +
  `parentheses and the functions ${[...FUNCTIONS].join(', ')}`;

/** What users wrote, in words, for the node types we refuse. */
const REFUSED: Record<string, string> = {
  AssignmentNode: 'assignment (=)',
  FunctionAssignmentNode: 'function definition',
  AccessorNode: 'property or index access',
  IndexNode: 'property or index access',
  ObjectNode: 'object literal',
  ArrayNode: 'array',
  RangeNode: 'range (:)',
  BlockNode: 'several statements',
};

/** The functions that turn text into code or change the instance: disabled, as mathjs recommends. */
const DISABLED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'rationalize',
  'resolve',
  'reviver',
  'replacer',
  'chain',
  'parser',
  'help',
];

interface Restricted {
  /** The hardened instance: what a compiled expression can reach. */
  math: MathJsInstance;
  /** Our own reference to parse, kept before the expression language loses it. */
  parse: (expr: string) => MathNode;
}

let restricted: Restricted | undefined;

/** The hardened instance, made on first use (mathjs is large: commands that never compile a metric skip it). */
export function restrictedMath(): Restricted {
  if (!restricted) {
    // predictable: log or sqrt of a negative number is NaN, not a complex number. Set after creation: the
    // bundle's create has its factories built in and ignores a config passed with them.
    const math = mathBundle.create();
    math.config({ predictable: true });
    const parse = math.parse;
    math.import(
      Object.fromEntries(
        DISABLED.map((name) => [
          name,
          () => {
            throw new Error(`function ${name} is disabled`);
          },
        ]),
      ),
      { override: true },
    );
    restricted = { math, parse: (expr) => parse(expr) };
  }
  return restricted;
}

/** The longest horizon a scenario can have: the trial of a metric whose horizon is not known. */
const ANY_HORIZON = 100_000;

/**
 * Validate and compile every metric once. Throws ScenarioError naming `metrics.<name>`. `ticks` is the
 * horizon the metrics will be evaluated over (the trial covers it).
 */
export function compileMetrics(
  metrics: Record<string, string>,
  source = 'scenario',
  ticks = ANY_HORIZON,
): CompiledMetric[] {
  const entries = Object.entries(metrics);
  if (entries.length > MAX_METRICS) {
    throw new ScenarioError(
      `${source}: metrics has ${entries.length} derived series; expected at most ${MAX_METRICS}`,
      'metrics',
    );
  }
  const out: CompiledMetric[] = [];
  for (const [name, expression] of entries) {
    const refuse = (why: string) =>
      new ScenarioError(`${source}: metrics.${name} = ${JSON.stringify(expression)}: ${why}`, `metrics.${name}`);
    if (SERIES_SET.has(name)) throw refuse(`"${name}" is already a reported series; give the metric another name`);
    if (typeof expression !== 'string' || expression.trim() === '') throw refuse(`expected an expression; ${ALLOWED}`);
    const compiled = compileOne(expression, ticks);
    if (typeof compiled === 'string') throw refuse(compiled);
    out.push({ name, expression, ...compiled });
  }
  return out;
}

type Compiled = Pick<CompiledMetric, 'uses' | 'code'>;

/** Expressions already checked, by horizon and text (a sweep validates the same metrics at every point). */
const checked = new Map<string, Compiled | string>();
const CHECKED_MAX = 1000;

/** The compiled expression, or why it is refused. */
function compileOne(expression: string, ticks: number): Compiled | string {
  const key = `${ticks}\u0000${expression}`;
  let result = checked.get(key);
  if (result === undefined) {
    result = compileUncached(expression, ticks);
    if (checked.size >= CHECKED_MAX) checked.clear();
    checked.set(key, result);
  }
  return result;
}

function compileUncached(expression: string, ticks: number): Compiled | string {
  let tree: MathNode;
  try {
    tree = restrictedMath().parse(expression);
  } catch (e) {
    return `not a valid expression (${(e as Error).message})`;
  }
  const uses = new Set<string>();
  try {
    check(tree, uses);
  } catch (e) {
    if (e instanceof Refusal) return e.message;
    throw e;
  }
  const code = tree.compile();
  const failure = trial(code, [...uses], ticks);
  return failure ?? { uses: [...uses], code };
}

/** Values a series takes on the synthetic run: zero, whole, fractional, small and large. */
const SYNTHETIC = [0, 1, 0.5, 2, 0.25, 3, 10, 0.1, 7.5, 100, 1000, 0.001, 1e6, 42, 0.9];

/** The ticks of the trial: every one up to 64, then 64 more spread up to the horizon's last. */
function trialTicks(ticks: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < Math.min(ticks, 64); t++) out.push(t);
  if (ticks > 64) for (let k = 1; k <= 64; k++) out.push(64 + Math.round(((ticks - 1 - 64) * k) / 64));
  return out;
}

/** Evaluate on the synthetic run; the reason it fails, if it does. */
function trial(code: EvalFunction, uses: readonly string[], ticks: number): string | undefined {
  const scope: Record<string, number> = { t: 0 };
  for (const [i, t] of trialTicks(ticks).entries()) {
    scope.t = t;
    uses.forEach((name, k) => (scope[name] = SYNTHETIC[(i + k) % SYNTHETIC.length]!));
    try {
      toNumber(code.evaluate(scope));
    } catch (e) {
      const values = uses.map((name) => `${name} = ${scope[name]}`).join(', ');
      return `cannot be evaluated at t = ${t}${values ? ` with ${values}` : ''} (${(e as Error).message})`;
    }
  }
  return undefined;
}

/** Why a tree is refused: its message is the end of the user's error line. */
class Refusal extends Error {}

const refuse = (why: string) => new Refusal(why);

/** Walk the tree; accept only the whitelisted node types, symbols, operators and functions. */
function check(node: MathNode, uses: Set<string>): void {
  const walk = (n: MathNode) => check(n, uses);
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value !== 'number')
        throw refuse(
          `${typeof value === 'string' ? `text ${JSON.stringify(value)}` : String(value)} is not allowed; ${ALLOWED}`,
        );
      return;
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (CONSTANTS.has(name)) return;
      if (!SERIES_SET.has(name)) {
        const hint = didYouMean(name, SERIES_NAMES);
        throw refuse(`unknown series "${name}"${hint ? `; did you mean "${hint}"?` : ''} (${ALLOWED})`);
      }
      uses.add(name);
      return;
    }
    case 'OperatorNode': {
      const op = node as OperatorNode;
      if (!OPERATORS.has(op.fn)) throw refuse(`operator "${op.op}" is not allowed; ${ALLOWED}`);
      op.args.forEach(walk);
      return;
    }
    case 'RelationalNode': {
      // A chain of comparisons (a < b < c).
      const rel = node as RelationalNode;
      for (const c of rel.conditionals)
        if (!COMPARISONS.has(c)) throw refuse(`comparison "${c}" is not allowed; ${ALLOWED}`);
      rel.params.forEach(walk);
      return;
    }
    case 'ParenthesisNode':
      walk((node as ParenthesisNode).content);
      return;
    case 'ConditionalNode': {
      const c = node as ConditionalNode;
      walk(c.condition);
      walk(c.trueExpr);
      walk(c.falseExpr);
      return;
    }
    case 'FunctionNode': {
      const f = node as FunctionNode;
      const fn = f.fn as MathNode;
      const name = fn.type === 'SymbolNode' ? (fn as SymbolNode).name : undefined;
      if (name === undefined) throw refuse(`only calls to named functions are allowed; ${ALLOWED}`);
      if (!FUNCTIONS.has(name)) throw refuse(`function ${name}() is not allowed; ${ALLOWED}`);
      f.args.forEach(walk);
      return;
    }
    default:
      throw refuse(
        `${Object.hasOwn(REFUSED, node.type) ? REFUSED[node.type] : 'this construct'} is not allowed; ${ALLOWED}`,
      );
  }
}

/** Comparisons give booleans (1 or 0); anything that is not a plain number is NaN. */
function toNumber(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
}

/** Evaluate each metric at every tick; `series` in SERIES order, as a run reports them. */
export function evaluateMetrics(
  compiled: readonly CompiledMetric[],
  series: readonly Float64Array[],
  ticks: number,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const m of compiled) {
    const inputs = m.uses.map((name) => series[SERIES_INDEX[name]!]!);
    const values = new Float64Array(ticks);
    // One scope object, refilled each tick: only the series this metric reads.
    const scope: Record<string, number> = { t: 0 };
    for (let t = 0; t < ticks; t++) {
      scope.t = t;
      for (let k = 0; k < inputs.length; k++) scope[m.uses[k]!] = inputs[k]![t]!;
      try {
        values[t] = toNumber(m.code.evaluate(scope));
      } catch (e) {
        // The trial at validation did not meet this case: still the scenario's mistake, not orgsim's.
        throw new ScenarioError(
          `metrics.${m.name} = ${JSON.stringify(m.expression)} cannot be evaluated at tick ${t} of this run ` +
            `(${(e as Error).message}); change the expression`,
          `metrics.${m.name}`,
        );
      }
    }
    out[m.name] = values;
  }
  return out;
}

const compiledCache = new WeakMap<Record<string, string>, CompiledMetric[]>();

/** Fill a run's derived metrics from its scenario's `metrics` (compiled once per metrics object). */
export function withDerived<T extends { series: Float64Array[]; ticks: number; derived: Record<string, Float64Array> }>(
  metrics: Record<string, string>,
  out: T,
): T {
  if (Object.keys(metrics).length === 0) return out;
  let compiled = compiledCache.get(metrics);
  if (!compiled) compiledCache.set(metrics, (compiled = compileMetrics(metrics, 'scenario', out.ticks)));
  out.derived = evaluateMetrics(compiled, out.series, out.ticks);
  return out;
}
