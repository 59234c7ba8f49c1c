/**
 * Output files (cli/files.ts), issue 11, finding 8 (a killed `run --out` left 151 MB of hidden
 * temporary files; a sweep killed while writing runs.csv left `.runs.csv.<pid>.tmp`) and finding 10 (an
 * output in /proc refused only after every run; a read-only file overwritten without a word).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
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
import { join } from 'node:path';
import { checkOutPath, makeFolder, removeStaleTemporaries } from '../cli/files.ts';
import { BIN, ROOT, cli, expectMistake, TINY } from './sweep-helpers.ts';

let dir: string;
const path = (...names: string[]) => join(dir, ...names);
const temporaries = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));
/** A pid no process has: above the kernel's maximum. */
const DEAD = 4_194_305;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-files-'));
  writeFileSync(path('tiny.json'), JSON.stringify(TINY));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Start the CLI, wait for a temporary file matching `pattern` to appear in `watch`, then send `signal`. */
function interruptWhileWriting(
  args: string[],
  watch: string,
  pattern: RegExp,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string; sawTemporary: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    let sawTemporary = false;
    const poll = setInterval(() => {
      if (existsSync(watch) && readdirSync(watch).some((n) => pattern.test(n))) {
        sawTemporary = true;
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    const bound = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(bound);
      resolve({ code, stderr, sawTemporary });
    });
  });
}

describe('interrupted writes leave no temporary file', () => {
  it('run --out: Ctrl-C while the CSV is written removes it and exits 130', { timeout: 120_000 }, async () => {
    const out = path('int', 'big.csv');
    mkdirSync(path('int'));
    const r = await interruptWhileWriting(
      ['run', path('tiny.json'), '--runs', '40', '--ticks', '2000', '--workers', '2', '--out', out],
      path('int'),
      /^\.big\.csv\.\d+\.[0-9a-f]{12}\.tmp$/,
      'SIGINT',
    );
    expect(r.sawTemporary, r.stderr).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/orgsim: stopped \(SIGINT\); the unfinished output was removed/);
    expect(readdirSync(path('int'))).toEqual([]);
  });

  it('sweep: SIGTERM while runs.csv or ticks.csv is written removes it and exits 143', {
    timeout: 120_000,
  }, async () => {
    const out = path('sweep');
    const args = [
      'sweep',
      path('tiny.json'),
      '--param',
      'smm.count=0:1:2',
      '--runs',
      '10',
      '--ticks',
      '2000',
      '--per-tick',
      '--workers',
      '2',
      '--out',
      out,
    ];
    const r = await interruptWhileWriting(args, out, /^\.(runs|ticks)\.csv\.\d+\.[0-9a-f]{12}\.tmp$/, 'SIGTERM');
    expect(r.sawTemporary, r.stderr).toBe(true);
    expect(r.code).toBe(143);
    expect(temporaries(out)).toEqual([]);
    expect(temporaries(path('sweep', 'parts'))).toEqual([]);
  });
});

describe('temporary files of killed processes', () => {
  it('are removed by the next write of the same target; others are left alone', async () => {
    mkdirSync(path('stale'));
    const mine = `.one.csv.${DEAD}.0123456789ab.tmp`;
    const live = `.one.csv.${process.pid}.0123456789ab.tmp`;
    const other = `.other.csv.${DEAD}.0123456789ab.tmp`;
    for (const name of [mine, live, other, 'notes.tmp']) writeFileSync(path('stale', name), 'x');
    const r = await cli(['run', path('tiny.json'), '--out', path('stale', 'one.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path('stale')).sort()).toEqual([live, other, 'notes.tmp', 'one.csv'].sort());
  });

  it('are removed from an experiment folder and its parts when it is resumed', async () => {
    const out = path('exp');
    const sweep = ['sweep', path('tiny.json'), '--param', 'smm.count=0:1:2', '--workers', '1', '--out', out];
    expect((await cli(sweep)).code).toBe(0);
    writeFileSync(join(out, `.runs.csv.${DEAD}.0123456789ab.tmp`), 'half');
    writeFileSync(join(out, 'parts', `.run-0.json.${DEAD}.0123456789ab.tmp`), 'half');
    expect((await cli(sweep)).code).toBe(0);
    expect(temporaries(out)).toEqual([]);
    expect(temporaries(join(out, 'parts'))).toEqual([]);
  });

  it('removeStaleTemporaries never follows a folder or a link', () => {
    mkdirSync(path('links'));
    mkdirSync(path('links', `.x.${DEAD}.0123456789ab.tmp`));
    expect(removeStaleTemporaries(path('links'), 'any')).toBe(0);
    expect(readdirSync(path('links'))).toHaveLength(1);
  });
});

describe('--out is checked before any run', () => {
  it('refuses /proc at once (it used to run everything first)', async () => {
    const started = performance.now();
    expectMistake(
      await cli([
        'run',
        path('tiny.json'),
        '--runs',
        '50',
        '--ticks',
        '2000',
        '--workers',
        '1',
        '--out',
        '/proc/x.csv',
      ]),
      /--out \/proc\/x\.csv: \/proc holds the system's processes, not results/,
    );
    // Refused before the runs: 50 runs of 2,000 ticks would take seconds.
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('refuses a read-only target, and leaves it as it was', async () => {
    writeFileSync(path('ro.csv'), 'keep\n');
    chmodSync(path('ro.csv'), 0o444);
    expectMistake(
      await cli(['run', path('tiny.json'), '--out', path('ro.csv')]),
      /the file is read-only; make it writable \(chmod u\+w\) to replace it, or choose another name/,
    );
    expect(readFileSync(path('ro.csv'), 'utf8')).toBe('keep\n');
    expect(() => checkOutPath(path('ro.csv'))).toThrow(/read-only/);
  });

  it('creates folders one level at a time, and fails cleanly under /proc', () => {
    makeFolder(path('a', 'b', 'c'));
    expect(existsSync(path('a', 'b', 'c'))).toBe(true);
    expect(() => makeFolder('/proc/orgsim-test/x')).toThrow(/ENOENT/);
  });
});
