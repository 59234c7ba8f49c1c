/**
 * The workshop server for bench/room.ts, in its own process (so that the 60 clients' work does not share its
 * event loop): baseline (1,000 employees) over 5,000 days, on loopback. Prints where it listens, then serves
 * until stdin closes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workshop } from '../server/workshop.ts';
import { loadSite } from '../server/site.ts';
import { readScenario } from '../cli/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'orgsim-bench-room-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>orgsim</title>');
const { scenario } = readScenario('baseline', ['ticks=5000']);
const workshop = await Workshop.start({
  scenario,
  seed: 1,
  site: loadSite(dir),
  host: '127.0.0.1',
  port: 0,
  maxParticipants: 60,
  replayFile: (code) => join(dir, `room-${code}.replay.json`),
});
process.stdout.write(
  `${JSON.stringify({ url: workshop.url, code: workshop.code, token: workshop.token, cpu: process.cpuUsage() })}\n`,
);
process.stdin.resume();
process.stdin.on('end', async () => {
  const cpu = process.cpuUsage();
  const tick = workshop.sim.tick;
  await workshop.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ cpu, tick })}\n`);
  process.exit(0);
});
