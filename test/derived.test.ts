import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { runScenario } from '../src/run.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { compileMetrics, evaluateMetrics, restrictedMath } from '../src/metrics/derived.ts';
import { ScenarioError } from '../src/scenario/errors.ts';

const small = validate({ organization: { employees: 200 }, external: { customers: 100 }, ticks: 60 });

describe('derived metrics', () => {
  const run = runScenario(small, 3);
  const I = SERIES_INDEX;
  const at = (name: string, t: number) => run.series[I[name]!]![t]!;

  it('evaluates a ratio per tick, as computed by hand', () => {
    const compiled = compileMetrics({
      roi: 'valueCum / costCum',
      contribShare: 'contributors / (contributors + readers + absent)',
      late: 't >= 30 ? max(value, 0) : -1',
    });
    const m = evaluateMetrics(compiled, run.series, run.ticks);
    expect(Object.keys(m)).toEqual(['roi', 'contribShare', 'late']);
    for (const t of [0, 17, 59]) {
      expect(m.roi![t]).toBe(at('valueCum', t) / at('costCum', t));
      expect(m.contribShare![t]).toBe(
        at('contributors', t) / (at('contributors', t) + at('readers', t) + at('absent', t)),
      );
      expect(m.late![t]).toBe(t >= 30 ? Math.max(at('value', t), 0) : -1);
    }
    expect(m.roi).toHaveLength(60);
  });

  it('accepts the whitelisted functions, constants and comparisons', () => {
    const [c] = compileMetrics({
      x: 'abs(-2) + sqrt(4) + log(e) + exp(0) + min(1, 2) + round(pi) + floor(1.5) + ceil(0.5) + (1 < 2)',
    });
    expect(evaluateMetrics([c!], run.series, 1).x![0]).toBe(2 + 2 + 1 + 1 + 1 + 3 + 1 + 1 + 1);
  });

  const hostile: [string, RegExp][] = [
    ['import({x:1})', /function import\(\) is not allowed/],
    ['createUnit("foo")', /function createUnit\(\) is not allowed/],
    ['evaluate("1+1")', /function evaluate\(\) is not allowed/],
    ['parse("1")', /function parse\(\) is not allowed/],
    ['f(x) = x', /function definition is not allowed/],
    ['a = 1', /assignment \(=\) is not allowed/],
    ['valueCum.constructor', /property or index access is not allowed/],
    ['"abc"', /text "abc" is not allowed/],
    ['cos(valueCum)', /function cos\(\) is not allowed/],
    ['valueCun / costCum', /unknown series "valueCun"; did you mean "valueCum"\?/],
    ['[1, 2]', /array is not allowed/],
    ['valueCum!', /operator "!" is not allowed/],
    ['min()', /cannot be evaluated/],
    ['1 +', /not a valid expression/],
  ];
  for (const [expr, why] of hostile) {
    it(`refuses ${expr}`, () => {
      let err: unknown;
      try {
        compileMetrics({ bad: expr }, 'my.json');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ScenarioError);
      const e = err as ScenarioError;
      expect(e.field).toBe('metrics.bad');
      expect(e.message).toContain(`my.json: metrics.bad = ${JSON.stringify(expr)}`);
      expect(e.message).toMatch(why);
    });
  }

  it('says what is allowed', () => {
    expect(() => compileMetrics({ bad: 'cos(valueCum)' })).toThrow(
      /allowed: numbers, series names, t, pi, e, .* abs, sqrt, log, exp, min, max, round, floor, ceil/,
    );
  });

  it('does not execute refused expressions', () => {
    const { math, parse } = restrictedMath();
    const units = () => {
      try {
        math.unit('1 orgsimFoo');
        return true;
      } catch {
        return false;
      }
    };
    expect(() => compileMetrics({ a: 'createUnit("orgsimFoo")' })).toThrow(ScenarioError);
    expect(units()).toBe(false);
    expect(() => compileMetrics({ b: 'import({pi: 3})' })).toThrow(ScenarioError);
    expect(math.pi).toBe(Math.PI);
    // Even past the tree check, the instance refuses to run them.
    for (const expr of [
      'createUnit("orgsimFoo")',
      'import({pi: 3})',
      'evaluate("1+1")',
      'parse("1")',
      'compile("1")',
      'simplify("x")',
      'derivative("x", "x")',
    ]) {
      expect(() => parse(expr).compile().evaluate({})).toThrow(/is disabled/);
    }
    expect(units()).toBe(false);
    expect(math.pi).toBe(Math.PI);
  });

  it('refuses a metric named like a reported series', () => {
    expect(() => compileMetrics({ valueCum: 'value' })).toThrow(/"valueCum" is already a reported series/);
  });

  it('whitelists by its own names only: constructor, toString, __proto__ are not series (issue 11, finding 9)', () => {
    for (const name of [
      'constructor',
      'toString',
      '__proto__',
      'valueOf',
      'hasOwnProperty',
      '__defineGetter__',
      'isPrototypeOf',
    ]) {
      expect(() => compileMetrics({ m: name }), name).toThrow(new RegExp(`unknown series "${name}"`));
      expect(() => compileMetrics({ m: `${name}(1)` }), name).toThrow(
        new RegExp(`function ${name}\\(\\) is not allowed`),
      );
    }
  });

  it('tries each expression on a synthetic run over the horizon (issue 11, finding 5)', () => {
    // round(x, t) is fine while t <= 15: a 10-tick scenario may use it, a 30-tick one may not.
    expect(compileMetrics({ r: 'round(valueCum, t)' }, 's.json', 10)).toHaveLength(1);
    expect(() => compileMetrics({ r: 'round(valueCum, t)' }, 's.json', 30)).toThrow(
      /s\.json: metrics\.r = "round\(valueCum, t\)": cannot be evaluated at t = 16/,
    );
    expect(() => validate({ ticks: 30, metrics: { r: 'round(valueCum, t)' } }, 's.json')).toThrow(
      /cannot be evaluated at t = 16/,
    );
    // A series used as a number of decimals takes fractional values in the trial.
    expect(() => compileMetrics({ r: 'round(valueCum, activeShare)' })).toThrow(
      /cannot be evaluated at t = \d+ with valueCum = [\d.e+]+, activeShare = 0\.5/,
    );
    // Division by zero and the log of a negative number are NaN or Infinity, not errors.
    expect(compileMetrics({ a: '1 / (valueCum - valueCum)', b: 'log(-valueCum)' })).toHaveLength(2);
  });

  it('is predictable: the square root of a negative number is NaN, not a complex number', () => {
    expect(restrictedMath().math.config({}).predictable).toBe(true);
    const [m] = compileMetrics({ r: 'sqrt(0 - 1 - valueCum)' }, 's.json', 10);
    const out = evaluateMetrics([m!], run.series, 10);
    expect(Number.isNaN(out.r![0]!)).toBe(true);
  });

  it('reports an error during a run as a user error naming the metric and the tick', () => {
    const [m] = compileMetrics({ r: 'round(valueCum, t)' }, 's.json', 10);
    expect(() => evaluateMetrics([m!], run.series, 30)).toThrow(ScenarioError);
    expect(() => evaluateMetrics([m!], run.series, 30)).toThrow(
      /metrics\.r = "round\(valueCum, t\)" cannot be evaluated at tick 16 of this run/,
    );
  });

  it('refuses more than 100 metrics, and names every object has', () => {
    expect(() => compileMetrics(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`m${i}`, 'value'])))).toThrow(
      /metrics has 101 derived series; expected at most 100/,
    );
    expect(() => validate(JSON.parse('{"metrics": {"__proto__": "value"}}'), 's.json')).toThrow(
      /metrics\.__proto__: "__proto__" is a reserved name/,
    );
    expect(() => validate({ metrics: { constructor: 'value' } }, 's.json')).toThrow(/"constructor" is a reserved name/);
  });
});
