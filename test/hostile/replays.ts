/**
 * Issue 22, family 5: replays without integrity. `orgsim run --replay` ran a file whose scenario was
 * {"extends": "/etc/passwd"} (an all-default scenario), and files whose scenario was swapped or whose seed
 * was edited, without a word. A replay now carries a digest of its content (scenario, seed, version,
 * decisions...) that --replay checks, and a replay never extends another file. Each case starts from a replay
 * as orgsim serve writes it (replayText) and changes one thing.
 */
import type { HostileCase } from './cases.ts';
import { replayDigest, replayText } from '../../cli/replay.ts';
import { replayDigestText, type Replay } from '../../src/room/replay.ts';
import { validate } from '../../src/scenario/load.ts';
import type { DecisionView } from '../../src/room/protocol.ts';

const SCENARIO = validate({
  name: 'replayed room',
  organization: { employees: 60 },
  external: { customers: 10 },
  ticks: 30,
});
const OTHER = validate({
  name: 'replayed room',
  organization: { employees: 80 },
  external: { customers: 10 },
  ticks: 30,
});
const decision = (round: number, tick: number, set: DecisionView['set']): DecisionView => ({
  round,
  tick,
  choice: 'hire-smm',
  label: `Vote ${round}`,
  title: 'Hire an SMM',
  set,
  votes: [{ id: 'hire-smm', label: 'Hire an SMM', count: 3 }],
  voters: 3,
});
const DECISIONS = [decision(1, 5, { 'smm.count': 2 }), decision(2, 12, { 'cm.speakShare': 0.6 })];

/** A replay as the room wrote it. */
export const GOOD_REPLAY = replayText('K7QF', SCENARIO, 4242, DECISIONS);
const good = () => JSON.parse(GOOD_REPLAY) as Replay & Record<string, unknown>;
/** A changed replay whose digest was made again for the change (what a careful forger does). */
const redigested = (r: Omit<Replay, 'digest'> & { digest?: string }) => ({
  ...r,
  digest: replayDigest(replayDigestText(r)),
});

const cases: HostileCase[] = [];
const add = (id: string, replay: unknown, expect: RegExp, extra: Record<string, string> = {}) =>
  cases.push({
    id: `replay: ${id}`,
    finding: 0,
    family: 5,
    files: { 'room.replay.json': typeof replay === 'string' ? replay : JSON.stringify(replay, null, 1), ...extra },
    args: ['run', '--replay', '@room.replay.json'],
    expect,
  });
const CHANGED = new RegExp(
  String.raw`room\.replay\.json: digest = "sha256:[0-9a-f]{12}\.\.\." does not match the file's content: ` +
    `its scenario, seed or decisions were changed after orgsim serve wrote it`,
);
const EXTENDS = new RegExp(
  String.raw`scenario\.extends = .* is not allowed; a replay holds its whole scenario \(orgsim serve ` +
    String.raw`resolves extends when it writes one\), it reads no other file`,
);

add(
  'a scenario of {"extends": "/etc/passwd"}, digest made again',
  redigested({ ...good(), scenario: { extends: '/etc/passwd' } }),
  EXTENDS,
);
add(
  'a scenario of {"extends": "/etc/passwd"}, digest as written',
  { ...good(), scenario: { extends: '/etc/passwd' } },
  EXTENDS,
);
add(
  'extends beside the whole scenario',
  redigested({ ...good(), scenario: { ...good().scenario, extends: 'other.json' } }),
  EXTENDS,
  { 'other.json': '{}' },
);
add('extends a shipped scenario by name', redigested({ ...good(), scenario: { extends: 'baseline' } }), EXTENDS);
add('the scenario swapped for another', { ...good(), scenario: OTHER }, CHANGED);
add('one value of the scenario changed', { ...good(), scenario: { ...good().scenario, ticks: 29 } }, CHANGED);
add('the seed edited', { ...good(), seed: 4243 }, CHANGED);
add('a decision removed', { ...good(), decisions: good().decisions.slice(0, 1) }, CHANGED);
add(
  'a decision moved to another day',
  { ...good(), decisions: [good().decisions[0], { ...good().decisions[1]!, tick: 13 }] },
  CHANGED,
);
add(
  'a decision changing another value',
  { ...good(), decisions: [good().decisions[0], { ...good().decisions[1]!, set: { 'cm.speakShare': 0.9 } }] },
  CHANGED,
);
add('a decision added', { ...good(), decisions: [...good().decisions, decision(3, 20, { 'smm.count': 0 })] }, CHANGED);
add('the orgsim version edited', { ...good(), orgsim: '9.9.9' }, CHANGED);
add('the room code edited', { ...good(), room: 'ZZZZ' }, CHANGED);
add(
  'the digest of another replay',
  { ...good(), digest: (JSON.parse(replayText('K7QF', SCENARIO, 1, [])) as Replay).digest },
  CHANGED,
);
add(
  'the digest missing',
  (({ digest: _d, ...r }) => r)(good()),
  /digest = undefined is not allowed; expected the digest orgsim serve wrote/,
);
add(
  'a digest that is not sha256',
  { ...good(), digest: 'md5:d41d8cd98f00b204e9800998ecf8427e' },
  new RegExp(
    `digest = "md5:d41d8cd98f00b204e9800998ecf8427e" is not allowed; expected the digest orgsim ` +
      String.raw`serve wrote \(sha256: and 64 hexadecimal digits\)`,
  ),
);
add(
  'a digest in capitals',
  { ...good(), digest: good().digest.toUpperCase().replace('SHA256', 'sha256') },
  /digest = .* is not allowed; expected the digest orgsim serve wrote/,
);
add(
  'a version 1 replay (no digest to check)',
  (({ digest: _d, orgsim: _o, ...r }) => ({ ...r, version: 1 }))(good()),
  new RegExp(
    String.raw`version = 1 is not allowed; expected 2 \(a replay with its digest; an older one cannot be ` +
      String.raw`checked against what the room saw\)`,
  ),
);
add('the orgsim version missing', (({ orgsim: _o, ...r }) => r)(good()), /orgsim = undefined is not allowed/);
add(
  'the seed edited and the digest made again, but a scenario extending a file',
  redigested({ ...good(), seed: 1, scenario: { extends: 'b.json' } }),
  EXTENDS,
  { 'b.json': JSON.stringify({ ticks: 5 }) },
);

export const REPLAY_CASES: readonly HostileCase[] = cases;
