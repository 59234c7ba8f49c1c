/**
 * The parts of a sweep: one small file per finished run in DIR/parts/, written atomically (temporary file,
 * then rename), holding exactly the text that run contributes to runs.csv and ticks.csv, and the sha256 of
 * that text. A run is done when its part exists, reads back as the part of that run and matches its
 * checksum; anything else (a half-written, foreign or edited file) is run again, and the resuming command
 * says how many were. The checksum catches accidental and casual edits, not a forger who recomputes it. The final files
 * are put together from the parts, so an interrupted and resumed sweep, a sharded and merged one and a single
 * uninterrupted one write the same bytes.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RunOutput } from '../src/run.ts';
import { OUTCOMES, outcomes } from '../src/metrics/outcomes.ts';
import { SERIES } from '../src/metrics/series.ts';
import type { Manifest } from '../src/research/manifest.ts';
import { pointOf, replicateOf } from '../src/research/runs.ts';
import { csvCell, csvNumber } from '../src/csv.ts';
import { makeFolder, removeStaleTemporaries, writeAtomic } from './files.ts';
import { INPUTS, readInput } from './input.ts';
import { tooDeepAt } from '../src/scenario/json.ts';

export interface Part {
  run: number;
  seed: number;
  /** This run's line of runs.csv, newline included. */
  row: string;
  /** This run's lines of ticks.csv (with --per-tick only). */
  ticks?: string;
  /** sha256 (hex) of the fields above: see partChecksum. */
  sha256: string;
}

/** The checksum of a part's content: run, seed, row and ticks, each on its own line. */
export function partChecksum(part: Pick<Part, 'run' | 'seed' | 'row' | 'ticks'>): string {
  return createHash('sha256')
    .update(`${part.run}\n${part.seed}\n${part.row}\n${part.ticks ?? ''}`)
    .digest('hex');
}

export const PARTS = 'parts';

export function partsDir(dir: string): string {
  return join(dir, PARTS);
}

export function partPath(dir: string, run: number): string {
  return join(dir, PARTS, `run-${run}.json`);
}

export function runsHeader(m: Pick<Manifest, 'parameters'>): string {
  return (
    ['run', 'point', 'replicate', 'seed', ...m.parameters.map((p) => csvCell(p.path)), ...OUTCOMES].join(',') + '\n'
  );
}

export const TICKS_HEADER = 'run,tick,series,value\n';

function rowPrefix(m: Pick<Manifest, 'runsPerPoint' | 'seeds'>, run: number): string {
  return (
    `${run},${pointOf(run, m.runsPerPoint)},${replicateOf(run, m.runsPerPoint)},` +
    `${m.seeds[replicateOf(run, m.runsPerPoint)]},`
  );
}

/** The part of a finished run: its outcomes (and series) as text, numbers at full precision. */
export function makePart(m: Manifest, run: number, out: RunOutput): Part {
  const o = outcomes(out.series, out.ticks);
  const values = m.points[pointOf(run, m.runsPerPoint)]!;
  const row = `${rowPrefix(m, run)}${[...values.map(csvNumber), ...OUTCOMES.map((k) => csvNumber(o[k]))].join(',')}\n`;
  const part: Omit<Part, 'sha256'> & { sha256?: string } = { run, seed: out.seed, row };
  if (m.perTick) {
    let ticks = '';
    for (let tick = 0; tick < out.ticks; tick++) {
      const prefix = `${run},${tick},`;
      for (let k = 0; k < SERIES.length; k++)
        ticks += `${prefix}${SERIES[k]!.name},${csvNumber(out.series[k]![tick]!)}\n`;
      for (const [name, series] of Object.entries(out.derived))
        ticks += `${prefix}${csvCell(name)},${csvNumber(series[tick]!)}\n`;
    }
    part.ticks = ticks;
  }
  part.sha256 = partChecksum(part);
  return part as Part;
}

export function writePart(dir: string, part: Part): void {
  writeAtomic(partPath(dir, part.run), [JSON.stringify(part)]);
}

/** The part of `run`, or why it cannot be used: 'missing' (not written yet), 'damaged' (there, but not right). */
export function checkPart(dir: string, m: Manifest, run: number): Part | 'missing' | 'damaged' {
  let part: Partial<Part>;
  try {
    const text = readInput(partPath(dir, run), INPUTS.part, { optional: true });
    if (text === undefined) return 'missing';
    if (tooDeepAt(text) >= 0) return 'damaged';
    part = JSON.parse(text) as Partial<Part>;
  } catch {
    return 'damaged'; // unreadable, not a file, too large or cut short: not done
  }
  const fields = m.parameters.length + OUTCOMES.length;
  const ok =
    part !== null &&
    typeof part === 'object' &&
    part.run === run &&
    part.seed === m.seeds[replicateOf(run, m.runsPerPoint)] &&
    typeof part.row === 'string' &&
    part.row.startsWith(rowPrefix(m, run)) &&
    part.row.indexOf('\n') === part.row.length - 1 &&
    part.row.slice(rowPrefix(m, run).length, -1).split(',').length === fields &&
    (m.perTick ? typeof part.ticks === 'string' && part.ticks.endsWith('\n') : part.ticks === undefined) &&
    typeof part.sha256 === 'string' &&
    part.sha256 === partChecksum(part as Part);
  return ok ? (part as Part) : 'damaged';
}

/** The part of `run` if it is there and is what this experiment would have written; else undefined. */
export function readPart(dir: string, m: Manifest, run: number): Part | undefined {
  const p = checkPart(dir, m, run);
  return typeof p === 'string' ? undefined : p;
}

export function makePartsDir(dir: string): void {
  makeFolder(partsDir(dir));
}

/**
 * Remove the temporary files left in the folder and in parts/ by a process that was killed between
 * writing and renaming (a part, runs.csv, ticks.csv...). Only those of processes that are gone: another
 * sweep writing into the same folder keeps its own.
 */
export function removeExperimentTemporaries(dir: string): void {
  removeStaleTemporaries(dir, 'any');
  removeStaleTemporaries(partsDir(dir), 'any');
}
