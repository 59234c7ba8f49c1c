/**
 * A workshop's replay file (src/room/replay.ts) and `orgsim run --replay` (cli/replay.ts): a live run
 * changed between chunks, as the workshop server changes it, is reproduced bit for bit; a bad replay file is
 * refused in one line naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cli, expectMistake } from './sweep-helpers.ts';
import { validate } from '../src/scenario/load.ts';
import { openSession, advanceSession, interveneSession, closeSession } from '../workers/sessions.ts';
import { replayDigestText, replayScenario, withDecisions, type Replay } from '../src/room/replay.ts';
import { replayDigest, replayText } from '../cli/replay.ts';
import { readScenario } from '../cli/scenarios.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import type { DecisionView } from '../src/room/protocol.ts';

/** A replay as orgsim serve writes it (with its digest). */
const replayOf = (room: string, scenario: typeof SCENARIO, seed: number, decisions: DecisionView[]): Replay =>
  JSON.parse(replayText(room, scenario, seed, decisions)) as Replay;

let dir: string;
const file = (name: string) => join(dir, name);

// A scenario with its own intervention on day 30 on the path a decision also sets on day 30: the decision,
// taken before day 30 ran, must come first in the replay, as it did in the live run.
const SCENARIO = validate({
  name: 'replay test',
  organization: { employees: 150 },
  external: { customers: 40 },
  ticks: 80,
  interventions: [{ at: 30, label: 'scheduled', set: { 'smm.count': 4 } }],
});

function decision(round: number, tick: number, set: DecisionView['set']): DecisionView {
  return {
    round,
    tick,
    choice: 'hire-smm',
    label: `Vote ${round}`,
    title: 'x',
    set,
    votes: [{ id: 'hire-smm', label: 'Hire an SMM', count: 2 }],
    voters: 2,
  };
}

/** A live run stepped in uneven chunks, changed three times, as the server does it. */
async function liveRun(seed: number): Promise<{ series: Float64Array[]; decisions: DecisionView[] }> {
  const id = openSession(SCENARIO, seed);
  const series = SERIES_NAMES.map(() => new Float64Array(SCENARIO.ticks));
  const keep = (n: number) => {
    const f = advanceSession(id, n);
    for (let k = 0; k < series.length; k++) series[k]!.set(f.series[k]!, f.from);
  };
  const decisions: DecisionView[] = [];
  const decide = async (set: DecisionView['set']) =>
    decisions.push(
      decision(decisions.length + 1, await interveneSession(id, set, `Vote ${decisions.length + 1}`), set),
    );
  keep(7);
  keep(13);
  await decide({ 'smm.count': 3 });
  keep(10); // day 30 is next
  await decide({ 'smm.count': 1, 'cm.speakShare': 0.7 });
  keep(1);
  keep(24);
  await decide({ 'smm.sourcing': 'outsourced' });
  keep(1000);
  closeSession(id);
  return { series, decisions };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgsim run --replay', () => {
  it('reproduces a live run changed between chunks, bit for bit', async () => {
    const seed = 12_345;
    const live = await liveRun(seed);
    expect(live.decisions.map((d) => d.tick)).toEqual([20, 30, 55]);
    writeFileSync(file('room.replay.json'), JSON.stringify(replayOf('K7QF', SCENARIO, seed, live.decisions)));
    const r = await cli(['run', '--replay', file('room.replay.json'), '--out', file('replayed.json')]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(readFileSync(file('replayed.json'), 'utf8')) as {
      runs: { seed: number; series: Record<string, number[]>; interventions: { tick: number; label: string }[] }[];
    };
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0]!.seed).toBe(seed);
    SERIES_NAMES.forEach((name, k) => expect(out.runs[0]!.series[name], name).toEqual(Array.from(live.series[k]!)));
    // Every decision happened once, on its day, before the scenario's own change of that day.
    expect(out.runs[0]!.interventions.map((i) => `${i.tick} ${i.label}`)).toEqual([
      '20 Vote 1',
      '30 Vote 2',
      '30 scheduled',
      '55 Vote 3',
    ]);
  });

  it("would not reproduce it with the decisions after the scenario's own interventions (the \
order matters)", async () => {
    const live = await liveRun(3);
    const { runScenario } = await import('../src/run.ts');
    const right = runScenario(withDecisions(SCENARIO, live.decisions), 3);
    const wrong = runScenario(
      {
        ...SCENARIO,
        interventions: [
          ...SCENARIO.interventions,
          ...live.decisions.map((d) => ({ at: d.tick, label: d.label, set: d.set })),
        ],
      },
      3,
    );
    const k = SERIES_NAMES.indexOf('smmCount');
    expect(Array.from(right.series[k]!)).toEqual(Array.from(live.series[k]!));
    expect(Array.from(wrong.series[k]!)).not.toEqual(Array.from(live.series[k]!));
  });

  it('refuses a bad replay file in one line naming the field, the value and what is allowed', async () => {
    const good = replayOf('K7QF', SCENARIO, 1, [
      decision(1, 5, { 'smm.count': 2 }),
      decision(2, 9, { 'cm.speakShare': 0.5 }),
    ]);
    const cases: [string, unknown, RegExp][] = [
      [
        'format',
        { ...good, format: 'orgsim-scenario' },
        /format = "orgsim-scenario" is not allowed; expected "orgsim-replay"/,
      ],
      ['unknown', { ...good, exec: 'rm -rf /' }, /unknown field "exec" in a replay file/],
      ['seed', { ...good, seed: -1 }, /seed = -1 is not allowed; expected at least 0/],
      [
        'order',
        { ...good, decisions: [good.decisions[1], good.decisions[0]] },
        /decisions\.1\.round = 1 is not allowed; expected more than 2/,
      ],
      [
        'path',
        { ...good, decisions: [{ ...good.decisions[0], set: { 'smm.cuont': 2 } }] },
        /decisions\.0\.set: unknown parameter "smm\.cuont"; did you mean "smm\.count"\?/,
      ],
      [
        'live',
        { ...good, decisions: [{ ...good.decisions[0], set: { 'organization.employees': 2 } }] },
        /decisions\.0\.set: "organization\.employees" cannot change during a run/,
      ],
      [
        'value',
        { ...good, decisions: [{ ...good.decisions[0], set: { 'cm.speakShare': 7 } }] },
        /cm\.speakShare = 7 is not allowed; expected from 0 to 1/,
      ],
      [
        'horizon',
        { ...good, decisions: [{ ...good.decisions[0], tick: 80 }] },
        /decisions\.0\.tick = 80 is not allowed; expected a tick from 0 to 79/,
      ],
      [
        'scenario',
        { ...good, scenario: { ...good.scenario, organization: { employees: 'many' } } },
        /scenario: organization\.employees = "many" is not allowed/,
      ],
      [
        'set',
        { ...good, decisions: [{ ...good.decisions[0], set: { 'smm.count': { $gt: 1 } } }] },
        /decisions\.0\.set\.smm\.count = \{"\$gt":1\} is not allowed/,
      ],
    ];
    for (const [name, value, pattern] of cases) {
      writeFileSync(file(`${name}.json`), JSON.stringify(value));
      expectMistake(await cli(['run', '--replay', file(`${name}.json`)]), pattern);
    }
  });

  it('refuses what is not a replay file: bad JSON, too large, too deep, a folder, a pipe', async () => {
    writeFileSync(file('broken.json'), '{"format": "orgsim-replay",');
    expectMistake(await cli(['run', '--replay', file('broken.json')]), /broken\.json: not valid JSON/);
    writeFileSync(file('big.json'), `{"pad": "${'x'.repeat(9 * 2 ** 20)}"}`);
    expectMistake(await cli(['run', '--replay', file('big.json')]), /too large; the limit for a replay file is 8/);
    writeFileSync(file('deep.json'), '['.repeat(100_000));
    expectMistake(await cli(['run', '--replay', file('deep.json')]), /nested deeper than 64 levels/);
    mkdirSync(file('folder'));
    expectMistake(await cli(['run', '--replay', file('folder')]), /a folder, not a regular file/);
    execFileSync('mkfifo', [file('pipe')]);
    expectMistake(await cli(['run', '--replay', file('pipe')]), /a named pipe, not a regular file/);
  });

  it('refuses options that would change the recorded run', async () => {
    writeFileSync(file('ok.json'), JSON.stringify(replayOf('K7QF', SCENARIO, 1, [])));
    expectMistake(
      await cli(['run', '--replay', file('ok.json'), '--seed', '3']),
      /--seed cannot be used with --replay/,
    );
    expectMistake(
      await cli(['run', '--replay', file('ok.json'), '--runs', '3']),
      /--runs cannot be used with --replay/,
    );
    expectMistake(await cli(['run', 'baseline', '--replay', file('ok.json')]), /unexpected argument "baseline"/);
    const r = await cli(['run', '--replay', file('ok.json'), '--summary']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/replay test/);
  });

  it('checks the digest on the content, not on the layout: a file reformatted or with its keys reordered \
still runs', async () => {
    const replay = JSON.parse(replayText('K7QF', SCENARIO, 5, [decision(1, 5, { 'smm.count': 2 })])) as Record<
      string,
      unknown
    >;
    const reordered = Object.fromEntries(Object.entries(replay).reverse());
    writeFileSync(file('reordered.json'), JSON.stringify(reordered));
    const r = await cli(['run', '--replay', file('reordered.json'), '--summary']);
    expect(r.code, r.stderr).toBe(0);
    // Recorded by another version: it runs, saying the numbers may differ.
    const older = { ...replay, orgsim: '0.0.1' };
    writeFileSync(
      file('older.json'),
      JSON.stringify({ ...older, digest: replayDigest(replayDigestText(older as Replay)) }),
    );
    const o = await cli(['run', '--replay', file('older.json'), '--summary']);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toMatch(
      /older\.json was recorded with orgsim 0\.0\.1, this is orgsim .*: the numbers may differ from what the room saw/,
    );
  });

  it('writes a scenario that extends another whole: extends is resolved when the replay is written', async () => {
    writeFileSync(
      file('base.json'),
      JSON.stringify({ organization: { employees: 70 }, external: { customers: 10 }, ticks: 25 }),
    );
    writeFileSync(file('child.json'), JSON.stringify({ extends: 'base.json', name: 'child', smm: { count: 2 } }));
    const { scenario } = readScenario(file('child.json'));
    const text = replayText('K7QF', scenario, 3, []);
    const written = JSON.parse(text) as Replay;
    expect(written.scenario).not.toHaveProperty('extends');
    expect(written.scenario).toMatchObject({
      name: 'child',
      ticks: 25,
      organization: { employees: 70 },
      smm: { count: 2 },
    });
    rmSync(file('base.json'));
    writeFileSync(file('child.replay.json'), text);
    const r = await cli(['run', '--replay', file('child.replay.json'), '--summary']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/child/);
  });

  it("keeps the scenario schema's word on the scenario itself", () => {
    const replay = replayOf('K7QF', SCENARIO, 9, []);
    const { scenario } = replayScenario(JSON.parse(JSON.stringify(replay)), 'r.json');
    expect(scenario.seed).toBe(9);
    expect(scenario.interventions).toEqual(SCENARIO.interventions);
  });
});
