/**
 * What the cases of test/slurm.test.ts share: the folder the jobs start in, the sweep they submit (and the same
 * sweep in one process), freezing a task's orgsim process mid-run and thawing it, counting a merged sweep's
 * runs, and the figures of each case, written to test-results/slurm.json when the cases are done.
 */
import { expect } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PINNED_GIT, ROOT } from './sweep-helpers.ts';
import { orgsimProcess, parts, readIfThere, run, submit, waitFor, type JobState } from './slurm-cluster.ts';

let dir = '';
/** The folder the jobs start in (made by openJobsFolder). */
export const jobsDir = () => dir;
export const path = (...names: string[]) => join(dir, ...names);
export const submitted: string[] = [];
const frozen = new Set<number>();
/** The figures of each case, written to test-results/slurm.json for docs/researcher.md. */
const figures: Record<string, unknown>[] = [];

export const TINY = {
  name: 'tiny',
  organization: { employees: 100 },
  external: { customers: 50 },
  ticks: 30,
  cm: { present: true },
};
export const SHARDS = 4;
/** 25 points x 16 replications = 400 runs, 100 a shard: about a second of work for each task. */
export const sweepArgs = (out: string) => [
  'sweep',
  path('tiny.json'),
  '--param',
  'smm.count=0:4:5',
  '--param',
  'cm.speakShare=0:1:5',
  '--runs',
  '16',
  '--out',
  out,
];
export const SWEEP_RUNS = 400;

/**
 * The same command in one process, typed in the folder the jobs start in (manifests record the files as they
 * were named there).
 */
export async function single(args: string[]): Promise<void> {
  const r = await run(process.execPath, [BIN, ...args, '--workers', '2'], {
    cwd: dir,
    env: { ...PINNED_GIT, CI: '1' },
  });
  expect(r.code, r.stderr).toBe(0);
}

export async function submitSweep(name: string, time = '10'): Promise<string[]> {
  const ids = await submit(
    ['--shards', String(SHARDS), '--cpus', '1', '--time', time, ...sweepArgs(path(name))],
    dir,
    PINNED_GIT,
  );
  submitted.push(...ids);
  return ids;
}

/**
 * Freeze the orgsim process of sweep shard k writing into `shardDir` once it has saved 10 of its 100 runs; its parts
 * then.
 */
export async function freezeMidRun(k: number, shardDir: string): Promise<{ pid: number; before: Map<string, string> }> {
  const pid = await waitFor(
    `shard ${k} to save 10 runs`,
    () => parts(shardDir).size >= 10 && orgsimProcess(`${k}/${SHARDS}`, shardDir),
    240_000,
  );
  process.kill(pid, 'SIGSTOP');
  frozen.add(pid);
  return { pid, before: parts(shardDir) };
}

export function thaw(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already gone
  }
  frozen.delete(pid);
}

/** The runs of a merged sweep: how many rows, how many distinct run numbers, and which of 0..n-1 are missing. */
export function countRuns(runsCsv: string, expected: number) {
  const rows = readFileSync(runsCsv, 'utf8').trim().split('\n').slice(1);
  const ids = new Set(rows.map((r) => Number(r.split(',')[0])));
  const lost = Array.from({ length: expected }, (_, i) => i).filter((i) => !ids.has(i)).length;
  return { rows: rows.length, lost, duplicated: rows.length - ids.size };
}

export const arrayLog = (ids: string[], k: number, name = 'orgsim-sweep') =>
  readIfThere(path('logs', `${name}-${ids[0]}_${k}.out`));
export const tasksOf = (states: JobState[], array: string) => states.filter((s) => s.id.startsWith(`${array}_`));

/** Every job COMPLETED; the message lists the states and the logs' tails if not. */
export function expectCompleted(states: JobState[]): void {
  const bad = states.filter((s) => s.state !== 'COMPLETED');
  const logs = bad.length
    ? readdirSync(path('logs'))
        .map((f) => `--- ${f}\n${readIfThere(path('logs', f)).slice(-600)}`)
        .join('\n')
    : '';
  expect(bad, `jobs not COMPLETED: ${JSON.stringify(bad)}\n${logs}`).toEqual([]);
}

export function record(name: string, started: number, states: JobState[], extra: Record<string, unknown>): void {
  const tasks = states.filter((s) => s.id.includes('_'));
  figures.push({
    case: name,
    jobs: states.length,
    tasks: tasks.length,
    restarts: states.reduce((n, s) => n + s.restarts, 0),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    load: Math.round(loadavg()[0]! * 10) / 10,
    ...extra,
  });
}

/** The folder the jobs start in, with the tiny scenario and the sweep run in one process to compare with. */
export async function openJobsFolder(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-slurm-test-'));
  writeFileSync(path('tiny.json'), JSON.stringify(TINY));
  await single([...sweepArgs(path('sweep-single'))]);
}

/** Thaw what is frozen, cancel what was submitted, write the figures and remove the folder. */
export async function closeJobs(): Promise<void> {
  for (const pid of frozen) thaw(pid);
  if (submitted.length) await run('scancel', submitted);
  if (figures.length) {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results/slurm.json'), JSON.stringify(figures, null, 1) + '\n');
    const line = (f: Record<string, unknown>) =>
      `  ${f.case}: ${f.tasks} tasks (${f.restarts} requeued), ${f.seconds} s (load ${f.load}), ${f.runs} ` +
      `runs, lost ${f.lost}, run twice ${f.runAgain ?? f.duplicated ?? '-'}`;
    process.stderr.write(
      `slurm.test.ts: the local Slurm runs (test-results/slurm.json):\n${figures.map(line).join('\n')}\n`,
    );
  }
  if (dir && !process.env.ORGSIM_SLURM_KEEP) rmSync(dir, { recursive: true, force: true });
}
