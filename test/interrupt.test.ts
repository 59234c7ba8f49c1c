/**
 * orgsim claims --out DIR under a scheduler's SIGTERM (a job cancelled, requeued or out of time): it stops
 * handing out runs, keeps the saved ones and exits 130 with a line saying so, like sweep and calibrate; the same
 * command then finishes with the bytes of an uninterrupted run, no run done twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, expectSameFiles, PINNED_GIT, ROOT, smallClaimsAudit } from './sweep-helpers.ts';
import { parts, untouched, waitFor } from './slurm-cluster.ts';

let dir: string;
const args = (out: string) => [...smallClaimsAudit(out), '--workers', '1'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-interrupt-'));
  const r = await cli(args(join(dir, 'whole')), PINNED_GIT);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgsim claims --out and SIGTERM', () => {
  it('stops cleanly, keeps its runs, and the same command ends with the bytes of an uninterrupted run', async () => {
    const out = join(dir, 'stopped');
    const child = spawn(process.execPath, [BIN, ...args(out)], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', ...PINNED_GIT },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor('a few saved runs', () => parts(out).size >= 3, 60_000);
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(
      /orgsim: interrupted \(SIGTERM\): \d+ of 64 runs done, kept in .*parts; run the same command again to resume/,
    );
    const saved = parts(out);
    expect(saved.size).toBeGreaterThanOrEqual(3);
    expect(saved.size).toBeLessThan(64);

    const again = await cli(args(out), PINNED_GIT);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`resuming .*: ${saved.size} of 64 runs already done`));
    expect(untouched(saved, parts(out))).toBe(saved.size);
    expectSameFiles(out, join(dir, 'whole'));
  });
});
