/**
 * A sweep cut into 4 shards run by GNU parallel (as on one machine, or one array task each on a cluster),
 * then merged, gives exactly the files of a single-process sweep. And a merge refuses what it cannot join.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BIN, cli, expectMistake, expectSameFiles, PINNED_GIT, ROOT, TINY } from './sweep-helpers.ts';

function hasParallel(): boolean {
  try {
    execFileSync('parallel', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const parallel = hasParallel();
// In CI GNU parallel is installed (.ci/run) and this test must run; elsewhere say why it is skipped.
if (!parallel && !process.env.CI)
  process.stderr.write(
    'sweep-shards.test.ts: GNU parallel is not installed (apt-get install parallel): the 4-shard test is skipped\n',
  );

let dir: string;
const path = (name: string) => join(dir, name);
const SWEEP = () => [
  path('tiny.json'),
  '--param',
  'smm.count=0:2',
  '--param',
  'cm.speakShare=0:1:3',
  '--runs',
  '2',
  '--per-tick',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-shards-'));
  writeFileSync(path('tiny.json'), JSON.stringify({ ...TINY, cm: { present: true } }));
  const single = await cli(['sweep', ...SWEEP(), '--workers', '2', '--out', path('single')], PINNED_GIT);
  expect(single.code, single.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!parallel && !process.env.CI)('shards under GNU parallel', () => {
  it('4 shards (2 at a time), merged, give the bytes of a single-process sweep', async () => {
    const args = [
      '-j',
      '2',
      '--halt',
      'now,fail=1',
      process.execPath,
      BIN,
      'sweep',
      ...SWEEP(),
      '--workers',
      '1',
      '--shard',
      '{}/4',
      '--out',
      join(dir, 'shards', '{}'),
      ':::',
      '0',
      '1',
      '2',
      '3',
    ];
    await promisify(execFile)('parallel', args, { cwd: ROOT, env: { ...process.env, CI: '1', ...PINNED_GIT } });
    const shard1 = JSON.parse(readFileSync(path('shards/1/manifest.json'), 'utf8'));
    expect(shard1.shard).toEqual({ index: 1, count: 4 });
    expect(readdirSync(path('shards/1/parts')).sort()).toEqual([
      'run-1.json',
      'run-13.json',
      'run-17.json',
      'run-5.json',
      'run-9.json',
    ]);

    const merged = await cli(
      ['merge', ...[0, 1, 2, 3].map((k) => path(`shards/${k}`)), '--out', path('merged')],
      PINNED_GIT,
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(/merged 4 shards into .*runs.csv, ticks.csv and manifest.json \(18 runs\)/);
    expectSameFiles(path('merged'), path('single'));
  });
});

describe('orgsim merge refuses', () => {
  beforeAll(async () => {
    for (const k of [0, 1]) {
      const r = await cli(
        ['sweep', ...SWEEP(), '--workers', '1', '--shard', `${k}/2`, '--out', path(`half/${k}`)],
        PINNED_GIT,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`shard ${k}/2: 9 runs done .*orgsim merge`));
    }
    const other = await cli(
      ['sweep', ...SWEEP(), '--seed', '9', '--workers', '1', '--shard', '1/2', '--out', path('other')],
      PINNED_GIT,
    );
    expect(other.code).toBe(0);
  });

  it('a missing shard, a shard given twice, shards of another experiment', async () => {
    expectMistake(
      await cli(['merge', path('half/0'), '--out', path('m1')]),
      /missing shard 1\/2: give the folders of all 2 shards/,
    );
    expectMistake(
      await cli(['merge', path('half/0'), path('half/0'), '--out', path('m1')]),
      /shard 0\/2 is given twice/,
    );
    expectMistake(
      await cli(['merge', path('half/0'), path('other'), '--out', path('m1')]),
      /other is not a shard of the same experiment as .*: seed: 9 there, 1 here/,
    );
    expectMistake(
      await cli(['merge', path('half/0'), path('tiny.json'), '--out', path('m1')]),
      /holds no manifest.json|not a sweep/,
    );
  });

  it('an unfinished shard, naming how to finish it; --out one of the shards', async () => {
    cpSync(path('half/1'), path('unfinished'), { recursive: true });
    rmSync(path('unfinished/parts/run-3.json'));
    expectMistake(
      await cli(['merge', path('half/0'), path('unfinished'), '--out', path('m1')]),
      /shard 1\/2 in .*unfinished is not finished: 1 of 9 runs missing; run its command again/,
    );
    expectMistake(
      await cli(['merge', path('half/0'), path('half/1'), '--out', path('half/1')]),
      /is one of the shard folders/,
    );
    expect(readdirSync(dir)).not.toContain('m1');
  });

  it('and merges two halves into the single-process files', async () => {
    const r = await cli(['merge', path('half/1'), path('half/0'), '--out', path('m2')], PINNED_GIT);
    expect(r.code, r.stderr).toBe(0);
    expectSameFiles(path('m2'), path('single'));
  });
});

describe('a sensitivity analysis in shards', () => {
  it('merges into the same runs, manifest and indices as one process', async () => {
    const args = [
      'sensitivity',
      path('tiny.json'),
      '--method',
      'morris',
      '--samples',
      '3',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'smm.count=0:3',
      '--bootstrap',
      '40',
      '--workers',
      '1',
    ];
    expect((await cli([...args, '--out', path('sens')], PINNED_GIT)).code).toBe(0);
    for (const k of [0, 1, 2])
      expect((await cli([...args, '--shard', `${k}/3`, '--out', path(`sens-${k}`)], PINNED_GIT)).code).toBe(0);
    const r = await cli(
      ['merge', path('sens-0'), path('sens-1'), path('sens-2'), '--out', path('sens-merged')],
      PINNED_GIT,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Morris elementary effects/);
    expectSameFiles(path('sens-merged'), path('sens'));
    expect(readdirSync(path('sens-merged'))).toContain('indices.csv');
  });
});
