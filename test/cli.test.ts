import { describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cli, expectMistake, type Result } from './sweep-helpers.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import { parseCsv, SMALL, STACK, useScenarioFolder } from './cli-fixture.ts';

const BIN = fileURLToPath(new URL('../bin/orgsim.mjs', import.meta.url));
const { file } = useScenarioFolder();

describe('orgsim validate', () => {
  it('says ok with the size of the scenario', async () => {
    const r = await cli(['validate', file('more-smm.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: more SMMs (500 ticks, 100 employees)\n');
  });

  it('explains each kind of mistake in one line', async () => {
    expectMistake(
      await cli(['validate', file('malformed.json')]),
      /malformed\.json: not valid JSON at line 3, column \d+/,
    );
    expectMistake(
      await cli(['validate', file('unknown.json')]),
      /unknown field "organization\.employes"; did you mean "organization\.employees"\?/,
    );
    expectMistake(
      await cli(['validate', file('range.json')]),
      /organization\.employees = 5 is not allowed; expected from 10 to 2000000/,
    );
    expectMistake(
      await cli(['validate', file('type.json')]),
      /organization\.employees = "many" is not allowed; expected a whole number/,
    );
    expectMistake(
      await cli(['validate', file('orphan.json')]),
      /orphan\.json: extends: cannot read .*missing\.json: no such file/,
    );
    expectMistake(await cli(['validate', file('nothing-here.json')]), /nothing-here\.json: no such file|not found/);
    expectMistake(
      await cli(['validate', file('small.json'), '--set', 'organisation.employees=3']),
      /unknown parameter "organisation\.employees"; did you mean "organization\.employees"\?/,
    );
  });
});

describe('orgsim compare', () => {
  it('prints every scenario with CIs and the difference against the first', async () => {
    const r = await cli([
      'compare',
      file('small.json'),
      file('more-smm.json'),
      '--runs',
      '4',
      '--ticks',
      '30',
      '--out',
      file('cmp.csv'),
      '--workers',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/B\s+more SMMs/);
    // The page's verdict in words, then the difference in the outcome's unit.
    expect(r.stdout).toMatch(
      new RegExp(
        `(B yields (more|less) long-term value than A|No clear difference in long-term value ` +
          String.raw`between B and A): [+-]\d+\.\d% \[[+-]\d+\.\d%, [+-]\d+\.\d%\], that is [+-][\d,.]+ hours ` +
          String.raw`\[[+-][\d,.]+, [+-][\d,.]+\] \(Welch p [=<] [\d.]+\)`,
      ),
    );
    expect(r.stdout).toMatch(/long-term value \(hours\)/);
    const rows = parseCsv(readFileSync(file('cmp.csv'), 'utf8'));
    expect(rows[0]).toEqual(['scenario', 'run', 'seed', 'outcome', 'value']);
    expect(rows.length - 1).toBe(2 * 4 * 3);
    // Common random numbers: both scenarios ran on the same seeds.
    const seedsOf = (name: string) =>
      rows.filter((row) => row[0] === name && row[3] === 'longValue').map((row) => row[2]);
    expect(seedsOf(file('small.json'))).toEqual(seedsOf(file('more-smm.json')));
  });

  it('says so when two scenarios do not differ', async () => {
    const r = await cli([
      'compare',
      file('small.json'),
      file('small.json'),
      '--runs',
      '3',
      '--ticks',
      '30',
      '--workers',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /No clear difference in mid-term activity between B and A: \+0\.0% .*, that is \+0\.0 percentage points/,
    );
  });

  it('refuses scenarios of different horizons, as the page does (issue 11, finding 4)', async () => {
    writeFileSync(file('short.json'), JSON.stringify({ ...SMALL, ticks: 100 }));
    writeFileSync(file('long.json'), JSON.stringify({ ...SMALL, ticks: 500 }));
    expectMistake(
      await cli(['compare', file('long.json'), file('short.json'), '--runs', '2']),
      new RegExp(
        String.raw`scenario B \(.*short\.json\): ticks = 100, but A \(.*long\.json\) runs 500 ticks; ` +
          String.raw`compared scenarios need the same horizon \(set "ticks": 500 in .*short\.json, or run all ` +
          String.raw`with --ticks 500\)`,
      ),
    );
    // --ticks gives every scenario the same horizon.
    expect(
      (await cli(['compare', file('long.json'), file('short.json'), '--runs', '2', '--ticks', '20', '--workers', '1']))
        .code,
    ).toBe(0);
  });

  it('needs two scenarios and two runs', async () => {
    expectMistake(await cli(['compare', file('small.json')]), /at least two/);
    expectMistake(await cli(['compare', file('small.json'), file('small.json'), '--runs', '1']), /at least 2/);
  });
});

describe('orgsim commands and options', () => {
  it('lists the scenarios of the project', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^baseline\s+Baseline/m);
  });

  it('prints help, and usage with exit 2 when called without arguments', async () => {
    for (const args of [['--help'], ['help'], ['help', 'run'], ['run', '--help']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/usage:\s+orgsim/);
    }
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/usage:/);
  });

  it('suggests the command or option that was meant', async () => {
    expectMistake(await cli(['rn', 'baseline']), /^orgsim: unknown command "rn"; did you mean "run"\?$/m);
    expectMistake(
      await cli(['run', 'baseline', '--sed', '3']),
      /unknown option --sed for "run"; did you mean --seed\?/,
    );
    expectMistake(await cli(['run', 'baseline', '--runs']), /option --runs needs a value/);
    expectMistake(await cli(['run', 'baseline', 'extra']), /unexpected argument "extra"/);
  });

  it('reports an internal error with exit 1, and its stack only with ORGSIM_DEBUG', async () => {
    vi.resetModules();
    vi.doMock('../workers/pool.ts', () => ({
      runEnsemble: async () => {
        throw new Error('worker exploded');
      },
    }));
    try {
      const { main: mocked } = await import('../cli/main.ts');
      const quiet = await cli(['run', file('small.json'), '--ticks', '30'], { ORGSIM_DEBUG: undefined }, mocked);
      expect(quiet.code).toBe(1);
      expect(quiet.stderr).toBe('orgsim: internal error: worker exploded\n');
      const debug = await cli(['run', file('small.json'), '--ticks', '30'], { ORGSIM_DEBUG: '1' }, mocked);
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(STACK);
    } finally {
      vi.doUnmock('../workers/pool.ts');
      vi.resetModules();
    }
  });
});

describe('bin/orgsim.mjs (end to end)', () => {
  const exec = promisify(execFile);
  const spawn = async (args: string[], env: Record<string, string> = {}): Promise<Result> => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
        env: { ...process.env, CI: '1', ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  it('runs a scenario to CSV and sets the exit code', async () => {
    const out = file('e2e.csv');
    const r = await spawn(['run', file('small.json'), '--runs', '2', '--ticks', '30', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(1 + 2 * 30 * SERIES_NAMES.length);
  });

  it('exits 2 with one line and no stack trace on a user mistake', async () => {
    const r = await spawn(['run', file('huge.json')], { ORGSIM_MAX_MEMORY_MB: '100' });
    expectMistake(r, /needs about .* of memory/);
  });
});

describe('derived metrics', () => {
  it('are written as extra series after the reported ones', async () => {
    writeFileSync(
      file('roi.json'),
      JSON.stringify({
        ...SMALL,
        metrics: { roi: 'valueCum / costCum', contributorShare: 'contributors / (contributors + readers + absent)' },
      }),
    );
    const out = file('roi.csv');
    const r = await cli(['run', file('roi.json'), '--ticks', '20', '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(rows.length).toBe(20 * (SERIES_NAMES.length + 2));
    const at = (tick: number, name: string) =>
      Number(rows.find((row) => row[2] === String(tick) && row[3] === name)![4]);
    expect(at(19, 'roi')).toBe(at(19, 'valueCum') / at(19, 'costCum'));
    expect(at(5, 'contributorShare')).toBe(at(5, 'contributors') / 100);
  });

  it('refuses a hostile expression before running anything', async () => {
    writeFileSync(file('hostile.json'), JSON.stringify({ ...SMALL, metrics: { x: 'import({a: 1})' } }));
    expectMistake(await cli(['validate', file('hostile.json')]), /metrics\.x/);
    expectMistake(await cli(['run', file('hostile.json'), '--workers', '1']), /metrics\.x/);
  });
});
