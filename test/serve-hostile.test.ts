/**
 * Hostile clients against the workshop's room (orgsim serve): malformed, oversized and flooding messages,
 * facilitator actions without the key, markup in names, another site's page, paths out of the site. All
 * refused and counted; the room keeps running; nothing is lost (the participants' votes, the decision, the
 * replay). Conditions are awaited, never timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { Client, facilitator, participant, startRoom, until } from './room-client.ts';
import type { Workshop } from '../server/workshop.ts';
import { LIMITS } from '../src/room/protocol.ts';
import { replayScenario } from '../src/room/replay.ts';

let workshop: Workshop;
let wsUrl: string;
let dir: string;
let host: Client;
const others: Client[] = [];

beforeAll(async () => {
  ({ workshop, wsUrl, dir } = await startRoom({ maxParticipants: 8 }));
  host = await facilitator(wsUrl, workshop.token);
  host.send({ t: 'speed', days: 20 });
  host.send({ t: 'play' });
  await until(() => workshop.sim.tick > 0, 'the run to start');
});

afterAll(async () => {
  for (const c of [host, ...others]) c?.close();
  await workshop?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = async (headers: Record<string, string> = {}) => {
  const c = await Client.open(wsUrl, headers);
  others.push(c);
  return c;
};
const refusal = (c: Client, kind: string, from = 0) => c.next((m) => m.t === 'refused' && m.refusal === kind, from);

describe('orgsim serve: hostile clients', () => {
  it('refuses malformed messages and wrong fields in one line each, counts them, keeps the connection', async () => {
    const c = await open();
    const before = { ...workshop.room.refused };
    const cases: [unknown, string, RegExp][] = [
      ['not json at all', 'malformed', /expected one JSON object/],
      ['[1,2,3]', 'malformed', /expected one JSON object/],
      ['{"t":"join","room":"ABCD","name":"x","isAdmin":true}', 'invalid', /unknown field "isAdmin"/],
      ['{"t":"vote","round":"1; DROP TABLE","option":0}', 'invalid', /round = .* is not allowed/],
      ['{"t":"__proto__","x":1}', 'invalid', /not a known message/],
      ['{"t":"join","room":"../../etc","name":"x"}', 'invalid', /room = .* is not allowed/],
    ];
    for (const [text, kind, reason] of cases) {
      const at = c.messages.length;
      c.send(text);
      const r = await refusal(c, kind, at);
      expect(r.reason).toMatch(reason);
      expect(String(r.reason)).not.toMatch(/\n|\s+at /);
      await new Promise((r) => setTimeout(r, 510)); // refusals are answered at most twice a second
    }
    c.ws.send(Buffer.from([0x00, 0xff, 0x10]), { binary: true });
    await until(() => workshop.room.refused.malformed >= before.malformed + 3, 'the binary message to be counted');
    expect(workshop.room.refused.invalid).toBe(before.invalid + 4);
    // Still open, and still able to join.
    c.send({ t: 'join', room: workshop.code, name: 'Still here' });
    await c.next((m) => m.t === 'welcome');
  });

  it('refuses an oversized message (counted), and closes a connection that sends a huge frame', async () => {
    const c = await open();
    const before = workshop.room.refused.oversized;
    c.send({ t: 'join', room: workshop.code, name: 'x'.repeat(LIMITS.messageBytes) });
    await refusal(c, 'oversized');
    expect(c.closed).toBeUndefined();
    const d = await open();
    const dropped = workshop.dropped;
    d.send('x'.repeat(LIMITS.frameBytes + 1));
    expect((await d.waitClosed()).code).toBe(1009);
    await until(
      () => workshop.room.refused.oversized === before + 2 && workshop.dropped === dropped + 1,
      'the huge frame to be counted',
    );
  });

  it('refuses facilitator actions without the key, from a new page or a participant, and a wrong key', async () => {
    const stranger = await open();
    const p = await participant(wsUrl, workshop.code, 'Mallory');
    others.push(p.client);
    const victim = await participant(wsUrl, workshop.code, 'Victim');
    others.push(victim.client);
    const before = workshop.room.refused.unauthorized;
    const actions = [
      { t: 'pause' },
      { t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 10 },
      { t: 'kick', participant: victim.id },
      { t: 'close' },
      { t: 'replay' },
      { t: 'speed', days: 1 },
    ];
    for (const c of [stranger, p.client]) for (const a of actions) c.send(a);
    await until(() => workshop.room.refused.unauthorized >= before + 2 * actions.length, 'the actions to be refused');
    expect(workshop.room.refused.unauthorized).toBe(before + 2 * actions.length);
    expect(workshop.room.closed).toBe(false);
    expect(workshop.room.vote).toBeNull();
    expect(workshop.room.get(victim.id)).toBeDefined();
    expect(workshop.speed).toBe(20);
    expect(workshop.playing).toBe(true);
    // No replay for a stranger.
    expect(stranger.messages.some((m) => m.t === 'replay')).toBe(false);

    const guesser = await open();
    const bad = workshop.room.refused.badToken;
    for (const token of [
      'guess',
      workshop.token.slice(0, -1) + (workshop.token.endsWith('A') ? 'B' : 'A'),
      'x'.repeat(128),
    ])
      guesser.send({ t: 'host', token });
    expect((await guesser.waitClosed()).code).toBe(1008);
    expect(workshop.room.refused.badToken).toBe(bad + 3);
    expect(guesser.messages.some((m) => m.t === 'hosted')).toBe(false);
    // A participant does not become the facilitator, even with the right key.
    p.client.send({ t: 'host', token: workshop.token });
    await until(() => workshop.room.refused.badToken === bad + 4, 'the participant to be refused');
  });

  it('limits each connection to a few messages a second: a flood is refused, counted and cut off', async () => {
    const flooder = await participant(wsUrl, workshop.code, 'Flood');
    const fair = await participant(wsUrl, workshop.code, 'Fair');
    others.push(flooder.client, fair.client);
    host.send({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 120 });
    const vote = await fair.client.next((m) => m.t === 'state' && m.vote !== null);
    const round = (vote.vote as { round: number }).round;
    const floods = workshop.room.refused.flood;
    for (let i = 0; i < 2000; i++) flooder.client.send({ t: 'vote', round, option: i % 2 });
    expect((await flooder.client.waitClosed()).code).toBe(1008);
    expect(workshop.room.refused.flood).toBeGreaterThanOrEqual(floods + 100);
    // The flooder's vote counts once; the fair participant's vote counts.
    fair.client.send({ t: 'vote', round, option: 1 });
    await fair.client.next((m) => m.t === 'voted');
    expect(workshop.room.vote!.ballots.size).toBeLessThanOrEqual(workshop.room.size);
    expect(workshop.room.vote!.ballots.get(fair.id)).toBe(1);
    host.send({ t: 'cancel-vote' });
    await until(
      () => workshop.room.vote === null && workshop.playing,
      'the vote to be cancelled and the run to play on',
    );
  });

  it('takes names as text: markup is kept as typed, control characters are refused', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const p = await participant(wsUrl, workshop.code, markup);
    others.push(p.client);
    expect(workshop.room.get(p.id)!.name).toBe(markup);
    const c = await open();
    c.send({ t: 'join', room: workshop.code, name: 'evil\u001b]0;pwned\u0007' });
    expect((await refusal(c, 'invalid')).reason).toMatch(/without control characters/);
    c.send({ t: 'join', room: 'ZZZZ', name: 'lost' });
    await new Promise((r) => setTimeout(r, 510));
    c.send({ t: 'join', room: 'ZZZZ', name: 'lost' });
    expect((await refusal(c, 'wrongRoom')).reason).toMatch(/no room ZZZZ here/);
  });

  it("does not let a forged secret take a participant's place; the real one comes back with its seat", async () => {
    const real = await participant(wsUrl, workshop.code, 'Real');
    others.push(real.client);
    const forger = await open();
    forger.send({ t: 'resume', room: workshop.code, secret: 'A'.repeat(24) });
    expect((await forger.next((m) => m.t === 'bye')).reason).toBe('unknown');
    expect(forger.messages.some((m) => m.t === 'welcome')).toBe(false);
    real.client.close();
    await until(() => workshop.room.get(real.id)?.connected === false, 'the participant to be away');
    const back = await open();
    back.send({ t: 'resume', room: workshop.code, secret: real.secret });
    const w = await back.next((m) => m.t === 'welcome');
    expect(w.id).toBe(real.id);
    expect(workshop.room.get(real.id)?.connected).toBe(true);
  });

  it('refuses participants beyond the limit, and a page from another site', async () => {
    const seats = workshop.room.maxParticipants - workshop.room.size;
    for (let k = 0; k < seats; k++) others.push((await participant(wsUrl, workshop.code, `Seat ${k}`)).client);
    const late = await open();
    late.send({ t: 'join', room: workshop.code, name: 'Late' });
    const bye = await late.next((m) => m.t === 'bye');
    expect(bye.reason).toBe('full');
    expect(workshop.room.size).toBe(workshop.room.maxParticipants);
    await expect(Client.open(wsUrl, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('serves only the site: no path leads out of it, no method but GET and HEAD', async () => {
    const { hostname, port } = new URL(workshop.url);
    // The path as written, not normalized by a URL parser on the way.
    const get = (path: string, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: hostname, port, path, method }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get('/')).toBe(200);
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '//etc/passwd',
      '/index.html/..',
      '/ws/../index.html?x',
    ])
      expect(await get(path), path).toBe(404);
    expect(await get('/index.html', 'POST')).toBe(405);
  });

  it('has lost nothing: the room still runs, votes and records the decision, and the replay has it', async () => {
    const tick = workshop.sim.tick;
    await until(() => workshop.sim.tick > tick || workshop.sim.done, 'the run to go on');
    expect(workshop.error).toBeUndefined();
    const voters = workshop.room
      .list()
      .filter((p) => p.connected)
      .slice(0, 3);
    const clients = voters.map((p) => others.find((c) => c.messages.some((m) => m.t === 'welcome' && m.id === p.id))!);
    const decisions = workshop.room.decisions.length;
    host.send({ t: 'open-vote', options: ['visibility', 'hire-smm'], seconds: 120 });
    for (const c of clients) {
      const s = await c.next(
        (m) => m.t === 'state' && m.vote !== null && (m.vote as { round: number }).round === workshop.room.vote?.round,
      );
      c.send({ t: 'vote', round: (s.vote as { round: number }).round, option: 1 });
    }
    await until(() => workshop.room.vote?.ballots.size === 3, 'three votes');
    host.send({ t: 'close-vote' });
    await until(() => workshop.room.decisions.length === decisions + 1, 'the decision');
    const d = workshop.room.decisions.at(-1)!;
    expect(d.choice).toBe('hire-smm');
    expect(d.voters).toBe(3);
    const replay = replayScenario(JSON.parse(readFileSync(workshop.replayFile, 'utf8')), 'replay');
    expect(replay.replay.decisions.map((x) => [x.round, x.tick, x.choice])).toEqual(
      workshop.room.decisions.map((x) => [x.round, x.tick, x.choice]),
    );
    // Every refusal was counted, none crashed the server.
    const r = workshop.room.refused;
    expect(r.malformed + r.invalid + r.oversized + r.flood + r.unauthorized + r.badToken).toBeGreaterThan(100);
  });
});
