/** orgsim run (the other commands: test/cli.test.ts). */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectMistake } from './sweep-helpers.ts';
import { writeAtomic } from '../cli/files.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import { seedList } from '../src/rng.ts';
import { runScenario } from '../src/run.ts';
import { validate } from '../src/scenario/load.ts';
import { parseCsv, SMALL, useScenarioFolder } from './cli-fixture.ts';

const { file, folder: scratch } = useScenarioFolder();

describe('orgsim run', () => {
  it('writes a tidy CSV: header, runs x ticks x series rows, full-precision numbers', async () => {
    const out = file('three.csv');
    const r = await cli(['run', file('small.json'), '--runs', '3', '--ticks', '30', '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(''); // no summary without --summary
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['run', 'seed', 'tick', 'series', 'value']);
    expect(rows.length - 1).toBe(3 * 30 * SERIES_NAMES.length);
    // Parsing back gives exactly the doubles of an in-process run of the same seed.
    const seeds = seedList(1, 3);
    const expected = runScenario(validate({ ...SMALL, ticks: 30 }), seeds[2]!);
    const run2 = rows.slice(1).filter((row) => row[0] === '2');
    expect(run2.length).toBe(30 * SERIES_NAMES.length);
    run2.forEach((row, i) => {
      const tick = Math.floor(i / SERIES_NAMES.length);
      const k = i % SERIES_NAMES.length;
      expect(row.slice(1, 4)).toEqual([String(seeds[2]), String(tick), SERIES_NAMES[k]]);
      expect(Number(row[4])).toBe(expected.series[k]![tick]);
    });
  });

  it('writes JSON with the validated scenario, outcomes and every series', async () => {
    const out = file('two.json');
    const r = await cli([
      'run',
      file('more-smm.json'),
      '--runs',
      '2',
      '--ticks',
      '30',
      '--out',
      out,
      '--summary',
      '--workers',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mid-term activity/); // --summary prints it even with --out
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.orgsim).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.scenario).toMatchObject({
      name: 'more SMMs',
      ticks: 30,
      smm: { count: 3 },
      organization: { employees: 100 },
    });
    expect(doc.runs).toHaveLength(2);
    expect(doc.runs[1].seed).toBe(seedList(1, 2)[1]);
    expect(Object.keys(doc.runs[0].series)).toEqual(SERIES_NAMES);
    expect(doc.runs[0].series.valueCum).toHaveLength(30);
    expect(doc.runs[0].outcomes.longValue).toBe(doc.runs[0].series.valueCum[29]);
  });

  it('prints a summary with mean and 95% CI without --out', async () => {
    const r = await cli(['run', file('small.json'), '--runs', '3', '--ticks', '30', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 runs of 30 ticks/);
    expect(r.stdout).toMatch(/long-term value \(hours\)\s+\S+\s+\[\S+, \S+\]/);
  });

  it('is deterministic: same seed, byte-identical CSV, whatever the number of workers', async () => {
    const a = file('det-a.csv');
    const b = file('det-b.csv');
    expect(
      (
        await cli([
          'run',
          file('small.json'),
          '--runs',
          '3',
          '--ticks',
          '30',
          '--seed',
          '7',
          '--out',
          a,
          '--workers',
          '1',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await cli([
          'run',
          file('small.json'),
          '--runs',
          '3',
          '--ticks',
          '30',
          '--seed',
          '7',
          '--out',
          b,
          '--workers',
          '2',
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const c = file('det-c.csv');
    expect(
      (
        await cli([
          'run',
          file('small.json'),
          '--runs',
          '3',
          '--ticks',
          '30',
          '--seed',
          '8',
          '--out',
          c,
          '--workers',
          '1',
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
  });

  it('writes atomically: nothing but the output in the folder, and nothing at all when refused', async () => {
    const folder = join(scratch(), 'atomic');
    mkdirSync(folder);
    expect((await cli(['run', file('small.json'), '--ticks', '30', '--out', join(folder, 'one.csv')])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['one.csv']);

    const missing = join(scratch(), 'no-such-folder', 'x.csv');
    expectMistake(
      await cli(['run', file('small.json'), '--ticks', '30', '--out', missing]),
      /no-such-folder does not exist/,
    );
    expect(existsSync(join(scratch(), 'no-such-folder'))).toBe(false);

    expectMistake(
      await cli(['run', file('small.json'), '--ticks', '30', '--out', join(folder, 'x.txt')]),
      /must end in \.csv or \.json/,
    );
    expect(readdirSync(folder)).toEqual(['one.csv']);
  });

  it('leaves the target untouched and removes its temporary file when writing fails midway', () => {
    const target = file('keep.csv');
    writeFileSync(target, 'old\n');
    function* failing() {
      yield 'run,seed,tick,series,value\n';
      throw new Error('disk on fire');
    }
    const before = readdirSync(scratch()).sort();
    expect(() => writeAtomic(target, failing())).toThrow(/disk on fire/);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(readdirSync(scratch()).sort()).toEqual(before);
  });

  it('refuses absurd sizes up front, with the memory they would need', async () => {
    const r = await cli(['run', file('huge.json')], { ORGSIM_MAX_MEMORY_MB: '100' });
    expectMistake(
      r,
      /organization\.employees = 2000000 needs about \d+ MB of memory .*the limit is 100 MB \(set ORGSIM_MAX_MEMORY_MB/,
    );
    const csv = await cli(
      ['run', file('small.json'), '--runs', '2000', '--ticks', '100000', '--out', file('big.csv')],
      { ORGSIM_MAX_MEMORY_MB: '100000000' },
    );
    expectMistake(csv, /the CSV would have .* rows .*JSON/);
    expect(existsSync(file('big.csv'))).toBe(false);
  });

  it('applies --ticks, --seed and --set through validation', async () => {
    expectMistake(
      await cli(['run', file('small.json'), '--ticks', '0']),
      /ticks = 0 is not allowed; expected from 1 to 100000/,
    );
    expectMistake(
      await cli(['run', file('small.json'), '--set', 'smm.cont=2']),
      /unknown parameter "smm\.cont"; did you mean "smm\.count"\?/,
    );
    expectMistake(
      await cli(['run', file('small.json'), '--set', 'smm.count=lots']),
      /smm\.count = "lots" is not allowed/,
    );
    expectMistake(
      await cli(['run', file('small.json'), '--runs', 'two']),
      /--runs = "two" is not allowed; expected a whole number/,
    );
  });

  it('resolves bare names in scenarios/ and suggests close ones', async () => {
    expectMistake(await cli(['run', 'baselin']), /scenario "baselin" not found.*did you mean "baseline"\?/);
    const r = await cli(['run', 'baseline', '--ticks', '30']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 run of 30 ticks, 1,000 employees, seed 1/);
  });
});
