/**
 * Issue 22, family 3: experiment folders of one kind given to a command of another (claims into a sweep's
 * folder added its files and parts beside the sweep's), and family 9: claims or sizes named twice (written as
 * duplicate rows). Every folder says what it is by its manifest's "command"; each command refuses another
 * kind's folder, a folder of other files, and a repeated claim or size, before a file is touched.
 */
import type { FileSpec, HostileCase } from './cases.ts';

const json = (x: unknown) => JSON.stringify(x);
const TINY = json({ organization: { employees: 50 }, external: { customers: 10 }, ticks: 10 });
const TARGETS = 'test/fixtures/calibrate/targets.json';

/** The marker files of each kind, with a part each, as the commands leave them. */
const sweepFolder = (dir: string, command = 'sweep'): Record<string, FileSpec> => ({
  [`${dir}/manifest.json`]: json({ orgsim: '0.1.0', command, points: [[0], [1]], seeds: [1], totalRuns: 2 }),
  [`${dir}/parts/run-0.json`]: json({ run: 0 }),
});
const claimsFolder = (dir: string): Record<string, FileSpec> => ({
  [`${dir}/claims-manifest.json`]: json({ command: 'claims', version: '0.1.0', settings: { claims: ['C1'] } }),
  [`${dir}/parts/job-0.json`]: json({ job: 0 }),
});
const calibrationFolder = (dir: string): Record<string, FileSpec> => ({
  [`${dir}/calibration.json`]: json({ command: 'calibrate', orgsim: '0.1.0' }),
  [`${dir}/gen-0/proposals.json`]: json({ generation: 0 }),
});

const cases: HostileCase[] = [];
const add = (c: Omit<HostileCase, 'finding'>) => cases.push({ finding: 0, ...c });
const kind = (what: string, not: string) =>
  new RegExp(
    `holds ${what}, not ${not}: each experiment has a folder of its own; choose a new or empty folder ` +
      `\\(nothing was written\\)`,
  );

const SWEEP = ['sweep', '@a.json', '--param', 'smm.count=0:2', '--workers', '1'];
const SENSITIVITY = ['sensitivity', '@a.json', '--method', 'morris', '--param', 'smm.count=0:2', '--workers', '1'];
const CLAIMS = ['claims', 'C1', '--sizes', '200', '--runs', '2', '--workers', '1'];

// 3. Kinds of experiment folders -------------------------------------------------------------------------------
add({
  id: 'kinds: claims into a sweep folder',
  family: 3,
  files: sweepFolder('out'),
  args: [...CLAIMS, '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'claims runs'),
});
add({
  id: 'kinds: claims into a sensitivity folder',
  family: 3,
  files: sweepFolder('out', 'sensitivity'),
  args: [...CLAIMS, '--out', '@out'],
  expect: kind('a sensitivity analysis \\(manifest\\.json\\)', 'claims runs'),
});
add({
  id: 'kinds: claims into a calibration folder',
  family: 3,
  files: calibrationFolder('out'),
  args: [...CLAIMS, '--out', '@out'],
  expect: kind('a calibration \\(calibration\\.json\\)', 'claims runs'),
});
add({
  id: 'kinds: claims --shard into a sweep folder',
  family: 3,
  files: sweepFolder('out'),
  args: [...CLAIMS, '--shard', '0/2', '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'claims runs'),
});
add({
  id: 'kinds: claims into a folder already mixed (a sweep and claims)',
  family: 3,
  files: { ...sweepFolder('out'), ...claimsFolder('out') },
  args: [...CLAIMS, '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'claims runs'),
});
add({
  id: 'kinds: claims into a folder of other files',
  family: 3,
  files: { 'out/notes.txt': 'mine' },
  args: [...CLAIMS, '--out', '@out'],
  expect: new RegExp(
    String.raw`--out .*out: the folder is not empty and holds no claims-manifest\.json; choose a new or ` +
      String.raw`empty folder \(nothing was written\)`,
  ),
});
add({
  id: 'kinds: claims into a folder holding only a parts folder',
  family: 3,
  files: { 'out/parts/job-0.json': '{}' },
  args: [...CLAIMS, '--out', '@out'],
  expect: /the folder is not empty and holds no claims-manifest\.json/,
});
add({
  id: 'kinds: sweep into a claims folder',
  family: 3,
  files: { 'a.json': TINY, ...claimsFolder('out') },
  args: [...SWEEP, '--out', '@out'],
  expect: kind('claims runs \\(claims-manifest\\.json\\)', 'a sweep'),
});
add({
  id: 'kinds: sweep into a calibration folder',
  family: 3,
  files: { 'a.json': TINY, ...calibrationFolder('out') },
  args: [...SWEEP, '--out', '@out'],
  expect: kind('a calibration \\(calibration\\.json\\)', 'a sweep'),
});
add({
  id: 'kinds: sweep into a sensitivity folder',
  family: 3,
  files: { 'a.json': TINY, ...sweepFolder('out', 'sensitivity') },
  args: [...SWEEP, '--out', '@out'],
  expect: kind('a sensitivity analysis \\(manifest\\.json\\)', 'a sweep'),
});
add({
  id: 'kinds: sensitivity into a sweep folder',
  family: 3,
  files: { 'a.json': TINY, ...sweepFolder('out') },
  args: [...SENSITIVITY, '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'a sensitivity analysis'),
});
add({
  id: 'kinds: sensitivity into a claims folder',
  family: 3,
  files: { 'a.json': TINY, ...claimsFolder('out') },
  args: [...SENSITIVITY, '--out', '@out'],
  expect: kind('claims runs \\(claims-manifest\\.json\\)', 'a sensitivity analysis'),
});
add({
  id: 'kinds: calibrate into a sweep folder',
  family: 3,
  files: sweepFolder('out'),
  args: ['calibrate', TARGETS, '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'a calibration'),
});
add({
  id: 'kinds: calibrate into a claims folder',
  family: 3,
  files: claimsFolder('out'),
  args: ['calibrate', TARGETS, '--out', '@out'],
  expect: kind('claims runs \\(claims-manifest\\.json\\)', 'a calibration'),
});
add({
  id: 'kinds: calibrate --advance into a claims folder',
  family: 3,
  files: claimsFolder('out'),
  args: ['calibrate', TARGETS, '--advance', '--out', '@out'],
  expect: kind('claims runs \\(claims-manifest\\.json\\)', 'a calibration'),
});
add({
  id: 'kinds: merge a claims folder as a shard',
  family: 3,
  files: claimsFolder('s'),
  args: ['merge', '@s', '--out', '@m'],
  expect: /s holds claims runs \(claims-manifest\.json\), not a shard of a sweep or a sensitivity analysis/,
});
add({
  id: 'kinds: merge a calibration folder as a shard',
  family: 3,
  files: calibrationFolder('s'),
  args: ['merge', '@s', '--out', '@m'],
  expect: /s holds a calibration \(calibration\.json\), not a shard/,
});
add({
  id: 'kinds: merge a file given as a shard folder',
  family: 3,
  files: { 'f.json': TINY },
  args: ['merge', '@f.json', '--out', '@m'],
  expect: /f\.json holds no manifest\.json: not the folder of a sweep/,
});
add({
  id: 'kinds: sweep into a folder whose manifest.json says claims',
  family: 3,
  files: { 'a.json': TINY, 'out/manifest.json': json({ command: 'claims' }) },
  args: [...SWEEP, '--out', '@out'],
  expect: /manifest\.json is not an orgsim sweep manifest/,
});
add({
  id: 'kinds: claims into a folder whose claims-manifest.json is a link to a sweep manifest',
  family: 3,
  files: {
    ...sweepFolder('sw'),
    'out/claims-manifest.json': { symlink: '../sw/manifest.json' },
    'out/manifest.json': { symlink: '../sw/manifest.json' },
  },
  args: [...CLAIMS, '--out', '@out'],
  expect: kind('a sweep \\(manifest\\.json\\)', 'claims runs'),
});

// 9. Named twice ----------------------------------------------------------------------------------------------
add({
  id: 'twice: claims C1 C1',
  family: 9,
  args: ['claims', 'C1', 'C1'],
  expect: /claim C1 is named twice \("C1" and "C1", arguments 1 and 2\); name each claim once/,
});
add({
  id: 'twice: claims c1 C1 (case aside)',
  family: 9,
  args: ['claims', 'c1', 'C1'],
  expect: /claim C1 is named twice \("c1" and "C1"/,
});
add({
  id: 'twice: claims C1 C2 C1',
  family: 9,
  args: ['claims', 'C1', 'C2', 'C1'],
  expect: /claim C1 is named twice \("C1" and "C1", arguments 1 and 3\)/,
});
add({
  id: 'twice: claims C1 C1 --out DIR writes nothing',
  family: 9,
  files: { 'keep.txt': 'x' },
  args: ['claims', 'C1', 'C1', '--out', '@out'],
  expect: /claim C1 is named twice/,
});
add({
  id: 'twice: claims --sizes 200,200',
  family: 9,
  args: ['claims', 'C1', '--sizes', '200,200'],
  expect: /--sizes "200,200" is not allowed: 200 is given twice; name each size once/,
});
add({
  id: 'twice: claims --sizes 200,0200',
  family: 9,
  args: ['claims', 'C1', '--sizes', '200,0200'],
  expect: /--sizes "200,0200" is not allowed: 200 is given twice/,
});
add({
  id: 'twice: claims --sizes 2000,200,2000',
  family: 9,
  args: ['claims', 'C1', '--sizes', '2000,200,2000'],
  expect: /2000 is given twice/,
});

export const FOLDER_CASES: readonly HostileCase[] = cases;
