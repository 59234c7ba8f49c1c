/**
 * The workshop room under hostile use (issue 22, family 6), against a live server on loopback: silent sockets,
 * from one address or many, held open and reopened as they are closed, never take the place of a seated
 * participant nor keep a phone out (the names and fuzzing of family 7: test/hostile-room.test.ts). Machines of
 * the room are loopback addresses (127.x.y.z): Linux routes all of 127/8 to this machine. Conditions are
 * awaited, never timed; every wait has a bound, so a regression fails.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Client, participant, until } from './room-client.ts';
import { UNJOINED, UnjoinedSockets, addressKey, type Connection } from '../server/connection.ts';
import {
  bystanders,
  host,
  nextAddress,
  noticed,
  open,
  opened,
  useHostileRoom,
  workshop,
  wsUrl,
} from './hostile-room-fixture.ts';

useHostileRoom();

/** Sockets that connect and say nothing, from `addresses`, `count` in all; each one closed is opened again. */
class Siege {
  private stopped = false;
  readonly sockets = new Set<WebSocket>();
  opens = 0;

  constructor(addresses: string[], count: number) {
    for (let k = 0; k < count; k++) this.open(addresses[k % addresses.length]!);
  }

  private open(address: string): void {
    if (this.stopped) return;
    this.opens++;
    const ws = new WebSocket(wsUrl, { localAddress: address });
    this.sockets.add(ws);
    ws.on('error', () => {});
    ws.on('close', () => {
      this.sockets.delete(ws);
      // Reopened as soon as it is closed (a quarter of a second later: a loop, not a busy loop).
      setTimeout(() => this.open(address), 250);
    });
  }

  get openNow(): number {
    let n = 0;
    for (const ws of this.sockets) if (ws.readyState === WebSocket.OPEN) n++;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const ws of this.sockets) ws.terminate();
    await until(() => workshop.unjoined.size === 0, 'the silent sockets to be gone', 30_000);
  }
}

/** Phones seated while a siege went on: a later siege must not displace them either. */
const siegePhones: Client[] = [];

describe('the room: silent sockets never keep it shut (family 6)', () => {
  it('caps unjoined sockets per address and overall; the greediest address gives way, a new one never does', () => {
    const conn = (address: string) => ({ address }) as Connection;
    const u = new UnjoinedSockets({ perAddress: 3, total: 5 });
    const a = [conn('A'), conn('A'), conn('A'), conn('A')];
    expect(a.map((c) => u.admit(c).ok)).toEqual([true, true, true, false]);
    const b1 = conn('B');
    const b2 = conn('B');
    expect(u.admit(b1)).toEqual({ ok: true });
    expect(u.admit(b2)).toEqual({ ok: true });
    // Full: C takes the place of A's oldest; B (not the greediest) is not displaced.
    expect(u.admit(conn('C'))).toEqual({ ok: true, evict: a[0] });
    expect(u.size).toBe(5);
    // A holds no more than B (2 each): a newcomer from B is refused rather than take A's place.
    expect(u.admit(conn('B')).ok).toBe(false);
    // 5 addresses of one socket each: a sixth address still gets in, in place of the oldest of the first.
    const one = new UnjoinedSockets({ perAddress: 3, total: 5 });
    const singles = ['P', 'Q', 'R', 'S', 'T'].map(conn);
    for (const c of singles) expect(one.admit(c).ok).toBe(true);
    expect(one.admit(conn('U'))).toEqual({ ok: true, evict: singles[0] });
    u.remove(a[1]!);
    u.remove(a[1]!); // twice: no effect
    expect(u.size).toBe(4);
    expect(u.largest).toBe(2);
  });

  it('counts IPv4 by address and IPv6 by /64, an IPv4-mapped address as IPv4', () => {
    expect(addressKey('127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('?');
  });

  it(`refuses the ${UNJOINED.perAddress + 1}th silent socket of one address with 1013; the seated \
never notice`, async () => {
    const address = nextAddress();
    const dropped = workshop.dropped;
    const held: Client[] = [];
    for (let k = 0; k < UNJOINED.perAddress; k++) held.push(await open(address));
    const over = await open(address);
    expect((await over.waitClosed()).code).toBe(1013);
    expect(held.every((c) => c.closed === undefined)).toBe(true);
    expect(workshop.dropped).toBe(dropped + 1);
    // The same address may still join: a socket that says who it is leaves the unjoined ones.
    held[0]!.send({ t: 'join', room: workshop.code, name: 'From a busy address' });
    await held[0]!.next((m) => m.t === 'welcome');
    const again = await open(address);
    again.send({ t: 'join', room: workshop.code, name: 'Also from it' });
    await again.next((m) => m.t === 'welcome');
    for (const c of held) c.close();
    await until(() => workshop.unjoined.size === 0, 'the held sockets to close');
    expect(noticed()).toEqual([]);
  });

  it('with the unjoined sockets all taken, a phone, a returning phone and the facilitator still get in', async () => {
    const addresses = Array.from({ length: Math.ceil(UNJOINED.total / UNJOINED.perAddress) }, nextAddress);
    const siege = new Siege(addresses, UNJOINED.total + 20);
    await until(() => workshop.unjoined.size === UNJOINED.total, 'the unjoined sockets to be all taken', 30_000);
    const phone = await participant(wsUrl, workshop.code, 'Newcomer', nextAddress());
    opened.push(phone.client);
    phone.client.close();
    await until(() => workshop.room.get(phone.id)?.connected === false, 'the newcomer to be away');
    const back = await open();
    back.send({ t: 'resume', room: workshop.code, secret: phone.secret });
    expect((await back.next((m) => m.t === 'welcome')).id).toBe(phone.id);
    const page = await Client.open(wsUrl, {}, nextAddress());
    opened.push(page);
    page.send({ t: 'host', token: workshop.token });
    await page.next((m) => m.t === 'hosted');
    expect(workshop.unjoined.size).toBeLessThanOrEqual(UNJOINED.total);
    await siege.stop();
    expect(noticed()).toEqual([]);
  });

  for (const machines of [10, 100])
    it(`500 silent sockets from ${machines} addresses, held open and reopened as they close, while 30 phones join at \
once: all 30 are seated, nobody is displaced`, {
      timeout: 180_000,
    }, async () => {
      const seated = new Map(bystanders.map((b) => [b.id, b.client]));
      const earlier = [...siegePhones];
      const attackers = Array.from({ length: machines }, nextAddress);
      const siege = new Siege(attackers, 500);
      let worst = { size: 0, largest: 0 };
      const watch = setInterval(() => {
        worst = {
          size: Math.max(worst.size, workshop.unjoined.size),
          largest: Math.max(worst.largest, workshop.unjoined.largest),
        };
      }, 5);
      try {
        await until(
          () => workshop.unjoined.size === UNJOINED.total && siege.opens > 600,
          'the siege to fill the unjoined sockets and reopen some',
          60_000,
        );
        const phones = await Promise.all(
          Array.from({ length: 30 }, (_, k) =>
            participant(wsUrl, workshop.code, `Phone ${machines}-${k + 1}`, nextAddress()),
          ),
        );
        opened.push(...phones.map((p) => p.client));
        expect(new Set(phones.map((p) => p.id)).size).toBe(30);
        siegePhones.push(...phones.map((p) => p.client));
        for (const p of phones) expect(workshop.room.get(p.id)?.connected, `phone ${p.id}`).toBe(true);
        // The siege went on all along: its sockets were refused or gave way, never a seated participant.
        expect(siege.opens).toBeGreaterThan(600);
        for (const [id, client] of seated) {
          expect(client.closed, `bystander ${id}`).toBeUndefined();
          expect(workshop.room.get(id)?.connected).toBe(true);
        }
      } finally {
        clearInterval(watch);
        await siege.stop();
      }
      // The phones seated under an earlier siege were not displaced by this one.
      for (const c of earlier) expect(c.closed).toBeUndefined();
      expect(worst.size).toBeLessThanOrEqual(UNJOINED.total);
      expect(worst.largest).toBeLessThanOrEqual(UNJOINED.perAddress);
      expect(noticed()).toEqual([]);
      // The room still runs: the facilitator plays it.
      host.send({ t: 'play' });
      await until(() => workshop.sim.tick > 0, 'the run to play');
    });
});
