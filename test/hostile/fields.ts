/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). A scenario's fields: types and ranges, infinities,
 * extends (cycles, chains, missing bases) and very long unknown names.
 */
import type { HostileCase } from './cases.ts';
import { json, tiny, TINY } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// Fields, types and ranges --------------------------------------------------------------------------------
const fields: [string, Record<string, unknown>, RegExp][] = [
  [
    'employees too few',
    { organization: { employees: 5 } },
    /organization\.employees = 5 is not allowed; expected from 10 to 2000000 people/,
  ],
  ['employees not whole', { organization: { employees: 100.5 } }, /organization\.employees = 100\.5 is not allowed/],
  [
    'employees as text',
    { organization: { employees: 'many' } },
    /organization\.employees = "many" is not allowed; expected a whole number/,
  ],
  ['employees null', { organization: { employees: null } }, /organization\.employees = null is not allowed/],
  ['employees as an array', { organization: { employees: [100] } }, /organization\.employees = \[100\] is not allowed/],
  ['employees 1e999 (Infinity)', {}, /./], // replaced below: JSON.stringify cannot write 1e999
  ['ticks 0', { ticks: 0 }, /ticks = 0 is not allowed; expected from 1 to 100000/],
  ['ticks over the maximum', { ticks: 1e9 }, /ticks = 1000000000 is not allowed/],
  ['seed negative', { seed: -1 }, /seed = -1 is not allowed/],
  ['seed over 2^31', { seed: 2 ** 31 }, /seed = 2147483648 is not allowed/],
  ['a share above 1', { cm: { speakShare: 1.5 } }, /cm\.speakShare = 1\.5 is not allowed; expected from 0 to 1/],
  ['a boolean as a number', { cm: { present: 1 } }, /cm\.present = 1 is not allowed; expected true or false/],
  [
    'a choice not in the list',
    { smm: { sourcing: 'offshore' } },
    /smm\.sourcing = "offshore" is not allowed; expected one of "internal", "outsourced"/,
  ],
  ['a section as a number', { organization: 3 }, /organization = 3 is not allowed/],
  ['a section as an array', { smm: [1] }, /smm = \[1\] is not allowed/],
  [
    'a name over 120 characters',
    { name: 'n'.repeat(121) },
    /name = "n{50,}\.\.\. is not allowed; expected at most 120/,
  ],
  [
    'a description over 4000 characters',
    { description: 'd'.repeat(4001) },
    /description = .* is not allowed; expected at most 4000/,
  ],
  ['a name that is not text', { name: 12 }, /name = 12 is not allowed; expected a text/],
  [
    'an unknown field',
    { organisation: { employees: 100 } },
    /unknown field "organisation"; did you mean "organization"\?/,
  ],
  ['an unknown nested field', { smm: { cont: 2 } }, /unknown field "smm\.cont"; did you mean "smm\.count"\?/],
  [
    'a __proto__ field',
    JSON.parse('{"__proto__": {"ticks": 3}}') as Record<string, unknown>,
    /unknown field "__proto__"/,
  ],
  [
    'a nested __proto__ field',
    JSON.parse('{"organization": {"__proto__": {"employees": 5}}}') as Record<string, unknown>,
    /unknown field "organization\.__proto__"/,
  ],
  ['a constructor field', { constructor: { prototype: { polluted: 1 } } }, /unknown field "constructor"/],
  [
    'a Beta shape of 0',
    { members: { riskAversion: { a: 0, b: 2 } } },
    /members\.riskAversion\.a = 0 is not allowed; expected from 0\.05 to 100/,
  ],
  ['an extends that is not text', { extends: 3 }, /extends: expected a scenario file name, got 3/],
  [
    'an unknown field with an escape sequence',
    { 'x\u001b]0;pwned\u0007': 1 },
    /unknown field "x\\u001b\]0;pwned\\u0007"/,
  ],
  [
    'a value with an escape sequence',
    { smm: { sourcing: '\u001b[2Jgone' } },
    /smm\.sourcing = "\\u001b\[2Jgone" is not allowed/,
  ],
  ['a key with a newline', { 'a\nb': 1 }, /unknown field "a\\u000ab"/],
];
for (const [what, extra, expect] of fields) {
  if (what.startsWith('employees 1e999')) continue;
  add({
    id: `field: ${what}`,
    finding: what.includes('escape') || what.includes('newline') ? 7 : 0,
    files: { 'a.json': json({ ...TINY, ...extra }) },
    args: ['validate', '@a.json'],
    expect,
  });
}
add({
  id: 'field: 1e999 is shown as Infinity, not null',
  finding: 10,
  files: { 'a.json': '{"organization": {"employees": 1e999}}' },
  args: ['validate', '@a.json'],
  expect: /organization\.employees = Infinity is not allowed/,
});
add({
  id: 'field: -1e999 is shown as -Infinity',
  finding: 10,
  files: { 'a.json': '{"ticks": -1e999}' },
  args: ['validate', '@a.json'],
  expect: /ticks = -Infinity is not allowed/,
});
add({
  id: 'field: Infinity inside an intervention',
  finding: 10,
  files: { 'a.json': '{"ticks": 10, "interventions": [{"at": 1, "set": {"smm.count": 1e999}}]}' },
  args: ['validate', '@a.json'],
  expect: /smm\.count = Infinity is not allowed/,
});
add({
  id: 'extends: a cycle',
  finding: 0,
  files: { 'a.json': json({ extends: 'b.json' }), 'b.json': json({ extends: 'a.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cycle through/,
});
add({
  id: 'extends: itself',
  finding: 0,
  files: { 'a.json': json({ extends: 'a.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cycle through/,
});
add({
  id: 'extends: a chain of 10 files',
  finding: 0,
  files: Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`s${i}.json`, json(i < 9 ? { extends: `s${i + 1}.json` } : TINY)]),
  ),
  args: ['validate', '@s0.json'],
  expect: /extends: chain deeper than 8 files/,
});
add({
  id: 'extends: a missing file',
  finding: 0,
  files: { 'a.json': json({ extends: 'missing.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*missing\.json: no such file/,
});
add({
  id: 'extends: a base with a bad field',
  finding: 0,
  files: { 'b.json': json({ smm: { count: -1 } }), 'a.json': json({ extends: 'b.json' }) },
  args: ['validate', '@a.json'],
  expect: /smm\.count = -1 is not allowed/,
});

// Long names: the "did you mean" distance is quadratic in a name's length, and a message quotes it
add({
  id: 'long: an unknown field of 1 MB',
  finding: 3,
  files: { 'a.json': json({ ['x'.repeat(2 ** 20)]: 1 }) },
  args: ['validate', '@a.json'],
  expect: /unknown field "x{70,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'long: an unknown nested field of 1 MB',
  finding: 3,
  files: { 'a.json': json({ organization: { ['y'.repeat(2 ** 20)]: 1 } }) },
  args: ['validate', '@a.json'],
  expect: /unknown field "organization\.y{60,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'long: an unknown --set path of 100 kB',
  finding: 3,
  files: { 'a.json': tiny() },
  args: ['validate', '@a.json', '--set', `${'s'.repeat(100_000)}=1`],
  expect: /--set: unknown parameter "s{70,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'long: an intervention path of 1 MB',
  finding: 3,
  files: { 'a.json': json({ ...TINY, interventions: [{ at: 1, set: { ['p'.repeat(2 ** 20)]: 1 } }] }) },
  args: ['validate', '@a.json'],
  expect: /interventions\.0\.set: unknown parameter "p{70,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'long: a metric name of 1 MB',
  finding: 3,
  files: { 'a.json': json({ ...TINY, metrics: { ['m'.repeat(2 ** 20)]: 'value' } }) },
  args: ['validate', '@a.json'],
  expect: /metrics\.m{30,}\.\.\.: a metric name has at most 64 characters$/,
  spawn: true,
});
add({
  id: 'long: a command of 100 kB',
  finding: 3,
  args: ['r'.repeat(100_000)],
  expect: /unknown command "r{70,}\.\.\."/,
  spawn: true,
});

export const FIELD_CASES: readonly HostileCase[] = cases;
