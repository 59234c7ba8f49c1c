/**
 * Derived metrics: series a scenario defines as mathjs expressions over the reported series, e.g.
 * `{"roi": "valueCum / costCum"}`, evaluated once per tick.
 *
 * Scenario files come from users, so an expression is treated as untrusted input, twice over:
 * - the mathjs instance is hardened as mathjs documents ("Security"): the functions that parse text or
 *   change the instance (import, createUnit, evaluate, parse, compile, simplify, ...) are replaced by ones
 *   that throw;
 * - before anything is compiled, the parsed tree is checked against a whitelist (numbers, series names,
 *   arithmetic, comparisons, ?:, a few numeric functions). Nothing outside it is ever evaluated.
 */
import type { ConditionalNode, ConstantNode, EvalFunction, FunctionNode, MathNode, OperatorNode, ParenthesisNode, RelationalNode, SymbolNode } from 'mathjs';
// mathjs's single-file build (an export of the package), not its ESM entry: every process and worker that
// runs a scenario loads this module, and the ESM entry is ~1,260 files (about 1.5 s and 150 MB under tsx,
// against about 0.3 s and 50 MB for this file). Same API; it ships no types of its own, hence the cast.
// @ts-expect-error: no declaration file for the bundle; typed below as the package's main entry.
import mathBundle from 'mathjs/lib/browser/math.js';

const { all, create } = mathBundle as typeof import('mathjs');
import { ScenarioError } from '../scenario/errors.ts';
import { didYouMean } from '../scenario/paths.ts';
import { SERIES_INDEX, SERIES_NAMES } from './series.ts';

export interface CompiledMetric {
  name: string;
  expression: string;
  /** Series the expression reads, by name (the scope is filled with these only). */
  uses: string[];
  code: EvalFunction;
}

const FUNCTIONS = new Set(['abs', 'sqrt', 'log', 'exp', 'min', 'max', 'round', 'floor', 'ceil']);
const CONSTANTS = new Set(['t', 'pi', 'e']);
/** mathjs operator functions we accept, with the symbol users write. */
const OPERATORS: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', unaryMinus: '-', unaryPlus: '+',
  smaller: '<', smallerEq: '<=', larger: '>', largerEq: '>=', equal: '==', unequal: '!=',
};
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
const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'simplifyConstant', 'simplifyCore', 'derivative', 'rationalize', 'resolve', 'reviver', 'replacer', 'chain', 'parser', 'help'];

interface Restricted {
  /** The hardened instance: what a compiled expression can reach. */
  math: ReturnType<typeof create>;
  /** Our own reference to parse, kept before the expression language loses it. */
  parse: (expr: string) => MathNode;
}

let restricted: Restricted | undefined;

/** The hardened instance, made on first use (mathjs is large: commands that never compile a metric skip it). */
export function restrictedMath(): Restricted {
  if (!restricted) {
    // predictable: log or sqrt of a negative number is NaN, not a complex number.
    const math = create(all!, { predictable: true });
    const parse = math.parse;
    math.import(
      Object.fromEntries(DISABLED.map((name) => [name, () => { throw new Error(`function ${name} is disabled`); }])),
      { override: true },
    );
    restricted = { math, parse: (expr) => parse(expr) };
  }
  return restricted;
}

/** Validate and compile every metric once. Throws ScenarioError naming `metrics.<name>`. */
export function compileMetrics(metrics: Record<string, string>, source = 'scenario'): CompiledMetric[] {
  const out: CompiledMetric[] = [];
  for (const [name, expression] of Object.entries(metrics)) {
    const refuse = (why: string) => new ScenarioError(`${source}: metrics.${name} = ${JSON.stringify(expression)}: ${why}`, `metrics.${name}`);
    if (SERIES_INDEX[name] !== undefined) throw refuse(`"${name}" is already a reported series; give the metric another name`);
    if (typeof expression !== 'string' || expression.trim() === '') throw refuse(`expected an expression; ${ALLOWED}`);
    let tree: MathNode;
    try {
      tree = restrictedMath().parse(expression);
    } catch (e) {
      throw refuse(`not a valid expression (${(e as Error).message})`);
    }
    const uses = new Set<string>();
    check(tree, uses, refuse);
    const code = tree.compile();
    // A trial run catches what the tree cannot show, such as min() without arguments.
    try {
      toNumber(code.evaluate(scopeOfOnes(uses)));
    } catch (e) {
      throw refuse(`cannot be evaluated (${(e as Error).message})`);
    }
    out.push({ name, expression, uses: [...uses], code });
  }
  return out;
}

/** Walk the tree; accept only the whitelisted node types, symbols, operators and functions. */
function check(node: MathNode, uses: Set<string>, refuse: (why: string) => ScenarioError): void {
  const walk = (n: MathNode) => check(n, uses, refuse);
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value as unknown;
      if (typeof value !== 'number') throw refuse(`${typeof value === 'string' ? `text ${JSON.stringify(value)}` : String(value)} is not allowed; ${ALLOWED}`);
      return;
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (CONSTANTS.has(name)) return;
      if (SERIES_INDEX[name] === undefined) {
        const hint = didYouMean(name, SERIES_NAMES);
        throw refuse(`unknown series "${name}"${hint ? `; did you mean "${hint}"?` : ''} (${ALLOWED})`);
      }
      uses.add(name);
      return;
    }
    case 'OperatorNode': {
      const op = node as OperatorNode;
      if (!(op.fn in OPERATORS)) throw refuse(`operator "${op.op}" is not allowed; ${ALLOWED}`);
      op.args.forEach(walk);
      return;
    }
    case 'RelationalNode': {
      // A chain of comparisons (a < b < c).
      const rel = node as RelationalNode;
      for (const c of rel.conditionals) if (!COMPARISONS.has(c)) throw refuse(`comparison "${c}" is not allowed; ${ALLOWED}`);
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
      throw refuse(`${REFUSED[node.type] ?? node.type} is not allowed; ${ALLOWED}`);
  }
}

function scopeOfOnes(uses: Set<string>): Record<string, number> {
  const scope: Record<string, number> = { t: 1 };
  for (const name of uses) scope[name] = 1;
  return scope;
}

/** Comparisons give booleans (1 or 0); anything that is not a plain number is NaN. */
function toNumber(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? +v : NaN;
}

/** Evaluate each metric at every tick; `series` in SERIES order, as a run reports them. */
export function evaluateMetrics(compiled: readonly CompiledMetric[], series: readonly Float64Array[], ticks: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const m of compiled) {
    const inputs = m.uses.map((name) => series[SERIES_INDEX[name]!]!);
    const values = new Float64Array(ticks);
    // One scope object, refilled each tick: only the series this metric reads.
    const scope: Record<string, number> = { t: 0 };
    for (let t = 0; t < ticks; t++) {
      scope.t = t;
      for (let k = 0; k < inputs.length; k++) scope[m.uses[k]!] = inputs[k]![t]!;
      values[t] = toNumber(m.code.evaluate(scope));
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
  if (!compiled) compiledCache.set(metrics, (compiled = compileMetrics(metrics)));
  out.derived = evaluateMetrics(compiled, out.series, out.ticks);
  return out;
}
