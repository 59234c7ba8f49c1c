/**
 * The workshop server's message latency (`npm run bench`, or `npx tsx bench/room.ts [--quick]`): the server
 * (bench/room-server.ts) in its own process with the run playing at 60 days a second, 60 participants and the
 * facilitator as WebSocket clients in this one, on loopback.
 *
 * - join -> welcome, and resume -> welcome after every phone dropped, while the run plays (the server also
 *   sends the facilitator's frames and every phone its numbers once a second);
 * - vote -> acknowledgement: a participant's message and its answer (round trip), while every participant
 *   changes its vote about once a second (under the 5 a second limit); a vote pauses the run;
 * - vote opened -> every phone: from the facilitator's message to each of the 60 phones being told (fan-out).
 * Times are this process's clock on both ends, so no clock is compared with another.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Client, facilitator } from '../test/room-client.ts';
import { fmt, table } from './table.ts';
import { meterOthersAndChildren } from './load.ts';

const SERVER = fileURLToPath(new URL('./room-server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTICIPANTS = 60;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : fmt.ms(x));

export interface RoomBench {
  join: number[];
  resume: number[];
  ack: number[];
  fanout: number[];
  serverCpuMs: number;
  wallMs: number;
  ticks: number;
  others: number;
}

/** Send a hello and time the welcome. */
async function hello(wsUrl: string, message: unknown): Promise<{ client: Client; ms: number; secret: string }> {
  const client = await Client.open(wsUrl);
  const t = performance.now();
  client.send(message);
  const w = await client.next((m) => m.t === 'welcome');
  return { client, ms: performance.now() - t, secret: w.secret as string };
}

async function measure(rounds: number, votesPerRound: number, playMs: number): Promise<RoomBench> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const start = JSON.parse((await lines.next()).value as string) as { url: string; code: string; token: string };
  const wsUrl = `${start.url.replace(/^http/, 'ws')}ws`;
  const t0 = performance.now();
  const host = await facilitator(wsUrl, start.token);
  host.send({ t: 'speed', days: 60 });
  host.send({ t: 'play' });
  const join: number[] = [];
  const resume: number[] = [];
  const ack: number[] = [];
  const fanout: number[] = [];
  // Joining while the run plays.
  const phones: { client: Client; secret: string; sentAt: Map<number, number> }[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const h = await hello(wsUrl, { t: 'join', room: start.code, name: `P${i}` });
    join.push(h.ms);
    phones.push({ client: h.client, secret: h.secret, sentAt: new Map() });
  }
  let opened = 0;
  let round = 0;
  const listen = (p: (typeof phones)[number]) =>
    p.client.ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { t: string; option?: number; vote?: { round: number } | null };
      const now = performance.now();
      if (m.t === 'voted') {
        const sent = p.sentAt.get(m.option!);
        if (sent !== undefined) ack.push(now - sent);
        p.sentAt.delete(m.option!);
      } else if (m.t === 'state' && m.vote && m.vote.round === round && opened && !p.sentAt.has(-round)) {
        p.sentAt.set(-round, now);
        fanout.push(now - opened);
      }
    });
  for (const r of Array.from({ length: rounds }, (_, k) => k + 1)) {
    // While the run plays, every phone drops and comes back (a locked screen, a lost network).
    await new Promise((res) => setTimeout(res, playMs));
    for (const p of phones) {
      p.client.close();
      const h = await hello(wsUrl, { t: 'resume', room: start.code, secret: p.secret });
      resume.push(h.ms);
      p.client = h.client;
      listen(p);
    }
    round = r;
    opened = performance.now();
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility', 'coach-managers'], seconds: 120 });
    await Promise.all(
      phones.map((p) => p.client.next((m) => m.t === 'state' && (m.vote as { round: number } | null)?.round === round)),
    );
    // During the vote (the run paused, as in a workshop) every phone changes its vote about once a second.
    await Promise.all(
      phones.map(async (p, i) => {
        await new Promise((res) => setTimeout(res, (i / PARTICIPANTS) * 1000));
        for (let k = 0; k < votesPerRound; k++) {
          const option = (i + k) % 3;
          p.sentAt.set(option, performance.now());
          p.client.send({ t: 'vote', round, option });
          await new Promise((res) => setTimeout(res, 1000));
        }
      }),
    );
    host.send({ t: 'cancel-vote' });
  }
  const wallMs = performance.now() - t0;
  for (const c of [host, ...phones.map((x) => x.client)]) c.close();
  child.stdin!.end();
  const end = JSON.parse((await lines.next()).value as string) as {
    cpu: { user: number; system: number };
    tick: number;
  };
  await new Promise((res) => child.once('exit', res));
  return {
    join,
    resume,
    ack,
    fanout,
    serverCpuMs: (end.cpu.user + end.cpu.system) / 1000,
    wallMs,
    ticks: end.tick,
    others: 0,
  };
}

export async function benchRoom(quick = false): Promise<RoomBench> {
  const { result, others } = await meterOthersAndChildren(() => (quick ? measure(2, 3, 1000) : measure(6, 8, 3000)));
  const r = { ...result, others };
  const row = (name: string, xs: number[]) => [
    name,
    String(xs.length),
    ms(quantile(xs, 0.5)),
    ms(quantile(xs, 0.99)),
    ms(Math.max(...xs)),
  ];
  process.stdout.write(
    table(
      `Workshop server (orgsim serve): ${PARTICIPANTS} participants and the facilitator on loopback, ` +
        `baseline (1,000 employees) playing at 60 days/s`,
      ['message', 'samples', 'p50', 'p99', 'max'],
      [
        row('join -> welcome (run playing)', r.join),
        row('resume after a drop -> welcome (run playing)', r.resume),
        row('vote -> acknowledgement (vote open, run paused)', r.ack),
        row(`vote opened -> each of the ${PARTICIPANTS} phones`, r.fanout),
      ],
    ),
  );
  process.stdout.write(
    `\nthe server process used ${fmt.ms(r.serverCpuMs)} of CPU (main thread and the run's worker thread) ` +
      `over ${fmt.ms(r.wallMs)}, ${r.ticks} days run; other processes used ${(others * 100).toFixed(0)}% of ` +
      `all cores meanwhile\n`,
  );
  return r;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchRoom(process.argv.includes('--quick'));
