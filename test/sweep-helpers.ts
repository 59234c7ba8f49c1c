/** What the sweep tests share: running the CLI in-process or as a process, and reading a folder byte for byte. */
import { expect, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../cli/main.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/orgsim.mjs', import.meta.url));
/** Small and short: a run takes about 10 ms. */
export const TINY = { name: 'tiny', organization: { employees: 100 }, external: { customers: 50 }, ticks: 30 };
/**
 * Spawned processes and this one must write the same manifest even if a commit lands meanwhile (other
 * engineers commit while tests run): the commit is pinned for the comparisons.
 */
export const PINNED_GIT = { ORGSIM_GIT_COMMIT: '0123456789abcdef0123456789abcdef01234567' };

/**
 * A small claims audit into `out`: C10 at 200 employees, 4 runs, 6 audit points of 2 runs, the premise in 2 steps;
 * 64 runs in all (C10's own, its audit points, its premise moved and its ablation: the total orgsim claims states
 * when it starts). The interrupt and Slurm tests resume and shard it.
 */
export const smallClaimsAudit = (out: string): string[] => [
  'claims',
  'C10',
  '--sizes',
  '200',
  '--runs',
  '4',
  '--audit',
  '--points',
  '6',
  '--audit-runs',
  '2',
  '--premise-steps',
  '2',
  '--audit-size',
  '200',
  '--out',
  out,
];

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process (or another entry with main's signature), capturing what it writes. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}, entry = main): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return { code: await entry(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

const exec = promisify(execFile);

export async function spawnCli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

/** A user mistake: exit 2, one line, no stack trace. */
export function expectMistake(r: Result, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

/** Every file under `dir` (relative path -> bytes); temporary files and the report left out. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.tmp') && name !== 'report.html') out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Same files, same bytes; the message names the first file that differs. */
export function expectSameFiles(actual: string, expected: string): void {
  const a = snapshot(actual);
  const b = snapshot(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of b) expect(a.get(name)!.equals(bytes), `${name} differs`).toBe(true);
}
