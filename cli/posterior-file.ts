/**
 * The posterior file on disk (format: src/calibrate/posterior.ts): made from a calibration's manifest and last
 * population, written whole or not at all, and read back as untrusted input (size and time limits, nesting,
 * then every field checked: one line, exit 2).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { TargetFile } from '../src/calibrate/targets.ts';
import type { Population } from '../src/calibrate/generation.ts';
import { checkPosterior, makePosterior, posteriorText, type Posterior } from '../src/calibrate/posterior.ts';
import { parseJsonValue } from '../src/scenario/json.ts';
import type { CalibrationManifest } from './calibrate-setup.ts';
import { CALIBRATION, readManifest, readPopulation, stageDir } from './calibrate-folder.ts';
import { displayPath, writeAtomic } from './files.ts';
import { INPUTS, readInput } from './input.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { checkTargetFile } from '../src/calibrate/targets.ts';
import { SCENARIOS_DIR } from './scenarios.ts';

/** The posterior that `orgsim calibrate` writes into its folder. */
export const POSTERIOR_JSON = 'posterior.json';
/** The shipped posterior of the default organization's calibration, read by `orgsim claims --audit`. */
export const SHIPPED_POSTERIOR = join(SCENARIOS_DIR, 'calibration', 'mid.posterior.json');
/** The target file it was fitted to. */
export const SHIPPED_TARGETS = join(SCENARIOS_DIR, 'calibration', 'mid.json');

/** sha256 of what a fit is fitted to: its targets (statistics, windows, bands, weights, sources). */
export function targetsDigest(target: Pick<TargetFile, 'targets'>): string {
  return createHash('sha256').update(JSON.stringify(target.targets)).digest('hex');
}

export function posteriorOf(m: CalibrationManifest, last: Population, note = ''): Posterior {
  return makePosterior({ parameters: m.parameters } as Parameters<typeof makePosterior>[0], last, {
    name: m.target.name,
    targetFile: m.targetFile,
    targetsSha256: targetsDigest(m.target),
    scenario: m.scenario.name,
    scenarioSha256: m.scenario.sha256,
    generations: m.target.method.generations,
    runs: m.target.runs,
    orgsim: m.orgsim,
    git: m.git,
    note,
  });
}

export function writePosterior(path: string, p: Posterior): void {
  // What is written must read back: a bug here is not the user's mistake.
  checkPosterior(JSON.parse(posteriorText(p)), path);
  writeAtomic(path, [posteriorText(p)]);
}

/** The posterior of a calibration folder: its last complete generation (the fit need not be finished). */
export function posteriorFromFolder(dir: string, note = ''): Posterior {
  const m = readManifest(dir) as CalibrationManifest | undefined;
  if (!m) throw new ScenarioError(`${displayPath(dir)}: no ${CALIBRATION}: not the folder of an orgsim calibration`);
  let last: Population | undefined;
  for (let g = 0; g < m.target.method.generations; g++) {
    const pop = readPopulation(stageDir(dir, g), g, m.parameters.length);
    if (!pop) break;
    last = pop;
  }
  if (!last)
    throw new ScenarioError(
      `${displayPath(dir)}: no complete generation yet (no ${join('gen-0', 'population.json')}): run the ` +
        `calibration first`,
    );
  return posteriorOf(m, last, note);
}

export function readPosterior(path: string): Posterior {
  const source = displayPath(path);
  const text = readInput(path, INPUTS.posterior, { context: 'cannot read the posterior' });
  return checkPosterior(parseJsonValue(text, source), source);
}

/**
 * Why a posterior may no longer be the fit of the shipped targets: it names the shipped target file's
 * calibration but was fitted to other targets (they changed since). null when it matches, or is another fit.
 */
export function posteriorStaleness(p: Posterior, targets: string = SHIPPED_TARGETS): string | null {
  let target;
  try {
    const source = displayPath(targets);
    target = checkTargetFile(parseJsonValue(readInput(targets, INPUTS.targets), source), source);
  } catch {
    return null;
  }
  if (target.name !== p.calibration.name || targetsDigest(target) === p.calibration.targetsSha256) return null;
  return (
    `the posterior "${p.calibration.name}" was fitted to other targets than ${displayPath(targets)} (they ` +
    `changed since): its organizations are not those of the current calibration; regenerate it (npm run ` +
    `calibrate)`
  );
}
