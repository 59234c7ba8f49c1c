/**
 * The local Slurm of deploy/slurm/local-cluster.sh, driven from the tests: start it (or find it running),
 * submit with deploy/slurm/submit.sh, wait for jobs, find and freeze the orgsim process of a task, and count
 * the part files of an experiment (which ones exist, and whether a finished one was ever written again).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './sweep-helpers.ts';

const exec = promisify(execFile);
export const CLUSTER = join(ROOT, 'deploy/slurm/local-cluster.sh');
export const SUBMIT = join(ROOT, 'deploy/slurm/submit.sh');
const DIR = process.env.ORGSIM_SLURM_DIR ?? '/tmp/orgsim-slurm';
/** What Slurm's commands need to find the local cluster. */
export const SLURM_ENV = { SLURM_CONF: join(DIR, 'slurm.conf') };

export interface ClusterState {
  /** The cluster answers. */
  up: boolean;
  /** This process started it (and so stops it at the end). */
  startedHere: boolean;
  /** Why it is not up (one line), or ''. */
  reason: string;
  /** The start failed although the packages could be there: a fault to report, not a machine to skip. */
  broken: boolean;
}

/** Find the cluster running, or start it: synchronous, so that a test file can decide at load time what to skip. */
export function ensureCluster(): ClusterState {
  const status = spawnSync(CLUSTER, ['status'], { encoding: 'utf8' });
  if (status.status === 0) return { up: true, startedHere: false, reason: '', broken: false };
  const start = spawnSync(CLUSTER, ['start'], { encoding: 'utf8', timeout: 15 * 60_000 });
  if (start.status === 0) return { up: true, startedHere: true, reason: '', broken: false };
  const reason = (start.stderr || start.stdout || String(start.error ?? 'no output'))
    .trim()
    .split('\n')
    .pop()!
    .replace(/^local-cluster: /, '');
  // Exit 1: it cannot run here (not root, no packages and no apt); anything else is a fault.
  return { up: false, startedHere: false, reason, broken: start.status !== 1 };
}

export function stopCluster(): void {
  spawnSync(CLUSTER, ['stop'], { encoding: 'utf8', timeout: 120_000 });
}

export async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...SLURM_ENV, ...options.env },
      maxBuffer: 16 * 2 ** 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

/** deploy/slurm/submit.sh from `cwd`; the ids of the jobs it submitted, in order. */
export async function submit(args: string[], cwd: string, env: Record<string, string>): Promise<string[]> {
  const r = await run(SUBMIT, args, { cwd, env });
  if (r.code !== 0) throw new Error(`submit.sh ${args.join(' ')} failed (exit ${r.code}): ${r.stderr}${r.stdout}`);
  const line = /^jobs: (.+)$/m.exec(r.stdout);
  if (!line) throw new Error(`submit.sh printed no job ids: ${r.stdout}`);
  return line[1]!.trim().split(/\s+/);
}

const TERMINAL = new Set([
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'OUT_OF_MEMORY',
]);

export interface JobState {
  /** 12 for a job, 11_3 for task 3 of array 11. */
  id: string;
  state: string;
  restarts: number;
}

/** Every job and array task of `ids`, with its state and how often it was requeued. */
export async function jobStates(ids: string[]): Promise<JobState[]> {
  const states: JobState[] = [];
  for (const id of ids) {
    const shown = await run('scontrol', ['-o', 'show', 'job', id]);
    if (shown.code !== 0) throw new Error(`scontrol show job ${id}: ${shown.stderr}`);
    for (const line of shown.stdout.split('\n').filter(Boolean)) {
      const field = (name: string) => new RegExp(`(?:^| )${name}=(\\S*)`).exec(line)?.[1] ?? '';
      const task = field('ArrayTaskId');
      states.push({
        id: task && field('ArrayJobId') ? `${field('ArrayJobId')}_${task}` : field('JobId'),
        state: field('JobState'),
        restarts: Number(field('Restarts') || 0),
      });
    }
  }
  return states;
}

/** Wait until every job of `ids` has ended (requeued tasks run again first); their final states. */
export async function waitForJobs(ids: string[], timeoutMs = 360_000): Promise<JobState[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const states = await jobStates(ids);
    if (states.length && states.every((s) => TERMINAL.has(s.state))) return states;
    if (Date.now() > until)
      throw new Error(
        `jobs still not done after ${timeoutMs / 1000} s: ${states.map((s) => `${s.id} ${s.state}`).join(', ')}`,
      );
    await sleep(500);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until `check` gives a value (not undefined or false); fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 120_000,
  everyMs = 20,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The pid of the orgsim process running shard `shard` (as "k/N") into `out`, if there is one now. */
export function orgsimProcess(shard: string, out: string): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!argv[1]?.endsWith('bin/orgsim.mjs')) continue;
    const at = (flag: string) => argv[argv.indexOf(flag) + 1];
    if (argv.includes('--shard') && at('--shard') === shard && at('--out') === out) return Number(name);
  }
  return undefined;
}

/** Every part file under `dir` (any depth, in a `parts` folder): relative path -> inode and modification time. */
export function parts(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string, rel: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      // Jobs are writing meanwhile: a temporary file listed a moment ago may have been renamed into place since.
      const st = statSync(path, { bigint: true, throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(path, rel ? `${rel}/${name}` : name);
      else if (rel.endsWith('parts') && name.endsWith('.json')) found.set(`${rel}/${name}`, `${st.ino}:${st.mtimeNs}`);
    }
  };
  walk(dir, '');
  return found;
}

/** Of the parts seen at a fault, how many are still the very same files (not run again) at the end. */
export function untouched(before: Map<string, string>, after: Map<string, string>): number {
  let same = 0;
  for (const [name, id] of before) if (after.get(name) === id) same++;
  return same;
}

/** The text of a file, or '' while it does not exist. */
export function readIfThere(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
