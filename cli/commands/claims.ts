/**
 * orgsim claims [C1 C2 ...] [--sizes 200,2000,20000] [--runs 20] [--audit] [--out DIR] [--shard k/N]:
 * the claims of the seeds, each with its statistical test at each organization size (arms scaled with
 * src/scenario/scale.ts), and with --audit the assumption audit of src/claims-audit.ts. With --out, every run
 * is saved as it finishes (atomic part files): the same command resumes, and shards (--shard k/N, into the
 * same folder) are put together by running the command once more without --shard. With --patterns, every
 * statement of the essays instead (./patterns.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CLAIM_RUNS, CLAIM_SEED, CLAIMS } from '../../src/claims.ts';
import type { Posterior } from '../../src/calibrate/posterior.ts';
import { claimArm } from '../../src/claim-arms.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { AuditResult } from '../../src/claims-results.ts';
import { runClaimJobs } from '../../workers/pool.ts';
import { readShippedAudit } from '../claims-audit-file.ts';
import { analyse } from '../claims-analyse.ts';
import { checkClaimsFolder, makePart, openFolder, partPath, readPart, writeOutputs } from '../claims-folder.ts';
import {
  MAX_EMPLOYEES,
  parseSizes,
  plan,
  selectClaims,
  type ClaimPlan,
  type Job,
  type Settings,
} from '../claims-plan.ts';
import { summary } from '../claims-summary.ts';
import { readPosterior, SHIPPED_POSTERIOR, posteriorStaleness } from '../posterior-file.ts';
import { checkOnly, parseCommand, positionals, usageError, wholeNumber } from '../args.ts';
import { displayPath, writeAtomic } from '../files.ts';
import { print, note } from '../io.ts';
import { isLong, progressBar } from '../progress.ts';
import { EXIT_INTERRUPTED, interruptible } from '../interrupt.ts';
import { checkOutFolder, parseShard } from '../experiment-setup.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { gitCommit } from '../provenance.ts';
import { workerCount } from '../ensemble.ts';
import { claimsPatterns } from './patterns.ts';

export { CLAIMS_JSON, CLAIMS_MANIFEST } from '../claims-folder.ts';

const OPTIONS = {
  sizes: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  audit: { type: 'boolean' },
  points: { type: 'string' },
  'audit-runs': { type: 'string' },
  'audit-size': { type: 'string' },
  'premise-steps': { type: 'string' },
  posterior: { type: 'string' },
  shard: { type: 'string' },
  set: { type: 'string', multiple: true },
  patterns: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A claim's arm at a size, with extra parameter values, validated (the story's steps run the same). */
const armAt = claimArm;

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>['values'];

/** The audit's settings (--audit and its options), and the posterior its organizations are drawn from. */
function readAudit(values: Values): {
  audit: Settings['audit'];
  posterior: Posterior | null;
  posteriorInfo: AuditResult['posterior'];
} {
  const audit = values.audit
    ? {
        points: wholeNumber('claims', 'points', values.points, 4, 10_000) ?? 64,
        runs: wholeNumber('claims', 'audit-runs', values['audit-runs'], 2, 1000) ?? 8,
        size: wholeNumber('claims', 'audit-size', values['audit-size'], 50, MAX_EMPLOYEES) ?? 400,
        premiseSteps: wholeNumber('claims', 'premise-steps', values['premise-steps'], 2, 100) ?? 6,
        posterior: null as { file: string; sha256: string } | null,
      }
    : null;
  // The organizations' calibrated parameters: drawn from the shipped posterior unless told otherwise.
  let posterior: Posterior | null = null;
  let posteriorInfo: AuditResult['posterior'] = null;
  if (audit && values.posterior !== 'none') {
    const file = values.posterior ?? SHIPPED_POSTERIOR;
    posterior = readPosterior(file);
    audit.posterior = {
      file: displayPath(file),
      sha256: createHash('sha256').update(JSON.stringify(posterior)).digest('hex'),
    };
    const c = posterior.calibration;
    posteriorInfo = {
      name: c.name,
      note: c.note,
      particles: c.particles,
      ess: c.ess,
      targetsSha256: c.targetsSha256,
      stale: posteriorStaleness(posterior),
    };
    if (posteriorInfo.stale) note(`orgsim: warning: ${posteriorInfo.stale}`);
  }
  if (!values.audit)
    for (const o of ['points', 'audit-runs', 'audit-size', 'premise-steps', 'posterior'] as const)
      if (values[o] !== undefined) throw usageError('claims', `--${o} needs --audit`);
  return { audit, posterior, posteriorInfo };
}

/** The scenario of each job, made once per part of the plan (jobs come in order: only the current one is kept). */
function scenarios(planned: ClaimPlan[]): (j: Job) => Scenario {
  const armOf = new Map(
    planned.flatMap((c) => c.claim.arms.map((a, i) => [`${c.claim.id}:${a}`, c.arms[i]!] as const)),
  );
  const scenarioCache = new Map<string, Scenario>();
  return (j: Job) => {
    const key = `${j.claim}:${j.arm}:${j.phase}:${j.index}`;
    let s = scenarioCache.get(key);
    if (!s) {
      s = armAt(armOf.get(`${j.claim}:${j.arm}`)!, j.employees, j.set, `${j.claim} ${j.arm} (${j.phase} ${j.index})`);
      scenarioCache.clear(); // jobs come in order: keep only the current one
      scenarioCache.set(key, s);
    }
    return s;
  };
}

/**
 * Run the pending jobs, filling in their measures (and saving each as a part with --out). Returns the signal
 * that interrupted the runs, if one did, and how many were done.
 */
async function runPending(
  planned: ClaimPlan[],
  jobs: Job[],
  pending: number[],
  measures: (number[] | undefined)[],
  out: string | undefined,
  workers: number,
): Promise<{ interrupted: NodeJS.Signals | null; done: number }> {
  const scenarioOf = scenarios(planned);
  const bar = progressBar('claims', pending.length, isLong(pending.length, 2000, 500));
  let done = 0;
  let interrupted: NodeJS.Signals | null = null;
  try {
    // Ctrl-C or SIGTERM (a scheduler's notice) stops handing out runs; the saved ones stay for the same command.
    ({ interrupted } = await interruptible((signal) =>
      runClaimJobs(
        pending.length,
        (i) => ({
          scenario: scenarioOf(jobs[pending[i]!]!),
          seed: jobs[pending[i]!]!.seed,
          claim: jobs[pending[i]!]!.claim,
        }),
        {
          workers,
          signal,
          onResult: (i, values) => {
            const k = pending[i]!;
            const j = jobs[k]!;
            const m = Array.from(values);
            measures[k] = m;
            if (out !== undefined) writeAtomic(partPath(out, k), [JSON.stringify(makePart(k, j, m))]);
            bar.update(++done);
          },
        },
      ),
    ));
  } finally {
    bar.stop();
  }
  return { interrupted, done };
}

export async function claims(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('claims', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.claims!);
    return 0;
  }
  if (values.patterns) return claimsPatterns(values, given);
  const selected = selectClaims(positionals('claims', given, 'claims', 0, true));
  const { audit, posterior, posteriorInfo } = readAudit(values);
  const settings: Settings = {
    claims: selected.map((c) => c.id),
    sets: values.set ?? [],
    sizes: parseSizes(values.sizes),
    runs: wholeNumber('claims', 'runs', values.runs, 2, 10_000) ?? CLAIM_RUNS,
    seed: wholeNumber('claims', 'seed', values.seed, 0, 2 ** 31 - 1) ?? CLAIM_SEED,
    audit,
  };
  const workers = workerCount('claims', values.workers);
  const shard = parseShard('claims', values.shard);
  if (shard && values.out === undefined)
    throw usageError('claims', '--shard needs --out DIR (the folder every shard writes into)');
  const out = values.out === undefined ? undefined : checkOutFolder('claims', values.out);
  if (out !== undefined) checkClaimsFolder(out, settings);
  const { claims: planned, jobs } = plan(settings, posterior);
  if (checkOnly()) return 0;
  const comparisons = (id: string) => CLAIMS.find((c) => c.id === id)!.comparisons.length;
  if (out !== undefined) openFolder(out, settings);

  const measures: (number[] | undefined)[] = jobs.map((j, k) =>
    out !== undefined ? readPart(out, k, j, comparisons(j.claim)) : undefined,
  );
  const pending = jobs
    .map((_, k) => k)
    .filter((k) => measures[k] === undefined && (!shard || k % shard.count === shard.index));
  if (out !== undefined && pending.length < jobs.length && !shard)
    note(`orgsim: resuming ${displayPath(out)}: ${jobs.length - pending.length} of ${jobs.length} runs already done`);
  const { interrupted, done } = await runPending(planned, jobs, pending, measures, out, workers);
  if (interrupted) {
    note(
      out === undefined
        ? `orgsim: interrupted (${interrupted}): nothing was saved; give --out DIR to keep finished runs`
        : `orgsim: interrupted (${interrupted}): ${done} of ${pending.length} runs done, kept in ` +
            `${displayPath(join(out, 'parts'))}; run the same command again to resume`,
    );
    return EXIT_INTERRUPTED;
  }
  if (measures.some((m) => m === undefined)) {
    const left = measures.filter((m) => m === undefined).length;
    note(
      `orgsim: shard ${shard!.index}/${shard!.count} done; ${left} runs of other shards are still missing in ` +
        `${displayPath(out!)}: once every shard is done, run the same command without --shard to write ` +
        `the results`,
    );
    return 0;
  }
  const { sizes, audits } = analyse(settings, planned, jobs, measures, posteriorInfo);
  if (out !== undefined) {
    const files = writeOutputs(out, settings, sizes, audits);
    note(`orgsim: wrote ${files.join(', ')} in ${displayPath(out)} (commit ${gitCommit() ?? 'unknown'})`);
  }
  print(summary(settings, sizes, audits, readShippedAudit()));
  return 0;
}
