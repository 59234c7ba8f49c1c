/**
 * What `sweep` and `sensitivity` share up to the first run: their options, and from the command line to a
 * checked experiment (parameters, design, seeds, every point's scenario validated, sizes within limits) and
 * its manifest. Everything that can be refused is refused here, before the output folder is touched.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { validate } from '../src/scenario/load.ts';
import { setPath } from '../src/scenario/paths.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import { OUTCOMES } from '../src/metrics/outcomes.ts';
import { seedList } from '../src/rng.ts';
import { parseParams, type ParamRange } from '../src/research/params.ts';
import { absentRoles } from '../src/research/absent.ts';
import { checkDesign, designSize, makeDesign, type Method } from '../src/research/design.ts';
import { RUN_ORDER, type Manifest } from '../src/research/manifest.ts';
import type { Shard } from '../src/research/runs.ts';
import { usageError, wholeNumber } from './args.ts';
import { checkNotSystem, statOrUndefined } from './files.ts';
import { checkFolderKind } from './experiment-kind.ts';
import { checkMemory, formatBytes, MAX_CSV_BYTES, memoryBudget } from './limits.ts';
import { readScenario } from './scenarios.ts';
import { gitCommit, scenarioHash } from './provenance.ts';
import { version } from './version.ts';
import { ENSEMBLE_OPTIONS, MAX_RUNS, overrideLabels, overrides, workerCount } from './ensemble.ts';

export const EXPERIMENT_OPTIONS = {
  ...ENSEMBLE_OPTIONS,
  param: { type: 'string', multiple: true },
  samples: { type: 'string' },
  'per-tick': { type: 'boolean' },
  shard: { type: 'string' },
} as const;

/** More runs than this is a job for several sweeps (and a manifest of a reasonable size). */
export const MAX_TOTAL_RUNS = 1_000_000;

export interface ExperimentValues {
  param?: string[];
  runs?: string;
  seed?: string;
  ticks?: string;
  set?: string[];
  workers?: string;
  out?: string;
  'per-tick'?: boolean;
  shard?: string;
}

export interface DesignChoice {
  method: Method;
  samples?: number;
  levels?: number;
  bootstrap: number | null;
}

export interface Setup {
  /** The manifest of this command (with its shard, if any). */
  manifest: Manifest;
  out: string;
  workers: number;
  /** The scenario of a point: the base scenario with the point's values, validated. */
  pointScenario: (point: number) => Scenario;
  /** Said once the folder is checked, before the runs (a mistake stays one line). */
  warnings: string[];
}

/** `--shard k/N`: runs with index % N == k. */
export function parseShard(command: string, text: string | undefined): Shard | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= MAX_RUNS) || !(index < count)) {
    throw usageError(
      command,
      `--shard ${show(text)} is not allowed; expected k/N with shards numbered 0 to N - 1, e.g. --shard 0/4`,
    );
  }
  return { index, count };
}

/** `--out DIR` is required, and cannot be an existing file. */
export function checkOutFolder(command: string, out: string | undefined): string {
  if (out === undefined || out.trim() === '')
    throw usageError(
      command,
      'missing --out DIR: the folder for runs.csv, manifest.json and the parts that make the sweep resumable',
    );
  checkNotSystem(out, '--out');
  if (statOrUndefined(out)?.isFile())
    throw new ScenarioError(`--out ${out}: is a file; ${command} writes a folder (runs.csv, manifest.json, parts/)`);
  return out;
}

/** A parameter set both by --set (or --ticks) and by --param: the sweep would silently win; say so instead. */
function checkOverlap(params: readonly ParamRange[], sets: readonly string[]): void {
  for (const s of sets) {
    const path = s.slice(0, Math.max(0, s.indexOf('='))).trim();
    if (params.some((p) => p.path === path))
      throw new ScenarioError(`"${path}" is both fixed (--set or --${path}) and varied (--param): keep one`);
  }
}

/** ticks.csv holds one row per run x tick x series: refuse one too large to be read back. */
function checkTicksSize(totalRuns: number, ticks: number, derived: number): void {
  const series = SERIES_NAMES.length + derived;
  const rows = totalRuns * ticks * series;
  const bytes = rows * (String(totalRuns).length + String(ticks).length + 14 + 22);
  if (bytes > MAX_CSV_BYTES) {
    throw new ScenarioError(
      `--per-tick: ticks.csv would have ${rows.toLocaleString('en-US')} rows (about ${formatBytes(bytes)}); ` +
        `the limit is ${formatBytes(MAX_CSV_BYTES)}: ` +
        'use fewer points, --runs or --ticks, or drop --per-tick (runs.csv keeps the outcomes of every run)',
    );
  }
}

export function prepareExperiment(
  command: 'sweep' | 'sensitivity',
  file: string,
  values: ExperimentValues,
  choice: DesignChoice,
): Setup {
  const out = checkOutFolder(command, values.out);
  checkFolderKind(out, command);
  const runsPerPoint = wholeNumber(command, 'runs', values.runs, 1, MAX_RUNS) ?? 1;
  const workers = workerCount(command, values.workers);
  const shard = parseShard(command, values.shard);
  const params = parseParams(values.param ?? [], choice.method === 'grid');
  const spec = checkDesign(params, choice.method, choice.samples, choice.levels);
  const sets = overrides(values);
  checkOverlap(params, sets);
  const { scenario: base, source } = readScenario(file, sets, overrideLabels(values));

  const points = designSize(params, spec);
  if (points * runsPerPoint > MAX_TOTAL_RUNS) {
    throw new ScenarioError(
      `${points.toLocaleString('en-US')} points x ${runsPerPoint} runs is ` +
        `${(points * runsPerPoint).toLocaleString('en-US')} runs; the limit is ` +
        `${MAX_TOTAL_RUNS.toLocaleString('en-US')}: use fewer steps, --samples or --runs (or several sweeps)`,
    );
  }
  const design = makeDesign(params, spec, base.seed);
  const pointScenario = (p: number): Scenario => {
    const raw = structuredClone(base) as unknown as Record<string, unknown>;
    params.forEach((q, j) => setPath(raw, q.path, design.values[p]![j]));
    const shown = params.map((q, j) => `${q.path}=${design.values[p]![j]}`).join(', ');
    return validate(raw, `${source}: point ${p} (${shown})`);
  };
  // Every point is checked now (a combination the schema refuses, say an intervention after a shorter
  // horizon), and its memory: better refused in a second than failing hours into the sweep.
  const budget = memoryBudget();
  let ticks = base.ticks;
  for (let p = 0; p < points; p++) {
    const s = pointScenario(p);
    checkMemory(s, `${source}: point ${p}`, Math.min(workers, points * runsPerPoint), workers, budget);
    ticks = Math.max(ticks, s.ticks);
  }
  if (values['per-tick']) checkTicksSize(points * runsPerPoint, ticks, Object.keys(base.metrics).length);

  const manifest: Manifest = {
    orgsim: version(),
    git: gitCommit(),
    command,
    scenario: { file: source, name: base.name, sha256: scenarioHash(base) },
    seed: base.seed,
    ticks: base.ticks,
    runsPerPoint,
    seeds: seedList(base.seed, runsPerPoint),
    perTick: values['per-tick'] ?? false,
    design: { ...spec, bootstrap: choice.bootstrap },
    parameters: params,
    outcomes: [...OUTCOMES],
    totalRuns: points * runsPerPoint,
    shard,
    runOrder: RUN_ORDER,
    points: design.values,
    validatedScenario: base,
  };
  const warnings = absentRoles(
    base,
    params.map((p) => p.path),
  ).map(
    (a) =>
      `orgsim ${command}: warning: --param ${a.path}: ${source} has ${a.missing}, so this parameter acts on ` +
      `nothing and its effect will be exactly 0`,
  );
  return { manifest, out, workers, pointScenario, warnings };
}
