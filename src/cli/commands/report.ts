/**
 * orgsim report DIR: DIR/report.html from the files of a finished sweep or sensitivity analysis. The chart
 * script (viz/research/report-entry.ts) is bundled here with esbuild, d3 comes from its own
 * minified bundle, and both are inlined with the data: the page needs no server and no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ScenarioError } from '../../scenario/errors.ts';
import type { Manifest } from '../../research/manifest.ts';
import { reportData } from '../../research/report/data.ts';
import { REPORT_CSS, reportPage } from '../../research/report/page.ts';
import { parseCommand, positionals } from '../args.ts';
import { displayPath, writeAtomic } from '../files.ts';
import { INPUTS, readInput } from '../input.ts';
import { formatBytes } from '../limits.ts';
import { readManifest, MANIFEST } from '../sweep-folder.ts';
import { INDICES_CSV, RUNS_CSV } from '../sweep-results.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { note, print } from '../io.ts';

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;
export const REPORT_HTML = 'report.html';

const CHARTS = fileURLToPath(new URL('../../../viz/research/report-entry.ts', import.meta.url));
const D3 = fileURLToPath(new URL('../../../node_modules/d3/dist/d3.min.js', import.meta.url));

/** The chart script as one self-contained classic script (d3 stays the global of its own bundle). */
async function chartScript(): Promise<string> {
  const out = await build({ entryPoints: [CHARTS], bundle: true, write: false, format: 'iife', target: 'es2020', minify: true, legalComments: 'none', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
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
  const runsText = readInput(runsPath, INPUTS.csv, { context: `no ${RUNS_CSV} to report on (finish the sweep, or merge its shards, first):` });
  const indicesText = m.command === 'sensitivity' ? readInput(join(dir!, INDICES_CSV), INPUTS.csv, { context: `no ${INDICES_CSV} to report on:` }) : '';
  const data = reportData(m, runsText, indicesText);
  const html = reportPage({ title: data.title, data, d3: readFileSync(D3, 'utf8'), charts: await chartScript(), css: REPORT_CSS });
  const out = join(dir!, REPORT_HTML);
  const bytes = writeAtomic(out, [html]);
  note(`orgsim: wrote ${displayPath(out)} (${formatBytes(bytes)}; self-contained, opens offline)`);
  return 0;
}
