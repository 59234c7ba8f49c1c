/**
 * orgsim calibrate end to end: the same bytes with 1 and 2 workers and with 2 shards + --advance; resuming
 * after a kill mid-generation; the result files (a fitted scenario that runs, a report whose hostile names
 * stay text); and a synthetic problem whose parameters are known and must be recovered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../src/scenario/load.ts';
import { measureRun } from '../src/calibrate/measure.ts';
import { seedList } from '../src/rng.ts';
import { csvRecords } from '../src/csv.ts';
import { BIN, cli, expectMistake, expectSameFiles, PINNED_GIT, ROOT, snapshot } from './sweep-helpers.ts';

let dir: string;
const path = (name: string) => join(dir, name);
/** The example target file, with a hostile source (markup, a terminal escape) that must stay text. */
const HOSTILE = '</script><img src=x onerror=alert(1)> \u001b[31mred';

function writeTargets(name: string, edit: (t: Record<string, any>) => void = () => {}): string {
  const t = JSON.parse(readFileSync(path('targets.json'), 'utf8'));
  edit(t);
  writeFileSync(path(name), JSON.stringify(t, null, 2));
  return path(name);
}

async function calibrate(args: string[]) {
  return cli(['calibrate', ...args], PINNED_GIT);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-calibrate-'));
  cpSync(join(ROOT, 'test/fixtures/calibrate'), dir, { recursive: true });
  writeTargets('hostile.json', (t) => {
    t.targets[2].source = HOSTILE;
    t.targets[2].name = 'daily \u001b[2Jshare';
  });
  const r = await calibrate([path('hostile.json'), '--out', path('one'), '--workers', '1']);
  expect(r.code, r.stderr).toBe(0);
  // The summary names the targets, a terminal escape shown as text.
  expect(r.stdout).toContain('daily \\u001b[2Jshare');
  expect(r.stdout + r.stderr).not.toMatch(/\u001b/);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgsim calibrate writes the same bytes however it runs', () => {
  it('with 2 workers', async () => {
    const r = await calibrate([path('hostile.json'), '--out', path('two'), '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expectSameFiles(path('two'), path('one'));
  });

  it('with 2 shards and --advance, stage by stage (the commands each step prints)', async () => {
    const out = path('shards');
    const t = path('hostile.json');
    // 2 generations, then the final runs: 3 stages of (shard 0, shard 1, advance).
    for (let stage = 0; stage < 3; stage++) {
      for (const k of [0, 1]) {
        const r = await calibrate([t, '--out', out, '--shard', `${k}/2`, '--workers', '1']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(
          new RegExp(
            `shard ${k}/2: \\d+ runs? done .*; once every shard of this stage is done: orgsim calibrate \\S+ ` +
              `--out \\S+ --advance`,
          ),
        );
      }
      if (stage === 0) {
        // Another shard of a stage that is done runs nothing; an advance cannot skip a stage.
        const again = await calibrate([t, '--out', out, '--shard', '1/2']);
        expect(again.stderr).toMatch(/16 runs done \(16 were already there\)/);
      }
      const a = await calibrate([t, '--out', out, '--advance']);
      expect(a.code, a.stderr).toBe(0);
      expect(a.stderr).toMatch(
        stage < 2
          ? /epsilon .*next, .*--shard k\/N for k = 0 \.\. N-1, then .* --advance/s
          : /calibration done: wrote fitted\.json/,
      );
    }
    expectSameFiles(out, path('one'));
    const done = await calibrate([t, '--out', out, '--advance']);
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/the calibration is finished.*nothing to advance/);
    expectSameFiles(out, path('one'));
  });

  it('an advance before the runs are there is refused, naming what is missing', async () => {
    const out = path('early');
    expectMistake(
      await calibrate([path('hostile.json'), '--out', out, '--advance']),
      new RegExp(
        String.raw`generation 1 of 2 \(gen-0\) is not complete: 32 of 32 runs are missing \(run 0, 1, 2, 3, ` +
          String.raw`4, \.\.\.\); run them first`,
      ),
    );
    await calibrate([path('hostile.json'), '--out', out, '--shard', '0/2', '--workers', '1']);
    expectMistake(
      await calibrate([path('hostile.json'), '--out', out, '--advance']),
      /16 of 32 runs are missing \(run 1, 3, 5, 7, 9, \.\.\.\)/,
    );
  });

  it('a folder made by another target file is refused, naming what differs', async () => {
    const other = writeTargets('other.json', (t) => (t.runs = 3));
    const r = await calibrate([other, '--out', path('one')]);
    expectMistake(
      r,
      /holds a different calibration \(calibration\.json\): target\.runs 2 there, 3 here.*\(nothing was written\)/,
    );
    writeFileSync(path('not-empty.txt'), 'x');
    expectMistake(await calibrate([other, '--out', path('not-empty.txt')]), /is a file/);
  });
});

describe('resuming a calibration', () => {
  /** Slower runs (120 ticks), so that a generation takes long enough to be caught part-way. */
  const ARGS = (out: string, workers = 1) => [
    'calibrate',
    path('slow.json'),
    '--out',
    out,
    '--workers',
    String(workers),
  ];
  const parts = (out: string, stage: string) =>
    existsSync(join(out, stage, 'parts'))
      ? readdirSync(join(out, stage, 'parts')).filter((f) => f.endsWith('.json')).length
      : 0;

  function interrupt(
    out: string,
    signal: NodeJS.Signals,
    stage: string,
    after: number,
    workers = 1,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...ARGS(out, workers)], {
        cwd: ROOT,
        env: { ...process.env, CI: '1', ...PINNED_GIT },
      });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d) => (stderr += String(d)));
      const poll = setInterval(() => {
        if (!sent && parts(out, stage) >= after) {
          sent = true;
          child.kill(signal);
        }
      }, 5);
      child.on('error', reject);
      child.on('exit', (code, sig) => {
        clearInterval(poll);
        resolve({ code, signal: sig, stderr });
      });
    });
  }

  beforeAll(async () => {
    writeTargets('slow.json', (t) => {
      t.set = { ticks: 120 };
      t.method = { particles: 8, generations: 2, keep: 0.25 };
    });
    const r = await cli(ARGS(path('slow-whole')), PINNED_GIT);
    expect(r.code, r.stderr).toBe(0);
  });

  it('after SIGKILL in the middle of a generation: the same command finishes with the same bytes', async () => {
    const out = path('slow-killed');
    const first = await interrupt(out, 'SIGKILL', 'gen-1', 4);
    expect(first.signal).toBe('SIGKILL');
    const kept = parts(out, 'gen-1');
    expect(kept).toBeGreaterThanOrEqual(4);
    expect(kept).toBeLessThan(64); // really stopped part-way
    expect(existsSync(join(out, 'gen-0', 'population.json'))).toBe(true);
    expect(existsSync(join(out, 'gen-1', 'population.json'))).toBe(false);
    const second = await cli(ARGS(out), PINNED_GIT);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(
      new RegExp(`resuming .*: generation 2 of 2 \\(gen-1\\): ${kept} of 64 runs already done`),
    );
    expectSameFiles(out, path('slow-whole'));
  });

  it('after Ctrl-C on 2 workers: exit 130 with how to resume (the threads stopped), then the same bytes', async () => {
    const out = path('slow-interrupted');
    const first = await interrupt(out, 'SIGINT', 'gen-0', 3, 2);
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(
      new RegExp(
        String.raw`interrupted \(SIGINT\): generation 1 of 2 \(gen-0\): \d+ of 64 runs done, kept in ` +
          `.*gen-0.parts; run the same command again to resume`,
      ),
    );
    const second = await cli(ARGS(out), PINNED_GIT);
    expect(second.code, second.stderr).toBe(0);
    expectSameFiles(out, path('slow-whole'));
  });
});

describe('the files of a finished calibration', () => {
  it('fitted.json, posterior.csv and targets.csv agree with each other and the populations', () => {
    const out = path('one');
    const fitted = JSON.parse(readFileSync(join(out, 'fitted.json'), 'utf8'));
    const last = JSON.parse(readFileSync(join(out, 'gen-1', 'population.json'), 'utf8'));
    const posterior = csvRecords(readFileSync(join(out, 'posterior.csv'), 'utf8'));
    expect(posterior).toHaveLength(16); // 2 generations of 8 particles
    const final = posterior.filter((r) => r.generation === '1');
    let mean = 0;
    for (const r of final) mean += Number(r.weight) * Number(r['behaviour.baseline']);
    expect(fitted.parameters[0].mean).toBeCloseTo(mean, 12);
    expect(fitted.parameters[0].value).toBe(fitted.parameters[0].mean);
    expect(fitted.parameters[0].lo95).toBeLessThanOrEqual(fitted.parameters[0].median);
    expect(fitted.parameters[0].median).toBeLessThanOrEqual(fitted.parameters[0].hi95);
    expect(last.epsilon).toBe(Math.max(...last.particles.map((p: { discrepancy: number }) => p.discrepancy)));
    const weights = last.particles.map((p: { weight: number }) => p.weight);
    expect(weights.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    const final0 = JSON.parse(readFileSync(join(out, 'final', 'proposals.json'), 'utf8'));
    expect(final0.theta[0][0]).toBe(fitted.parameters[0].mean);
    // One row per statistic target and one per period of the series target (3 months).
    const rows = csvRecords(readFileSync(join(out, 'targets.csv'), 'utf8'));
    expect(rows.map((r) => r.target)).toEqual(['0', '1', '2', '3', '3', '3']);
    expect(rows[2]!.source).toBe(HOSTILE);
    for (const r of rows)
      expect(r.inside).toBe(String(Number(r.mean) >= Number(r.band_lo) && Number(r.mean) <= Number(r.band_hi)));
    expect(fitted.targets.map((t: { of: number }) => t.of)).toEqual([1, 1, 1, 3]);
  });

  it('fitted-scenario.json extends the input scenario and runs as is', async () => {
    const out = path('one');
    const s = JSON.parse(readFileSync(join(out, 'fitted-scenario.json'), 'utf8'));
    expect(s.extends).toBe('../tiny.json');
    expect(s.smm.count).toBe(1);
    const r = await cli(['run', join(out, 'fitted-scenario.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tiny fitted to tiny, example targets/);
  });

  it('orgsim report draws it, names from the files staying text', async () => {
    const out = path('one');
    const r = await cli(['report', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Calibration: tiny, example targets');
    expect(html).toContain('"kind":"calibration"');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('\u001b');
    // Nothing else in the folder changed.
    expect([...snapshot(out).keys()]).toEqual([...snapshot(path('two')).keys()]);
  });
});

describe('recovering known parameters', () => {
  /**
   * "Observed" statistics from the model itself at known values (8 runs on seeds apart from the
   * calibration's), on 200 employees over 120 days; bands of twice the standard error of the difference
   * between the observed mean and a proposal's mean over its runs. Calibrated from a wide box, the posterior
   * mean must come within 0.25 of the true behaviour.baseline (8% of its range) and 0.35 of the true
   * members.voiceSigma (13%), each truth inside its 95% interval.
   */
  const TRUTH = { baseline: -1.5, voiceSigma: 1.2 };
  const RUNS = 4;

  // About 1,600 runs of 10 ms: 16 s of CPU, longer on a busy machine. The spread of contributions (gini) is what
  // identifies voiceSigma; four generations narrow its interval to under 65% of the box (61% at 35f3c35).
  it('behaviour.baseline and members.voiceSigma', { timeout: 600_000 }, async () => {
    // Writers' voice as the defaults had it when this test was written (207028f): with fewer lurkers' voices the
    // spread of contributions says less of voiceSigma. The test is of the method, on a model whose answer it knows.
    const writers = { writerShare: 0.2029, lurkerVoice: 0.1581 };
    const org = {
      name: 'small and short',
      organization: { employees: 200 },
      external: { customers: 50 },
      cm: { present: false },
      smm: { count: 0 },
      members: writers,
      ticks: 120,
    };
    writeFileSync(path('org.json'), JSON.stringify(org));
    const truth = validate({
      ...org,
      behaviour: { baseline: TRUTH.baseline },
      members: { ...writers, voiceSigma: TRUTH.voiceSigma },
    });
    const window = { from: 60, to: 120 };
    const requests = [
      { statistic: 'mean:activeShare', ...window },
      { statistic: 'readOnlyShare', ...window },
      { statistic: 'dailyContributors', ...window },
      // How unequally employees contribute: what the spread of voice shapes most directly.
      { statistic: 'mean:gini', ...window },
      ...Array.from({ length: 6 }, (_, p) => ({ statistic: 'mean:activeShare', from: p * 20, to: (p + 1) * 20 })),
    ];
    const observed = seedList(999, 8).map((seed) => measureRun(truth, seed, requests));
    const mean = requests.map((_, q) => observed.reduce((s, v) => s + v[q]!, 0) / observed.length);
    const sd = requests.map((_, q) =>
      Math.sqrt(observed.reduce((s, v) => s + (v[q]! - mean[q]!) ** 2, 0) / (observed.length - 1)),
    );
    const band = (q: number) => [
      mean[q]! - 2 * sd[q]! * Math.sqrt(1 / 8 + 1 / RUNS),
      mean[q]! + 2 * sd[q]! * Math.sqrt(1 / 8 + 1 / RUNS),
    ];
    writeFileSync(
      path('observed.csv'),
      `period,activeShare\n${mean
        .slice(4)
        .map((v, p) => `${p + 1},${v}`)
        .join('\n')}\n`,
    );
    writeFileSync(
      path('recovery.json'),
      JSON.stringify({
        name: 'synthetic recovery',
        scenario: 'org.json',
        runs: RUNS,
        seed: 5,
        parameters: [
          { path: 'behaviour.baseline', lo: -3, hi: 0 },
          { path: 'members.voiceSigma', lo: 0.2, hi: 2.8 },
        ],
        targets: [
          {
            statistic: 'mean:activeShare',
            window: { from: -60, to: 0 },
            value: mean[0],
            band: band(0),
            source: 'the model at the true values',
          },
          {
            statistic: 'readOnlyShare',
            window: { from: -60, to: 0 },
            value: mean[1],
            band: band(1),
            source: 'the model at the true values',
          },
          {
            statistic: 'dailyContributors',
            window: { from: -60, to: 0 },
            value: mean[2],
            band: band(2),
            source: 'the model at the true values',
          },
          {
            statistic: 'mean:gini',
            window: { from: -60, to: 0 },
            value: mean[3],
            band: band(3),
            source: 'the model at the true values',
          },
          {
            series: 'mean:activeShare',
            csv: 'observed.csv',
            every: 20,
            tolerance: 0.15,
            source: 'the model at the true values',
          },
        ],
        method: { particles: 30, generations: 4, keep: 0.3 },
      }),
    );
    const r = await calibrate([path('recovery.json'), '--out', path('recovery'), '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const fitted = JSON.parse(readFileSync(path('recovery/fitted.json'), 'utf8'));
    const [baseline, voice] = fitted.parameters;
    expect(Math.abs(baseline.mean - TRUTH.baseline), JSON.stringify(baseline)).toBeLessThan(0.25);
    expect(Math.abs(voice.mean - TRUTH.voiceSigma), JSON.stringify(voice)).toBeLessThan(0.35);
    expect(baseline.lo95).toBeLessThanOrEqual(TRUTH.baseline);
    expect(baseline.hi95).toBeGreaterThanOrEqual(TRUTH.baseline);
    expect(voice.lo95).toBeLessThanOrEqual(TRUTH.voiceSigma);
    expect(voice.hi95).toBeGreaterThanOrEqual(TRUTH.voiceSigma);
    // The posterior is narrower than the prior box.
    expect(baseline.hi95 - baseline.lo95).toBeLessThan(0.5 * 3);
    expect(voice.hi95 - voice.lo95).toBeLessThan(0.65 * 2.6);
  });
});
