/** The workshop room's rules (src/room/room.ts), its messages (protocol.ts), its rate limit and its roles. */
import { describe, expect, it } from 'vitest';
import { Room, RoomError } from '../src/room/room.ts';
import { LIMITS, parseClientMessage } from '../src/room/protocol.ts';
import { TokenBucket } from '../src/room/rate.ts';
import { assignEmployee, personalNumbers, roleCard, teamMembers, type Org } from '../src/room/roles.ts';
import { LIVE_EVENTS } from '../src/live-events.ts';

/** 4 departments of 2 teams of 5: the first of each team is its manager, the second an owner. */
function org(): Org {
  const E = 40;
  const team = Array.from({ length: E }, (_, i) => Math.floor(i / 5));
  return {
    employees: E,
    departments: 4,
    team,
    department: team.map((t) => Math.floor(t / 2)),
    role: Array.from({ length: E }, (_, i) => (i % 5 === 0 ? 1 : i % 5 === 1 ? 2 : 0)),
  };
}

let counter = 0;
const room = (max = 10) =>
  new Room({
    code: 'ABCD',
    maxParticipants: max,
    events: LIVE_EVENTS,
    org: org(),
    secret: () => `secret-${String(++counter).padStart(12, '0')}`,
  });
const join = (r: Room, name: string) => {
  const j = r.join(name);
  if (!j.ok) throw new Error(j.reason);
  return j.participant;
};

describe('room: joining, coming back, leaving', () => {
  it('gives each participant a distinct employee, spread over departments and roles', () => {
    const r = room(12);
    const ps = Array.from({ length: 12 }, (_, k) => join(r, `p${k}`));
    expect(new Set(ps.map((p) => p.card.employee)).size).toBe(12);
    expect(new Set(ps.map((p) => p.card.department)).size).toBe(4);
    expect(new Set(ps.map((p) => p.card.role))).toEqual(new Set(['member', 'manager', 'owner']));
    for (const p of ps) expect(p.members).toContain(p.card.employee);
  });

  it('refuses a participant beyond the limit, and after the room is closed', () => {
    const r = room(2);
    join(r, 'a');
    join(r, 'b');
    const third = r.join('c');
    expect(third.ok).toBe(false);
    if (!third.ok) expect(third.refusal).toBe('full');
    r.closed = true;
    expect(room(2).join('x').ok).toBe(true);
    expect(r.join('d').ok).toBe(false);
  });

  it('takes a phone back by its secret, with its vote; a removed participant cannot come back', () => {
    const r = room();
    const a = join(r, 'a');
    const b = join(r, 'b');
    const v = r.openVote(['hire-smm', 'visibility'], 30, 0);
    expect(r.castVote(a.id, v.round, 1).ok).toBe(true);
    expect(r.castVote(b.id, v.round, 0).ok).toBe(true);
    expect(r.resume(a.secret)).toBe(a);
    expect(r.resume('nobody-has-this-secret')).toBeUndefined();
    r.kick(b.id);
    expect(r.resume(b.secret)).toBeUndefined();
    expect(r.tally()).toEqual([0, 1]);
    expect(r.castVote(b.id, v.round, 0).ok).toBe(false);
    // The seat is free again.
    expect(r.size).toBe(1);
  });
});

describe('room: votes', () => {
  it('counts one vote per participant (the last one), the majority wins, a tie goes to the first offered', () => {
    const r = room();
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(r, n)) as [
      ReturnType<typeof join>,
      ReturnType<typeof join>,
      ReturnType<typeof join>,
    ];
    const v = r.openVote(['hire-smm', 'cm-speaks', 'visibility'], 30, 1000);
    expect(v.endsAt).toBe(31_000);
    r.castVote(a.id, v.round, 2);
    r.castVote(a.id, v.round, 1); // changes their mind
    r.castVote(b.id, v.round, 1);
    r.castVote(c.id, v.round, 0);
    const out = r.closeVote()!;
    expect(out.counts).toEqual([1, 2, 0]);
    expect(out.voters).toBe(3);
    expect(out.options[out.winner]!.id).toBe('cm-speaks');

    const v2 = r.openVote(['visibility', 'hire-smm'], 10, 0);
    r.castVote(a.id, v2.round, 1);
    r.castVote(b.id, v2.round, 0);
    const tie = r.closeVote()!;
    expect(tie.counts).toEqual([1, 1]);
    expect(tie.options[tie.winner]!.id).toBe('visibility');
  });

  it('changes nothing when nobody votes', () => {
    const r = room();
    join(r, 'a');
    r.openVote(['hire-smm', 'visibility'], 10, 0);
    expect(r.closeVote()!.winner).toBe(-1);
  });

  it('refuses stale rounds, unknown options, a second open vote, unknown or repeated events', () => {
    const r = room();
    const a = join(r, 'a');
    const v1 = r.openVote(['hire-smm', 'visibility'], 10, 0);
    expect(() => r.openVote(['hire-smm', 'visibility'], 10, 0)).toThrow(RoomError);
    r.closeVote();
    const v2 = r.openVote(['hire-smm', 'visibility'], 10, 0);
    expect(v2.round).toBe(v1.round + 1);
    expect(r.castVote(a.id, v1.round, 0).ok).toBe(false);
    expect(r.castVote(a.id, v2.round, 2).ok).toBe(false);
    r.cancelVote();
    expect(r.castVote(a.id, v2.round, 0).ok).toBe(false);
    expect(() => r.openVote(['hire-smm', 'hire-smm'], 10, 0)).toThrow(/once/);
    expect(() => r.openVote(['hire-smm', 'rm -rf'], 10, 0)).toThrow(/not one of the live events/);
  });

  it('records decisions in order, labelled with their round', () => {
    const r = room();
    const a = join(r, 'a');
    for (let k = 0; k < 3; k++) {
      const v = r.openVote(['hire-smm', 'visibility'], 10, 0);
      r.castVote(a.id, v.round, k % 2);
      r.record(r.closeVote()!, 10 * k, { 'smm.count': k });
    }
    expect(r.decisions.map((d) => [d.round, d.tick, d.choice, d.label])).toEqual([
      [1, 0, 'hire-smm', 'Vote 1: Hire an SMM'],
      [2, 10, 'visibility', 'Vote 2: Start a visibility campaign'],
      [3, 20, 'hire-smm', 'Vote 3: Hire an SMM'],
    ]);
  });
});

describe('room: messages', () => {
  const ok = (m: unknown) => parseClientMessage(JSON.stringify(m));

  it('accepts the messages of the protocol', () => {
    expect(ok({ t: 'join', room: 'K7QF', name: '  Ana  ' })).toEqual({
      ok: true,
      message: { t: 'join', room: 'K7QF', name: 'Ana' },
    });
    expect(ok({ t: 'vote', round: 3, option: 1 }).ok).toBe(true);
    expect(ok({ t: 'open-vote', options: ['hire-smm', 'visibility'], seconds: 30 }).ok).toBe(true);
    expect(ok({ t: 'speed', days: 20 }).ok).toBe(true);
  });

  it('refuses unknown fields, wrong types, unknown messages, bad JSON, control characters, in one line each', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ t: 'vote', round: 1, option: 0, admin: true }, 'invalid', /unknown field "admin"/],
      [{ t: 'vote', round: '1', option: 0 }, 'invalid', /round = "1" is not allowed; expected number/],
      [{ t: 'vote', round: 1, option: 9 }, 'invalid', /option = 9 is not allowed; expected at most 3/],
      [{ t: 'eval', code: 'process.exit()' }, 'invalid', /t = "eval" is not a known message/],
      [
        { t: 'join', room: 'K7QF', name: 'a\u001b[2Jb' },
        'invalid',
        /name = .* expected a name without control characters/,
      ],
      [{ t: 'join', room: 'K7QF', name: 'x'.repeat(33) }, 'invalid', /name = "x+" is not allowed; expected at most 32/],
      [{ t: 'speed', days: 1e9 }, 'invalid', /days = 1000000000 is not allowed; expected one of 1, 2, 5, 10, 20, 60/],
      [[1, 2], 'malformed', /expected one JSON object/],
      [null, 'malformed', /expected one JSON object/],
    ];
    for (const [m, refusal, reason] of cases) {
      const r = ok(m);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refusal).toBe(refusal);
        expect(r.reason).toMatch(reason);
        expect(r.reason).not.toMatch(/\n/);
      }
    }
    const bad = parseClientMessage('{"t": "vote", ');
    expect(bad.ok === false && bad.refusal).toBe('malformed');
    const bytes = parseClientMessage(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(bytes.ok === false && bytes.refusal).toBe('malformed');
  });

  it('refuses an oversized message before decoding it', () => {
    const big = parseClientMessage(JSON.stringify({ t: 'join', room: 'K7QF', name: 'a'.repeat(LIMITS.messageBytes) }));
    expect(big.ok === false && big.refusal).toBe('oversized');
  });
});

describe('room: rate limit', () => {
  it('lets a burst through, then the sustained rate', () => {
    const b = new TokenBucket(5, 10, 0);
    let passed = 0;
    for (let i = 0; i < 100; i++) if (b.take(0)) passed++;
    expect(passed).toBe(10);
    expect(b.take(100)).toBe(false); // half a token
    expect(b.take(200)).toBe(true); // one more after 200 ms at 5/s
    let later = 0;
    for (let t = 1000; t <= 11_000; t += 10) if (b.take(t)) later++;
    // 4 tokens refilled by t = 1000, then 5 a second for 10 s.
    expect(later).toBeGreaterThanOrEqual(53);
    expect(later).toBeLessThanOrEqual(54);
  });
});

describe('room: roles and numbers', () => {
  it('describes the employee and shows their numbers', () => {
    const o = org();
    const manager = roleCard(o, 5);
    expect(manager).toMatchObject({ role: 'manager', team: 1, department: 0, teamSize: 5 });
    expect(manager.text).toBe('The manager of team 2 in department 1 (5 people)');
    const state = new Uint8Array(40);
    state[5] = 2;
    state[6] = 1;
    const contributions = new Float64Array(40);
    contributions[5] = 7;
    const series: Record<string, number> = { activeShare: 0.431, valueCum: 12_345, managerEngagement: 0.5 };
    const numbers = personalNumbers(manager, teamMembers(o, 1), { state, contributions }, (n) => series[n]);
    expect(Object.fromEntries(numbers.map((n) => [n.label, n.value]))).toEqual({
      'You today': 'contributed',
      'Your contributions so far': '7',
      'Your team today': '2 of 5 took part',
      "Managers' animation effort": '50%',
      'Whole organization today': '43% took part',
      'Value created so far': '12k hours',
    });
    // Before the first day: dashes, no NaN.
    expect(personalNumbers(manager, [5], undefined, () => undefined).every((n) => n.value === '–')).toBe(true);
  });

  it('shares employees only when the room is larger than the organization', () => {
    const o = org();
    const taken = new Set<number>();
    for (let k = 0; k < 40; k++) taken.add(assignEmployee(o, k, taken));
    expect(taken.size).toBe(40);
    expect(assignEmployee(o, 40, taken)).toBe(0);
  });
});
