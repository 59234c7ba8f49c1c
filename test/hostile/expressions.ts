/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). Interventions and derived metrics that must be
 * refused before or while running.
 */
import type { HostileCase } from './cases.ts';
import { json, TINY } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// 3. Interventions ----------------------------------------------------------------------------------------
const iv = (list: unknown[], extra: Record<string, unknown> = {}) => json({ ...TINY, ...extra, interventions: list });
const interventions: [string, string, RegExp][] = [
  [
    'at the horizon',
    iv([{ at: 10, set: { 'smm.count': 1 } }]),
    /interventions\.0\.at = 10 is not allowed; expected a tick from 0 to 9/,
  ],
  ['at a negative tick', iv([{ at: -1, set: { 'smm.count': 1 } }]), /interventions\.0\.at = -1 is not allowed/],
  ['at a fractional tick', iv([{ at: 1.5, set: { 'smm.count': 1 } }]), /interventions\.0\.at = 1\.5 is not allowed/],
  [
    'an unknown parameter',
    iv([{ at: 1, set: { 'smm.cont': 1 } }]),
    /interventions\.0\.set: unknown parameter "smm\.cont"; did you mean "smm\.count"\?/,
  ],
  [
    'a parameter fixed at the start',
    iv([{ at: 1, set: { 'organization.employees': 100 } }]),
    /"organization\.employees" cannot change during a run/,
  ],
  [
    'a value out of range',
    iv([{ at: 1, set: { 'cm.speakShare': 2 } }]),
    /interventions\.0\.set: cm\.speakShare = 2 is not allowed; expected from 0 to 1/,
  ],
  ['a value of the wrong type', iv([{ at: 1, set: { 'cm.present': 'yes' } }]), /cm\.present = "yes" is not allowed/],
  ['a __proto__ path', iv([{ at: 1, set: { '__proto__.polluted': 1 } }]), /unknown parameter "__proto__\.polluted"/],
  [
    'a constructor path',
    iv([{ at: 1, set: { 'constructor.prototype.polluted': 1 } }]),
    /unknown parameter "constructor\.prototype\.polluted"/,
  ],
  [
    'an object as a value',
    iv([{ at: 1, set: { 'smm.count': { n: 1 } } }]),
    /interventions\.0\.set\.smm\.count = \{"n":1\} is not allowed; expected a number, true or false, or a text/,
  ],
  [
    'a label over 200 characters',
    iv([{ at: 1, label: 'l'.repeat(201), set: {} }]),
    /interventions\.0\.label = .* is not allowed; expected at most 200/,
  ],
  ['an unknown field', iv([{ at: 1, when: 2, set: {} }]), /unknown field "interventions\.0\.when"/],
  ['no set', iv([{ at: 1 }]), /interventions\.0\.set = undefined is not allowed/],
  ['set as an array', iv([{ at: 1, set: [1] }]), /interventions\.0\.set = \[1\] is not allowed/],
  [
    'interventions as an object',
    json({ ...TINY, interventions: { at: 1 } }),
    /interventions = \{"at":1\} is not allowed/,
  ],
  [
    '10,001 interventions (the maximum is 10,000)',
    iv(Array.from({ length: 10_001 }, (_, i) => ({ at: i % 10, set: { 'smm.count': i % 3 } }))),
    /interventions = .* is not allowed; expected at most 10000/,
  ],
  [
    'the last of 10,000 interventions out of range',
    iv(
      Array.from({ length: 10_000 }, (_, i) => ({
        at: i % 500,
        set: { 'smm.count': i === 9_999 ? -1 : i % 3, 'cm.speakShare': (i % 10) / 10 },
      })),
      { ticks: 500 },
    ),
    /interventions\.9999\.set: smm\.count = -1 is not allowed/,
  ],
  [
    'the last of 10,000 interventions after the horizon',
    iv(
      Array.from({ length: 10_000 }, (_, i) => ({ at: i === 9_999 ? 500 : i % 500, set: { 'smm.count': i % 3 } })),
      { ticks: 500 },
    ),
    /interventions\.9999\.at = 500 is not allowed; expected a tick from 0 to 499/,
  ],
];
for (const [what, text, expect] of interventions) {
  add({
    id: `intervention: ${what}`,
    finding: what.includes('10,00') ? 3 : 0,
    files: { 'a.json': text },
    args: ['validate', '@a.json'],
    expect,
    spawn: what.includes('10,000 '),
  });
}
add({
  id: 'intervention: after a horizon shortened by --ticks',
  finding: 10,
  files: { 'a.json': iv([{ at: 8, set: { 'smm.count': 1 } }]) },
  args: ['validate', '@a.json', '--set', 'ticks=5'],
  expect: /interventions\.0\.at = 8 is not allowed; expected a tick from 0 to 4 \(ticks = 5 comes from --set\)/,
});
add({
  id: 'intervention: run --ticks before an intervention',
  finding: 10,
  files: { 'a.json': iv([{ at: 8, set: { 'smm.count': 1 } }]) },
  args: ['run', '@a.json', '--ticks', '5'],
  expect: /expected a tick from 0 to 4 \(ticks = 5 comes from --ticks\)/,
});

// 5, 9. Derived metrics -----------------------------------------------------------------------------------
const metric = (expr: unknown) => json({ ...TINY, metrics: { m: expr } });
const metrics: [string, string, RegExp][] = [
  ['constructor', 'constructor', /unknown series "constructor"/],
  ['toString', 'toString', /unknown series "toString"/],
  ['__proto__', '__proto__', /unknown series "__proto__"/],
  ['valueOf', 'valueOf', /unknown series "valueOf"/],
  ['hasOwnProperty', 'hasOwnProperty', /unknown series "hasOwnProperty"/],
  ['isPrototypeOf', 'isPrototypeOf + 1', /unknown series "isPrototypeOf"/],
  ['constructor()', 'constructor()', /function constructor\(\) is not allowed/],
  ['toString(1)', 'toString(1)', /function toString\(\) is not allowed/],
  ['__defineGetter__', '__defineGetter__("a", 1)', /function __defineGetter__\(\) is not allowed/],
  ['a property of a series', 'valueCum.constructor', /property or index access is not allowed/],
  ['an index by name', 'valueCum["constructor"]', /property or index access is not allowed/],
  ['a chain to Function', 'valueCum.constructor.constructor("return process")()', /not a valid expression|not allowed/],
  [
    'a chain to Function, called by name',
    'valueCum.constructor.constructor("return process")',
    /only calls to named functions are allowed/,
  ],
  ['import', 'import({x: 1})', /function import\(\) is not allowed/],
  ['evaluate', 'evaluate("1 + 1")', /function evaluate\(\) is not allowed/],
  ['parse', 'parse("1")', /function parse\(\) is not allowed/],
  ['compile', 'compile("1")', /function compile\(\) is not allowed/],
  ['createUnit', 'createUnit("foo")', /function createUnit\(\) is not allowed/],
  ['simplify', 'simplify("x")', /function simplify\(\) is not allowed/],
  ['derivative', 'derivative("x^2", "x")', /function derivative\(\) is not allowed/],
  ['cos (not whitelisted)', 'cos(valueCum)', /function cos\(\) is not allowed/],
  ['a function definition', 'f(x) = x', /function definition is not allowed/],
  ['an assignment', 'a = 1', /assignment \(=\) is not allowed/],
  ['an array', '[1, 2]', /array is not allowed/],
  ['an object', '{a: 1}', /object literal is not allowed/],
  ['a range', '1:3', /range \(:\) is not allowed/],
  ['several statements', '1; 2', /several statements is not allowed/],
  ['text', '"abc"', /text "abc" is not allowed/],
  ['a factorial', 'valueCum!', /operator "!" is not allowed/],
  ['a bitwise and', 'valueCum & 1', /operator "&" is not allowed/],
  ['round(valueCum, t): fails from t = 16', '__ticks30__round(valueCum, t)', /cannot be evaluated at t = 16/],
  ['round to 20 decimals', 'round(valueCum, 20)', /cannot be evaluated at t = 0/],
  [
    'round to a share of decimals',
    'round(valueCum, activeShare)',
    /cannot be evaluated at t = \d+ with valueCum = [\d.]+, activeShare = 0\.5/,
  ],
  ['min() without arguments', 'min()', /cannot be evaluated/],
  ['an unknown series with a near name', 'valueCun / costCum', /unknown series "valueCun"; did you mean "valueCum"\?/],
  ['a syntax error', '1 +', /not a valid expression/],
  ['an empty expression', '  ', /expected an expression/],
  [
    'an expression over 500 characters',
    `${'1 + '.repeat(130)}1`,
    /metrics\.m = .* is not allowed; expected at most 500/,
  ],
  ['not text', '__number__', /metrics\.m = 3 is not allowed/],
];
for (const [what, expr, expect] of metrics) {
  const finding = /cannot be evaluated|round/.test(expect.source)
    ? 5
    : /constructor|toString|__proto__|valueOf|hasOwn|isPrototype|__define/.test(what)
      ? 9
      : 0;
  const text =
    expr === '__number__'
      ? metric(3)
      : expr.startsWith('__ticks30__')
        ? json({ ...TINY, ticks: 30, metrics: { m: expr.slice(11) } })
        : metric(expr);
  add({ id: `metric: ${what}`, finding, files: { 'a.json': text }, args: ['validate', '@a.json'], expect });
}
add({
  id: 'metric: named constructor',
  finding: 9,
  files: { 'a.json': json({ ...TINY, metrics: { constructor: 'value' } }) },
  args: ['validate', '@a.json'],
  expect: /metrics\.constructor: "constructor" is a reserved name/,
});
add({
  id: 'metric: named __proto__',
  finding: 9,
  files: { 'a.json': `{"ticks": 10, "metrics": {"__proto__": "value"}}` },
  args: ['validate', '@a.json'],
  expect: /metrics\.__proto__: "__proto__" is a reserved name/,
});
add({
  id: 'metric: named toString',
  finding: 9,
  files: { 'a.json': json({ ...TINY, metrics: { toString: 'value' } }) },
  args: ['validate', '@a.json'],
  expect: /"toString" is a reserved name/,
});
add({
  id: 'metric: named like a series',
  finding: 0,
  files: { 'a.json': json({ ...TINY, metrics: { valueCum: 'value' } }) },
  args: ['validate', '@a.json'],
  expect: /"valueCum" is already a reported series/,
});
add({
  id: 'metric: a name with a dash',
  finding: 0,
  files: { 'a.json': json({ ...TINY, metrics: { 'a-b': 'value' } }) },
  args: ['validate', '@a.json'],
  expect: /metrics\.a-b: the name "a-b" is not allowed \(a metric name is letters, digits and _\)/,
});
add({
  id: 'metric: 101 metrics',
  finding: 0,
  files: {
    'a.json': json({ ...TINY, metrics: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`m${i}`, 'value'])) }),
  },
  args: ['validate', '@a.json'],
  expect: /metrics has 101 derived series; expected at most 100/,
});
add({
  id: 'metric: a runtime failure in run --runs 2 is a user error',
  finding: 5,
  files: { 'a.json': json({ ...TINY, ticks: 30, metrics: { r: 'round(valueCum, t)' } }) },
  args: ['run', '@a.json', '--runs', '2', '--workers', '2'],
  expect: /metrics\.r = "round\(valueCum, t\)": cannot be evaluated at t = 16/,
});

export const EXPRESSION_CASES: readonly HostileCase[] = cases;
