/**
 * What an experiment folder is. Each command that writes a folder marks it with its manifest, whose
 * "command" field names the kind: manifest.json (sweep, sensitivity: merge writes the same), claims-manifest.json
 * (claims) and calibration.json (calibrate). A command refuses a folder marked by another kind before a file is
 * touched: files and parts of two experiments in one folder would be read back as one.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';
import { displayPath } from './files.ts';
import { INPUTS, readInput } from './input.ts';

export type ExperimentKind = 'sweep' | 'sensitivity' | 'claims' | 'calibrate';

const WHAT: Record<ExperimentKind, string> = {
  sweep: 'a sweep',
  sensitivity: 'a sensitivity analysis',
  claims: 'claims runs',
  calibrate: 'a calibration',
};

/** Each marker file, and the kinds it can mark (the first when its "command" cannot be read). */
const MARKERS: readonly [file: string, kinds: readonly ExperimentKind[]][] = [
  ['manifest.json', ['sweep', 'sensitivity']],
  ['claims-manifest.json', ['claims']],
  ['calibration.json', ['calibrate']],
];

/** Whether anything is at `path` (a folder in the path that is a file, or that cannot be read: nothing). */
function there(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The "command" of a marker, if it reads as one of `kinds`; else undefined (the owner's own check reports a damaged
 * one).
 */
function markedKind(path: string, kinds: readonly ExperimentKind[]): ExperimentKind | undefined {
  try {
    const text = readInput(path, INPUTS.manifest, { optional: true });
    const command = text === undefined ? undefined : (JSON.parse(text) as { command?: unknown } | null)?.command;
    return kinds.find((k) => k === command);
  } catch {
    return undefined;
  }
}

/** The kind of experiment `dir` holds, by its marker; undefined when it holds none. */
export function folderKind(dir: string): { kind: ExperimentKind; file: string } | undefined {
  for (const [file, kinds] of MARKERS) {
    const path = join(dir, file);
    if (!there(path)) continue;
    return { kind: (kinds.length > 1 ? markedKind(path, kinds) : undefined) ?? kinds[0]!, file };
  }
  return undefined;
}

/**
 * Refuse `dir` when it holds another kind of experiment than `kind` (a missing or empty folder, or one of
 * the same kind, is left to the command's own checks). A marker that cannot be read as sweep or
 * sensitivity is left to the sweep's own check, which names what is wrong with it.
 */
export function checkFolderKind(dir: string, kind: ExperimentKind, option = '--out'): void {
  for (const [file, kinds] of MARKERS) {
    const path = join(dir, file);
    if (!there(path)) continue;
    const marked = kinds.length > 1 ? markedKind(path, kinds) : kinds[0];
    if (marked === kind || (marked === undefined && kinds.includes(kind))) continue;
    throw new ScenarioError(
      `${option} ${displayPath(dir)} holds ${WHAT[marked ?? kinds[0]!]} (${file}), not ${WHAT[kind]}: each ` +
        `experiment has a folder of its own; choose a new or empty folder (nothing was written)`,
    );
  }
}
