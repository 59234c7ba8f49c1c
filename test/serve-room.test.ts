/**
 * The facilitator's controls of a workshop room (orgsim serve), driven as its page drives them: a vote pauses
 * the run and the run plays on after it, Play pressed while a decision is applied is kept, a cancelled or an
 * empty vote changes nothing, a removed participant cannot come back, a facilitator's page that reconnects
 * gets the whole run again, and closing the room tells the phones and keeps the replay. Awaited, not timed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { Client, facilitator, participant, startRoom, until, type Message } from './room-client.ts';
import type { Workshop } from '../server/workshop.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';

let open: { workshop: Workshop; dir: string; clients: Client[] } | undefined;
afterEach(async () => {
  if (!open) return;
  for (const c of open.clients) c.close();
  await open.workshop.close();
  rmSync(open.dir, { recursive: true, force: true });
  open = undefined;
});

async function room(phones = 3) {
  const { workshop, wsUrl, dir } = await startRoom();
  const host = await facilitator(wsUrl, workshop.token);
  const ps = [];
  for (let i = 0; i < phones; i++) ps.push(await participant(wsUrl, workshop.code, `P${i}`));
  open = { workshop, dir, clients: [host, ...ps.map((p) => p.client)] };
  return { workshop, wsUrl, host, phones: ps };
}

const stateWithVote = (round: number) => (m: Message) =>
  m.t === 'state' && (m.vote as { round: number } | null)?.round === round;

describe('orgsim serve: the facilitator in control', () => {
  it('a vote pauses the run; the decision applies on that day; the run plays on; Play during the \
decision is kept', async () => {
    const { workshop, host, phones } = await room();
    host.send({ t: 'speed', days: 20 });
    host.send({ t: 'play' });
    await until(() => workshop.sim.tick >= 5, 'the run to play');
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 60 });
    await until(() => workshop.room.vote !== null, 'the vote');
    expect(workshop.playing).toBe(false);
    for (const p of phones) await p.client.next(stateWithVote(1));
    const day = workshop.sim.tick;
    for (const p of phones) p.client.send({ t: 'vote', round: 1, option: 0 });
    await until(() => workshop.room.vote!.ballots.size === 3, 'three votes');
    expect(workshop.sim.tick).toBe(day); // paused while the room votes
    host.send({ t: 'close-vote' });
    host.send({ t: 'pause' });
    host.send({ t: 'play' }); // pressed before the decision is applied: kept
    await until(() => workshop.room.decisions.length === 1, 'the decision');
    expect(workshop.room.decisions[0]).toMatchObject({ round: 1, tick: day, choice: 'hire-smm', voters: 3 });
    expect(workshop.sim.changes).toEqual([
      { tick: day, label: 'Vote 1: Hire an SMM', set: { 'smm.count': workshop.sim.scenario.smm.count + 1 } },
    ]);
    await until(() => workshop.sim.tick > day + 5, 'the run to play on');
    expect(workshop.playing).toBe(true);
    // The ghost follows the run without the decision.
    await until(() => (workshop.sim.ghost?.tick ?? 0) > day, 'the ghost');
  });

  it('a cancelled vote and a vote nobody answers change nothing', async () => {
    const { workshop, host, phones } = await room(2);
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 60 });
    await phones[0]!.client.next(stateWithVote(1));
    phones[0]!.client.send({ t: 'vote', round: 1, option: 1 });
    await phones[0]!.client.next((m) => m.t === 'voted');
    host.send({ t: 'cancel-vote' });
    await host.next((m) => m.t === 'notice' && /cancelled/.test(String(m.text)));
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 60 });
    await phones[1]!.client.next(stateWithVote(2));
    host.send({ t: 'close-vote' });
    await host.next((m) => m.t === 'notice' && /Vote 2: nobody voted, nothing changes/.test(String(m.text)));
    expect(workshop.room.decisions).toEqual([]);
    expect(workshop.sim.changes).toEqual([]);
    // A vote whose time is up closes by itself.
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 10 });
    await phones[1]!.client.next(stateWithVote(3));
    phones[1]!.client.send({ t: 'vote', round: 3, option: 1 });
    await until(() => workshop.room.decisions.length === 1, 'the vote to close at the end of its countdown', 30_000);
    expect(workshop.room.decisions[0]!.choice).toBe('visibility');
  });

  it('a removed participant is told, and its secret no longer works', async () => {
    const { workshop, wsUrl, host, phones } = await room(2);
    const [gone, stays] = phones as [(typeof phones)[number], (typeof phones)[number]];
    host.send({ t: 'kick', participant: gone.id });
    expect((await gone.client.next((m) => m.t === 'bye')).reason).toBe('kicked');
    await gone.client.waitClosed();
    const back = await Client.open(wsUrl);
    open!.clients.push(back);
    back.send({ t: 'resume', room: workshop.code, secret: gone.secret });
    expect((await back.next((m) => m.t === 'bye')).reason).toBe('unknown');
    expect(workshop.room.list().map((p) => p.id)).toEqual([stays.id]);
    host.send({ t: 'kick', participant: 999 });
    expect((await host.next((m) => m.t === 'refused')).reason).toMatch(/no participant 999/);
  });

  it("a facilitator's page that reconnects gets the whole run so far, exactly", async () => {
    const { workshop, wsUrl, host } = await room(1);
    host.send({ t: 'speed', days: 60 });
    host.send({ t: 'play' });
    await until(() => workshop.sim.tick >= 30, 'the run to play');
    host.send({ t: 'pause' });
    await until(() => !workshop.playing, 'the pause');
    const again = await facilitator(wsUrl, workshop.token);
    open!.clients.push(again);
    const frame = await again.next((m) => m.t === 'frame');
    const main = frame.main as { from: number; to: number; data: string };
    expect(main.from).toBe(0);
    const n = main.to;
    const data = new Float64Array(new Uint8Array(Buffer.from(main.data, 'base64')).buffer);
    SERIES_NAMES.forEach((name, k) => {
      const server = workshop.seriesOf(name).subarray(0, n);
      expect(
        Buffer.from(data.buffer, k * n * 8, n * 8).equals(Buffer.from(server.buffer, server.byteOffset, n * 8)),
        name,
      ).toBe(true);
    });
  });

  it('closing the room tells the phones, stops the run, keeps the replay and lets nobody in', async () => {
    const { workshop, wsUrl, host, phones } = await room(2);
    host.send({ t: 'close' });
    for (const p of phones) expect((await p.client.next((m) => m.t === 'bye')).reason).toBe('closed');
    expect((await host.next((m) => m.t === 'closed')).replayFile).toBe(workshop.replayFile);
    expect(JSON.parse(readFileSync(workshop.replayFile, 'utf8'))).toMatchObject({
      format: 'orgsim-replay',
      decisions: [],
    });
    const late = await Client.open(wsUrl);
    open!.clients.push(late);
    late.send({ t: 'join', room: workshop.code, name: 'Late' });
    expect((await late.next((m) => m.t === 'bye')).reason).toBe('closed');
    host.send({ t: 'play' });
    expect((await host.next((m) => m.t === 'refused')).reason).toMatch(/closed/);
    host.send({ t: 'replay' });
    expect(JSON.parse(String((await host.next((m) => m.t === 'replay')).text))).toMatchObject({ room: workshop.code });
  });
});
