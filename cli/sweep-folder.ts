/**
 * The output folder of an experiment. A new (or empty) folder gets the manifest before the first run; a
 * folder that holds the manifest of the same experiment is resumed; anything else is refused before a file
 * is touched: the manifest of a different experiment (naming what differs), or a folder of other files.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';
import { manifestDifferences, manifestText, type Manifest } from '../src/research/manifest.ts';
import { displayPath, makeFolder, probeWritable, writeAtomic } from './files.ts';
import { makePartsDir, partsDir } from './sweep-parts.ts';
import { INPUTS, parseJsonText, readInput } from './input.ts';

export const MANIFEST = 'manifest.json';

/** The manifest in `dir`, undefined when there is none; a file that is not one is a mistake to report. */
export function readManifest(dir: string): Partial<Manifest> | undefined {
  const path = join(dir, MANIFEST);
  // No such folder, or a file given as one: no manifest. A pipe, a device or a huge file: refused.
  const text = readInput(path, INPUTS.manifest, { optional: true });
  if (text === undefined) return undefined;
  try {
    const m = parseJsonText(text, displayPath(path)) as Partial<Manifest>;
    if (m && typeof m === 'object' && Array.isArray(m.points) && Array.isArray(m.seeds)) return m;
  } catch {
    /* reported below */
  }
  throw new ScenarioError(
    `${displayPath(path)} is not an orgsim sweep manifest (it does not parse as one); use another --out folder`,
  );
}

function entries(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new ScenarioError(`--out ${displayPath(dir)}: is a file, not a folder`);
    throw new ScenarioError(`--out ${displayPath(dir)}: cannot read the folder: ${(e as Error).message}`);
  }
}

export type FolderState = 'new' | 'resume';

/** Whether `dir` can hold this experiment; throws (exit 2) when it cannot. Touches nothing. */
export function checkFolder(dir: string, m: Manifest, how: string): FolderState {
  const names = entries(dir);
  if (names === undefined || names.length === 0) return 'new';
  const there = readManifest(dir);
  if (!there) {
    throw new ScenarioError(
      `--out ${displayPath(dir)}: the folder is not empty and holds no ${MANIFEST}; choose a new or empty ` +
        `folder (nothing was written)`,
    );
  }
  const diff = manifestDifferences(there, m);
  if (diff.length) {
    throw new ScenarioError(
      `--out ${displayPath(dir)} holds a different experiment (${MANIFEST}): ${diff.join('; ')}. ` +
        `Use another --out folder, or ${how} (nothing was written)`,
    );
  }
  return 'resume';
}

/** Create the folder and parts/, and write the manifest of a new experiment. */
export function openFolder(dir: string, m: Manifest, state: FolderState): void {
  try {
    if (statSync(dir, { throwIfNoEntry: false }) === undefined) makeFolder(dir);
    makePartsDir(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a folder in the path is a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'the place does not accept new folders'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : (e as Error).message;
    throw new ScenarioError(`--out ${displayPath(dir)}: cannot create the folder: ${why}`);
  }
  // Before the first run, not at its end: a folder where nothing can be written (a read-only mount).
  const why = probeWritable(partsDir(dir));
  if (why) throw new ScenarioError(`--out ${displayPath(dir)}: cannot write in the folder: ${why}`);
  if (state === 'new') writeAtomic(join(dir, MANIFEST), [manifestText(m)]);
}
