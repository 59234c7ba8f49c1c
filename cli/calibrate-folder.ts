/**
 * The folder of a calibration, where every process of it (one, or shards on several machines sharing a file
 * system, and the jobs that advance it) meets:
 *
 *   calibration.json           the manifest, written first
 *   gen-<g>/proposals.json     the proposals of generation g (prior draws, or moves of generation g - 1)
 *   gen-<g>/parts/run-<r>.json one per finished run: proposal, replication, seed, coordinates, statistics
 *   gen-<g>/population.json    the kept particles, weights, discrepancies and epsilon, once g is complete
 *   final/...                  the same for the runs at the point estimate, on fresh seeds
 *   fitted.json, posterior.csv, targets.csv, fitted-scenario.json   once the final runs are complete
 *
 * The current stage is the first generation without population.json (then `final`, until fitted.json).
 * Every file is written whole or not at all (temporary file, then rename), and proposals are recomputed
 * from what precedes them (the same bytes), so processes that race to write one write the same thing.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { jsonDifferences } from '../src/research/manifest.ts';
import type { Proposals, Population } from '../src/calibrate/generation.ts';
import type { CalibrationManifest } from './calibrate-setup.ts';
import { displayPath, writeAtomic } from './files.ts';

export const CALIBRATION = 'calibration.json';
export const FITTED = 'fitted.json';
export const POPULATION = 'population.json';
export const PROPOSALS = 'proposals.json';
export const FINAL = 'final';

export const stageDir = (dir: string, generation: number | 'final') =>
  join(dir, generation === 'final' ? FINAL : `gen-${generation}`);
export const partPath = (stage: string, run: number) => join(stage, 'parts', `run-${run}.json`);

/** JSON with one key per line, and one line per element of long lists: readable, and diffs well. */
function readable(value: Record<string, unknown>, listed: readonly string[]): string {
  const lines = Object.entries(value).map(([key, v]) => {
    const text =
      listed.includes(key) && Array.isArray(v) && v.length
        ? `[\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`
        : JSON.stringify(v);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export const manifestText = (m: CalibrationManifest) =>
  readable(m as unknown as Record<string, unknown>, ['parameters', 'requests', 'targets']);
export const proposalsText = (p: Proposals) => readable(p as unknown as Record<string, unknown>, ['theta']);
export const populationText = (p: Population) => readable(p as unknown as Record<string, unknown>, ['particles']);

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ScenarioError(`cannot read ${displayPath(path)}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ScenarioError(
      `${displayPath(path)} is damaged (it does not parse as JSON): remove it and run the same command again`,
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function readManifest(dir: string): Partial<CalibrationManifest> | undefined {
  const m = readJson(join(dir, CALIBRATION));
  if (m === undefined) return undefined;
  if (!isObject(m) || m.command !== 'calibrate')
    throw new ScenarioError(
      `${displayPath(join(dir, CALIBRATION))} is not the manifest of an orgsim calibration; use another --out folder`,
    );
  return m as Partial<CalibrationManifest>;
}

/** What decides a calibration, most telling first; the rest (seeds, requests, box...) follows from it. */
const PRIMARY = ['orgsim', 'git', 'target', 'seed', 'observed', 'validatedScenario'] as const;

/**
 * What differs between two manifests ("target.runs 2 there, 3 here"), the paths of the files aside. The
 * fields that follow from the others are reported only when nothing explains them (the code deriving them
 * changed).
 */
export function manifestDifferences(there: Partial<CalibrationManifest>, here: CalibrationManifest): string[] {
  const pick = (m: Partial<CalibrationManifest>, keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, (m as Record<string, unknown>)[k]]));
  const primary = jsonDifferences(pick(there, PRIMARY), pick(here, PRIMARY));
  if (primary.length) return primary;
  // Paths as shown (relative to where each command runs) may differ between the jobs of one calibration.
  const strip = ({ targetFile: _t, scenario, ...rest }: Partial<CalibrationManifest>) => ({
    ...rest,
    scenario: scenario && { ...scenario, file: undefined },
  });
  return jsonDifferences(strip(there), strip(here));
}

/** Temporary files of atomic writes in progress (or left by a killed process): not content. */
const isTemporary = (name: string) => /^\..+\.tmp$/.test(name);

/**
 * Whether `dir` can hold this calibration: new (absent or empty), or the same calibration to resume.
 * Throws (exit 2) otherwise, naming what differs. Touches nothing.
 */
export function checkFolder(dir: string, m: CalibrationManifest, targetArg: string): 'new' | 'resume' {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isTemporary(n));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return 'new';
    if (code === 'ENOTDIR')
      throw new ScenarioError(
        `--out ${displayPath(dir)}: is a file; calibrate writes a folder (calibration.json, gen-*/, fitted.json...)`,
      );
    throw new ScenarioError(`--out ${displayPath(dir)}: cannot read the folder: ${(e as Error).message}`);
  }
  if (names.length === 0) return 'new';
  const there = readManifest(dir);
  if (!there) {
    const what = names.includes('manifest.json')
      ? 'holds a sweep (manifest.json), not a calibration'
      : `is not empty and holds no ${CALIBRATION}`;
    throw new ScenarioError(
      `--out ${displayPath(dir)}: the folder ${what}; choose a new or empty folder (nothing was written)`,
    );
  }
  const diff = manifestDifferences(there, m);
  if (diff.length) {
    throw new ScenarioError(
      `--out ${displayPath(dir)} holds a different calibration (${CALIBRATION}): ${diff.join('; ')}. ` +
        `Use another --out folder, or the target file that made it (${show(there.targetFile ?? '?')}) to ` +
        `resume it; this one is ${show(targetArg)} (nothing was written)`,
    );
  }
  return 'resume';
}

export function openFolder(dir: string, m: CalibrationManifest, state: 'new' | 'resume'): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a folder in the path is a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (e as Error).message;
    throw new ScenarioError(`--out ${displayPath(dir)}: cannot create the folder: ${why}`);
  }
  if (state === 'new') writeAtomic(join(dir, CALIBRATION), [manifestText(m)]);
}

/** Write the stage's proposals, or check that the file there says the same (a folder edited, or another version). */
export function saveProposals(stage: string, p: Proposals): void {
  mkdirSync(join(stage, 'parts'), { recursive: true });
  const path = join(stage, PROPOSALS);
  const text = proposalsText(p);
  let there: string | undefined;
  try {
    there = readFileSync(path, 'utf8');
  } catch {
    there = undefined;
  }
  if (there === text) return;
  if (there !== undefined)
    throw new ScenarioError(
      `${displayPath(path)} differs from the proposals this calibration makes at this point: the folder was ` +
        `changed by hand, or by another version of orgsim; use a new --out folder`,
    );
  writeAtomic(path, [text]);
}

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** The population of a finished generation, or undefined; a damaged one is a mistake to report. */
export function readPopulation(stage: string, generation: number, dimensions: number): Population | undefined {
  const path = join(stage, POPULATION);
  const p = readJson(path);
  if (p === undefined) return undefined;
  const ok =
    isObject(p) &&
    p.generation === generation &&
    Array.isArray(p.particles) &&
    p.particles.length > 0 &&
    p.particles.every(
      (q: unknown) =>
        isObject(q) &&
        numbers(q.theta) &&
        q.theta.length === dimensions &&
        typeof q.weight === 'number' &&
        numbers(q.values),
    );
  if (!ok)
    throw new ScenarioError(
      `${displayPath(path)} is damaged: remove it and run the same command with --advance (or without ` +
        `--shard) to write it again`,
    );
  return p as unknown as Population;
}

export function writePopulation(stage: string, p: Population): void {
  writeAtomic(join(stage, POPULATION), [populationText(p)]);
}

export interface Part {
  run: number;
  proposal: number;
  replication: number;
  seed: number;
  theta: number[];
  /** The statistics in request order; null where one was not a number. */
  values: (number | null)[];
}

export function writePart(stage: string, part: Part): void {
  writeAtomic(partPath(stage, part.run), [JSON.stringify(part)]);
}

/**
 * The part of `run` if it is there and is what this run writes (its proposal, seed and coordinates); else undefined.
 */
export function readPart(stage: string, expected: Omit<Part, 'values'>, requests: number): Part | undefined {
  let part: Partial<Part>;
  try {
    part = JSON.parse(readFileSync(partPath(stage, expected.run), 'utf8')) as Partial<Part>;
  } catch {
    return undefined; // missing, unreadable or cut short: not done
  }
  const ok =
    isObject(part) &&
    part.run === expected.run &&
    part.proposal === expected.proposal &&
    part.replication === expected.replication &&
    part.seed === expected.seed &&
    numbers(part.theta) &&
    part.theta.length === expected.theta.length &&
    part.theta.every((x, d) => x === expected.theta[d]) &&
    Array.isArray(part.values) &&
    part.values.length === requests &&
    part.values.every((x) => x === null || typeof x === 'number');
  return ok ? (part as Part) : undefined;
}

/**
 * Remove temporaries left in parts/ by killed processes, for the runs `mine` only (other shards may be writing theirs).
 */
export function removeStaleTemporaries(stage: string, mine: ReadonlySet<number>): void {
  const dir = join(stage, 'parts');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.run-(\d+)\.json\.(\d+)\.[0-9a-z]+\.tmp$/.exec(name);
    if (!m || !mine.has(Number(m[1])) || Number(m[2]) === process.pid) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* gone already */
    }
  }
}

export function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}
