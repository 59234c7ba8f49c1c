/**
 * The workshop room under hostile use (issue 22, families 6 and 7), against a live server on loopback: each
 * name of test/hostile/room.ts is refused to its sender alone, and the others never notice (no message,
 * nobody seated, nobody closed); silent sockets, from one address or many, held open and reopened as they
 * are closed, never take the place of a seated participant nor keep a phone out; and fast-check fuzzes the
 * names and the messages. Machines of the room are loopback addresses (127.x.y.z): Linux routes all of
 * 127/8 to this machine. Conditions are awaited, never timed; every wait has a bound, so a regression fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import WebSocket from 'ws';
import { Client, facilitator, participant, startRoom, until } from './room-client.ts';
import { GOOD_NAMES, NAME_CASES } from './hostile/room.ts';
import type { Workshop } from '../server/workshop.ts';
import { UNJOINED, UnjoinedSockets, addressKey, type Connection } from '../server/connection.ts';
import { LIMITS, parseClientMessage } from '../src/room/protocol.ts';
import { ROOM_ROLES, checkName, roleOf } from '../src/room/names.ts';

/** Raw control, format and separator characters: none may reach a reason shown on a page. */
const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

let workshop: Workshop;
let wsUrl: string;
let dir: string;
let host: Client;
/** Seated before anything hostile happens: they must never notice it. */
const bystanders: { client: Client; id: number }[] = [];
const opened: Client[] = [];
/** A distinct loopback address for each machine of the room. */
let machine = 0;
const nextAddress = () => {
  machine++;
  return `127.${10 + (machine >> 16)}.${(machine >> 8) & 255}.${machine & 255 || 1}`;
};

beforeAll(async () => {
  ({ workshop, wsUrl, dir } = await startRoom({ maxParticipants: 120 }));
  host = await facilitator(wsUrl, workshop.token);
  for (let k = 0; k < 5; k++) bystanders.push(await participant(wsUrl, workshop.code, `Bystander ${k}`, nextAddress()));
});

afterAll(async () => {
  for (const c of [host, ...bystanders.map((b) => b.client), ...opened]) c?.close();
  await workshop?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the bystanders and the facilitator have been told so far that a refusal could have caused. */
function noticed(): string[] {
  const out: string[] = [];
  for (const b of bystanders) {
    for (const m of b.client.messages) if (m.t === 'refused' || m.t === 'bye') out.push(`bystander ${b.id}: ${m.t}`);
    if (b.client.closed) out.push(`bystander ${b.id}: closed ${b.client.closed.code}`);
    if (!workshop.room.get(b.id)?.connected) out.push(`bystander ${b.id}: away`);
  }
  for (const m of host.messages)
    if (m.t === 'refused' || m.t === 'bye' || m.t === 'closed') out.push(`facilitator: ${m.t}`);
  if (host.closed) out.push('facilitator: closed');
  return out;
}

async function open(address = nextAddress()): Promise<Client> {
  const c = await Client.open(wsUrl, {}, address);
  opened.push(c);
  return c;
}

describe('the room: names that would disguise themselves (family 7)', () => {
  it('holds at least 40 name cases with distinct names', () => {
    expect(NAME_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(NAME_CASES.map((c) => c.id)).size).toBe(NAME_CASES.length);
  });

  for (const c of NAME_CASES) {
    it(`name: ${c.id}`, async () => {
      const seated = workshop.room.size;
      const before = noticed();
      const phone = await open();
      phone.send({ t: 'join', room: workshop.code, name: c.name });
      const r = await phone.next((m) => m.t === 'refused' || m.t === 'welcome' || m.t === 'bye');
      expect(r.t, JSON.stringify(r)).toBe('refused');
      expect(r.refusal).toBe('invalid');
      const reason = String(r.reason);
      expect(reason).toMatch(c.expect);
      expect(reason).not.toMatch(RAW);
      expect(reason.split('\n')).toHaveLength(1);
      // The sender may try again: the socket stays; nobody was seated; nobody else was told.
      expect(phone.closed).toBeUndefined();
      expect(workshop.room.size).toBe(seated);
      expect(noticed()).toEqual(before);
      phone.close();
    });
  }

  it('seats the names of people as typed (NFKC, spaces folded), markup as text', async () => {
    for (const [typed, shown] of GOOD_NAMES) {
      const p = await participant(wsUrl, workshop.code, typed, nextAddress());
      opened.push(p.client);
      expect(workshop.room.get(p.id)!.name, typed).toBe(shown);
    }
    expect(noticed()).toEqual([]);
  });
});

/** How each character of a role word can be disguised, as the look-alike readers of src/room/names.ts know. */
const DISGUISES: Record<string, string[]> = {
  a: ['a', 'A', '\u0430', '\u03b1', '4', '@', 'à', 'Ａ'],
  c: ['c', 'C', '\u0441', 'ç'],
  e: ['e', 'E', '\u0435', '\u03b5', '3', 'é'],
  i: ['i', 'I', '\u0456', '\u03b9', '1', 'í', 'l', '|'],
  o: ['o', 'O', '\u043e', '\u03bf', '0', 'ö'],
  t: ['t', 'T', '7', '\u0442'],
  s: ['s', 'S', '\u0455', '5', '$'],
  r: ['r', 'R'],
  m: ['m', 'M', '\u043c'],
  h: ['h', 'H', '\u04bb'],
  n: ['n', 'N'],
  d: ['d', 'D', '\u0501'],
  l: ['l', 'L', '1', 'I', '\u04cf'],
  f: ['f', 'F', 'ℱ'],
  g: ['g', 'G'],
  p: ['p', 'P', '\u0440', '\u03c1'],
  y: ['y', 'Y', '\u0443'],
  z: ['z', 'Z'],
  u: ['u', 'U'],
  v: ['v', 'V'],
  x: ['x', 'X', '\u0445'],
};
const roleDisguised = fc
  .tuple(
    fc.constantFrom(...ROOM_ROLES),
    fc.infiniteStream(fc.nat()),
    fc.constantFrom('', 'the ', 'Bob ', '~'),
    fc.constantFrom('', '.', ' (me)', '!', ' 2'),
  )
  .map(([role, picks, before, after]) => {
    const it = picks[Symbol.iterator]();
    const word = [...role]
      .map((ch) => {
        const options = DISGUISES[ch] ?? [ch];
        return options[it.next().value! % options.length]!;
      })
      .join('');
    return { role, name: `${before}${word}${after}` };
  });

describe('the room: fuzzing names and messages (fast-check)', () => {
  it('any typed name is either refused in one line, or kept as a visible, normalized, one-line name that \
is no role', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.string({ unit: 'grapheme-composite', maxLength: 12 }),
        ),
        (typed) => {
          const parsed = parseClientMessage(JSON.stringify({ t: 'join', room: 'ABCD', name: typed }));
          if (!parsed.ok) {
            expect(parsed.reason.split('\n')).toHaveLength(1);
            expect(parsed.reason).not.toMatch(RAW);
            return;
          }
          const name = (parsed.message as { name: string }).name;
          expect(name).toBe(name.normalize('NFKC'));
          expect(name).toBe(name.trim());
          expect(name.length).toBeLessThanOrEqual(LIMITS.nameChars);
          expect(name).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u);
          expect(
            name.replace(/(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu, ''),
          ).not.toMatch(/\p{Cf}/u);
          expect(name.replace(/[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu, '')).not.toBe('');
          expect(roleOf(name)).toBeUndefined();
          // What the room keeps is itself a name the room keeps, unchanged.
          expect(checkName(name, LIMITS.nameChars)).toEqual({ ok: true, name });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a role of the room, in any case, with look-alike letters, accents or digits, alone or in a name, \
is refused', () => {
    fc.assert(
      fc.property(roleDisguised, ({ role, name }) => {
        const r = checkName(name, LIMITS.nameChars);
        expect(r.ok, `${name} passed`).toBe(false);
        if (!r.ok) expect(r.why).toContain(`("${role}")`);
      }),
      { numRuns: 2000 },
    );
  });

  it('any name with a format character or a separator slipped in is refused', () => {
    const slipped = fc.constantFrom(
      '\u200b',
      '\u200c',
      '\u2060',
      '\u00ad',
      '\ufeff',
      '\u202e',
      '\u2066',
      '\u2028',
      '\u2029',
      '\u061c',
      '\u180e',
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }),
        fc.nat(),
        slipped,
        (base, at, ch) => {
          const k = at % (base.length + 1);
          expect(checkName(base.slice(0, k) + ch + base.slice(k), LIMITS.nameChars).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('random messages from strangers are refused to them alone: the seated and the facilitator never notice', {
    timeout: 300_000,
  }, async () => {
    const types = [
      'join',
      'resume',
      'vote',
      'host',
      'play',
      'pause',
      'speed',
      'open-vote',
      'close-vote',
      'cancel-vote',
      'kick',
      'replay',
      'close',
      '__proto__',
      'constructor',
    ];
    const message = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record(
          {
            t: fc.constantFrom(...types),
            room: fc.oneof(fc.constant(workshop.code), fc.string({ maxLength: 10 })),
            name: fc.string({ unit: 'binary', maxLength: 40 }),
            secret: fc.string({ maxLength: 70 }),
            token: fc.string({ maxLength: 130 }),
            round: fc.oneof(fc.integer(), fc.double(), fc.string()),
            option: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.string()),
            participant: fc.oneof(...bystanders.map((b) => fc.constant(b.id)), fc.integer()),
            days: fc.integer(),
            seconds: fc.integer(),
            options: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
            extra: fc.anything({ maxDepth: 2 }),
          },
          { requiredKeys: ['t'] },
        )
        .map((m) => JSON.stringify(m)),
      fc.uint8Array({ maxLength: 64 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (messages) => {
        const c = await open();
        for (const m of messages) c.ws.send(m, { binary: typeof m !== 'string' });
        // A last message the server answers (refusals are answered at most twice a second): once it has,
        // every earlier one was handled.
        await new Promise((r) => setTimeout(r, 520));
        c.send({ t: 'vote', round: 1, option: 0 });
        await c.next((m) => m.t === 'refused' || m.t === 'bye', 0, 30_000).catch(() => undefined);
        c.close();
        expect(noticed()).toEqual([]);
        expect(workshop.room.closed).toBe(false);
        expect(workshop.room.vote).toBeNull();
        expect(workshop.room.decisions).toHaveLength(0);
      }),
      { numRuns: 40 },
    );
  });
});

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
