/**
 * The files of a finished calibration: fitted.json (the point estimate and the posterior's median and 95%
 * interval per parameter, the discrepancy left), posterior.csv (every generation's kept particles, tidy),
 * targets.csv (each target at the point estimate over fresh replications, against its band) and
 * fitted-scenario.json (a scenario that extends the input one with the fitted values; it runs as is) and
 * posterior.json (the last generation's particles and weights, the file that ships: src/calibrate/posterior.ts).
 * fitted.json is written last: it marks the calibration finished.
 */
import { join, relative, resolve, sep } from 'node:path';
import { setPath } from '../src/scenario/paths.ts';
import type { Plan } from '../src/calibrate/plan.ts';
import type { Population } from '../src/calibrate/generation.ts';
import { assess } from '../src/calibrate/generation.ts';
import { fittedParameters, targetRows, type FittedParameter, type TargetRow } from '../src/calibrate/summary.ts';
import type { CalibrationManifest } from './calibrate-setup.ts';
import { FITTED } from './calibrate-folder.ts';
import { writeAtomic } from './files.ts';
import { csvCell, csvNumber } from '../src/csv.ts';
import { readScenario } from './scenarios.ts';
import { POSTERIOR_JSON, posteriorOf, writePosterior } from './posterior-file.ts';

export const POSTERIOR_CSV = 'posterior.csv';
export const TARGETS_CSV = 'targets.csv';
export const FITTED_SCENARIO = 'fitted-scenario.json';

const cell = (x: number | null): string => (x === null || !Number.isFinite(x) ? '' : csvNumber(x));

export function posteriorCsv(plan: Plan, populations: readonly Population[]): string {
  const header = [
    'generation',
    'particle',
    'proposal',
    'weight',
    'discrepancy',
    ...plan.parameters.map((p) => csvCell(p.path)),
  ];
  let out = `${header.join(',')}\n`;
  for (const pop of populations) {
    pop.particles.forEach((p, k) => {
      const row = [pop.generation, k, p.proposal, cell(p.weight), cell(p.discrepancy), ...p.values.map(cell)];
      out += `${row.join(',')}\n`;
    });
  }
  return out;
}

export const TARGETS_HEADER = [
  'target',
  'label',
  'kind',
  'statistic',
  'from',
  'to',
  'period',
  'value',
  'band_lo',
  'band_hi',
  'weight',
  'source',
  'mean',
  'sd',
  'ci_lo',
  'ci_hi',
  'inside',
];

export function targetsCsv(rows: readonly TargetRow[]): string {
  let out = `${TARGETS_HEADER.join(',')}\n`;
  for (const r of rows) {
    out += `${[
      r.target,
      csvCell(r.label),
      r.kind,
      csvCell(r.statistic),
      r.from,
      r.to,
      csvCell(r.period ?? ''),
      cell(r.value),
      cell(r.band[0]),
      cell(r.band[1]),
      cell(r.weight),
      csvCell(r.source),
      cell(r.mean),
      cell(r.sd),
      cell(r.lo),
      cell(r.hi),
      r.inside,
    ].join(',')}\n`;
  }
  return out;
}

export interface Fitted {
  name: string;
  /** The scenario as the target file names it. */
  scenario: string;
  generations: number;
  particles: number;
  runs: number;
  /** The last generation's epsilon and effective sample size. */
  epsilon: number | null;
  ess: number;
  parameters: FittedParameter[];
  /** At the point estimate, over the fresh replications of targets.csv. */
  discrepancy: number | null;
  targets: { label: string; kind: string; weight: number; term: number | null; inside: number; of: number }[];
}

/** The scenario file that sets the fitted values over the input scenario (its path relative to DIR). */
function fittedScenario(
  dir: string,
  m: CalibrationManifest,
  fitted: readonly FittedParameter[],
): Record<string, unknown> {
  const path = relative(resolve(dir), resolve(m.scenario.file)).split(sep).join('/');
  const name = `${m.scenario.name} fitted to ${m.target.name}`;
  const raw: Record<string, unknown> = {
    extends: path,
    name: name.length > 120 ? `${name.slice(0, 117)}...` : name,
    description:
      `Written by orgsim calibrate for ${JSON.stringify(m.target.name)}: the input scenario with ` +
      `${Object.keys(m.target.set).length ? "the target file's fixed values and " : ''}the fitted parameters ` +
      `at their ${m.target.method.point === 'best' ? 'best particle' : 'posterior mean'}.`,
  };
  for (const [p, v] of Object.entries(m.target.set)) setPath(raw, p, v);
  for (const f of fitted) setPath(raw, f.path, f.value);
  return raw;
}

/** Write the final files from the last population and the runs at the point estimate. */
export function writeFinal(
  dir: string,
  m: CalibrationManifest,
  plan: Plan,
  populations: readonly Population[],
  finalRuns: readonly ArrayLike<number>[],
): string[] {
  const last = populations[populations.length - 1]!;
  const parameters = fittedParameters(plan, last, m.target.method.point);
  const rows = targetRows(plan, finalRuns);
  const a = assess(plan, finalRuns);
  const fitted: Fitted = {
    name: m.target.name,
    scenario: m.target.scenario,
    generations: m.target.method.generations,
    particles: m.target.method.particles,
    runs: m.target.runs,
    epsilon: last.epsilon,
    ess: last.ess,
    parameters,
    discrepancy: Number.isFinite(a.discrepancy) ? a.discrepancy : null,
    targets: plan.targets.map((t, k) => {
      const mine = rows.filter((r) => r.target === k);
      return {
        label: t.label,
        kind: t.kind,
        weight: t.weight,
        term: Number.isFinite(a.terms[k]!) ? a.terms[k]! : null,
        inside: mine.filter((r) => r.inside).length,
        of: mine.length,
      };
    }),
  };
  writeAtomic(join(dir, POSTERIOR_CSV), [posteriorCsv(plan, populations)]);
  writeAtomic(join(dir, TARGETS_CSV), [targetsCsv(rows)]);
  const scenarioPath = join(dir, FITTED_SCENARIO);
  writeAtomic(scenarioPath, [`${JSON.stringify(fittedScenario(dir, m, parameters), null, 2)}\n`]);
  try {
    readScenario(scenarioPath);
  } catch (e) {
    // It must load and validate as is: if not, a bug to report (exit 1), not a user mistake.
    throw new Error(`${FITTED_SCENARIO} does not validate: ${(e as Error).message}`, { cause: e });
  }
  writePosterior(join(dir, POSTERIOR_JSON), posteriorOf(m, last));
  writeAtomic(join(dir, FITTED), [`${JSON.stringify(fitted, null, 2)}\n`]);
  return [FITTED, POSTERIOR_CSV, POSTERIOR_JSON, TARGETS_CSV, FITTED_SCENARIO];
}
