/**
 * From a sweep's files (manifest.json, runs.csv, and indices.csv for a sensitivity analysis) to the data the
 * report's charts draw. Pure: the CLI (orgsim report) and the web page (opening a sweep's files) share it.
 */
import { OUTCOME_LABELS, type Outcomes } from '../../metrics/outcomes.ts';
import { csvRecords } from '../../csv.ts';
import type { Manifest } from '../manifest.ts';
import { rangeText } from '../params.ts';
import { summarize, type IndexEntry, type ReportData } from './summaries.ts';

const orNull = (text: string | undefined): number | null => {
  const x = Number(text);
  return text === undefined || text === '' || !Number.isFinite(x) ? null : x;
};

function subtitle(m: Manifest): string {
  const d = m.design;
  const design =
    d.method === 'grid'
      ? 'grid'
      : d.method === 'lhs'
        ? `Latin hypercube of ${d.samples}`
        : d.method === 'morris'
          ? `Morris, ${d.samples} trajectories on ${d.levels} levels`
          : `Sobol (Saltelli), ${d.samples} base samples`;
  const runs = `${m.points.length} points x ${m.runsPerPoint} run${m.runsPerPoint > 1 ? 's' : ''} of ${m.ticks} ticks`;
  const code = `orgsim ${m.orgsim}${m.git ? `, git ${m.git.slice(0, 10)}` : ''}`;
  return (
    `${design}: ${runs}, master seed ${m.seed}; ${m.parameters.map(rangeText).join(', ')}; scenario ` +
    `${m.scenario.file} (sha256 ${m.scenario.sha256.slice(0, 12)}); ${code}`
  );
}

/** The report of a sweep; `indicesText` is '' for a plain sweep. */
export function reportData(m: Manifest, runsText: string, indicesText: string): ReportData {
  const runs = csvRecords(runsText);
  const indices: IndexEntry[] = csvRecords(indicesText).map((r) => ({
    method: r.method!,
    outcome: r.outcome!,
    parameter: r.parameter!,
    index: r.index!,
    estimate: orNull(r.estimate),
    lo: orNull(r.lo),
    hi: orNull(r.hi),
  }));
  return summarize({
    title: `${m.command === 'sweep' ? 'Sweep' : 'Sensitivity analysis'} of ${m.scenario.name}`,
    subtitle: subtitle(m),
    parameters: m.parameters.map((p) => ({
      path: p.path,
      lo: p.lo,
      hi: p.hi,
      values: runs.map((r) => Number(r[p.path])),
    })),
    outcomes: m.outcomes.map((key) => ({
      key,
      label: OUTCOME_LABELS[key as keyof Outcomes] ?? key,
      values: runs.map((r) => Number(r[key])),
    })),
    indices,
  });
}
