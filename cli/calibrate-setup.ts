/**
 * From a target file on disk to a checked calibration: the target file validated, its scenario found
 * (a shipped name, or a file relative to the target file) and loaded with the fixed overrides, the observed
 * series read, every window resolved against the horizon, the box's corners validated as scenarios, the
 * memory of the runs checked, and the manifest (calibration.json) made. Everything that can be refused is
 * refused here, before the output folder is touched.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Scenario } from '../src/scenario/schema.ts';
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { parseJsonValue, validate } from '../src/scenario/load.ts';
import { parameterInfo, setPath } from '../src/scenario/paths.ts';
import { estimateMemory } from '../src/model/world.ts';
import { SERIES } from '../src/metrics/series.ts';
import { needsTrace } from '../src/metrics/statistics.ts';
import { replicationSeed, seedList } from '../src/rng.ts';
import { checkTargetFile, isSeries, proposalCount, type TargetFile } from '../src/calibrate/targets.ts';
import { describeGaps, parseObserved, type Observed } from '../src/calibrate/observed.ts';
import { makePlan, modelValue, type FitParameter, type Plan, type Request } from '../src/calibrate/plan.ts';
import { displayPath } from './files.ts';
import { INPUTS, readInput as readBounded, type InputKind } from './input.ts';
import { formatBytes, memoryBudget } from './limits.ts';
import { findScenario, readScenario } from './scenarios.ts';
import { gitCommit, scenarioHash } from './provenance.ts';
import { version } from './version.ts';

/** A target file or an observed CSV larger than this is not one a person wrote or exported. */
const MAX_INPUT_BYTES = 20 * 2 ** 20;

export const RUN_ORDER =
  'run = proposal * runs + replication; replication k of every proposal has seed seeds[k] (the final stage: ' +
  'finalSeeds[k])';

/** calibration.json: what decides every run and number of the calibration, and where the code comes from. */
export interface CalibrationManifest {
  orgsim: string;
  git: string | null;
  command: 'calibrate';
  /** The target file as given (not compared on resume: the same file may be reached by another path). */
  targetFile: string;
  /** The validated target file, defaults filled in. */
  target: TargetFile;
  scenario: { file: string; name: string; sha256: string };
  /** The observed series of each target (null for a statistic target). */
  observed: (Observed | null)[];
  seed: number;
  /** Common random numbers: replication k of every proposal runs on seeds[k]. */
  seeds: number[];
  /** Fresh seeds for the runs at the point estimate (targets.csv). */
  finalSeeds: number[];
  proposalsPerGeneration: number;
  parameters: FitParameter[];
  requests: Request[];
  runOrder: string;
  /** The scenario every proposal starts from (after "set"). */
  validatedScenario: Scenario;
}

export interface Calibration {
  manifest: CalibrationManifest;
  plan: Plan;
  /** The scenario of a particle (its coordinates in plan order), validated. */
  scenarioAt: (theta: readonly number[]) => Scenario;
  /** What the user should know before the runs (observed series with missing periods), one line each. */
  notes: string[];
}

function readInput(
  path: string,
  what: string,
  field: string,
  source: string,
  kind: InputKind = INPUTS.targets,
): string {
  const size = statSync(path, { throwIfNoEntry: false });
  if (!size)
    throw new ScenarioError(
      `${source}: ${field} = ${show(what)} is not allowed; expected an existing file: no file ${displayPath(path)}`,
      field,
    );
  if (size.isDirectory())
    throw new ScenarioError(
      `${source}: ${field} = ${show(what)} is not allowed; expected a file: ${displayPath(path)} is a folder`,
      field,
    );
  if (size.size > MAX_INPUT_BYTES)
    throw new ScenarioError(
      `${source}: ${field} = ${show(what)} is not allowed; expected a file of at most ` +
        `${formatBytes(MAX_INPUT_BYTES)}: it has ${formatBytes(size.size)}`,
      field,
    );
  return readBounded(path, kind, { context: `${source}: ${field}: cannot read` });
}

/** The scenario of the target file: a file next to it (or at a path relative to it), else a shipped name. */
function scenarioPath(file: TargetFile, source: string): string {
  const near = resolve(dirname(source), file.scenario);
  if (statSync(near, { throwIfNoEntry: false })?.isFile()) return displayPath(near);
  const bare = !/[\\/]/.test(file.scenario);
  if (bare && !isAbsolute(file.scenario)) {
    try {
      return findScenario(file.scenario);
    } catch (e) {
      if (e instanceof ScenarioError)
        throw new ScenarioError(
          `${source}: scenario = ${show(file.scenario)} is not allowed; ${e.message}`,
          'scenario',
        );
      throw e;
    }
  }
  throw new ScenarioError(
    `${source}: scenario = ${show(file.scenario)} is not allowed; expected a shipped scenario name (orgsim ` +
      `list) or a file relative to the target file: no file ${displayPath(near)}`,
    'scenario',
  );
}

/**
 * Refuse runs whose memory (the world, its series and, when a statistic needs it, the activity trace) would not fit.
 */
function checkMemory(s: Scenario, source: string, trace: boolean, concurrent: number): void {
  const perRun = estimateMemory(s, SERIES.length) + (trace ? 2 * s.organization.employees * s.ticks : 0);
  const budget = memoryBudget();
  if (perRun * concurrent > budget) {
    const fewer =
      concurrent > 1 && perRun <= budget ? `, or use --workers ${Math.max(1, Math.floor(budget / perRun))}` : '';
    throw new ScenarioError(
      `${source}: the scenario needs about ${formatBytes(perRun * concurrent)} of memory for ${concurrent} ` +
        `run${concurrent > 1 ? 's' : ''} at once; the limit is ${formatBytes(budget)} (set ` +
        `ORGSIM_MAX_MEMORY_MB to change it)${fewer}`,
    );
  }
}

/** The scenario with the target file's fixed values; a value the schema refuses is named as the target file's. */
function readFixed(
  path: string,
  sets: readonly string[],
  target: TargetFile,
  source: string,
): ReturnType<typeof readScenario> {
  try {
    return readScenario(path, sets, [], `${source}: set`);
  } catch (e) {
    if (
      e instanceof ScenarioError &&
      e.field !== undefined &&
      Object.hasOwn(target.set, e.field) &&
      e.message.startsWith(`${path}: `)
    ) {
      throw new ScenarioError(`${source}: set: ${e.message.slice(path.length + 2)}`, e.field);
    }
    throw e;
  }
}

export function prepareCalibration(targetArg: string, workers: number): Calibration {
  const source = displayPath(targetArg);
  const text = readInput(targetArg, targetArg, 'target file', 'calibrate');
  const target = checkTargetFile(parseJsonValue(text, source), source);

  const sets = Object.entries(target.set).map(([path, value]) => `${path}=${JSON.stringify(value)}`);
  const path = scenarioPath(target, source);
  const { scenario, source: scenarioFile } = readFixed(path, sets, target, source);

  const observed = target.targets.map((t, k) => {
    if (!isSeries(t)) return null;
    const field = `targets.${k}.csv`;
    const path = resolve(dirname(source), t.csv);
    return parseObserved(
      readInput(path, t.csv, field, source, INPUTS.csv),
      `${source}: ${field} (${displayPath(path)})`,
      t.series,
    );
  });
  const notes = observed.flatMap((obs, k) => {
    const gaps = obs && describeGaps(obs);
    return gaps ? [`${source}: targets.${k}.csv: ${gaps}`] : [];
  });
  const plan = makePlan(target, source, scenario.ticks, (path) => parameterInfo(path)?.type === 'integer', observed);

  const scenarioAt = (theta: readonly number[]): Scenario => {
    const raw = structuredClone(scenario) as unknown as Record<string, unknown>;
    plan.parameters.forEach((p, d) => setPath(raw, p.path, modelValue(p, theta[d]!)));
    const shown = plan.parameters.map((p, d) => `${p.path}=${modelValue(p, theta[d]!)}`).join(', ');
    return validate(raw, `${source}: parameters at ${shown}`);
  };
  // The corners of the box: a combination the schema refuses is better found now than hours in.
  const corners = [scenarioAt(plan.parameters.map((p) => p.min)), scenarioAt(plan.parameters.map((p) => p.max))];

  const proposals = proposalCount(target.method);
  const trace = plan.requests.some((r) => needsTrace(r.statistic));
  for (const s of [scenario, ...corners])
    checkMemory(s, source, trace, Math.max(1, Math.min(workers, proposals * target.runs)));

  const seed = target.seed ?? scenario.seed;
  const manifest: CalibrationManifest = {
    orgsim: version(),
    git: gitCommit(),
    command: 'calibrate',
    targetFile: source,
    target,
    scenario: { file: scenarioFile, name: scenario.name, sha256: scenarioHash(scenario) },
    observed,
    seed,
    seeds: seedList(seed, target.runs),
    finalSeeds: Array.from({ length: target.runs }, (_, k) => replicationSeed(seed, target.runs + k)),
    proposalsPerGeneration: proposals,
    parameters: plan.parameters,
    requests: plan.requests,
    runOrder: RUN_ORDER,
    validatedScenario: scenario,
  };
  return { manifest, plan, scenarioAt, notes };
}
