import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverrides, loadScenario, splitSets, validate } from '../src/scenario/load.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { parameterList } from '../src/scenario/paths.ts';
import { loadNamed } from './claims-helpers.ts';

const fail = (f: () => unknown): ScenarioError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
};

describe('scenario schema and loader', () => {
  it('fills every default from an empty object', () => {
    const s = validate({});
    expect(s.organization.employees).toBe(200);
    expect(s.ticks).toBe(500);
    expect(s.cm.present).toBe(false);
  });

  it('documents every parameter with a unit, a source and whether it acts live', () => {
    const params = parameterList();
    expect(params.length).toBeGreaterThan(80);
    for (const p of params) {
      if (p.path === 'seed' || p.path === 'ticks') continue;
      expect(p.description, p.path).toBeTruthy();
      expect(typeof p.live, p.path).toBe('boolean');
      expect(p.source, p.path).toBeTruthy();
    }
  });

  it('validates every scenario file in scenarios/', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(() => loadNamed(f.replace(/\.json$/, '')), f).not.toThrow();
  });

  it('names the line and column of malformed JSON', () => {
    const e = fail(() => loadScenario('{\n  "ticks": 10,\n  oops\n}', { source: 'x.json' }));
    expect(e.message).toMatch(/x\.json: not valid JSON at line 3/);
  });

  it('suggests the right name for an unknown field', () => {
    const e = fail(() => validate({ smm: { cont: 2 } }, 'x.json'));
    expect(e.message).toBe('x.json: unknown field "smm.cont"; did you mean "smm.count"?');
    expect(e.field).toBe('smm.cont');
  });

  it('names field, value and allowed range for an out-of-range value', () => {
    const e = fail(() => validate({ cm: { speakShare: 1.5 } }, 'x.json'));
    expect(e.message).toBe('x.json: cm.speakShare = 1.5 is not allowed; expected from 0 to 1 share of time');
  });

  it('names the field of a wrong type and of a bad choice', () => {
    expect(fail(() => validate({ organization: { employees: 'many' } })).message).toMatch(
      /organization\.employees = "many" is not allowed; expected a whole number/,
    );
    expect(fail(() => validate({ smm: { sourcing: 'agency' } })).message).toMatch(
      /smm\.sourcing = "agency" is not allowed; expected one of "internal", "outsourced"/,
    );
  });

  it('checks --set paths and values', () => {
    expect(fail(() => applyOverrides({}, ['smm.cuont=3'])).message).toMatch(
      /unknown parameter "smm.cuont"; did you mean "smm.count"/,
    );
    expect(validate(applyOverrides({}, ['smm.count=3', 'cm.present=true'])).smm.count).toBe(3);
    expect(fail(() => validate(applyOverrides({}, ['smm.count=-1']))).message).toMatch(/smm\.count = -1/);
  });

  it('refuses interventions on unknown, structural or out-of-range parameters, or past the horizon', () => {
    expect(fail(() => validate({ interventions: [{ at: 5, set: { 'smm.cont': 1 } }] })).message).toMatch(
      /did you mean "smm.count"/,
    );
    expect(
      fail(() => validate({ interventions: [{ at: 5, set: { 'organization.employees': 100 } }] })).message,
    ).toMatch(/cannot change during a run/);
    expect(fail(() => validate({ interventions: [{ at: 5, set: { 'policies.visibility': 3 } }] })).message).toMatch(
      /policies\.visibility = 3 is not allowed/,
    );
    expect(fail(() => validate({ ticks: 10, interventions: [{ at: 10, set: { 'smm.count': 1 } }] })).message).toMatch(
      /interventions\.0\.at = 10/,
    );
  });

  it('resolves extends with deep merging and refuses cycles', () => {
    const files: Record<string, string> = {
      'a.json': '{ "extends": "b.json", "smm": { "count": 2 } }',
      'b.json': '{ "organization": { "employees": 300 }, "smm": { "count": 1, "capacity": 5 } }',
      'c.json': '{ "extends": "d.json" }',
      'd.json': '{ "extends": "c.json" }',
    };
    const resolve = (n: string) => ({ raw: JSON.parse(files[n]!), source: n });
    const s = loadScenario(files['a.json']!, { source: 'a.json', resolve });
    expect(s.organization.employees).toBe(300);
    expect(s.smm.count).toBe(2);
    expect(s.smm.capacity).toBe(5);
    expect(fail(() => loadScenario(files['c.json']!, { source: 'c.json', resolve })).message).toMatch(/cycle/);
  });

  it('keeps prototype keys out', () => {
    const s = validate(JSON.parse(readFileSync('scenarios/small.json', 'utf8')));
    expect(fail(() => applyOverrides(s as never, ['__proto__.polluted=1'])).message).toMatch(/unknown parameter/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('overrides typed in one line (the compare view)', () => {
  it('split on semicolons, new lines, and commas that start the next path=', () => {
    expect(splitSets('smm.count=3; cm.speakShare = 0.2\ncm.present=false, smm.sourcing=outsourced')).toEqual([
      'smm.count=3',
      'cm.speakShare=0.2',
      'cm.present=false',
      'smm.sourcing=outsourced',
    ]);
    expect(splitSets('name="A, B", smm.count=2')).toEqual(['name="A, B"', 'smm.count=2']);
    expect(splitSets('  ;; \n')).toEqual([]);
  });

  it('feed the same validation as --set, naming the source', () => {
    const text = JSON.stringify({ smm: { count: 1 } });
    expect(loadScenario(text, { sets: splitSets('smm.count=4'), setsSource: 'changes' }).smm.count).toBe(4);
    expect(() => loadScenario(text, { sets: splitSets('smm.cont=4'), setsSource: 'changes' })).toThrow(
      /^changes: unknown parameter "smm\.cont"; did you mean "smm\.count"\?$/,
    );
  });
});
