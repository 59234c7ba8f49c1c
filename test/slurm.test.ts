/**
 * The Slurm recipes of deploy/slurm/ on a real one-node Slurm (deploy/slurm/local-cluster.sh; .ci/run starts it,
 * else this file does, as root): a sweep as a job array and its merge as a dependent job; the faults a scheduler
 * produces (a task requeued mid-run, a task cancelled then the same submit, a task reaching its time limit);
 * and the same recipe for sensitivity, claims --audit and calibrate. Each result is compared byte for byte with
 * the same experiment run in one process, and the runs are counted: none lost, none run twice (a part file
 * that exists when a fault strikes must be the very same file at the end).
 *
 * To make a fault land mid-run whatever the machine's speed, the task's orgsim process is frozen (SIGSTOP) once
 * it has saved 10 runs: a stand-in for a task that is slow. Slurm itself sends SIGCONT before SIGTERM when
 * it requeues or cancels; for the time limit the test thaws it once the recipe has taken Slurm's warning.
 * The figures of each case go to test-results/slurm.json; ORGSIM_SLURM_KEEP=1 keeps the folder of the jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectSameFiles, PINNED_GIT, ROOT, smallClaimsAudit } from './sweep-helpers.ts';
import {
  ensureCluster,
  parts,
  readIfThere,
  run,
  stopCluster,
  submit,
  SUBMIT,
  untouched,
  waitFor,
  waitForJobs,
} from './slurm-cluster.ts';
import {
  arrayLog,
  closeJobs,
  countRuns,
  expectCompleted,
  freezeMidRun,
  jobsDir,
  openJobsFolder,
  path,
  record,
  SHARDS,
  single,
  submitSweep,
  submitted,
  SWEEP_RUNS,
  tasksOf,
  thaw,
} from './slurm-jobs.ts';

const cluster =
  process.platform === 'linux'
    ? ensureCluster()
    : { up: false, startedHere: false, reason: 'Slurm runs on Linux only', broken: false };
if (!cluster.up) process.stderr.write(`slurm.test.ts: the Slurm tests are skipped: ${cluster.reason}\n`);

// The cases run at once (their jobs share the cluster's two CPUs, as they would share a cluster): the longest,
// the time limit, goes first.
describe.skipIf(!cluster.up)('orgsim on a real Slurm (deploy/slurm)', { timeout: 420_000, concurrent: true }, () => {
  beforeAll(openJobsFolder);
  afterAll(closeJobs);

  it("a task reaching its time limit stops on the recipe's --signal, keeps its runs, requeues itself \
and finishes", async () => {
    // Two minutes: Slurm warns (SIGUSR1 to the batch script, the recipe's --signal=B:USR1@60) 30 to 60 s
    // after the start; meanwhile the frozen task holds one of the two CPUs.
    const started = Date.now();
    const ids = await submitSweep('timelimit', '2');
    const { pid, before } = await freezeMidRun(3, path('timelimit/shard-3'));
    expect(before.size).toBeLessThan(SWEEP_RUNS / SHARDS);
    await waitFor('the time limit warning', () => /time limit near/.test(arrayLog(ids, 3)), 150_000, 250);
    thaw(pid);
    const states = await waitForJobs(ids);
    expectCompleted(states);
    const log = arrayLog(ids, 3);
    expect(log).toMatch(/orgsim: interrupted \(SIGTERM\): \d+ of 100 runs done/);
    expect(log).toMatch(/requeueing this task \(restart 1 of at most 5\)/);
    expect(states.find((s) => s.id === `${ids[0]}_3`)!.restarts).toBeGreaterThanOrEqual(1);
    expectSameFiles(path('timelimit/merged'), path('sweep-single'));
    expect(untouched(before, parts(path('timelimit/shard-3')))).toBe(before.size);
    const count = countRuns(path('timelimit/merged/runs.csv'), SWEEP_RUNS);
    expect(count).toEqual({ rows: SWEEP_RUNS, lost: 0, duplicated: 0 });
    const kept = Number(/interrupted \(SIGTERM\): (\d+) of 100/.exec(log)![1]);
    record('sweep: task at its time limit', started, states, {
      runs: SWEEP_RUNS,
      ...count,
      savedAtFault: before.size,
      keptAtStop: kept,
      runAgain: before.size - untouched(before, parts(path('timelimit/shard-3'))),
      identical: true,
    });
  });

  it('submit.sh: a sweep as a job array, then the merge as a dependent job, gives the bytes of \
one process', async () => {
    const started = Date.now();
    const ids = await submitSweep('sweep');
    expect(ids).toHaveLength(2);
    const shown = await run('scontrol', ['-o', 'show', 'job', ids[1]!]);
    expect(shown.stdout).toMatch(new RegExp(`Dependency=afterok:${ids[0]}_\\*`));
    const states = await waitForJobs(ids);
    expectCompleted(states);
    expect(tasksOf(states, ids[0]!)).toHaveLength(SHARDS);
    expectSameFiles(path('sweep/merged'), path('sweep-single'));
    expect(existsSync(path('sweep/merged/report.html'))).toBe(true);
    const count = countRuns(path('sweep/merged/runs.csv'), SWEEP_RUNS);
    expect(count).toEqual({ rows: SWEEP_RUNS, lost: 0, duplicated: 0 });
    for (let k = 0; k < SHARDS; k++) expect(parts(path(`sweep/shard-${k}`)).size).toBe(SWEEP_RUNS / SHARDS);
    record('sweep: array + merge', started, states, { runs: SWEEP_RUNS, ...count, identical: true });
  });

  it('a task requeued mid-run (scontrol requeue) resumes: nothing lost, nothing run twice, the \
same bytes', async () => {
    const started = Date.now();
    const ids = await submitSweep('requeue');
    const { before } = await freezeMidRun(1, path('requeue/shard-1'));
    expect(before.size).toBeLessThan(SWEEP_RUNS / SHARDS);
    const r = await run('scontrol', ['requeue', `${ids[0]}_1`]);
    expect(r.code, r.stderr).toBe(0);
    const states = await waitForJobs(ids);
    expectCompleted(states);
    expect(states.find((s) => s.id === `${ids[0]}_1`)!.restarts).toBeGreaterThanOrEqual(1);
    expectSameFiles(path('requeue/merged'), path('sweep-single'));
    // Every run saved before the fault is still the same file: none was run again.
    expect(untouched(before, parts(path('requeue/shard-1')))).toBe(before.size);
    const resumed = /resuming .*shard 1\/4: (\d+) of 100 runs already done/.exec(arrayLog(ids, 1));
    expect(resumed, arrayLog(ids, 1)).not.toBeNull();
    expect(Number(resumed![1])).toBeGreaterThanOrEqual(before.size);
    const count = countRuns(path('requeue/merged/runs.csv'), SWEEP_RUNS);
    expect(count).toEqual({ rows: SWEEP_RUNS, lost: 0, duplicated: 0 });
    record('sweep: task requeued mid-run', started, states, {
      runs: SWEEP_RUNS,
      ...count,
      savedAtFault: before.size,
      keptAtResume: Number(resumed![1]),
      runAgain: before.size - untouched(before, parts(path('requeue/shard-1'))),
      identical: true,
    });
  });

  it('a task cancelled mid-run (scancel), then the same submit: nothing lost, nothing run twice, the \
same bytes', async () => {
    const started = Date.now();
    const first = await submitSweep('cancel');
    const { before } = await freezeMidRun(2, path('cancel/shard-2'));
    expect(before.size).toBeLessThan(SWEEP_RUNS / SHARDS);
    expect((await run('scancel', [`${first[0]}_2`])).code).toBe(0);
    // The merge cannot run without shard 2: Slurm drops it (--kill-on-invalid-dep). The other tasks finish.
    const cancelled = await waitForJobs(first);
    expect(cancelled.find((s) => s.id === `${first[0]}_2`)!.state).toBe('CANCELLED');
    expect(cancelled.find((s) => s.id === first[1])!.state).toBe('CANCELLED');
    expect(existsSync(path('cancel/merged'))).toBe(false);
    const atCancel = parts(path('cancel/shard-2'));

    const again = await submitSweep('cancel');
    const states = await waitForJobs(again);
    expectCompleted(states);
    expectSameFiles(path('cancel/merged'), path('sweep-single'));
    expect(untouched(atCancel, parts(path('cancel/shard-2')))).toBe(atCancel.size);
    expect(untouched(before, parts(path('cancel/shard-2')))).toBe(before.size);
    // The shards that had finished ran nothing the second time.
    for (const k of [0, 1, 3])
      expect(arrayLog(again, k)).toMatch(new RegExp(`resuming .*shard ${k}/4: 100 of 100 runs already done`));
    const count = countRuns(path('cancel/merged/runs.csv'), SWEEP_RUNS);
    expect(count).toEqual({ rows: SWEEP_RUNS, lost: 0, duplicated: 0 });
    record('sweep: task cancelled, same submit again', started, [...cancelled, ...states], {
      runs: SWEEP_RUNS,
      ...count,
      savedAtFault: atCancel.size,
      runAgain: atCancel.size - untouched(atCancel, parts(path('cancel/shard-2'))),
      identical: true,
    });
  });

  it('sensitivity (Morris) in 3 shards, merged: the bytes of one process', async () => {
    const started = Date.now();
    const args = (out: string) => [
      'sensitivity',
      path('tiny.json'),
      '--method',
      'morris',
      '--samples',
      '4',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'smm.count=0:3',
      '--runs',
      '2',
      '--bootstrap',
      '40',
      '--out',
      out,
    ];
    await single(args(path('sens-single')));
    const ids = await submit(
      ['--shards', '3', '--cpus', '1', '--time', '10', ...args(path('sens'))],
      jobsDir(),
      PINNED_GIT,
    );
    submitted.push(...ids);
    const states = await waitForJobs(ids);
    expectCompleted(states);
    expectSameFiles(path('sens/merged'), path('sens-single'));
    expect(readdirSync(path('sens/merged'))).toContain('indices.csv');
    const runs = parts(path('sens-single')).size;
    const count = countRuns(path('sens/merged/runs.csv'), runs);
    expect(count).toEqual({ rows: runs, lost: 0, duplicated: 0 });
    record('sensitivity (Morris)', started, states, { runs, ...count, identical: true });
  });

  it('claims --audit in 3 shards into one folder, then the same command: the bytes of one process', async () => {
    const started = Date.now();
    const args = smallClaimsAudit;
    await single(args(path('claims-single')));
    const ids = await submit(
      ['--shards', '3', '--cpus', '1', '--time', '10', ...args(path('claims'))],
      jobsDir(),
      PINNED_GIT,
    );
    submitted.push(...ids);
    const states = await waitForJobs(ids);
    expectCompleted(states);
    expectSameFiles(path('claims'), path('claims-single'));
    expect(readdirSync(path('claims'))).toEqual(
      expect.arrayContaining(['claims.csv', 'claims.json', 'audit-points.csv']),
    );
    // The results job's log ends with the summary the command prints.
    expect(readIfThere(path('logs', `orgsim-claims-results-${ids[1]}.out`))).toMatch(
      /C10: .*\n\s+200 employees: (holds|DOES NOT HOLD|inconclusive with \d+ runs)/,
    );
    const runs = parts(path('claims-single')).size;
    expect(parts(path('claims')).size).toBe(runs);
    record('claims --audit', started, states, { runs, lost: runs - parts(path('claims')).size, identical: true });
  });

  it('calibrate: per stage a shard array then one --advance job, chained: the bytes of one process', async () => {
    const started = Date.now();
    const targets = join(ROOT, 'test/fixtures/calibrate/targets.json');
    await single(['calibrate', targets, '--out', path('cal-single')]);
    const ids = await submit(
      ['--shards', '2', '--cpus', '1', '--time', '10', 'calibrate', targets, '--out', path('cal')],
      jobsDir(),
      PINNED_GIT,
    );
    submitted.push(...ids);
    // 2 generations, then the final runs: 3 stages of (array, advance).
    expect(ids).toHaveLength(6);
    const states = await waitForJobs(ids);
    expectCompleted(states);
    expectSameFiles(path('cal'), path('cal-single'));
    expect(readdirSync(path('cal'))).toEqual(expect.arrayContaining(['fitted.json', 'targets.csv', 'report.html']));
    const runs = parts(path('cal-single')).size;
    expect(parts(path('cal')).size).toBe(runs);
    record('calibrate (2 generations + final)', started, states, {
      runs,
      lost: runs - parts(path('cal')).size,
      identical: true,
    });
  });
});

describe('submit.sh refuses what it cannot submit, in one line, before submitting anything', () => {
  const refused = async (args: string[], pattern: RegExp) => {
    const r = await run(SUBMIT, args, { cwd: tmpdir() });
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };
  it('options, commands and the arguments the recipe sets', async () => {
    await refused(
      ['--shards', '0', 'sweep', 'mid', '--out', 'x'],
      /--shards "0" is not allowed; expected a whole number from 1 to 1000/,
    );
    await refused(
      ['--cpus', 'four', 'sweep', 'mid', '--out', 'x'],
      /--cpus "four" is not allowed; expected a whole number of CPUs/,
    );
    await refused(
      ['--nodes', '2', 'sweep', 'mid', '--out', 'x'],
      /unknown option --nodes \(options: --shards, --cpus, --time, --mem-per-cpu, --logs; then the orgsim command\)/,
    );
    await refused(
      ['run', 'mid', '--out', 'x'],
      /"run" cannot be submitted; expected sweep, sensitivity, claims or calibrate/,
    );
    await refused(
      ['sweep', 'mid', '--param', 'smm.count=0:4', '--shard', '0/2', '--out', 'x'],
      /--shard is set by the recipe: give the number of shards with --shards/,
    );
    await refused(
      ['claims', 'C1', '--workers=2', '--out', 'x'],
      /--workers=2 is set by the recipe: give the CPUs of each task with --cpus/,
    );
    await refused(['sensitivity', 'mid', '--param', 'smm.count=0:4'], /the sensitivity command needs --out DIR/);
    await refused(
      ['calibrate', join(ROOT, 'package.json'), '--out', 'x'],
      /cannot read method.generations .* in the target file ".*package.json"/,
    );
  });
});

afterAll(() => {
  if (cluster.startedHere) stopCluster();
});

describe.runIf(!cluster.up && cluster.broken && !!process.env.CI)('the local Slurm in CI', () => {
  it('starts', () => {
    expect.fail(`deploy/slurm/local-cluster.sh start failed: ${cluster.reason}`);
  });
});
