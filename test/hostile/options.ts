/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). The command line: --set, --ticks, --seed, --runs,
 * --workers and the other numeric options, unknown options and commands, outputs, report and merge folders.
 */
import type { FileSpec, HostileCase } from './cases.ts';
import { manifestOf, tiny } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

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

export const OPTION_CASES: readonly HostileCase[] = cases;
