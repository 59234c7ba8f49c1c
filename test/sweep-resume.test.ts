/**
 * A sweep killed part-way (SIGKILL: no handler runs) or stopped by Ctrl-C (SIGINT: exit 130) and started
 * again with the same command ends with exactly the files of an uninterrupted sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, expectSameFiles, PINNED_GIT, ROOT, spawnCli, TINY } from './sweep-helpers.ts';

let dir: string;
const path = (name: string) => join(dir, name);
/** 150 runs of about 10 ms: long enough to be caught part-way, short enough for the suite. */
const ARGS = (out: string, workers: number) => [
  'sweep',
  path('tiny.json'),
  '--param',
  'policies.rulesClarity=0:1:5',
  '--param',
  'smm.count=0:2',
  '--runs',
  '10',
  '--per-tick',
  '--workers',
  String(workers),
  '--out',
  out,
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-resume-'));
  writeFileSync(path('tiny.json'), JSON.stringify(TINY));
  const r = await cli(ARGS(path('whole'), 2), PINNED_GIT);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parts = (out: string) =>
  existsSync(join(out, 'parts')) ? readdirSync(join(out, 'parts')).filter((f) => f.endsWith('.json')).length : 0;

/** Start the sweep, send `signal` once at least `after` parts exist; resolve with its exit code and stderr. */
function interrupt(
  out: string,
  workers: number,
  signal: NodeJS.Signals,
  after: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; partsAtSignal: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...ARGS(out, workers)], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', ...PINNED_GIT },
    });
    let stderr = '';
    let partsAtSignal = -1;
    child.stderr.on('data', (d) => (stderr += String(d)));
    const poll = setInterval(() => {
      const n = parts(out);
      if (n >= after && partsAtSignal < 0) {
        partsAtSignal = n;
        child.kill(signal);
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, partsAtSignal });
    });
  });
}

describe('resuming a sweep', () => {
  it('after SIGKILL: the same command skips the finished runs and writes the same bytes', async () => {
    const out = path('killed');
    const first = await interrupt(out, 1, 'SIGKILL', 10);
    expect(first.signal).toBe('SIGKILL');
    expect(first.partsAtSignal).toBeGreaterThanOrEqual(10);
    const kept = parts(out);
    expect(kept).toBeLessThan(150); // really stopped part-way
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);

    const second = await spawnCli(ARGS(out, 2), PINNED_GIT);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`resuming .*: ${kept} of 150 runs already done`));
    expectSameFiles(out, path('whole'));
  });

  it('after Ctrl-C: exit 130 with how to resume, then the same bytes', async () => {
    const out = path('interrupted');
    const first = await interrupt(out, 2, 'SIGINT', 5);
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(
      /interrupted \(SIGINT\): \d+ of 150 runs done, kept in .*parts; run the same command again to resume/,
    );
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const second = await spawnCli(ARGS(out, 1), PINNED_GIT);
    expect(second.code, second.stderr).toBe(0);
    expectSameFiles(out, path('whole'));
  });
});
