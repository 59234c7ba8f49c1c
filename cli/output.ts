/**
 * Result files, as chunks of text for writeAtomic: tidy CSV (one row per observation) and JSON. Numbers
 * are written as String(x), the shortest text that parses back to the same double, so that an analysis
 * of the file sees exactly what the model produced. Chunks keep memory flat for large outputs.
 */
import type { RunOutput } from '../src/run.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { SERIES } from '../src/metrics/series.ts';
import { OUTCOMES, outcomes, type Outcomes } from '../src/metrics/outcomes.ts';
import type { WelchResult } from '../src/stats/index.ts';
import { csvCell, csvNumber } from '../src/csv.ts';

const CHUNK = 1 << 20;

export const RUN_CSV_HEADER = 'run,seed,tick,series,value';

/** run,seed,tick,series,value: runs in order, then ticks, then series in SERIES order, then derived metrics. */
export function* runCsv(outputs: readonly RunOutput[]): Generator<string> {
  let buf = `${RUN_CSV_HEADER}\n`;
  for (let run = 0; run < outputs.length; run++) {
    const out = outputs[run]!;
    for (let tick = 0; tick < out.ticks; tick++) {
      const prefix = `${run},${out.seed},${tick},`;
      for (let k = 0; k < SERIES.length; k++)
        buf += `${prefix}${SERIES[k]!.name},${csvNumber(out.series[k]![tick]!)}\n`;
      for (const [name, values] of Object.entries(out.derived))
        buf += `${prefix}${csvCell(name)},${csvNumber(values[tick]!)}\n`;
      if (buf.length >= CHUNK) {
        yield buf;
        buf = '';
      }
    }
  }
  yield buf;
}

/** { orgsim, scenario, runs: [{ run, seed, outcomes, interventions, series: { name: number[] } }] } */
export function* runJson(version: string, scenario: Scenario, outputs: readonly RunOutput[]): Generator<string> {
  yield `{"orgsim":${JSON.stringify(version)},\n"scenario":${JSON.stringify(scenario)},\n"runs":[`;
  for (let run = 0; run < outputs.length; run++) {
    const out = outputs[run]!;
    const head = { run, seed: out.seed, outcomes: outcomes(out.series, out.ticks), interventions: out.interventions };
    yield `${run > 0 ? ',' : ''}\n${JSON.stringify(head).slice(0, -1)},"series":{`;
    // One series at a time: a long run's whole series object would be one huge string.
    for (let k = 0; k < SERIES.length; k++) {
      yield `${k > 0 ? ',' : ''}\n${JSON.stringify(SERIES[k]!.name)}:${JSON.stringify(Array.from(out.series[k]!))}`;
    }
    for (const [name, values] of Object.entries(out.derived))
      yield `,\n${JSON.stringify(name)}:${JSON.stringify(Array.from(values))}`;
    yield '}}';
  }
  yield '\n]}\n';
}

/** The replications of one scenario in a comparison. */
export interface ScenarioRuns {
  /** A, B, C... as in the printed report. */
  label: string;
  /** The scenario as named on the command line. */
  file: string;
  scenario: Scenario;
  seeds: readonly number[];
  outcomes: readonly Outcomes[];
}

export interface Difference extends WelchResult {
  scenario: string;
  against: string;
  outcome: keyof Outcomes;
}

/** scenario,run,seed,outcome,value */
export function* compareCsv(results: readonly ScenarioRuns[]): Generator<string> {
  let buf = 'scenario,run,seed,outcome,value\n';
  for (const r of results) {
    const name = csvCell(r.file);
    r.outcomes.forEach((o, run) => {
      for (const key of OUTCOMES) buf += `${name},${run},${r.seeds[run]},${key},${csvNumber(o[key])}\n`;
    });
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}

export function* compareJson(
  version: string,
  masterSeed: number,
  results: readonly ScenarioRuns[],
  differences: readonly Difference[],
): Generator<string> {
  const doc = {
    orgsim: version,
    seed: masterSeed,
    scenarios: results.map((r) => ({
      label: r.label,
      file: r.file,
      scenario: r.scenario,
      runs: r.outcomes.map((o, run) => ({ run, seed: r.seeds[run], outcomes: o })),
    })),
    differences,
  };
  yield `${JSON.stringify(doc, null, 1)}\n`;
}
