/**
 * The hostile corpus (issue 11): inputs a careful user or an attacker with a shared file can give the
 * command line, and what orgsim must answer. Every case ends with exit 2 and one line on stderr that matches
 * `expect` (test/hostile.test.ts checks it, with no stack trace, no raw control character, no temporary file
 * left and a bounded time). `finding` is the item of the issue the case covers (0: none in particular).
 *
 * Files are created in a fresh folder per case; in `args`, "@name" is the path of file "name" there.
 * Cases that could block a process (pipes, devices) or take long if validation regressed run as real
 * processes (`spawn`), killed after a timeout, so that a regression fails instead of hanging the suite.
 */

export type FileSpec = string | { fifo: true } | { symlink: string } | { dir: true } | { text: string; mode: number };

export interface HostileCase {
  id: string;
  finding: number;
  /** The family of issue 22 the case covers (outputs, system folders, folder kinds, observed data, replays...). */
  family?: number;
  files?: Record<string, FileSpec>;
  args: string[];
  expect: RegExp;
  spawn?: boolean;
  env?: Record<string, string>;
  /** Paths outside the case's folder that must not exist afterwards (an output refused in /dev). */
  absent?: string[];
}

import { OUTPUT_CASES } from './outputs.ts';
import { FOLDER_CASES } from './folders.ts';
import { OBSERVED_CASES } from './observed.ts';
import { REPLAY_CASES } from './replays.ts';

const MB = 2 ** 20;
const json = (x: unknown) => JSON.stringify(x);
/** A small, fast scenario: what the hostile part is added to. */
const TINY = { organization: { employees: 50 }, external: { customers: 10 }, ticks: 10 };
const tiny = (extra: Record<string, unknown> = {}) => json({ ...TINY, ...extra });
const nest = (open: string, close: string, n: number, inner = '1') => open.repeat(n) + inner + close.repeat(n);
const manifestOf = (extra: Record<string, unknown> = {}) => json({ points: [[0]], seeds: [1], ...extra });

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// 1. Reading: special files, sizes, links ------------------------------------------------------------------
add({
  id: 'read: /dev/zero as the scenario',
  finding: 1,
  args: ['validate', '/dev/zero'],
  expect: /\/dev\/zero: a character device, not a regular file/,
  spawn: true,
});
add({
  id: 'read: extends /dev/zero',
  finding: 1,
  files: { 'a.json': json({ extends: '/dev/zero' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read \/dev\/zero: a character device/,
  spawn: true,
});
add({
  id: 'read: extends /dev/urandom',
  finding: 1,
  files: { 'a.json': json({ extends: '/dev/urandom' }) },
  args: ['run', '@a.json'],
  expect: /\/dev\/urandom: a character device/,
  spawn: true,
});
add({
  id: 'read: a named pipe as the scenario',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['validate', '@f.json'],
  expect: /f\.json: a named pipe, not a regular file/,
  spawn: true,
});
add({
  id: 'read: extends a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true }, 'a.json': json({ extends: 'f.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*f\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: run a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['run', '@f.json', '--ticks', '5'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: compare with a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true }, 'a.json': tiny() },
  args: ['compare', '@a.json', '@f.json', '--runs', '2'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: sweep a named pipe',
  finding: 1,
  files: { 'f.json': { fifo: true } },
  args: ['sweep', '@f.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /a named pipe/,
  spawn: true,
});
add({
  id: 'read: a symbolic link to /dev/zero',
  finding: 1,
  files: { 'z.json': { symlink: '/dev/zero' } },
  args: ['validate', '@z.json'],
  expect: /z\.json: a character device/,
  spawn: true,
});
add({
  id: 'read: a symbolic link to a named pipe',
  finding: 1,
  files: { f: { fifo: true }, 'l.json': { symlink: 'f' } },
  args: ['validate', '@l.json'],
  expect: /l\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: a folder as the scenario',
  finding: 1,
  files: { 'd.json': { dir: true } },
  args: ['validate', '@d.json'],
  expect: /d\.json: a folder, not a regular file/,
});
add({
  id: 'read: extends a folder',
  finding: 1,
  files: { d: { dir: true }, 'a.json': json({ extends: 'd' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*d: a folder/,
});
add({
  id: 'read: extends the folder itself',
  finding: 1,
  files: { 'a.json': json({ extends: '.' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*: a folder/,
});
add({
  id: 'read: a 6 MB scenario file',
  finding: 1,
  files: { 'big.json': json({ ...TINY, description: 'x'.repeat(6 * MB) }) },
  args: ['validate', '@big.json'],
  expect: /big\.json: 6 MB is too large; the limit for a scenario file is 5 MB/,
});
add({
  id: 'read: extends a 6 MB file',
  finding: 1,
  files: { 'big.json': ' '.repeat(6 * MB) + '{}', 'a.json': json({ extends: 'big.json' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*big\.json: 6 MB is too large/,
});
add({
  id: 'read: a 50 MB file of spaces',
  finding: 1,
  files: { 'big.json': ' '.repeat(50 * MB) },
  args: ['run', '@big.json'],
  expect: /50 MB is too large/,
});
add({
  id: 'read: a symbolic link loop',
  finding: 1,
  files: { 'a.json': { symlink: 'b.json' }, 'b.json': { symlink: 'a.json' } },
  args: ['validate', '@a.json'],
  expect: /a\.json: too many symbolic links/,
});
add({
  id: 'read: extends a symbolic link loop',
  finding: 1,
  files: { l1: { symlink: 'l2' }, l2: { symlink: 'l1' }, 'a.json': json({ extends: 'l1' }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*l1: too many symbolic links/,
});
add({
  id: 'read: a missing file',
  finding: 1,
  args: ['validate', '@nothing.json'],
  expect: /nothing\.json: no such file/,
});
add({
  id: 'read: a file under a file',
  finding: 1,
  files: { f: 'x' },
  args: ['validate', '@f/a.json'],
  expect: /a folder in the path is a file/,
});
add({
  id: 'read: /proc/self/status (not JSON)',
  finding: 1,
  args: ['validate', '/proc/self/status'],
  expect: /\/proc\/self\/status: not valid JSON/,
});
add({
  id: 'read: extends /etc/passwd',
  finding: 1,
  files: { 'a.json': json({ extends: '/etc/passwd' }) },
  args: ['validate', '@a.json'],
  expect: /\/etc\/passwd: not valid JSON/,
});
add({
  id: 'read: extends a name too long',
  finding: 1,
  files: { 'a.json': json({ extends: `${'x'.repeat(5000)}.json` }) },
  args: ['validate', '@a.json'],
  expect: /extends: cannot read .*: the name is too long/,
});
add({
  id: 'read: /dev/stdin',
  finding: 1,
  args: ['validate', '/dev/stdin'],
  expect: /\/dev\/stdin: a (character device|named pipe|socket|device or socket)/,
  spawn: true,
});
add({
  id: 'read: the story file is a named pipe',
  finding: 1,
  files: { 's.json': { fifo: true } },
  args: ['validate', '--story', '@s.json'],
  expect: /s\.json: a named pipe, not a regular file; a story file/,
  spawn: true,
});
add({
  id: 'read: the story file is /dev/zero',
  finding: 1,
  args: ['validate', '--story', '/dev/zero'],
  expect: /a character device, not a regular file; a story file/,
  spawn: true,
});
add({
  id: 'read: a 6 MB story file',
  finding: 1,
  files: { 's.json': ' '.repeat(6 * MB) },
  args: ['validate', '--story', '@s.json'],
  expect: /6 MB is too large; the limit for a story file is 5 MB/,
});
add({
  id: 'read: report with a named pipe as manifest',
  finding: 1,
  files: { 'd/manifest.json': { fifo: true } },
  args: ['report', '@d'],
  expect: /manifest\.json: a named pipe, not a regular file; a sweep manifest/,
  spawn: true,
});
add({
  id: 'read: report with a named pipe as runs.csv',
  finding: 1,
  files: { 'd/manifest.json': manifestOf({ command: 'sweep' }), 'd/runs.csv': { fifo: true } },
  args: ['report', '@d'],
  expect: /runs\.csv: a named pipe/,
  spawn: true,
});
add({
  id: 'read: merge a shard whose manifest is /dev/zero',
  finding: 1,
  files: { 'd/manifest.json': { symlink: '/dev/zero' } },
  args: ['merge', '@d', '--out', '@m'],
  expect: /manifest\.json: a character device/,
  spawn: true,
});
add({
  id: 'read: sweep into a folder whose manifest is a named pipe',
  finding: 1,
  files: { 'a.json': tiny(), 'out/manifest.json': { fifo: true } },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json: a named pipe/,
  spawn: true,
});
add({
  id: 'read: sweep into a folder whose manifest is a folder',
  finding: 1,
  files: { 'a.json': tiny(), 'out/manifest.json': { dir: true } },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json: a folder, not a regular file/,
});

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

// 10. --set, options and outputs --------------------------------------------------------------------------
const setCases: [string, string, RegExp][] = [
  ['an unknown path', 'smm.cont=2', /--set: unknown parameter "smm\.cont"; did you mean "smm\.count"\?/],
  ['no =', 'smm.count', /--set: expected path=value, got "smm\.count"/],
  ['an empty path', '=3', /--set: expected path=value, got "=3"/],
  ['a value of the wrong type', 'smm.count=many', /--set: smm\.count = "many" is not allowed; expected a whole number/],
  ['a value out of range', 'smm.count=-1', /--set: smm\.count = -1 is not allowed/],
  [
    '1e999, shown as Infinity',
    'organization.teamSize=1e999',
    /--set: organization\.teamSize = Infinity is not allowed/,
  ],
  ['NaN', 'cm.speakShare=NaN', /--set: cm\.speakShare = "NaN" is not allowed/],
  ['a __proto__ path', '__proto__.polluted=1', /--set: unknown parameter "__proto__\.polluted"/],
  [
    'a constructor path',
    'constructor.prototype.polluted=1',
    /--set: unknown parameter "constructor\.prototype\.polluted"/,
  ],
  ['a path into __proto__', 'organization.__proto__=1', /--set: unknown parameter "organization\.__proto__"/],
  ['a trailing dot', 'smm.=1', /--set: unknown parameter "smm\."/],
  ['interventions', 'interventions=[]', /--set: unknown parameter "interventions"/],
  ['a metric', 'metrics.x=value', /--set: unknown parameter "metrics\.x"/],
  ['a 100 kB value', `name=${'n'.repeat(100_000)}`, /--set: name = "n+\.\.\. is not allowed; expected at most 120/],
  [
    'a value with an escape sequence',
    'smm.sourcing=\u001b]0;pwned\u0007',
    /--set: smm\.sourcing = "\\u001b\]0;pwned\\u0007" is not allowed/,
  ],
  ['a name with a newline', 'name=a\nb', /^orgsim: ok|./],
];
for (const [what, set, expect] of setCases) {
  if (what === 'a name with a newline') continue; // valid: a name may hold a newline (it is shown escaped)
  add({
    id: `--set: ${what}`,
    finding: /range|type|Infinity|NaN/.test(what) ? 10 : what.includes('escape') ? 7 : 0,
    files: { 'a.json': tiny() },
    args: ['validate', '@a.json', '--set', set],
    expect,
  });
}
add({
  id: '--set: blamed on --set, not on the file',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--set', 'ticks=x'],
  expect: /^orgsim: --set: ticks = "x" is not allowed/,
});
add({
  id: '--ticks: blamed on --ticks',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--ticks', '0'],
  expect: /^orgsim: --ticks: ticks = 0 is not allowed/,
});
add({
  id: '--ticks: text',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--ticks', 'ten'],
  expect: /^orgsim: --ticks: ticks = "ten" is not allowed/,
});
add({
  id: '--seed: negative, blamed on --seed',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--seed', '-1'],
  expect: /--seed|starts with "-"/,
});
add({
  id: '--seed: over 2^31',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--seed', '4294967296'],
  expect: /^orgsim: --seed: seed = 4294967296 is not allowed/,
});
add({
  id: '--seed: fractional',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['compare', '@a.json', '@a.json', '--seed', '1.5'],
  expect: /^orgsim: --seed: seed = 1\.5 is not allowed/,
});
for (const runs of ['0x10', '1e2', '16.0', ' 3', '3 ', '+3', '0', '-1', '', '100001', '0b11', '1_000', '３']) {
  add({
    id: `--runs ${JSON.stringify(runs)}`,
    finding: runs === '0x10' ? 10 : 0,
    files: { 'a.json': tiny() },
    args: ['run', '@a.json', `--runs=${runs}`],
    expect: /--runs = ".*" is not allowed; expected a whole number from 1 to 100000/,
  });
}
for (const workers of ['0', '0x2', '1e3', '2.5', '1025']) {
  add({
    id: `--workers ${workers}`,
    finding: 0,
    files: { 'a.json': tiny() },
    args: ['run', '@a.json', '--workers', workers],
    expect: /--workers = ".*" is not allowed; expected a whole number from 1 to 1024/,
  });
}
add({
  id: 'sweep --samples 0x10',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['sweep', '@a.json', '--design', 'lhs', '--samples', '0x10', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /--samples = "0x10" is not allowed/,
});
add({
  id: 'sensitivity --bootstrap 1e3',
  finding: 10,
  files: { 'a.json': tiny() },
  args: [
    'sensitivity',
    '@a.json',
    '--method',
    'morris',
    '--bootstrap',
    '1e3',
    '--param',
    'smm.count=0:2',
    '--out',
    '@out',
  ],
  expect: /--bootstrap = "1e3" is not allowed/,
});
add({
  id: 'sensitivity --levels 0x4',
  finding: 10,
  files: { 'a.json': tiny() },
  args: [
    'sensitivity',
    '@a.json',
    '--method',
    'morris',
    '--levels',
    '0x4',
    '--param',
    'smm.count=0:2',
    '--out',
    '@out',
  ],
  expect: /--levels = "0x4" is not allowed/,
});
add({
  id: 'sweep --shard 1/1',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--shard', '1/1', '--out', '@out'],
  expect: /--shard "1\/1" is not allowed/,
});
add({
  id: 'an unknown option',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['run', '@a.json', '--rnus', '3'],
  expect: /unknown option --rnus for "run"; did you mean --runs\?/,
});
add({
  id: 'an unknown command',
  finding: 0,
  args: ['rn', 'baseline'],
  expect: /unknown command "rn"; did you mean "run"\?/,
});
add({
  id: 'an unknown command with an escape sequence',
  finding: 7,
  args: ['\u001b[2Jrun'],
  expect: /unknown command "\\u001b\[2Jrun"/,
});

const outCases: [string, Record<string, FileSpec>, string, RegExp][] = [
  ['into /proc', {}, '/proc/x.csv', /--out \/proc\/x\.csv: \/proc holds the system's processes, not results/],
  ['into /sys', {}, '/sys/x.json', /--out \/sys\/x\.json: \/sys holds the system's kernel objects, not results/],
  [
    'a read-only target',
    { 'ro.csv': { text: 'old\n', mode: 0o444 } },
    '@ro.csv',
    /the file is read-only; make it writable/,
  ],
  ['a read-only JSON target', { 'ro.json': { text: '{}', mode: 0o400 } }, '@ro.json', /the file is read-only/],
  ['a folder', { 'd.csv': { dir: true } }, '@d.csv', /is a folder, not a file/],
  ['a named pipe', { 'p.csv': { fifo: true } }, '@p.csv', /is not a regular file \(a device, a pipe or a socket\)/],
  ['a missing folder', {}, '@no/x.csv', /the folder .*no does not exist/],
  ['a .txt file', {}, '@x.txt', /the file name must end in \.csv or \.json, not \.txt/],
  ['/dev/null', {}, '/dev/null', /--out \/dev\/null: \/dev holds the system's devices, not results/],
  ['a folder that is a file', { f: 'x' }, '@f/x.csv', /the folder .*f does not exist/],
];
for (const [what, files, out, expect] of outCases) {
  add({
    id: `--out ${what}`,
    finding: 10,
    files: { 'a.json': tiny(), ...files },
    args: ['run', '@a.json', '--out', out],
    expect,
    spawn: what.includes('pipe'),
  });
}
add({
  id: 'compare --out a read-only target',
  finding: 10,
  files: { 'a.json': tiny(), 'ro.csv': { text: 'old\n', mode: 0o444 } },
  args: ['compare', '@a.json', '@a.json', '--runs', '2', '--out', '@ro.csv'],
  expect: /the file is read-only/,
});
add({
  id: 'sweep --out a file',
  finding: 0,
  files: { 'a.json': tiny(), f: 'x' },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@f'],
  expect: /--out .*f: is a file/,
});
add({
  id: 'sweep --out into /proc',
  finding: 10,
  files: { 'a.json': tiny() },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '/proc/orgsim-sweep'],
  expect: /--out \/proc\/orgsim-sweep: \/proc holds the system's processes/,
});
add({
  id: 'sweep --out a non-empty folder without manifest',
  finding: 0,
  files: { 'a.json': tiny(), 'out/x.txt': 'x' },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /the folder is not empty and holds no manifest\.json/,
});
add({
  id: 'sweep --out a folder with a garbage manifest',
  finding: 0,
  files: { 'a.json': tiny(), 'out/manifest.json': 'garbage' },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@out'],
  expect: /manifest\.json is not an orgsim sweep manifest/,
});
add({
  id: 'report: a folder without manifest',
  finding: 0,
  files: { 'd/x': 'x' },
  args: ['report', '@d'],
  expect: /holds no manifest\.json nor calibration\.json: not the folder of a sweep/,
});
add({
  id: 'report: a manifest without runs.csv',
  finding: 0,
  files: { 'd/manifest.json': manifestOf({ command: 'sweep' }) },
  args: ['report', '@d'],
  expect: /no runs\.csv to report on/,
});
add({
  id: 'merge: a folder without manifest',
  finding: 0,
  files: { 'd/x': 'x' },
  args: ['merge', '@d', '--out', '@m'],
  expect: /holds no manifest\.json: not the folder of a sweep/,
});
add({
  id: 'merge: into one of the shards',
  finding: 0,
  files: { 'd/x': 'x' },
  args: ['merge', '@d', '--out', '@d'],
  expect: /is one of the shard folders/,
});

// 4. compare ----------------------------------------------------------------------------------------------
add({
  id: 'compare: different horizons',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 20 }), 'b.json': tiny({ ticks: 10 }) },
  args: ['compare', '@a.json', '@b.json', '--runs', '2'],
  expect:
    /scenario B \(.*b\.json\): ticks = 10, but A \(.*a\.json\) runs 20 ticks; compared scenarios need the same horizon/,
});
add({
  id: 'compare: different horizons through extends',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 20 }), 'b.json': json({ extends: 'a.json', ticks: 19 }) },
  args: ['compare', '@a.json', '@a.json', '@b.json', '--runs', '2'],
  expect: /scenario C .*ticks = 19, but A .* runs 20 ticks/,
});
add({
  id: 'compare: 500 days against 100 days',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 500 }), 'b.json': tiny({ ticks: 100 }) },
  args: ['compare', '@a.json', '@b.json'],
  expect: /need the same horizon \(set "ticks": 500 in .*b\.json, or run all with --ticks 500\)/,
});
add({
  id: 'compare: one scenario',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['compare', '@a.json'],
  expect: /compare needs at least two/,
});
add({
  id: 'compare: one run',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['compare', '@a.json', '@a.json', '--runs', '1'],
  expect: /--runs must be at least 2/,
});

// Story files ---------------------------------------------------------------------------------------------
const step = {
  title: 'Step',
  quote: 'q',
  source: 's',
  arms: [
    { scenario: 'small', label: 'A' },
    { scenario: 'small', label: 'B', changes: 'smm.count=3' },
  ],
  measure: { metric: 'participation:all', reduce: 'mean', noun: 'participation' },
};
const story = (s: unknown) => json(s);
const stories: [string, string, RegExp][] = [
  ['not JSON', '{"title": ', /s\.json: not valid JSON/],
  ['an array', '[]', /a scenario is a JSON object|is a JSON object/],
  ['no steps', story({ title: 'T' }), /steps = undefined is not allowed/],
  ['no step', story({ title: 'T', steps: [] }), /steps = \[\] is not allowed/],
  [
    'an unknown scenario',
    story({ title: 'T', steps: [{ ...step, arms: [{ scenario: '../../etc/passwd', label: 'x' }, step.arms[0]] }] }),
    /steps\[0\]\.arms\[0\]\.scenario = "\.\.\/\.\.\/etc\/passwd" is not a shipped scenario/,
  ],
  [
    'an unknown field',
    story({ title: 'T', steps: [{ ...step, script: 'alert(1)' }] }),
    /unknown field "steps\[0\]\.script"/,
  ],
  [
    'one arm',
    story({ title: 'T', steps: [{ ...step, arms: [step.arms[0]] }] }),
    /steps\[0\]\.arms = .* is not allowed; expected at least 2/,
  ],
  [
    'an unknown measure',
    story({ title: 'T', steps: [{ ...step, measure: { ...step.measure, metric: 'constructor' } }] }),
    /steps\[0\]\.measure\.metric = "constructor" is not allowed/,
  ],
  ['runs as text', story({ title: 'T', steps: [{ ...step, runs: '10' }] }), /steps\[0\]\.runs = "10" is not allowed/],
  [
    'a window that ends before it starts',
    story({ title: 'T', steps: [{ ...step, measure: { ...step.measure, from: 10, to: 5 } }] }),
    /steps\[0\]\.measure\.to = 5 is not allowed/,
  ],
  [
    '101 steps',
    story({ title: 'T', steps: Array.from({ length: 101 }, () => step) }),
    /steps = .* is not allowed; expected at most 100/,
  ],
  [
    'a title with an escape sequence and no steps',
    story({ title: '\u001b]0;pwned\u0007', steps: [] }),
    /steps = \[\] is not allowed/,
  ],
];
for (const [what, text, expect] of stories)
  add({
    id: `story: ${what}`,
    finding: what.includes('escape') ? 7 : 0,
    files: { 's.json': text },
    args: ['validate', '--story', '@s.json'],
    expect,
  });
add({
  id: 'long: a story field of 1 MB',
  finding: 3,
  files: { 's.json': json({ title: 'T', ['k'.repeat(2 ** 20)]: 1, steps: [step] }) },
  args: ['validate', '--story', '@s.json'],
  expect: /unknown field "k{70,}\.\.\."$/,
  spawn: true,
});
add({
  id: 'story: --set with --story',
  finding: 0,
  files: { 's.json': story({ title: 'T', steps: [step] }) },
  args: ['validate', '--story', '@s.json', '--set', 'smm.count=1'],
  expect: /--set applies to scenarios, not to story files/,
});

// Sizes ---------------------------------------------------------------------------------------------------
add({
  id: 'size: 2,000,000 employees over the memory limit',
  finding: 10,
  files: { 'a.json': json({ organization: { employees: 2_000_000 } }) },
  args: ['run', '@a.json', '--workers', '1'],
  expect: /organization\.employees = 2000000 needs about .* of memory for one run; the limit is 500 MB/,
  env: { ORGSIM_MAX_MEMORY_MB: '500' },
});
add({
  id: 'size: 100,000 ticks x 100,000 runs',
  finding: 0,
  files: { 'a.json': tiny({ ticks: 100_000 }) },
  args: ['run', '@a.json', '--runs', '100000', '--out', '@x.csv'],
  expect: /keeping the series of 100000 runs|the CSV would have/,
});

export const CASES: readonly HostileCase[] = [
  ...cases,
  ...OUTPUT_CASES,
  ...FOLDER_CASES,
  ...OBSERVED_CASES,
  ...REPLAY_CASES,
];
