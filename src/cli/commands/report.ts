/**
 * orgsim report DIR: DIR/report.html from the files of a finished sweep or sensitivity analysis. The chart
 * script (src/research/report/charts.browser.ts) is bundled here with esbuild, d3 comes from its own
 * minified bundle, and both are inlined with the data: the page needs no server and no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ScenarioError } from '../../scenario/errors.ts';
import { OUTCOME_LABELS, type Outcomes } from '../../metrics/outcomes.ts';
import { csvRecords } from '../../research/csv.ts';
import type { Manifest } from '../../research/manifest.ts';
import { rangeText } from '../../research/params.ts';
import { summarize, type IndexEntry } from '../../research/report/summaries.ts';
import { REPORT_CSS, reportPage } from '../../research/report/page.ts';
import { parseCommand, positionals } from '../args.ts';
import { displayPath, readText, writeAtomic } from '../files.ts';
import { formatBytes } from '../limits.ts';
import { readManifest, MANIFEST } from '../sweep-folder.ts';
import { INDICES_CSV, RUNS_CSV } from '../sweep-results.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { note, print } from '../io.ts';

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;
export const REPORT_HTML = 'report.html';

const CHARTS = fileURLToPath(new URL('../../research/report/charts.browser.ts', import.meta.url));
const D3 = fileURLToPath(new URL('../../../node_modules/d3/dist/d3.min.js', import.meta.url));

/** The chart script as one self-contained classic script (d3 stays the global of its own bundle). */
async function chartScript(): Promise<string> {
  const out = await build({ entryPoints: [CHARTS], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

const orNull = (text: string | undefined): number | null => {
  const x = Number(text);
  return text === undefined || text === '' || !Number.isFinite(x) ? null : x;
};

function subtitle(m: Manifest): string {
  const d = m.design;
  const design = d.method === 'grid' ? 'grid' : d.method === 'lhs' ? `Latin hypercube of ${d.samples}` : d.method === 'morris' ? `Morris, ${d.samples} trajectories on ${d.levels} levels` : `Sobol (Saltelli), ${d.samples} base samples`;
  const runs = `${m.points.length} points x ${m.runsPerPoint} run${m.runsPerPoint > 1 ? 's' : ''} of ${m.ticks} ticks`;
  const code = `orgsim ${m.orgsim}${m.git ? `, git ${m.git.slice(0, 10)}` : ''}`;
  return `${design}: ${runs}, master seed ${m.seed}; ${m.parameters.map(rangeText).join(', ')}; scenario ${m.scenario.file} (sha256 ${m.scenario.sha256.slice(0, 12)}); ${code}`;
}

export async function report(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('report', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.report!);
    return 0;
  }
  const [dir] = positionals('report', given, 'the folder of a sweep (orgsim report DIR)', 1);
  const m = readManifest(dir!) as Manifest | undefined;
  if (!m) throw new ScenarioError(`${displayPath(dir!)} holds no ${MANIFEST}: not the folder of a sweep`);
  const runsPath = join(dir!, RUNS_CSV);
  const runs = csvRecords(readText(runsPath, `no ${RUNS_CSV} to report on (finish the sweep, or merge its shards, first):`));
  const indicesText = m.command === 'sensitivity' ? readText(join(dir!, INDICES_CSV), `no ${INDICES_CSV} to report on:`) : '';
  const indices: IndexEntry[] = csvRecords(indicesText).map((r) => ({
    method: r.method!, outcome: r.outcome!, parameter: r.parameter!, index: r.index!,
    estimate: orNull(r.estimate), lo: orNull(r.lo), hi: orNull(r.hi),
  }));
  const data = summarize({
    title: `${m.command === 'sweep' ? 'Sweep' : 'Sensitivity analysis'} of ${m.scenario.name}`,
    subtitle: subtitle(m),
    parameters: m.parameters.map((p) => ({ path: p.path, lo: p.lo, hi: p.hi, values: runs.map((r) => Number(r[p.path])) })),
    outcomes: m.outcomes.map((key) => ({ key, label: OUTCOME_LABELS[key as keyof Outcomes] ?? key, values: runs.map((r) => Number(r[key])) })),
    indices,
  });
  const html = reportPage({ title: data.title, data, d3: readFileSync(D3, 'utf8'), charts: await chartScript(), css: REPORT_CSS });
  const out = join(dir!, REPORT_HTML);
  const bytes = writeAtomic(out, [html]);
  note(`orgsim: wrote ${displayPath(out)} (${formatBytes(bytes)}; self-contained, opens offline)`);
  return 0;
}
