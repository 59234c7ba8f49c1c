/**
 * Newcomer friction (issue 11, finding 11): what `npm test` needs is said first, and what happens without
 * it; the seed essays are cited by title (their folder is not beside a clone); stopping `npm start` stops
 * Vite; esbuild's install script is declined on purpose; `orgsim list` sorts naturally and hides bases.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { ROOT, cli } from './sweep-helpers.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const exec = promisify(execFile);

describe('README', () => {
  it('says on its first screen what orgsim is, the two commands, and what npm test needs and what happens \
without it', () => {
    const head = readme.split('\n').slice(0, 20).join('\n');
    expect(head.split('\n')[2]).toMatch(
      /^orgsim is an agent-based simulator of how communities live inside organizations/,
    );
    expect(head).toContain('npm install && npm start');
    expect(head).toMatch(/\nnpm test +#/);
    expect(head).toMatch(/Node 20\.19 or later/);
    expect(head).toMatch(/Chromium from\sDebian/);
    expect(head).toMatch(/GNU parallel/);
    expect(head).toMatch(/Without Chromium the browser tests are\sskipped with one line/);
    expect(head).toMatch(/without GNU parallel the shard test\slikewise/);
    // The installation details (esbuild's install script) come later, under "Installing".
    expect(head).not.toMatch(/esbuild/);
    expect(readme).toMatch(/## Installing\n\n[^#]*esbuild's \(which only checks the binary/);
  });

  it('asks for the Node that every installed package accepts: no EBADENGINE warning on the Node it names', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
    };
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(satisfies('20.19.0', pkg.engines.node)).toBe(true);
    expect(satisfies('20.18.0', pkg.engines.node)).toBe(false);
    const refused: string[] = [];
    for (const [name, p] of Object.entries(lock.packages)) {
      const range = !Array.isArray(p.engines) ? p.engines?.node : undefined;
      if (!range || p.optional) continue;
      for (const v of ['20.19.0', '22.12.0', process.versions.node])
        if (!satisfies(v, range)) refused.push(`${name || 'orgsim'} wants node ${range}, not ${v}`);
    }
    expect(refused).toEqual([]);
  });

  it('cites the seed essays by title and says what the model takes from them, without a path outside the clone', () => {
    expect(readme).not.toMatch(/shared\/seeds/);
    expect(readme).toMatch(/\*33 things to know about those who make your online social spaces live\*: .{200,}/s);
    expect(readme).toMatch(/\*Internal and external community managers are not the same\*: .{200,}/s);
  });
});

describe('npm install and npm test', () => {
  it("declines esbuild's install script explicitly (no npm warning), and esbuild still works", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.allowScripts).toEqual({ esbuild: false });
    const { build } = await import('esbuild');
    const out = await build({
      stdin: { contents: 'export const x: number = 1', loader: 'ts' },
      write: false,
      format: 'esm',
    });
    expect(out.outputFiles[0]!.text).toContain('x = 1');
  });

  it('leaves the browser tests out with one line when Chromium is missing', async () => {
    const script =
      "process.argv.push('vitest'); const c = (await import('./vite.config.ts')).default; " +
      "console.log(c.test.projects.map((p) => p.test.name).join(','))";
    const env = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', CI: '', ORGSIM_BROWSER_SKIP_SAID: '' };
    delete (env as Record<string, string | undefined>).CI;
    delete (env as Record<string, string | undefined>).ORGSIM_BROWSER_SKIP_SAID;
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env,
    });
    expect(stdout.trim()).toBe('unit');
    expect(stderr.trim()).toBe(
      'browser tests skipped: no Chromium at /nonexistent/chromium (apt-get install chromium, or set CHROMIUM_PATH)',
    );
  });
});

/** The children of a process. */
function children(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

describe('npm start', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`leaves no Vite behind when npm is stopped with ${signal}`, { timeout: 60_000 }, async () => {
      const npm = spawn('npm', ['start'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      // Colours off or on (CI=true turns Vite's on): the text without its escape codes.
      npm.stdout.on('data', (d) => (out += String(d).replace(/\x1b\[[0-9;]*m/g, '')));
      try {
        expect(await until(() => /Local:/.test(out), 40_000), out).toBe(true);
        const server = children(npm.pid!);
        expect(server).toHaveLength(1); // node scripts/start.mjs, exec'd: no shell in between
        npm.kill(signal);
        expect(await until(() => !alive(server[0]!), 10_000)).toBe(true);
      } finally {
        for (const pid of children(npm.pid!)) if (alive(pid)) process.kill(pid, 'SIGKILL');
        if (alive(npm.pid!)) npm.kill('SIGKILL');
      }
    });
  }
});

describe('orgsim list', () => {
  it('sorts naturally (c1, c2, ..., c10) and leaves out the base the claims extend', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    const ids = r.stdout
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/\s+/)[0]!)
      .filter((id) => /^c\d/.test(id));
    const claim = (id: string) => Number(/^c(\d+)/.exec(id)![1]);
    expect(ids.map(claim)).toEqual([...ids.map(claim)].sort((a, b) => a - b));
    expect(ids.at(-1)).toMatch(/^c10-/);
    expect(r.stdout).not.toMatch(/^claim-base/m);
    expect(r.stdout).toMatch(/Not listed: claim-base, the base other scenarios extend/);
    const all = await cli(['list', '--all']);
    expect(all.stdout).toMatch(/^claim-base\s/m);
  });
});

/** Whether a version satisfies an npm range of the forms package locks use: ||, >=, >, <=, <, ^, ~, x.y.z. */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((x) => Number.parseInt(x, 10) || 0)
      .concat([0, 0, 0])
      .slice(0, 3);
  const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const v = parse(version);
  return range
    .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
    .split('||')
    .some((alt) =>
      alt
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .every((c) => {
          const m = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(c)!;
          const w = parse(m[2]!);
          const d = cmp(v, w);
          switch (m[1]) {
            case '>=':
              return d >= 0;
            case '>':
              return d > 0;
            case '<=':
              return d <= 0;
            case '<':
              return d < 0;
            case '^':
              return d >= 0 && (w[0]! > 0 ? v[0] === w[0] : v[1] === w[1]);
            case '~':
              return d >= 0 && v[0] === w[0] && v[1] === w[1];
            default:
              return m[2] === '*' || d === 0 || (m[2]!.split('.').length < 3 && v[0] === w[0]);
          }
        }),
    );
}
