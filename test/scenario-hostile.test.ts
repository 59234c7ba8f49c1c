/**
 * The loader against faulty input (issue 11): interventions validated in linear time with the same rules
 * (finding 3: 10,000 took 496 s), Infinity shown as such (finding 10), and a bad override blamed on where
 * it comes from rather than on the file (finding 10). Timing itself is in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { applyLiveChange, blameSets, loadScenario, validate } from '../src/scenario/load.ts';
import { ScenarioError, show } from '../src/scenario/errors.ts';

const refusal = (f: () => unknown): ScenarioError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
};

/** n interventions cycling over a few live parameters, one bad value at `bad` if given. */
function interventions(n: number, bad = -1) {
  return Array.from({ length: n }, (_, i) => ({
    at: i % 500,
    set:
      i === bad
        ? { 'cm.speakShare': 1.5 }
        : { 'smm.count': i % 4, 'cm.speakShare': (i % 10) / 10, 'policies.visibility': (i % 7) / 7 },
  }));
}

describe('interventions', () => {
  it('10,000 are validated, each value checked (the last one included)', () => {
    expect(validate({ interventions: interventions(10_000) }).interventions).toHaveLength(10_000);
    const e = refusal(() => validate({ interventions: interventions(10_000, 9_999) }, 'big.json'));
    expect(e.message).toMatch(
      /^big\.json: interventions\.9999\.set: cm\.speakShare = 1\.5 is not allowed; expected from 0 to 1\b/,
    );
  });

  it('are checked in order of their tick, and name their index in the file', () => {
    const e = refusal(() =>
      validate(
        {
          ticks: 10,
          interventions: [
            { at: 5, set: { 'smm.count': 1 } },
            { at: 2, set: { 'smm.cont': 1 } },
          ],
        },
        'a.json',
      ),
    );
    expect(e.message).toMatch(/^a\.json: interventions\.1\.set: unknown parameter "smm\.cont"/);
  });

  it('applyLiveChange leaves the state it is given as it was, and shares what did not change', () => {
    const state = validate({}) as unknown as Record<string, unknown>;
    const before = JSON.stringify(state);
    const next = applyLiveChange(state, { 'smm.count': 3 }, 'live');
    expect(JSON.stringify(state)).toBe(before);
    expect((next.smm as { count: number }).count).toBe(3);
    expect(next.organization).toBe(state.organization);
    expect(() => applyLiveChange(state, { 'smm.count': -1 }, 'live')).toThrow(/live: smm\.count = -1 is not allowed/);
    expect(() => applyLiveChange(state, { 'organization.employees': 10 }, 'live')).toThrow(
      /cannot change during a run/,
    );
  });
});

describe('messages', () => {
  it('show Infinity, -Infinity and NaN by name, not as null', () => {
    expect(show(Infinity)).toBe('Infinity');
    expect(show([1, -Infinity, { x: NaN }])).toBe('[1,-Infinity,{"x":NaN}]');
    expect(refusal(() => loadScenario('{"organization": {"employees": 1e999}}', { source: 'a.json' })).message).toMatch(
      /organization\.employees = Infinity is not allowed/,
    );
  });

  it('blame a bad override on where it comes from, not on the file', () => {
    const sets = ['smm.count=-1', 'ticks=x'];
    expect(refusal(() => loadScenario('{}', { source: 'a.json', sets })).message).toMatch(
      /^--set: ticks = "x" is not allowed/,
    );
    expect(
      refusal(() => loadScenario('{}', { source: 'a.json', sets: ['ticks=0'], setLabels: ['--ticks'] })).message,
    ).toMatch(/^--ticks: ticks = 0 is not allowed/);
    expect(
      refusal(() => loadScenario('{}', { source: 'a.json', sets: ['smm.count=-1'], setsSource: 'changes' })).message,
    ).toMatch(/^changes: smm\.count = -1/);
    // The file's own mistakes stay the file's.
    expect(
      refusal(() => loadScenario('{"smm": {"count": -1}}', { source: 'a.json', sets: ['ticks=10'] })).message,
    ).toMatch(/^a\.json: smm\.count = -1/);
    const blame = blameSets(['smm=3', 'cm.speakShare=2']);
    expect(blame('smm.count')).toBe('--set');
    expect(blame('cm.speakShare')).toBe('--set');
    expect(blame('ticks')).toBeUndefined();
  });
});
