/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). JSON that does not parse, a top level that is not an
 * object, and deep nesting of arrays, objects and extends.
 */
import type { HostileCase } from './cases.ts';
import { json, nest, tiny } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// JSON syntax ---------------------------------------------------------------------------------------------
const syntax: [string, string][] = [
  ['a trailing comma', '{"ticks": 10,}'],
  ['single quotes', "{'ticks': 10}"],
  ['a comment', '{"ticks": 10 /* two weeks */}'],
  ['NaN', '{"ticks": NaN}'],
  ['Infinity', '{"ticks": Infinity}'],
  ['an unterminated string', '{"name": "abc'],
  ['an empty file', ''],
  ['binary bytes', '\u0000\u0001\u0002\u00ff\u00fe'],
  ['a byte order mark', '\ufeff{"ticks": 10}'],
  ['a raw newline in a string', '{"name": "a\nb"}'],
  ['a raw escape character in a string', '{"name": "\u001b[2J"}'],
  ['two documents', '{"ticks": 10}{"ticks": 20}'],
  ['hexadecimal number', '{"ticks": 0x10}'],
  ['unquoted key', '{ticks: 10}'],
];
for (const [what, text] of syntax)
  add({
    id: `json: ${what}`,
    finding: 0,
    files: { 'a.json': text },
    args: ['validate', '@a.json'],
    expect: /a\.json: not valid JSON/,
  });
const notObject: [string, string][] = [
  ['an array', '[1, 2]'],
  ['a string', '"scenario"'],
  ['null', 'null'],
  ['a number', '42'],
  ['true', 'true'],
];
for (const [what, text] of notObject)
  add({
    id: `json: ${what} at the top`,
    finding: 0,
    files: { 'a.json': text },
    args: ['validate', '@a.json'],
    expect: /a scenario is a JSON object/,
  });
add({
  id: 'json: extends a file that is an array',
  finding: 0,
  files: { 'b.json': '[]', 'a.json': json({ extends: 'b.json' }) },
  args: ['validate', '@a.json'],
  expect: /b\.json: a scenario is a JSON object/,
});

// 6. Deep nesting -----------------------------------------------------------------------------------------
add({
  id: 'nesting: 1,000,000 nested arrays in interventions',
  finding: 6,
  files: { 'a.json': `{"interventions": ${nest('[', ']', 1_000_000)}}` },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels at line 1/,
  spawn: true,
});
add({
  id: 'nesting: an extends pair with 200,000 nested objects',
  finding: 6,
  files: {
    'b.json': `{"organization": ${nest('{"x":', '}', 200_000)}}`,
    'a.json': `{"extends": "b.json", "organization": ${nest('{"x":', '}', 200_000)}}`,
  },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels/,
  spawn: true,
});
add({
  id: 'nesting: 65 levels',
  finding: 6,
  files: { 'a.json': `{"description": ${nest('[', ']', 64)}}` },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels at line 1, column 80/,
});
add({
  id: 'nesting: deep objects in metrics',
  finding: 6,
  files: { 'a.json': `{"metrics": ${nest('{"m":', '}', 5000)}}` },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels/,
});
add({
  id: 'nesting: deep arrays across lines',
  finding: 6,
  files: { 'a.json': `{\n"organization":\n${nest('[\n', ']\n', 100)}}` },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels at line 66, column 1/,
});
add({
  id: 'nesting: brackets inside strings do not count, then real ones do',
  finding: 6,
  files: { 'a.json': `{"name": "${'['.repeat(1000)}", "description": ${nest('[', ']', 100)}}` },
  args: ['validate', '@a.json'],
  expect: /nested deeper than 64 levels/,
});
add({
  id: 'nesting: a deep --set value',
  finding: 6,
  files: { 'a.json': tiny() },
  args: ['validate', '@a.json', '--set', `smm.count=${nest('[', ']', 100_000)}`],
  expect: /--set: nested deeper than 64 levels/,
});
add({
  id: 'nesting: a deep --set object',
  finding: 6,
  files: { 'a.json': tiny() },
  args: ['validate', '@a.json', '--set', `name=${nest('{"a":', '}', 50_000)}`],
  expect: /--set: nested deeper than 64 levels/,
});
add({
  id: 'nesting: a deep story file',
  finding: 6,
  files: { 's.json': `{"title": "t", "steps": ${nest('[', ']', 500_000)}}` },
  args: ['validate', '--story', '@s.json'],
  expect: /s\.json: nested deeper than 64 levels/,
});
add({
  id: 'nesting: a deep sweep manifest',
  finding: 6,
  files: { 'a.json': tiny(), 'out/manifest.json': `{"points": ${nest('[', ']', 300_000)}, "seeds": [1]}` },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json is not an orgsim sweep manifest/,
});
add({
  id: 'nesting: deep interventions in an extended file',
  finding: 6,
  files: {
    'b.json': `{"interventions": [{"at": 1, "set": ${nest('{"a":', '}', 100_000)}}]}`,
    'a.json': json({ extends: 'b.json' }),
  },
  args: ['validate', '@a.json'],
  expect: /b\.json: nested deeper than 64 levels/,
});

export const SYNTAX_CASES: readonly HostileCase[] = cases;
