/**
 * Bad target files for `orgsim calibrate` are refused before anything runs: exit 2, one line naming the
 * field, the value and what is allowed, no stack trace, nothing written. Variants of the example target
 * file of test/fixtures/calibrate/ (copied to a temporary folder with its scenario and CSV).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, expectMistake, ROOT } from './sweep-helpers.ts';
import { parameterInfo } from '../src/scenario/paths.ts';
import { prepareCalibration } from '../cli/calibrate-setup.ts';

/** "lo to hi unit" of a parameter, from the schema (its bounds may change; the message must follow them). */
const bounds = (path: string) => {
  const p = parameterInfo(path)!;
  return `${p.minimum} to ${p.maximum}${p.unit ? ` ${p.unit}` : ''}`.replace(/[.()]/g, (c) => `\\${c}`);
};

let dir: string;
let base: Record<string, any>;
let count = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-calibrate-targets-'));
  cpSync(join(ROOT, 'test/fixtures/calibrate'), dir, { recursive: true });
  base = JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write a variant of the example target file (changed by `edit`), run calibrate on it. */
async function refuse(edit: (t: Record<string, any>) => void, pattern: RegExp, files: Record<string, string> = {}) {
  const t = structuredClone(base);
  edit(t);
  const name = `t${count++}`;
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(t));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const out = join(dir, `${name}-out`);
  const r = await cli(['calibrate', join(dir, `${name}.json`), '--out', out, '--workers', '1']);
  expectMistake(r, pattern);
  expect(r.stderr).not.toMatch(/\u001b/); // no terminal escape, whatever the file holds
  expect(existsSync(out), 'nothing written').toBe(false);
  return r.stderr;
}

describe('orgsim calibrate refuses bad target files', () => {
  it('an unknown statistic, with a suggestion', async () => {
    await refuse(
      (t) => (t.targets[0].statistic = 'activOnce'),
      /targets\.0\.statistic = "activOnce" is not allowed; unknown statistic .*did you mean "activeOnce"\?/,
    );
    await refuse(
      (t) => (t.targets[2].statistic = 'mean:nothing'),
      /targets\.2\.statistic = "mean:nothing" is not allowed; unknown series "nothing"/,
    );
    await refuse(
      (t) => (t.targets[2].statistic = 'median:activeShare'),
      /targets\.2\.statistic = "median:activeShare" is not allowed; unknown reduction "median"/,
    );
  });

  it('an unknown series of a series target', async () => {
    await refuse(
      (t) => (t.targets[3].series = 'activeShares'),
      /targets\.3\.series = "activeShares" is not allowed; unknown series: .*did you mean "activeShare"\?/,
    );
  });

  it('an empty window, or one outside the horizon', async () => {
    await refuse(
      (t) => (t.targets[0].window = { from: -10, to: -20 }),
      new RegExp(
        String.raw`targets\.0\.window = \{"from":-10,"to":-20\} is not allowed; expected a non-empty window ` +
          `within the 60-tick horizon .*from tick 50 to tick 40`,
      ),
    );
    await refuse(
      (t) => (t.targets[1].window = { from: 30, to: 30 }),
      /targets\.1\.window = .* is not allowed; expected a non-empty window/,
    );
    await refuse(
      (t) => (t.targets[1].window = { from: 40, to: 100 }),
      /targets\.1\.window = .*within the 60-tick horizon/,
    );
    await refuse(
      (t) => (t.targets[1].window = { from: -100, to: 0 }),
      /targets\.1\.window = .*within the 60-tick horizon/,
    );
  });

  it('an impossible interval', async () => {
    await refuse(
      (t) => (t.targets[0].band = [0.85, 0.8]),
      /targets\.0\.band = \[0\.85,0\.8\] is not allowed; expected an interval \[lo, hi\] with lo <= hi/,
    );
    await refuse(
      (t) => (t.targets[0].band = [0.8, 0.8]),
      /targets\.0\.band = \[0\.8,0\.8\] is not allowed; expected an interval \[lo, hi\] wider than a point/,
    );
    await refuse(
      (t) => (t.targets[0].value = 0.9),
      /targets\.0\.value = 0\.9 is not allowed; expected a value inside its band \[0\.8, 0\.85\]/,
    );
    await refuse((t) => (t.targets[0].band = [0.8]), /targets\.0\.band = \[0\.8\] is not allowed/);
    await refuse((t) => (t.targets[0].weight = 0), /targets\.0\.weight = 0 is not allowed; expected a positive number/);
  });

  it('a parameter not in the schema, not numeric, or outside its bounds', async () => {
    await refuse(
      (t) => (t.parameters[0].path = 'behaviour.baselin'),
      new RegExp(
        String.raw`parameters\.0\.path = "behaviour\.baselin" is not allowed; unknown parameter; did you ` +
          String.raw`mean "behaviour\.baseline"\?`,
      ),
    );
    await refuse(
      (t) => (t.parameters[0].path = 'cm.present'),
      new RegExp(
        String.raw`parameters\.0\.path = "cm\.present" is not allowed; expected a numeric parameter; ` +
          String.raw`"cm\.present" is true or false`,
      ),
    );
    const voiceMax = parameterInfo('members.voiceSigma')!.maximum!;
    await refuse(
      (t) => (t.parameters[1].hi = voiceMax + 1),
      new RegExp(
        `parameters\\.1\\.hi = ${voiceMax + 1} is not allowed; expected a value within the schema's bounds ` +
          `of members\\.voiceSigma: ${bounds('members.voiceSigma')}`,
      ),
    );
    const baselineMin = parameterInfo('behaviour.baseline')!.minimum!;
    await refuse(
      (t) => (t.parameters[0].lo = baselineMin - 10),
      new RegExp(
        `parameters\\.0\\.lo = ${baselineMin - 10} is not allowed; expected a value within the schema's ` +
          `bounds of behaviour\\.baseline: ${bounds('behaviour.baseline')}`,
      ),
    );
    await refuse(
      (t) => (t.parameters[0].hi = -3),
      /parameters\.0\.hi = -3 is not allowed; expected a value above lo \(-3\)/,
    );
    await refuse(
      (t) => t.parameters.push({ path: 'smm.count', lo: 0.5, hi: 3 }),
      /parameters\.2\.path = "smm\.count" is not allowed; expected a parameter not also fixed in "set"/,
    );
    await refuse(
      (t) => t.parameters.push({ path: 'cm.count', lo: 0.5, hi: 3 }),
      /parameters\.2\.path = "cm\.count" is not allowed; unknown parameter/,
    );
    await refuse(
      (t) =>
        t.parameters.push(
          { path: 'managers.coachedShare', lo: 0, hi: 1 },
          { path: 'managers.coachedShare', lo: 0, hi: 0.5 },
        ),
      new RegExp(
        String.raw`parameters\.3\.path = "managers\.coachedShare" is not allowed; expected each parameter ` +
          String.raw`once \(already parameters\.2\)`,
      ),
    );
    await refuse(
      (t) => t.parameters.push({ path: 'ticks', lo: 10, hi: 50 }),
      /parameters\.2\.path = "ticks" is not allowed; expected a model parameter; the horizon cannot be fitted/,
    );
    await refuse(
      (t) => t.parameters.push({ path: 'organization.employees', lo: 50.5, hi: 100 }),
      /parameters\.2\.lo = 50\.5 is not allowed; expected a whole number/,
    );
  });

  it('unknown and missing fields, and wrong types', async () => {
    await refuse((t) => (t.targets[0].wieght = 1), /unknown field "targets\.0\.wieght"; did you mean "weight"\?/);
    await refuse((t) => (t.method.partcles = 1), /unknown field "method\.partcles"; did you mean "particles"\?/);
    await refuse(
      (t) => (t.targets[0].window.form = 1),
      /unknown field "targets\.0\.window\.form"; did you mean "from"\?/,
    );
    await refuse((t) => (t.extra = 1), /unknown field "extra" \(allowed: name, description, scenario/);
    await refuse((t) => delete t.runs, /missing field "runs"; expected a whole number from 1 to 10000/);
    await refuse((t) => delete t.targets[1].source, /missing field "targets\.1\.source"; expected a text/);
    await refuse((t) => (t.runs = 'two'), /runs = "two" is not allowed; expected a whole number from 1 to 10000/);
    await refuse((t) => (t.method.keep = 0), /method\.keep = 0 is not allowed; expected a share in \(0, 1\]/);
    await refuse((t) => (t.targets = []), /targets = \[\] is not allowed; expected at least one target/);
    await refuse(
      (t) => (t.method = { particles: 100_000, generations: 100, keep: 0.01 }),
      /method = .* is not allowed; expected at most 10,000,000 simulations in all/,
    );
  });

  it('a scenario or fixed value the schema refuses', async () => {
    await refuse(
      (t) => (t.scenario = 'mdi'),
      /scenario = "mdi" is not allowed; scenario "mdi" not found.*did you mean "mid"\?/,
    );
    await refuse(
      (t) => (t.scenario = 'nowhere/tiny.json'),
      new RegExp(
        String.raw`scenario = "nowhere\/tiny\.json" is not allowed; expected a shipped scenario name ` +
          String.raw`\(orgsim list\) or a file relative to the target file`,
      ),
    );
    const big = parameterInfo('behaviour.teamBonus')!.maximum! + 99;
    await refuse(
      (t) => (t.set = { 'behaviour.teamBonus': big }),
      new RegExp(
        `t\\d+\\.json: set: behaviour\\.teamBonus = ${big} is not allowed; expected from ` +
          `${bounds('behaviour.teamBonus')}`,
      ),
    );
    await refuse(
      (t) => (t.set = { 'behaviour.baselin': 1 }),
      /set: unknown parameter "behaviour\.baselin"; did you mean "behaviour\.baseline"\?/,
    );
  });

  it('an observed series that is missing, empty, malformed or longer than the horizon', async () => {
    await refuse(
      (t) => (t.targets[3].csv = 'none.csv'),
      /targets\.3\.csv = "none\.csv" is not allowed; expected an existing file: no file .*none\.csv/,
    );
    await refuse(
      (t) => (t.targets[3].csv = 'empty.csv'),
      /targets\.3\.csv \(.*empty\.csv\): the file is empty; expected a header line/,
      { 'empty.csv': '' },
    );
    await refuse(
      (t) => (t.targets[3].csv = 'header.csv'),
      /targets\.3\.csv \(.*header\.csv\): no data: expected one line per period after the header/,
      { 'header.csv': 'month,activeOnce\n' },
    );
    await refuse(
      (t) => (t.targets[3].csv = 'bad.csv'),
      /targets\.3\.csv \(.*bad\.csv\): line 3: column 2: "abc" is not a number/,
      { 'bad.csv': 'month,activeOnce\n1,0.5\n2,abc\n' },
    );
    await refuse((t) => (t.targets[3].csv = 'wide.csv'), /line 2: 3 columns; expected 2 \(period,value\)/, {
      'wide.csv': 'month,activeOnce\n1,0.5,7\n',
    });
    await refuse(
      (t) => (t.targets[3].csv = 'nohead.csv'),
      /line 1: no header: expected a first line naming the two columns/,
      { 'nohead.csv': '1,0.5\n2,0.6\n' },
    );
    await refuse((t) => (t.targets[3].csv = 'twice.csv'), /line 3: column 1: period "1" is already on line 2/, {
      'twice.csv': 'month,activeOnce\n1,0.5\n1,0.6\n',
    });
    await refuse((t) => (t.targets[3].csv = 'hostile.csv'), /line 2: column 2: "\\u001b\[31mred" is not a number/, {
      'hostile.csv': 'month,activeOnce\n1,\u001b[31mred\n',
    });
    await refuse(
      (t) => (t.targets[3].every = 30),
      new RegExp(
        String.raw`targets\.3\.from = 0 is not allowed; the 3 periods of 30 ticks of monthly\.csv run from ` +
          `tick 0 to tick 90, outside the 60-tick horizon`,
      ),
    );
    await refuse(
      (t) => (t.targets[3].csv = 'zeros.csv'),
      /targets\.3\.csv = "zeros\.csv" is not allowed; its values are all 0/,
      { 'zeros.csv': 'month,activeOnce\n1,0\n2,0\n' },
    );
  });

  it('places each observed period on its own days: a gap is stated, never a shift of the later periods', () => {
    const t = structuredClone(base);
    t.targets[3] = { ...t.targets[3], csv: 'gap.csv', every: 10 };
    writeFileSync(join(dir, 'gap.csv'), 'month,activeOnce\n1,0.6\n2,0.65\n5,0.7\n');
    writeFileSync(join(dir, 'gap.json'), JSON.stringify(t));
    const cal = prepareCalibration(join(dir, 'gap.json'), 1);
    const windows = cal.plan.requests.filter((r) => r.target === 3).map((r) => [r.period, r.from, r.to]);
    expect(windows).toEqual([
      ['1', 0, 10],
      ['2', 10, 20],
      ['5', 40, 50],
    ]);
    expect(cal.notes).toHaveLength(1);
    expect(cal.notes[0]).toMatch(
      /targets\.3\.csv: 2 periods are missing \(2 between 2 and 5\): the 3 given are compared on their own days/,
    );
    // Months and quarters are periods too; a contiguous series has no note.
    writeFileSync(join(dir, 'gap.csv'), 'month,activeOnce\n2024-11,0.6\n2024-12,0.65\n2025-01,0.7\n');
    const months = prepareCalibration(join(dir, 'gap.json'), 1);
    expect(months.plan.requests.filter((r) => r.target === 3).map((r) => r.from)).toEqual([0, 10, 20]);
    expect(months.notes).toEqual([]);
  });

  it('a file that is not a target file', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "name": "x", ');
    expectMistake(await cli(['calibrate', path, '--out', join(dir, 'broken-out')]), /broken\.json: not valid JSON/);
    writeFileSync(path, '[1, 2]');
    expectMistake(
      await cli(['calibrate', path, '--out', join(dir, 'broken-out')]),
      /a target file is a JSON object \(\{\.\.\.\}\), got an array/,
    );
    expectMistake(
      await cli(['calibrate', join(dir, 'absent.json'), '--out', join(dir, 'broken-out')]),
      /target file = ".*absent\.json" is not allowed; expected an existing file/,
    );
    expectMistake(await cli(['calibrate', join(dir, 'targets.json')]), /missing --out DIR/);
    expectMistake(
      await cli(['calibrate', join(dir, 'targets.json'), '--out', join(dir, 'x'), '--shard', '0/2', '--advance']),
      /--shard and --advance are separate steps/,
    );
    expectMistake(
      await cli(['calibrate', join(dir, 'targets.json'), '--out', join(dir, 'x'), '--shard', '2/2']),
      /--shard "2\/2" is not allowed/,
    );
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
  });
});
