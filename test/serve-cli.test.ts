/**
 * `orgsim serve` as a user starts it: the terminal's lines (addresses, QR code, the replay file), a
 * facilitator and a participant, Ctrl-C, and the replay file it leaves, which `orgsim run --replay` runs.
 * Mistakes on the command line are one line, exit 2, before anything listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, cli, spawnCli } from './sweep-helpers.ts';
import { Client } from './room-client.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>orgsim</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `orgsim serve ARGS` in `cwd`, once it says it listens: its output so far (live getters) and its exit. */
async function startServe(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const io = { out: '', err: '' };
  child.stdout.on('data', (d) => (io.out += String(d)));
  child.stderr.on('data', (d) => (io.err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  while (!io.out.includes('Ctrl-C stops the server.')) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${io.err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, io, exited };
}

describe('orgsim serve', () => {
  it('prints the addresses and the QR code, runs a room, and leaves a replay file on Ctrl-C', async () => {
    const replay = join(dir, 'room.replay.json');
    const { child, io, exited } = await startServe(
      [
        '--site',
        dir,
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--ticks',
        '60',
        '--set',
        'organization.employees=200',
        '--replay-out',
        replay,
      ],
      ROOT,
    );
    const out = io.out;
    expect(out).toMatch(/room [A-Z2-9]{4}, "Baseline/);
    expect(out).toMatch(/this machine only: phones cannot reach it/);
    expect(out).toMatch(/[▀▄█]/); // the QR code
    expect(out).toContain('\u001b[47m'); // drawn dark on light, as the renderer draws it...
    expect(out).not.toContain('\\u001b'); // ...not printed as escaped text
    const key = /room#key=([\w-]+)/.exec(out)![1]!;
    const join_ = /open (http:\/\/127\.0\.0\.1:\d+\/join#([A-Z2-9]{4}))/.exec(out)!;
    const ws = join_[1]!.replace(/^http/, 'ws').replace(/\/join#.*$/, '/ws');
    const host = await Client.open(ws);
    host.send({ t: 'host', token: key });
    await host.next((m) => m.t === 'hosted');
    const phone = await Client.open(ws);
    phone.send({ t: 'join', room: join_[2], name: 'Ana' });
    await phone.next((m) => m.t === 'welcome');
    host.send({ t: 'speed', days: 60 });
    host.send({ t: 'play' });
    await host.next((m) => m.t === 'frame' && (m.tick as number) >= 10);
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 60 });
    const s = await phone.next((m) => m.t === 'state' && m.vote !== null);
    phone.send({ t: 'vote', round: (s.vote as { round: number }).round, option: 1 });
    await phone.next((m) => m.t === 'voted');
    host.send({ t: 'close-vote' });
    await host.next((m) => m.t === 'room' && (m.decisions as unknown[]).length === 1);
    host.close();
    phone.close();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(io.err).toMatch(/vote 1: Start a visibility campaign \(1 of 1 votes\)/);
    expect(io.err).not.toMatch(/Ana/); // participants' words never reach the terminal
    expect(existsSync(replay)).toBe(true);
    const file = JSON.parse(readFileSync(replay, 'utf8')) as { decisions: { choice: string }[] };
    expect(file.decisions.map((d) => d.choice)).toEqual(['visibility']);
    const r = await spawnCli(['run', '--replay', replay, '--summary']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('without --replay-out, writes the replay file in out/rooms/ of the folder it runs in, and names it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'orgsim-serve-cwd-'));
    try {
      const { child, io, exited } = await startServe(
        ['--site', dir, '--host', '127.0.0.1', '--port', '0', '--ticks', '20', '--set', 'organization.employees=100'],
        cwd,
      );
      const out = io.out;
      expect(out).toMatch(
        /The replay file is out\/rooms\/room-[A-Z2-9]{4}\.replay\.json, written after every decision/,
      );
      expect(existsSync(join(cwd, 'out', 'rooms'))).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(io.err).toMatch(/the replay is in out\/rooms\/room-[A-Z2-9]{4}\.replay\.json/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('refuses mistakes in one line, before anything listens', async () => {
    const cases: [string[], RegExp][] = [
      [['--port', '70000'], /--port = "70000" is not allowed; expected a whole number from 0 to 65535/],
      [['--participants', '0'], /--participants = "0" is not allowed; expected a whole number from 1 to 200/],
      [['--ticks', '6000', '--site', dir], /ticks = 6000 is not allowed for a workshop; expected at most 5000/],
      [['--replay-out', join(dir, 'x.csv')], /a replay file is JSON/],
      [['--site', join(dir, 'nowhere')], /the page is not built: .*index\.html is missing; run npm run build first/],
      [['--host', 'a b'], /--host = "a b" is not allowed/],
      [['--set', 'smm.cuont=2', '--site', dir], /unknown parameter "smm\.cuont"; did you mean "smm\.count"/],
      [['--prot', '80'], /unknown option --prot for "serve"; did you mean --port\?/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(['serve', ...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
