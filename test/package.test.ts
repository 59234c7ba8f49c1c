/**
 * The package as a user gets it (issue 23, item 5): `npm pack`, the tarball installed into an empty folder with
 * `npm install` (its dependencies from the npm registry), then the six commands run from that folder with tiny
 * settings: `run`, `sweep`, `report`, `claims`, `calibrate`, and `serve` answering one HTTP request. No
 * TypeScript loader is installed, and none of the repository's sources ship: what runs is dist-node/.
 *
 * The tarball is packed as deploy/Dockerfile's build stage packs it: from exactly the files that stage copies (so
 * the image builds from the same package, and misses no input), with the repository's node_modules linked in
 * for its `npm ci`. Its `prepack` builds the page (dist/) and the node side (dist-node/) in that copy, never
 * under the feet of the other tests that read the repository's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './sweep-helpers.ts';
import { dockerStages, stageContext } from './dockerfile.ts';
import { writeSyntheticExport } from '../scripts/synthetic-export.ts';

const exec = promisify(execFile);
const TINY = { name: 'tiny', organization: { employees: 100 }, external: { customers: 50 }, ticks: 30 };

/**
 * The environment of a user's shell: none of the variables that the `npm test` (or npx) running this sets for its
 * scripts, which name this repository as the project (npm_config_local_prefix, INIT_CWD, npm_package_*...).
 */
const ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_local_prefix$)|INIT_CWD$)/.test(k),
  ),
);

let work: string;
let app: string;
let packed: { filename: string; files: { path: string }[] };

/** `orgsim ARGS` as installed: the bin link npm made, run from the user's folder. */
async function orgsim(...args: string[]) {
  const r = await exec(join(app, 'node_modules', '.bin', 'orgsim'), args, {
    cwd: app,
    env: ENV,
    maxBuffer: 1 << 24,
  }).catch((e: { code: number; stdout: string; stderr: string }) => e);
  return { code: 'code' in r && typeof r.code === 'number' ? r.code : 0, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'orgsim-package-'));
  const stage = join(work, 'stage');
  stageContext(dockerStages()[0]!, stage);
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'));
  // --json: the packed files on stdout; the build's own lines go to stderr.
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: stage,
    env: ENV,
    maxBuffer: 1 << 24,
  });
  // The JSON array starts on a line of its own: the build's lines before it may hold colour codes (`\x1b[36m`).
  packed = (JSON.parse(stdout.slice(stdout.search(/^\[\s*$/m))) as (typeof packed)[])[0]!;
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "a-user", "private": true }\n');
  await exec('npm', ['install', '--no-audit', '--no-fund', join(work, packed.filename)], {
    cwd: app,
    env: ENV,
    maxBuffer: 1 << 24,
  });
  writeFileSync(join(app, 'tiny.json'), JSON.stringify(TINY));
  cpSync(join(ROOT, 'test/fixtures/calibrate'), join(app, 'targets'), { recursive: true });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package, installed in an empty folder', () => {
  it('ships the compiled node side, the built page and the scenarios: no TypeScript, no sources', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'bin/orgsim.mjs',
      'dist-node/cli.mjs',
      'dist-node/node-worker.mjs',
      'dist-node/report-charts.js',
      'dist/index.html',
      'dist/room.html',
      'dist/join.html',
      'scenarios/baseline.json',
      'scenarios/calibration/mid.posterior.json',
      'docs/claims-audit.json',
      'package.json',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /\.(ts|mts|cts)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /^(src|cli|server|workers|viz|scripts|test)\//.test(f))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/orgsim/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(existsSync(join(app, 'node_modules/tsx')), 'no TypeScript loader installed').toBe(false);
    expect(existsSync(join(app, 'node_modules/esbuild')), 'no bundler installed').toBe(false);
  });

  it('orgsim run: replications on worker threads, the summary and a CSV', async () => {
    const r = await orgsim(
      'run',
      'baseline',
      '--runs',
      '2',
      '--ticks',
      '20',
      '--workers',
      '2',
      '--out',
      'run.csv',
      '--summary',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/long-term value \(hours\)\s+[\d.]+\s+\[/);
    const csv = readFileSync(join(app, 'run.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('run,seed,tick,series,value');
    expect(
      new Set(
        csv
          .slice(1)
          .filter(Boolean)
          .map((l) => l.split(',')[0]),
      ),
    ).toEqual(new Set(['0', '1']));
  });

  it('orgsim import: a Slack zip read with the installed parsers, a scenario that validates', async () => {
    await writeSyntheticExport(join(app, 'export.zip'), {
      format: 'slack',
      zip: true,
      users: 80,
      months: 2,
      missingMonth: -1,
      truth: false,
    });
    const r = await orgsim('import', 'export.zip', '--out', 'network');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/accounts who contribute in a month\s+[\d.]+%/);
    for (const f of ['statistics.json', 'scenario.json', 'targets.json', 'observed.csv'])
      expect(existsSync(join(app, 'network', f)), f).toBe(true);
    expect((await orgsim('validate', 'network/scenario.json')).code).toBe(0);
  });

  it('orgsim sweep, then orgsim report on its folder', async () => {
    const s = await orgsim(
      'sweep',
      'tiny.json',
      '--param',
      'smm.count=0:2:2',
      '--runs',
      '1',
      '--workers',
      '2',
      '--out',
      'sweep',
    );
    expect(s.code, s.stderr).toBe(0);
    expect(readFileSync(join(app, 'sweep/runs.csv'), 'utf8').trim().split('\n').length).toBeGreaterThan(2);
    const r = await orgsim('report', 'sweep');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^orgsim report: wrote sweep\/report\.html/);
    const html = readFileSync(join(app, 'sweep/report.html'), 'utf8');
    expect(html).toContain(
      readFileSync(join(app, 'node_modules/orgsim/dist-node/report-charts.js'), 'utf8').slice(0, 200),
    );
    expect(html).toContain('id="orgsim-data"');
  });

  it('orgsim claims: one claim at 200 employees, its comparison over two paired seeds', async () => {
    const r = await orgsim('claims', 'C10', '--sizes', '200', '--runs', '2', '--workers', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^C10: /);
    expect(r.stdout).toMatch(/\n\s+200 employees: \w/);
    expect(r.stdout).toMatch(/\(paired over 2 seeds\)/);
  });

  it('orgsim calibrate: two generations of the example target file', async () => {
    const r = await orgsim('calibrate', 'targets/targets.json', '--out', 'cal', '--workers', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(app, 'cal'))).toEqual(
      expect.arrayContaining(['calibration.json', 'fitted.json', 'fitted-scenario.json']),
    );
    const fitted = JSON.parse(readFileSync(join(app, 'cal/fitted-scenario.json'), 'utf8')) as {
      behaviour?: { baseline?: number };
    };
    expect(fitted.behaviour?.baseline).toBeGreaterThanOrEqual(-3);
    expect(fitted.behaviour?.baseline).toBeLessThanOrEqual(0);
  });

  it('orgsim serve: starts, serves the built page, stops on Ctrl-C', async () => {
    const child = spawn(
      join(app, 'node_modules', '.bin', 'orgsim'),
      ['serve', 'tiny.json', '--host', '127.0.0.1', '--port', '0'],
      { cwd: app, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const io = { out: '', err: '' };
    child.stdout.on('data', (d) => (io.out += String(d)));
    child.stderr.on('data', (d) => (io.err += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      while (!io.out.includes('Ctrl-C stops the server.')) {
        if (child.exitCode !== null) throw new Error(`serve exited: ${io.err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const origin = /open (http:\/\/127\.0\.0\.1:\d+)\/join#/.exec(io.out)![1]!;
      const page = await fetch(`${origin}/join`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/^<!doctype html>/i);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(io.err).toMatch(/orgsim serve: stopped/);
  });
});
