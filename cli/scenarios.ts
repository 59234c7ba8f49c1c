/**
 * Finding and reading scenario files: a path, or a bare name looked up in the project's scenarios/ folder;
 * `extends` resolved relative to the extending file's folder. Parsing and validation stay in src/scenario.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, parseJson, type Resolver } from '../src/scenario/load.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { didYouMean } from '../src/scenario/paths.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { parseStory, type Story } from '../src/story.ts';
import { displayPath } from './files.ts';
import { INPUTS, readInput } from './input.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../', import.meta.url));
export const SCENARIOS_DIR = join(PROJECT_DIR, 'scenarios');

/** Natural order: c1, c2, ..., c10 (numbers compared as numbers), the same on every machine. */
export const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

/** The scenario files of the project, in natural order of their names. */
export function scenarioFiles(): string[] {
  try {
    return readdirSync(SCENARIOS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort(naturalOrder);
  } catch {
    return [];
  }
}

/** Where a scenario argument points: an existing path, else scenarios/<name>(.json) for a bare name. */
export function findScenario(arg: string): string {
  let isFile = false;
  try {
    isFile = statSync(arg).isFile();
  } catch {
    /* no such file, a link loop, a file in the path...: reading it names the reason */
  }
  if (isFile) return arg;
  const bare = !/[\\/]/.test(arg);
  if (bare) {
    const inFolder = join(SCENARIOS_DIR, arg.endsWith('.json') ? arg : `${arg}.json`);
    if (existsSync(inFolder)) return displayPath(inFolder);
    if (existsSync(arg)) return arg; // a folder: reading it says so
    const names = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
    const suggestion = didYouMean(arg.replace(/\.json$/, ''), names);
    throw new ScenarioError(
      `scenario "${arg}" not found: no file ${arg} here, nor in ${displayPath(SCENARIOS_DIR)}/` +
        (suggestion ? `; did you mean "${suggestion}"?` : names.length ? ` (try: orgsim list)` : ''),
    );
  }
  return arg; // reading it reports the precise reason (no such file, a folder...)
}

/** `extends` names a file relative to the folder of the file that extends it. */
const resolver: Resolver = (name, from) => {
  const path = displayPath(resolve(dirname(from), name));
  const text = readInput(path, INPUTS.scenario, { context: `${from}: extends: cannot read` });
  return { raw: parseJson(text, path), source: path };
};

export interface LoadedScenario {
  scenario: Scenario;
  /** The path it was read from, as shown in messages. */
  source: string;
}

/**
 * Read, resolve, override and validate a scenario named on the command line. `labels[i]` names where
 * sets[i] comes from when it is not `setsSource` (by default --set; --ticks, --seed), for the message that
 * refuses it.
 */
export function readScenario(
  arg: string,
  sets: readonly string[] = [],
  labels: readonly (string | undefined)[] = [],
  setsSource = '--set',
): LoadedScenario {
  const source = findScenario(arg);
  const scenario = loadScenario(readInput(source, INPUTS.scenario), {
    source,
    resolve: resolver,
    sets,
    setsSource,
    setLabels: labels,
  });
  return { scenario, source };
}

/** The ids of the shipped scenarios (file names without .json). */
export function scenarioIds(): string[] {
  return scenarioFiles().map((f) => f.replace(/\.json$/, ''));
}

/** Read and check a story file; its steps may only name shipped scenarios. */
export function readStory(path: string): Story {
  const ids = scenarioIds();
  return parseStory(readInput(path, INPUTS.story), displayPath(path), (id) => ids.includes(id), ids);
}
