/**
 * Part files carry a checksum that resume verifies (issue 11, finding 10: an edited part, valid in
 * structure with different numbers, was accepted on resume). An edited or damaged part is run again, and
 * the command says so; a merge refuses a shard holding one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partChecksum } from '../cli/sweep-parts.ts';
import { cli, expectMistake, expectSameFiles, PINNED_GIT, TINY } from './sweep-helpers.ts';

let dir: string;
const path = (...names: string[]) => join(dir, ...names);
const SWEEP = (out: string, more: string[] = []) => [
  'sweep',
  path('tiny.json'),
  '--param',
  'smm.count=0:2',
  '--runs',
  '2',
  '--workers',
  '1',
  '--out',
  out,
  ...more,
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-parts-'));
  writeFileSync(path('tiny.json'), JSON.stringify(TINY));
  const r = await cli(SWEEP(path('whole')), PINNED_GIT);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Change the last outcome of a part's row, keeping its structure (and its old checksum). */
function edit(file: string): void {
  const part = JSON.parse(readFileSync(file, 'utf8'));
  part.row = part.row.replace(/,[^,]*\n$/, ',12345\n');
  writeFileSync(file, JSON.stringify(part));
}

describe('part checksums', () => {
  it('cover the run, its seed, its row and its ticks', () => {
    const part = JSON.parse(readFileSync(path('whole', 'parts', 'run-3.json'), 'utf8'));
    expect(part.sha256).toBe(partChecksum(part));
    expect(partChecksum({ ...part, row: part.row.replace(/\d\n$/, '7\n') })).not.toBe(part.sha256);
  });

  it('an edited part is run again on resume, said so, and the files are those of an untouched sweep', async () => {
    cpSync(path('whole'), path('edited'), { recursive: true });
    rmSync(path('edited', 'runs.csv'));
    edit(path('edited', 'parts', 'run-3.json'));
    const r = await cli(SWEEP(path('edited')), PINNED_GIT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/resuming .*: 5 of 6 runs already done/);
    expect(r.stderr).toMatch(
      /1 part file in .*parts was damaged or edited \(content or checksum does not match\): that run is run again/,
    );
    expectSameFiles(path('edited'), path('whole'));
    expect(readFileSync(path('edited', 'runs.csv'), 'utf8')).not.toContain('12345');
  });

  it('a merge refuses a shard with an edited part', async () => {
    for (const k of [0, 1])
      expect((await cli(SWEEP(path(`shard${k}`), ['--shard', `${k}/2`]), PINNED_GIT)).code).toBe(0);
    edit(path('shard1', 'parts', 'run-1.json'));
    expectMistake(
      await cli(['merge', path('shard0'), path('shard1'), '--out', path('merged')], PINNED_GIT),
      new RegExp(
        String.raw`shard 1\/2 in .*shard1 is not finished: 1 of 3 runs missing \(1 of them damaged or ` +
          String.raw`edited: content or checksum does not match\)`,
      ),
    );
  });
});
