import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedList } from '../src/rng.ts';
import { runScenario } from '../src/run.ts';
import { validate } from '../src/scenario/load.ts';
import { outcomes } from '../src/metrics/outcomes.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import { canonicalJson } from '../src/research/canonical.ts';
import { csvRecords } from '../src/csv.ts';
import { cli, expectMistake, expectSameFiles, snapshot, TINY } from './sweep-helpers.ts';

let dir: string;
const path = (name: string) => join(dir, name);
const GRID = ['--param', 'smm.count=0:2', '--param', 'policies.rulesClarity=0.2:0.8:2', '--runs', '2'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-sweep-'));
  writeFileSync(path('tiny.json'), JSON.stringify(TINY));
  // One finished sweep that several tests read (and that the bad-input tests must leave untouched).
  const r = await cli(['sweep', path('tiny.json'), ...GRID, '--workers', '1', '--out', path('grid')]);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgsim sweep', () => {
  it('writes runs.csv: one row per run, with point, replicate, seed, parameters and outcomes', () => {
    const rows = csvRecords(readFileSync(path('grid/runs.csv'), 'utf8'));
    expect(readFileSync(path('grid/runs.csv'), 'utf8').split('\n')[0]).toBe(
      'run,point,replicate,seed,smm.count,policies.rulesClarity,midActivity,longValue,valuePerCost',
    );
    expect(rows).toHaveLength(3 * 2 * 2);
    const seeds = seedList(1, 2);
    rows.forEach((r, run) => {
      expect(Number(r.run)).toBe(run);
      expect(Number(r.point)).toBe(Math.floor(run / 2));
      expect(Number(r.seed)).toBe(seeds[run % 2]); // common random numbers: the same seeds at every point
    });
    expect(rows.map((r) => [r['smm.count'], r['policies.rulesClarity']]).filter((_, i) => i % 2 === 0)).toEqual([
      ['0', '0.2'],
      ['0', '0.8'],
      ['1', '0.2'],
      ['1', '0.8'],
      ['2', '0.2'],
      ['2', '0.8'],
    ]);
    // A row holds exactly what a direct run of that point and seed gives.
    const point = validate({ ...TINY, smm: { count: 1 }, policies: { rulesClarity: 0.8 } });
    const direct = runScenario(point, seeds[1]!);
    const o = outcomes(direct.series, direct.ticks);
    expect(rows[7]).toMatchObject({
      midActivity: String(o.midActivity),
      longValue: String(o.longValue),
      valuePerCost: String(o.valuePerCost),
    });
  });

  it('writes a manifest with version, commit, scenario hash, ranges, design, seeds and points', () => {
    const m = JSON.parse(readFileSync(path('grid/manifest.json'), 'utf8'));
    expect(m.orgsim).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.git === null || /^[0-9a-f]{40}$/.test(m.git)).toBe(true);
    const scenario = validate(TINY);
    expect(m.scenario.sha256).toBe(createHash('sha256').update(canonicalJson(scenario)).digest('hex'));
    expect(m.validatedScenario).toEqual(JSON.parse(JSON.stringify(scenario)));
    expect(m.parameters).toEqual([
      { path: 'smm.count', lo: 0, hi: 2, steps: 3, integer: true },
      { path: 'policies.rulesClarity', lo: 0.2, hi: 0.8, steps: 2, integer: false },
    ]);
    expect(m.design).toEqual({ method: 'grid', samples: null, levels: null, bootstrap: null });
    expect(m.seeds).toEqual(seedList(1, 2));
    expect(m.points).toHaveLength(6);
    expect(m.totalRuns).toBe(12);
    expect(m.ticks).toBe(30);
    expect(m.shard).toBeNull();
    expect(readdirSync(path('grid/parts'))).toHaveLength(12);
  });

  it('gives the same bytes with 1 or 2 workers, and writes ticks.csv with --per-tick', async () => {
    const a = await cli(['sweep', path('tiny.json'), ...GRID, '--workers', '2', '--per-tick', '--out', path('two')]);
    expect(a.code, a.stderr).toBe(0);
    expect(readFileSync(path('two/runs.csv')).equals(readFileSync(path('grid/runs.csv')))).toBe(true);
    const ticks = readFileSync(path('two/ticks.csv'), 'utf8').trimEnd().split('\n');
    expect(ticks[0]).toBe('run,tick,series,value');
    expect(ticks).toHaveLength(1 + 12 * 30 * SERIES_NAMES.length);
    expect(ticks[1]).toMatch(/^0,0,contributors,\d/);
  });

  it('samples a Latin hypercube from the master seed, whole numbers drawn evenly', async () => {
    const r = await cli([
      'sweep',
      path('tiny.json'),
      '--design',
      'lhs',
      '--samples',
      '5',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'smm.count=0:4',
      '--workers',
      '1',
      '--seed',
      '3',
      '--out',
      path('lhs'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRecords(readFileSync(path('lhs/runs.csv'), 'utf8'));
    expect(rows).toHaveLength(5);
    expect(rows.map((x) => Math.floor(Number(x['cm.speakShare']) * 5)).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(rows.map((x) => Number(x['smm.count'])).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(JSON.parse(readFileSync(path('lhs/manifest.json'), 'utf8')).seed).toBe(3);
  });

  it('resumes: damaged or missing parts are run again, stale temporary files removed, same bytes', async () => {
    const copy = path('resumed');
    const r0 = await cli(['sweep', path('tiny.json'), ...GRID, '--workers', '1', '--out', copy]);
    expect(r0.code).toBe(0);
    rmSync(join(copy, 'runs.csv'));
    rmSync(join(copy, 'parts', 'run-3.json'));
    writeFileSync(join(copy, 'parts', 'run-5.json'), '{"run":5,"seed":'); // cut short
    // another run's part
    writeFileSync(join(copy, 'parts', 'run-6.json'), readFileSync(join(copy, 'parts', 'run-7.json')));
    writeFileSync(join(copy, 'parts', '.run-8.json.999999999.abc.tmp'), 'half');
    const r = await cli(['sweep', path('tiny.json'), ...GRID, '--workers', '1', '--out', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/resuming .*9 of 12 runs already done/);
    expectSameFiles(copy, path('grid'));
  });
});

describe('orgsim sensitivity', () => {
  it('runs Morris: indices.csv with mu, mu* and sigma per outcome and parameter, and a table', async () => {
    const r = await cli([
      'sensitivity',
      path('tiny.json'),
      '--method',
      'morris',
      '--samples',
      '3',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'policies.rulesClarity=0:1',
      '--bootstrap',
      '50',
      '--workers',
      '1',
      '--out',
      path('morris'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRecords(readFileSync(path('morris/indices.csv'), 'utf8'));
    expect(Object.keys(rows[0]!)).toEqual(['method', 'outcome', 'parameter', 'index', 'estimate', 'lo', 'hi']);
    expect(rows).toHaveLength(3 * 2 * 3);
    expect(new Set(rows.map((x) => x.index))).toEqual(new Set(['mu', 'mu_star', 'sigma']));
    expect(
      rows.every((x) => Number(x.lo) <= Number(x.estimate) + 1e-12 && Number(x.estimate) <= Number(x.hi) + 1e-12),
    ).toBe(true);
    expect(csvRecords(readFileSync(path('morris/runs.csv'), 'utf8'))).toHaveLength(3 * 3);
    expect(r.stdout).toMatch(/Morris elementary effects/);
    expect(r.stdout).toMatch(/mid-term activity \(midActivity\) \[95% bootstrap CI, 50 resamples\]/);
    expect(r.stdout).toMatch(/policies\.rulesClarity\s+\S+ \[/);
  });

  it('runs Sobol: S1 and ST per outcome and parameter, the mean over replications per point', async () => {
    const r = await cli([
      'sensitivity',
      path('tiny.json'),
      '--method',
      'sobol',
      '--samples',
      '32',
      '--param',
      'policies.rulesClarity=0:1',
      '--runs',
      '2',
      '--bootstrap',
      '20',
      '--workers',
      '2',
      '--out',
      path('sobol'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = csvRecords(readFileSync(path('sobol/indices.csv'), 'utf8'));
    expect(rows.map((x) => `${x.outcome}.${x.index}`)).toEqual([
      'midActivity.S1',
      'midActivity.ST',
      'longValue.S1',
      'longValue.ST',
      'valuePerCost.S1',
      'valuePerCost.ST',
    ]);
    expect(csvRecords(readFileSync(path('sobol/runs.csv'), 'utf8'))).toHaveLength(32 * 3 * 2);
    expect(r.stdout).toMatch(/first order S1\s+total order ST/);
  });
});

describe('bad input: one line, exit 2, nothing written', () => {
  const untouched = () => snapshot(path('grid'));
  let before: Map<string, Buffer>;
  beforeAll(() => {
    before = untouched();
    writeFileSync(path('a-file'), 'not a folder');
    mkdirSync(path('busy'));
    writeFileSync(path('busy/notes.txt'), 'mine');
  });

  const sweep = (...args: string[]) => cli(['sweep', path('tiny.json'), '--workers', '1', ...args]);
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown parameter',
      ['--param', 'smm.cont=0:2', '--out', 'x'],
      /unknown parameter "smm.cont"; did you mean "smm.count"\?/,
    ],
    ['a parameter that is not numeric', ['--param', 'cm.present=0:1', '--out', 'x'], /"cm.present" is not numeric/],
    [
      'a range outside the schema',
      ['--param', 'cm.speakShare=0:2', '--out', 'x'],
      /hi = 2 is above the maximum \(cm.speakShare goes from 0 to 1/,
    ],
    ['lo > hi', ['--param', 'cm.speakShare=0.9:0.1', '--out', 'x'], /lo \(0.9\) must be below hi \(0.1\)/],
    ['steps < 2', ['--param', 'cm.speakShare=0:1:1', '--out', 'x'], /steps = 1 is not allowed/],
    ['no --param', ['--out', 'x'], /no --param given/],
    ['no --out', ['--param', 'cm.speakShare=0:1'], /missing --out DIR/],
    [
      'an unknown design',
      ['--param', 'cm.speakShare=0:1', '--design', 'grd', '--out', 'x'],
      /--design "grd" is not allowed; expected grid or lhs; did you mean "grid"\?/,
    ],
    ['a bad shard', ['--param', 'cm.speakShare=0:1', '--shard', '4/4', '--out', 'x'], /--shard "4\/4" is not allowed/],
    [
      'a parameter both fixed and varied',
      ['--param', 'smm.count=0:2', '--set', 'smm.count=1', '--out', 'x'],
      /"smm.count" is both fixed .* and varied/,
    ],
    [
      'too many runs',
      ['--param', 'cm.speakShare=0:1:1000', '--param', 'policies.visibility=0:1:1000', '--runs', '2', '--out', 'x'],
      /2,000,000 runs; the limit is 1,000,000/,
    ],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    expectMistake(await sweep(...args), message);
    expect(statSync('x', { throwIfNoEntry: false })).toBeUndefined();
  });

  it('a point the schema refuses, named with its values', async () => {
    writeFileSync(
      path('campaign.json'),
      JSON.stringify({ ...TINY, interventions: [{ at: 25, label: 'campaign', set: { 'policies.visibility': 0.8 } }] }),
    );
    const r = await cli([
      'sweep',
      path('campaign.json'),
      '--param',
      'ticks=20:40',
      '--workers',
      '1',
      '--out',
      path('never'),
    ]);
    expectMistake(
      r,
      /campaign.json: point 0 \(ticks=20\): interventions.0.at = 25 is not allowed; expected a tick from 0 to 19/,
    );
    expectMistake(
      await cli(['sweep', path('campaign.json'), '--param', 'ticks=20:40', '--ticks', '50', '--out', path('never')]),
      /"ticks" is both fixed/,
    );
    expect(statSync(path('never'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('sample sizes too small for the method', async () => {
    const base = ['sensitivity', path('tiny.json'), '--param', 'cm.speakShare=0:1', '--out', path('never')];
    expectMistake(
      await cli([...base, '--method', 'sobol', '--samples', '8']),
      /--samples 8 is too small for Sobol indices: at least 32/,
    );
    expectMistake(
      await cli([...base, '--method', 'morris', '--samples', '1']),
      /--samples 1 is too small for Morris: at least 2 trajectories/,
    );
    expectMistake(await cli([...base, '--method', 'morris', '--levels', '5']), /--levels 5 is not allowed for Morris/);
    expectMistake(await cli([...base]), /missing --method morris\|sobol/);
    expectMistake(
      await cli([...base, '--method', 'sobol', '--param', 'cm.speakShare=0:1:3']),
      /steps are for --design grid/,
    );
    expect(statSync(path('never'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('an --out that is a file, or a folder of other files', async () => {
    expectMistake(await sweep('--param', 'cm.speakShare=0:1', '--out', path('a-file')), /--out .*a-file: is a file/);
    expect(readFileSync(path('a-file'), 'utf8')).toBe('not a folder');
    expectMistake(
      await sweep('--param', 'cm.speakShare=0:1', '--out', path('busy')),
      /the folder is not empty and holds no manifest.json/,
    );
    expect(readdirSync(path('busy'))).toEqual(['notes.txt']);
  });

  it('a manifest that does not match the command, naming what differs', async () => {
    const r = await sweep(
      '--param',
      'smm.count=0:3',
      '--param',
      'policies.rulesClarity=0.2:0.8:2',
      '--runs',
      '3',
      '--set',
      'organization.employees=120',
      '--out',
      path('grid'),
    );
    expectMistake(
      r,
      new RegExp(
        String.raw`holds a different experiment \(manifest.json\): runs per point: 2 there, 3 here; ` +
          `parameters: smm.count=0:2:3 .* there, smm.count=0:3:3 .* here; scenario: ` +
          String.raw`organization.employees 100 there, 120 here\. Use another --out folder, or repeat the ` +
          String.raw`original command to resume it \(nothing was written\)`,
      ),
    );
    const shard = await sweep(...GRID, '--shard', '0/2', '--out', path('grid'));
    expectMistake(shard, /shard: none there, 0\/2 here/);
    const after = untouched();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [k, v] of before) expect(after.get(k)!.equals(v)).toBe(true);
  });
});
