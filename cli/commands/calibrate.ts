/**
 * orgsim calibrate <targets.json> --out DIR [--workers N] [--shard k/N] [--advance]: fits parameters to
 * target statistics by ABC-SMC (src/calibrate/). Without --shard or --advance, runs every generation in
 * turn, resumable after a kill. On a cluster, shard jobs run the current stage's runs into the shared DIR
 * and one --advance job closes the stage (population, next proposals, or the final files), in turn.
 */
import { join } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { runMeasureJobs, sharedPool, type ThreadPool } from '../../workers/pool.ts';
import {
  firstProposals,
  makePopulation,
  nextProposals,
  type Population,
  type Proposals,
} from '../../src/calibrate/generation.ts';
import { pointEstimate } from '../../src/calibrate/summary.ts';
import { shardRuns, type Shard } from '../../src/research/runs.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { checkOnly, parseCommand, positionals, usageError } from '../args.ts';
import { prepareCalibration, type Calibration } from '../calibrate-setup.ts';
import {
  checkFolder,
  exists,
  FITTED,
  openFolder,
  readPart,
  readPopulation,
  removeStaleTemporaries,
  saveProposals,
  stageDir,
  writePart,
  writePopulation,
  type Part,
} from '../calibrate-folder.ts';
import { writeFinal } from '../calibrate-results.ts';
import { parseShard } from '../experiment-setup.ts';
import { checkNotSystem, displayPath } from '../files.ts';
import { checkFolderKind } from '../experiment-kind.ts';
import { INPUTS, readInput } from '../input.ts';
import { EXIT_INTERRUPTED, interruptible } from '../interrupt.ts';
import { isLong, progressBar } from '../progress.ts';
import { table, terminalText } from '../format.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { note, print } from '../io.ts';
import { workerCount } from '../ensemble.ts';

const OPTIONS = {
  out: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  advance: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A stage: a generation (0 .. generations - 1), or the final runs at the point estimate. */
interface Stage {
  generation: number | 'final';
  dir: string;
  proposals: Proposals;
  seeds: readonly number[];
  /** The populations of the generations before it. */
  populations: Population[];
}

interface Context {
  out: string;
  cal: Calibration;
  workers: number;
  /** Worker threads shared by the stages of one command. */
  pool: ThreadPool;
  /** The command as the user would type it again (for "what next" lines). */
  again: string;
}

/** A word for the shell: quoted when it holds anything but plain path characters. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function stageName(ctx: Context, stage: Stage): string {
  const g = ctx.cal.manifest.target.method.generations;
  return stage.generation === 'final'
    ? 'final runs at the point estimate'
    : `generation ${stage.generation + 1} of ${g} (gen-${stage.generation})`;
}

/** The first stage not finished, its proposals written; 'done' once fitted.json is there. */
function currentStage(ctx: Context): Stage | 'done' {
  const { manifest: m, plan } = ctx.cal;
  const count = m.proposalsPerGeneration;
  const populations: Population[] = [];
  for (let g = 0; g < m.target.method.generations; g++) {
    const dir = stageDir(ctx.out, g);
    const pop = readPopulation(dir, g, plan.parameters.length);
    if (pop) {
      populations.push(pop);
      continue;
    }
    const proposals =
      g === 0 ? firstProposals(plan, count, m.seed) : nextProposals(plan, populations[g - 1]!, count, m.seed);
    saveProposals(dir, proposals);
    return { generation: g, dir, proposals, seeds: m.seeds, populations };
  }
  if (exists(join(ctx.out, FITTED))) return 'done';
  const dir = stageDir(ctx.out, 'final');
  const proposals: Proposals = {
    generation: m.target.method.generations,
    sigma: null,
    clamped: 0,
    theta: [pointEstimate(populations[populations.length - 1]!, m.target.method.point)],
  };
  saveProposals(dir, proposals);
  return { generation: 'final', dir, proposals, seeds: m.finalSeeds, populations };
}

const runsOf = (ctx: Context, stage: Stage) => stage.proposals.theta.length * ctx.cal.manifest.target.runs;

function expected(ctx: Context, stage: Stage, run: number): Omit<Part, 'values'> {
  const runs = ctx.cal.manifest.target.runs;
  const proposal = Math.floor(run / runs);
  const replication = run % runs;
  return { run, proposal, replication, seed: stage.seeds[replication]!, theta: stage.proposals.theta[proposal]! };
}

function pendingRuns(ctx: Context, stage: Stage, shard: Shard | null): { mine: number[]; pending: number[] } {
  const mine = shardRuns(runsOf(ctx, stage), shard);
  const requests = ctx.cal.plan.requests.length;
  return { mine, pending: mine.filter((r) => !readPart(stage.dir, expected(ctx, stage, r), requests)) };
}

/** Run `pending` into the stage's parts; the signal that stopped them, if one did. */
async function execute(
  ctx: Context,
  stage: Stage,
  pending: readonly number[],
  label: string,
): Promise<{ finished: number; interrupted: NodeJS.Signals | null }> {
  const { cal } = ctx;
  const requests = cal.plan.requests.map(({ statistic, from, to }) => ({ statistic, from, to }));
  const base = cal.manifest.validatedScenario;
  const bar = progressBar(label, pending.length, isLong(pending.length, base.organization.employees, base.ticks));
  // The runs of a proposal are handed out one after the other: validate its scenario once.
  let memo: { proposal: number; scenario: Scenario } | null = null;
  const scenarioOf = (proposal: number) => {
    if (memo?.proposal !== proposal) memo = { proposal, scenario: cal.scenarioAt(stage.proposals.theta[proposal]!) };
    return memo.scenario;
  };
  let finished = 0;
  try {
    const { interrupted } = await interruptible((signal) =>
      runMeasureJobs(
        pending.length,
        (k) => {
          const e = expected(ctx, stage, pending[k]!);
          return { scenario: scenarioOf(e.proposal), seed: e.seed, requests };
        },
        {
          workers: ctx.workers,
          pool: ctx.pool,
          signal,
          onResult: (k, values) => {
            writePart(stage.dir, {
              ...expected(ctx, stage, pending[k]!),
              values: Array.from(values, (x) => (Number.isFinite(x) ? x : null)),
            });
            bar.update(++finished);
          },
        },
      ),
    );
    return { finished, interrupted };
  } finally {
    bar.stop();
  }
}

/** Every run's statistics of a complete stage, by proposal; throws (exit 2) naming what is missing. */
function collect(ctx: Context, stage: Stage): Float64Array[][] {
  const runs = ctx.cal.manifest.target.runs;
  const requests = ctx.cal.plan.requests.length;
  const byProposal: Float64Array[][] = stage.proposals.theta.map(() => []);
  const missing: number[] = [];
  for (let r = 0; r < runsOf(ctx, stage); r++) {
    const part = readPart(stage.dir, expected(ctx, stage, r), requests);
    if (!part) missing.push(r);
    else byProposal[Math.floor(r / runs)]!.push(Float64Array.from(part.values, (x) => (x === null ? NaN : x)));
  }
  if (missing.length) {
    const some = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', ...' : '');
    throw new ScenarioError(
      `${displayPath(stage.dir)}: ${stageName(ctx, stage)} is not complete: ${missing.length} of ` +
        `${runsOf(ctx, stage)} runs are missing (run ${some}); ` +
        `run them first (${ctx.again} --shard k/N for every k, or ${ctx.again} alone), then --advance`,
    );
  }
  return byProposal;
}

const fmt = (x: number | null) =>
  x === null || !Number.isFinite(x)
    ? 'n/a'
    : Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
      ? x.toExponential(3)
      : String(Number(x.toPrecision(4)));

/**
 * Close a complete stage: its population and the next proposals, or the final files. Returns a line saying what was
 * written.
 */
function advance(ctx: Context, stage: Stage): string {
  const { manifest: m, plan } = ctx.cal;
  const byProposal = collect(ctx, stage);
  if (stage.generation === 'final') {
    const files = writeFinal(ctx.out, m, plan, stage.populations, byProposal[0]!);
    return `calibration done: wrote ${files.join(', ')} in ${displayPath(ctx.out)}`;
  }
  const previous = stage.populations[stage.generation - 1] ?? null;
  const pop = makePopulation(plan, m.target.method, stage.proposals, (i) => byProposal[i]!, previous);
  writePopulation(stage.dir, pop);
  const next = currentStage(ctx);
  const wrote = next === 'done' ? '' : `; wrote ${displayPath(join(next.dir, 'proposals.json'))}`;
  return (
    `${stageName(ctx, stage)}: epsilon ${fmt(pop.epsilon)}, effective sample size ${fmt(pop.ess)} of ` +
    `${pop.particles.length} ` +
    `particles${stage.proposals.clamped ? ` (${stage.proposals.clamped} moves clamped into the box)` : ''}` +
    `${wrote}`
  );
}

function nextStep(ctx: Context, stage: Stage | 'done'): string {
  if (stage === 'done')
    return (
      `the calibration is finished: read ${displayPath(join(ctx.out, FITTED))}, or draw its charts: orgsim ` +
      `report ${shellWord(ctx.out)}`
    );
  return (
    `next, ${stageName(ctx, stage)}: ${ctx.again} --shard k/N for k = 0 .. N-1, then ${ctx.again} --advance ` +
    `(or ${ctx.again} alone on one machine)`
  );
}

/** What a finished calibration found, for the terminal: the fitted values, then each target. */
function summary(ctx: Context): string {
  const fitted = JSON.parse(
    readInput(join(ctx.out, FITTED), INPUTS.manifest),
  ) as import('../calibrate-results.ts').Fitted;
  const params = table(
    [
      ['parameter', 'fitted', 'median', '95% interval', 'prior'],
      ...fitted.parameters.map((p) => [
        p.path,
        fmt(p.value),
        fmt(p.median),
        `[${fmt(p.lo95)}, ${fmt(p.hi95)}]`,
        `[${fmt(p.prior[0])}, ${fmt(p.prior[1])}]`,
      ]),
    ],
    ['l', 'r', 'r', 'l', 'l'],
  );
  const targets = table(
    [
      ['target', 'weight', 'term', 'inside its band'],
      ...fitted.targets.map((t) => [
        terminalText(t.label),
        fmt(t.weight),
        fmt(t.term),
        t.of === 1 ? (t.inside ? 'yes' : 'no') : `${t.inside} of ${t.of} periods`,
      ]),
    ],
    ['l', 'r', 'r', 'l'],
  );
  return (
    `${terminalText(fitted.name)}: ${fitted.generations} generations of ${fitted.particles} particles, ` +
    `${fitted.runs} runs each; epsilon ${fmt(fitted.epsilon)}\n\n${params}\n\n` +
    `At the fitted values, over ${fitted.runs} fresh run${fitted.runs > 1 ? 's' : ''} (discrepancy ` +
    `${fmt(fitted.discrepancy)}; per target, the RMS of (mean - value) / (distance to the band's edge on ` +
    `that side)):\n${targets}\n`
  );
}

async function runAll(ctx: Context, resumed: boolean): Promise<number> {
  let first = resumed;
  for (;;) {
    const stage = currentStage(ctx);
    if (stage === 'done') break;
    const { mine, pending } = pendingRuns(ctx, stage, null);
    removeStaleTemporaries(stage.dir, new Set(mine));
    if (first && mine.length > pending.length)
      note(
        `orgsim: resuming ${displayPath(ctx.out)}: ${stageName(ctx, stage)}: ${mine.length - pending.length} ` +
          `of ${mine.length} runs already done`,
      );
    first = false;
    const exec = await execute(
      ctx,
      stage,
      pending,
      `calibrate ${stage.generation === 'final' ? 'final' : `gen-${stage.generation}`}`,
    );
    if (exec.interrupted) {
      const done = mine.length - pending.length + exec.finished;
      note(
        `orgsim: interrupted (${exec.interrupted}): ${stageName(ctx, stage)}: ${done} of ${mine.length} runs ` +
          `done, kept in ${displayPath(join(stage.dir, 'parts'))}; run the same command again to resume`,
      );
      return EXIT_INTERRUPTED;
    }
    note(`orgsim: ${advance(ctx, stage)}`);
  }
  print(summary(ctx));
  note(`orgsim: ${nextStep(ctx, 'done')}`);
  return 0;
}

async function runShard(ctx: Context, shard: Shard): Promise<number> {
  const stage = currentStage(ctx);
  if (stage === 'done') {
    note(`orgsim: ${nextStep(ctx, 'done')}; nothing to run`);
    return 0;
  }
  const { mine, pending } = pendingRuns(ctx, stage, shard);
  removeStaleTemporaries(stage.dir, new Set(mine));
  const where = `${stageName(ctx, stage)}, shard ${shard.index}/${shard.count}`;
  const exec = await execute(
    ctx,
    stage,
    pending,
    `calibrate ${stage.generation === 'final' ? 'final' : `gen-${stage.generation}`} shard ` +
      `${shard.index}/${shard.count}`,
  );
  const done = mine.length - pending.length + exec.finished;
  if (exec.interrupted) {
    note(
      `orgsim: interrupted (${exec.interrupted}): ${where}: ${done} of ${mine.length} runs done, kept in ` +
        `${displayPath(join(stage.dir, 'parts'))}; run the same command again to resume`,
    );
    return EXIT_INTERRUPTED;
  }
  const before = mine.length - pending.length;
  note(
    `orgsim: ${where}: ${mine.length} run${mine.length === 1 ? '' : 's'} ` +
      `done${before ? ` (${before} were already there)` : ''} in ${displayPath(join(stage.dir, 'parts'))}; ` +
      `once every shard of this stage is done: ${ctx.again} --advance`,
  );
  return 0;
}

function advanceOnce(ctx: Context): number {
  const stage = currentStage(ctx);
  if (stage === 'done') {
    note(`orgsim: ${nextStep(ctx, 'done')}; nothing to advance`);
    return 0;
  }
  note(`orgsim: ${advance(ctx, stage)}`);
  const next = currentStage(ctx);
  if (next === 'done') print(summary(ctx));
  note(`orgsim: ${nextStep(ctx, next)}`);
  return 0;
}

export async function calibrate(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('calibrate', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.calibrate!);
    return 0;
  }
  const [file] = positionals('calibrate', given, 'the target file (orgsim calibrate <targets.json> --out DIR)', 1);
  if (values.shard !== undefined && values.advance)
    throw usageError(
      'calibrate',
      '--shard and --advance are separate steps: run the shards of a stage, then one --advance',
    );
  const out = values.out;
  if (out === undefined || out.trim() === '')
    throw usageError(
      'calibrate',
      'missing --out DIR: the folder of the calibration (calibration.json, a folder per generation, fitted.json...)',
    );
  checkNotSystem(out, '--out');
  checkFolderKind(out, 'calibrate');
  const workers = workerCount('calibrate', values.workers);
  const shard = parseShard('calibrate', values.shard);
  const cal = prepareCalibration(file!, workers);
  const state = checkFolder(out, cal.manifest, file!);
  if (checkOnly()) return 0;
  for (const line of cal.notes) note(`orgsim: ${line}`);
  openFolder(out, cal.manifest, state);
  // The process's threads: every generation runs on the same ones (an idle thread does not keep the process alive).
  const ctx: Context = {
    out,
    cal,
    workers,
    pool: sharedPool(),
    again: `orgsim calibrate ${shellWord(file!)} --out ${shellWord(out)}`,
  };
  if (values.advance) return advanceOnce(ctx);
  if (shard) return await runShard(ctx, shard);
  return await runAll(ctx, state === 'resume');
}
