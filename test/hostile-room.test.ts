/**
 * The workshop room under hostile use (issue 22, family 7), against a live server on loopback: each name of
 * test/hostile/room.ts is refused to its sender alone, and the others never notice (no message, nobody seated,
 * nobody closed); and fast-check fuzzes the names and the messages. Silent sockets (family 6) are in
 * test/hostile-room-siege.test.ts. Machines of the room are loopback addresses (127.x.y.z): Linux routes all of
 * 127/8 to this machine. Conditions are awaited, never timed; every wait has a bound, so a regression fails.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { participant } from './room-client.ts';
import { GOOD_NAMES, NAME_CASES } from './hostile/room.ts';
import { LIMITS, parseClientMessage } from '../src/room/protocol.ts';
import { ROOM_ROLES, checkName, roleOf } from '../src/room/names.ts';
import {
  bystanders,
  nextAddress,
  noticed,
  open,
  opened,
  RAW,
  useHostileRoom,
  workshop,
  wsUrl,
} from './hostile-room-fixture.ts';

useHostileRoom();

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
