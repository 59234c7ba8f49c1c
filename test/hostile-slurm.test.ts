/**
 * deploy/slurm/submit.sh under hostile command lines (issue 22, family 8; the cases are test/hostile/slurm.ts):
 * each is refused in one line, exit 2, before anything is submitted. A stand-in sbatch, squeue and scancel
 * come first on the PATH and write down every call: none may have been made, no logs folder made, no file
 * of the case's folder changed. A valid command line, through the same stand-ins, is submitted: the check
 * can tell the difference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SLURM_CASES } from './hostile/slurm.ts';
import { ROOT } from './sweep-helpers.ts';
import { snapshot } from './hostile/files.ts';

const SUBMIT = join(ROOT, 'deploy/slurm/submit.sh');
let root: string;
let fake: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'orgsim-hostile-slurm-'));
  fake = join(root, 'bin');
  mkdirSync(fake);
  for (const name of ['sbatch', 'squeue', 'scancel']) {
    writeFileSync(
      join(fake, name),
      `#!/bin/sh\necho "${name} $*" >> "$FAKE_SLURM_LOG"\n[ ${name} = sbatch ] && echo 4242\nexit 0\n`,
    );
    chmodSync(join(fake, name), 0o755);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function submit(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      PATH: `${fake}:${process.env.PATH}`,
      FAKE_SLURM_LOG: join(cwd, '..', `${cwd.split('/').pop()}.calls`),
    };
    execFile('bash', [SUBMIT, ...args], { cwd, env, timeout: 120_000, killSignal: 'SIGKILL' }, (e, stdout, stderr) => {
      const x = e as (Error & { code?: number; killed?: boolean }) | null;
      resolve({ code: x ? (x.killed ? -1 : (x.code ?? -1)) : 0, stdout, stderr });
    });
  });
}

function caseDir(k: number, files: Record<string, string> = {}): string {
  const dir = join(root, `case-${k}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('submit.sh: nothing submitted that every task would refuse', () => {
  it('holds at least 20 cases with distinct names', () => {
    expect(SLURM_CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SLURM_CASES.map((c) => c.id)).size).toBe(SLURM_CASES.length);
  });

  SLURM_CASES.forEach((c, k) => {
    it(`submit.sh ${c.id}`, { timeout: 130_000 }, async () => {
      const dir = caseDir(k, c.files);
      const before = snapshot(dir);
      const r = await submit(
        c.args.map((a) => (a.startsWith('@') ? join(dir, a.slice(1)) : a)),
        dir,
      );
      expect(r.code, r.stderr + r.stdout).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(/^submit\.sh: /);
      expect(r.stderr.trim()).toMatch(c.expect);
      expect(existsSync(`${dir}.calls`), 'sbatch, squeue or scancel was called').toBe(false);
      expect(snapshot(dir)).toEqual(before);
    });
  });

  it('a valid command line goes through the same stand-ins: the cases above would have seen a submission', {
    timeout: 130_000,
  }, async () => {
    const dir = caseDir(SLURM_CASES.length);
    const r = await submit(
      ['--shards', '2', '--cpus', '1', 'sweep', 'small', '--param', 'smm.count=0:2', '--out', 'results'],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const calls = readFileSync(`${dir}.calls`, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('sbatch --parsable'));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain('--comment=orgsim --out ');
    expect(readdirSync(dir)).toEqual(['logs']);
  });
});
