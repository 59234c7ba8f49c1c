/**
 * Issue 22, families 1 and 2: outputs that would overwrite one another (two options naming one file, an
 * output naming an input, a single-valued option given twice) and outputs into the system's device and
 * process folders, whoever runs. Each is refused before anything runs; the files already there are left
 * as they were (test/hostile.test.ts compares the case's folder before and after).
 */
import type { HostileCase } from './cases.ts';
import { GOOD_REPLAY } from './replays.ts';

const json = (x: unknown) => JSON.stringify(x);
const TINY = json({ organization: { employees: 50 }, external: { customers: 10 }, ticks: 10 });
const OLD = 'run,seed,tick,series,value\n0,1,0,contributors,3\n';
const cases: HostileCase[] = [];
const add = (c: Omit<HostileCase, 'finding'>) => cases.push({ finding: 0, ...c });

// 1. Two outputs, one file -----------------------------------------------------------------------------------
const SAME = /name the same file: one would replace the other; give each output its own name \(nothing was run\)/;
add({
  id: 'outputs: --out and --agents name one file',
  family: 1,
  files: { 'a.json': TINY, 'same.csv': OLD },
  args: ['run', '@a.json', '--ticks', '5', '--agents', '@same.csv', '--out', '@same.csv'],
  expect: SAME,
});
add({
  id: 'outputs: --out and --agents, one written ./x.csv',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--out', '@x.csv', '--agents', '@./x.csv'],
  expect: SAME,
});
add({
  id: 'outputs: --out and --agents through d/..',
  family: 1,
  files: { 'a.json': TINY, 'd/keep': 'x' },
  args: ['run', '@a.json', '--out', '@d/../x.csv', '--agents', '@x.csv'],
  expect: SAME,
});
add({
  id: 'outputs: --agents is a link to the --out file',
  family: 1,
  files: { 'a.json': TINY, 'target.csv': OLD, 'link.csv': { symlink: 'target.csv' } },
  args: ['run', '@a.json', '--out', '@target.csv', '--agents', '@link.csv'],
  expect: SAME,
});
add({
  id: 'outputs: --agents in a linked folder, the same file as --out',
  family: 1,
  files: { 'a.json': TINY, 'real/keep': 'x', alias: { symlink: 'real' } },
  args: ['run', '@a.json', '--out', '@real/x.csv', '--agents', '@alias/x.csv'],
  expect: SAME,
});
add({
  id: 'outputs: --out is the scenario file',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--out', '@a.json'],
  expect: /--out .*a\.json is the scenario file \(.*a\.json\): writing it would replace it/,
});
add({
  id: 'outputs: --out is a link to the scenario file',
  family: 1,
  files: { 'a.json': TINY, 'out.json': { symlink: 'a.json' } },
  args: ['run', '@a.json', '--out', '@out.json'],
  expect: /--out .*out\.json is the scenario file/,
});
add({
  id: 'outputs: --out is a shipped scenario run by its name',
  family: 1,
  args: ['run', 'small', '--out', 'scenarios/small.json'],
  expect: /--out scenarios\/small\.json is the scenario file \(scenarios\/small\.json\)/,
});
add({
  id: 'outputs: --out is the replay being run',
  family: 1,
  files: { 'r.json': GOOD_REPLAY },
  args: ['run', '--replay', '@r.json', '--out', '@r.json'],
  expect: /--out .*r\.json is the replay file \(.*r\.json\): writing it would replace it/,
});
add({
  id: 'outputs: compare --out is scenario B',
  family: 1,
  files: { 'a.json': TINY, 'b.json': TINY },
  args: ['compare', '@a.json', '@b.json', '--runs', '2', '--out', '@b.json'],
  expect: /--out .*b\.json is scenario B \(.*b\.json\)/,
});
add({
  id: 'outputs: serve --replay-out is the scenario file',
  family: 1,
  files: { 'a.json': TINY },
  args: ['serve', '@a.json', '--port', '0', '--host', '127.0.0.1', '--replay-out', '@a.json'],
  expect: /--replay-out .*a\.json is the scenario file/,
  spawn: true,
});
// A single-valued option given twice: the last one won, silently.
const twice = (option: string) =>
  new RegExp(`--${option} is given twice \\(".*" and ".*"\\); it takes one value: give it once`);
add({
  id: 'repeats: run --out a.csv --out b.csv',
  family: 1,
  files: { 'a.json': TINY, 'a.csv': OLD },
  args: ['run', '@a.json', '--out', '@a.csv', '--out', '@b.csv'],
  expect: twice('out'),
});
add({
  id: 'repeats: run --out=a.csv --out b.csv',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--out=a.csv', '--out', '@b.csv'],
  expect: twice('out'),
});
add({
  id: 'repeats: run --out twice with the same name',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--out', '@a.csv', '--out', '@a.csv'],
  expect: twice('out'),
});
add({
  id: 'repeats: run --agents twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--agents', '@a.csv', '--agents', '@b.csv'],
  expect: twice('agents'),
});
add({
  id: 'repeats: run --seed 1 --seed 2',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--seed', '1', '--seed', '2'],
  expect: twice('seed'),
});
add({
  id: 'repeats: run --runs 2 --runs 3',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--runs', '2', '--runs', '3'],
  expect: twice('runs'),
});
add({
  id: 'repeats: run --ticks twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--ticks', '5', '--ticks=6'],
  expect: twice('ticks'),
});
add({
  id: 'repeats: run --workers twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--workers', '1', '--workers', '2'],
  expect: twice('workers'),
});
add({
  id: 'repeats: run --replay twice',
  family: 1,
  args: ['run', '--replay', 'a.json', '--replay', 'b.json'],
  expect: twice('replay'),
});
add({
  id: 'repeats: compare --out twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['compare', '@a.json', '@a.json', '--out', '@a.csv', '--out', '@b.csv'],
  expect: twice('out'),
});
add({
  id: 'repeats: sweep --out twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--out', '@a', '--out', '@b'],
  expect: twice('out'),
});
add({
  id: 'repeats: sweep --design twice',
  family: 1,
  files: { 'a.json': TINY },
  args: ['sweep', '@a.json', '--param', 'smm.count=0:2', '--design', 'grid', '--design', 'lhs', '--out', '@a'],
  expect: twice('design'),
});
add({
  id: 'repeats: sensitivity --method twice',
  family: 1,
  files: { 'a.json': TINY },
  args: [
    'sensitivity',
    '@a.json',
    '--param',
    'smm.count=0:2',
    '--method',
    'morris',
    '--method',
    'sobol',
    '--out',
    '@a',
  ],
  expect: twice('method'),
});
add({
  id: 'repeats: claims --out twice',
  family: 1,
  args: ['claims', 'C1', '--out', '@a', '--out', '@b'],
  expect: twice('out'),
});
add({
  id: 'repeats: claims --sizes twice',
  family: 1,
  args: ['claims', 'C1', '--sizes', '200', '--sizes', '2000'],
  expect: twice('sizes'),
});
add({
  id: 'repeats: calibrate --out twice',
  family: 1,
  args: ['calibrate', 'test/fixtures/calibrate/targets.json', '--out', '@a', '--out', '@b'],
  expect: twice('out'),
});
add({
  id: 'repeats: merge --out twice',
  family: 1,
  args: ['merge', '@s', '--out', '@a', '--out', '@b'],
  expect: twice('out'),
});
add({
  id: 'repeats: serve --port twice',
  family: 1,
  args: ['serve', '--port', '0', '--port', '8787'],
  expect: twice('port'),
  spawn: true,
});
add({
  id: 'repeats: a value with an escape sequence is shown escaped',
  family: 1,
  files: { 'a.json': TINY },
  args: ['run', '@a.json', '--seed', '1', '--seed', '\u001b[2J'],
  expect: /--seed is given twice \("1" and "\\u001b\[2J"\)/,
});

// 2. Outputs in the system's device and process folders, whoever runs ------------------------------------------
const SYSTEM = (folder: string) =>
  new RegExp(`${folder} holds the system's (devices|processes|kernel objects), not results; choose a path elsewhere`);
add({
  id: 'system: run --out /dev/null.csv',
  family: 2,
  args: ['run', 'small', '--ticks', '5', '--out', '/dev/null.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/null.csv'],
});
add({
  id: 'system: run --agents /dev/full.csv',
  family: 2,
  args: ['run', 'small', '--ticks', '5', '--agents', '/dev/full.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/full.csv'],
});
add({
  id: 'system: run --out /dev/shm/orgsim.csv',
  family: 2,
  args: ['run', 'small', '--ticks', '5', '--out', '/dev/shm/orgsim-hostile.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/shm/orgsim-hostile.csv'],
});
add({
  id: 'system: run --out /dev/../dev/x.csv',
  family: 2,
  args: ['run', 'small', '--out', '/dev/../dev/orgsim-x.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-x.csv'],
});
add({
  id: 'system: run --out //dev//x.json',
  family: 2,
  args: ['run', 'small', '--out', '//dev//orgsim-x.json'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-x.json'],
});
add({
  id: 'system: run --out /proc/self/x.json',
  family: 2,
  args: ['run', 'small', '--out', '/proc/self/x.json'],
  expect: SYSTEM('/proc'),
});
add({
  id: 'system: run --out /sys/x.csv',
  family: 2,
  args: ['run', 'small', '--out', '/sys/orgsim.csv'],
  expect: SYSTEM('/sys'),
});
add({
  id: 'system: run --out through a link to /dev',
  family: 2,
  files: { devices: { symlink: '/dev' } },
  args: ['run', 'small', '--out', '@devices/orgsim-link.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-link.csv'],
});
add({
  id: 'system: run --out through a link to /dev/shm',
  family: 2,
  files: { shm: { symlink: '/dev/shm' } },
  args: ['run', 'small', '--out', '@shm/orgsim-shm.json'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/shm/orgsim-shm.json'],
});
add({
  id: 'system: compare --out /dev/x.csv',
  family: 2,
  args: ['compare', 'small', 'small', '--runs', '2', '--out', '/dev/orgsim-compare.csv'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-compare.csv'],
});
add({
  id: 'system: sweep --out /dev/orgsim',
  family: 2,
  args: ['sweep', 'small', '--param', 'smm.count=0:2', '--out', '/dev/orgsim-sweep'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-sweep'],
});
add({
  id: 'system: sensitivity --out /sys/kernel/orgsim',
  family: 2,
  args: ['sensitivity', 'small', '--method', 'morris', '--param', 'smm.count=0:2', '--out', '/sys/kernel/orgsim'],
  expect: SYSTEM('/sys'),
});
add({
  id: 'system: claims --out /proc/orgsim',
  family: 2,
  args: ['claims', 'C1', '--out', '/proc/orgsim'],
  expect: SYSTEM('/proc'),
});
add({
  id: 'system: calibrate --out /dev/orgsim-cal',
  family: 2,
  args: ['calibrate', 'test/fixtures/calibrate/targets.json', '--out', '/dev/orgsim-cal'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-cal'],
});
add({
  id: 'system: merge --out /dev/orgsim-merged',
  family: 2,
  files: { 's/x': 'x' },
  args: ['merge', '@s', '--out', '/dev/orgsim-merged'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-merged'],
});
add({
  id: 'system: serve --replay-out /dev/room.json',
  family: 2,
  args: ['serve', '--port', '0', '--host', '127.0.0.1', '--replay-out', '/dev/orgsim-room.json'],
  expect: SYSTEM('/dev'),
  absent: ['/dev/orgsim-room.json'],
  spawn: true,
});

export const OUTPUT_CASES: readonly HostileCase[] = cases;
