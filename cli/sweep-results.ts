/**
 * The final files of an experiment, put together from its parts in canonical run order and written
 * atomically: runs.csv (one row per run), ticks.csv (with --per-tick) and, for a sensitivity analysis,
 * indices.csv. The same function serves a finished sweep and a merge of shards, which is why both give
 * the same bytes.
 */
import { join } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';
import { OUTCOMES } from '../src/metrics/outcomes.ts';
import type { Manifest } from '../src/research/manifest.ts';
import { sensitivityIndices, type IndexRow } from '../src/research/analysis.ts';
import { displayPath, writeAtomic, writeAtomicAsync } from './files.ts';
import { csvCell, csvNumber } from '../src/csv.ts';
import { readPart, runsHeader, TICKS_HEADER, type Part } from './sweep-parts.ts';

const CHUNK = 1 << 20;

export const RUNS_CSV = 'runs.csv';
export const TICKS_CSV = 'ticks.csv';
export const INDICES_CSV = 'indices.csv';
export const INDICES_HEADER = 'method,outcome,parameter,index,estimate,lo,hi\n';

/** Where the part of each run is: one folder for a sweep, the shard's folder for a merge. */
export type PartSource = (run: number) => string;

function load(m: Manifest, from: PartSource, run: number): Part {
  const part = readPart(from(run), m, run);
  if (!part)
    throw new ScenarioError(
      `the part of run ${run} is missing or damaged in ${displayPath(join(from(run), 'parts'))}; run the ` +
        `same command again to redo it`,
    );
  return part;
}

function* chunked(head: string, lines: Iterable<string>): Generator<string> {
  let buf = head;
  for (const line of lines) {
    buf += line;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}

export interface Results {
  /** Each outcome's value per run, in canonical order (for the indices). */
  outcomes: Record<string, Float64Array>;
  files: string[];
}

export async function writeResults(dir: string, m: Manifest, from: PartSource): Promise<Results> {
  const outcomes = Object.fromEntries(OUTCOMES.map((k) => [k, new Float64Array(m.totalRuns)]));
  function* rows(): Generator<string> {
    for (let run = 0; run < m.totalRuns; run++) {
      const part = load(m, from, run);
      // The outcomes are the last fields of the row, written by csvNumber(): Number() reads them back exactly.
      const fields = part.row.slice(0, -1).split(',');
      OUTCOMES.forEach((k, i) => (outcomes[k]![run] = Number(fields[fields.length - OUTCOMES.length + i])));
      yield part.row;
    }
  }
  const files = [RUNS_CSV];
  await writeAtomicAsync(join(dir, RUNS_CSV), chunked(runsHeader(m), rows()));
  if (m.perTick) {
    function* ticks(): Generator<string> {
      for (let run = 0; run < m.totalRuns; run++) yield load(m, from, run).ticks!;
    }
    await writeAtomicAsync(join(dir, TICKS_CSV), chunked(TICKS_HEADER, ticks()));
    files.push(TICKS_CSV);
  }
  return { outcomes, files };
}

export function indicesCsv(rows: readonly IndexRow[]): string {
  return (
    INDICES_HEADER +
    rows
      .map(
        (r) =>
          `${r.method},${r.outcome},${csvCell(r.parameter)},${r.index},${csvNumber(r.estimate)},` +
          `${csvNumber(r.lo)},${csvNumber(r.hi)}\n`,
      )
      .join('')
  );
}

/** Sensitivity indices of a finished experiment, written to indices.csv (none for a sweep). */
export function writeIndices(dir: string, m: Manifest, results: Results): IndexRow[] {
  const rows = sensitivityIndices(m, results.outcomes);
  if (m.command === 'sensitivity') {
    writeAtomic(join(dir, INDICES_CSV), [indicesCsv(rows)]);
    results.files.push(INDICES_CSV);
  }
  return rows;
}
