/**
 * orgsim report DIR: DIR/report.html from the files of a finished sweep or sensitivity analysis. The chart
 * script (viz/research/report-entry.ts with the parts of d3 it uses) is built with the package
 * (scripts/build-node.mjs: dist-node/report-charts.js) and inlined with the data: the page needs no server and
 * no network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.ts';
import type { Manifest } from '../../src/research/manifest.ts';
import { reportData } from '../../src/research/report/data.ts';
import type { ReportData } from '../../src/research/report/summaries.ts';
import { calibrationReport, type CalibrationFiles, type CalibrationReport } from '../../src/calibrate/report.ts';
import { CALIBRATION, FITTED, readManifest as readCalibration, readPopulation, stageDir } from '../calibrate-folder.ts';
import { TARGETS_CSV } from '../calibrate-results.ts';
import { REPORT_CSS, reportPage } from '../../src/research/report/page.ts';
import { claimsReport, type ClaimsReport } from '../../src/research/report/claims.ts';
import { CLAIMS_JSON, CLAIMS_MANIFEST } from './claims.ts';
import type { AuditResult, SizeResult } from '../../src/claims-results.ts';
import { existsSync } from 'node:fs';
import { PROJECT_DIR } from '../scenarios.ts';
import { parseCommand, positionals } from '../args.ts';
import { displayPath, writeAtomic } from '../files.ts';
import { INPUTS, readInput } from '../input.ts';
import { formatBytes } from '../limits.ts';
import { readManifest, MANIFEST } from '../sweep-folder.ts';
import { INDICES_CSV, RUNS_CSV } from '../sweep-results.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { print } from '../io.ts';

const OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;
export const REPORT_HTML = 'report.html';

/** The chart script, one self-contained classic script built with the package (d3 inside). */
const CHARTS = join(PROJECT_DIR, 'dist-node', 'report-charts.js');

function chartScript(): string {
  try {
    return readFileSync(CHARTS, 'utf8');
  } catch {
    throw new ScenarioError(
      `the report's chart script ${CHARTS} is missing: this copy of orgsim was not built (npm run build:node)`,
    );
  }
}

function sweepData(dir: string): ReportData {
  const m = readManifest(dir) as Manifest | undefined;
  if (!m)
    throw new ScenarioError(
      `${displayPath(dir)} holds no ${MANIFEST} nor ${CALIBRATION}: not the folder of a sweep, a sensitivity ` +
        `analysis or a calibration`,
    );
  const runsText = readInput(join(dir, RUNS_CSV), INPUTS.csv, {
    context: `no ${RUNS_CSV} to report on (finish the sweep, or merge its shards, first):`,
  });
  const indicesText =
    m.command === 'sensitivity'
      ? readInput(join(dir, INDICES_CSV), INPUTS.csv, { context: `no ${INDICES_CSV} to report on:` })
      : '';
  return reportData(m, runsText, indicesText);
}

/** The report of a calibration folder, or undefined when `dir` holds none. */
function calibrationData(dir: string): CalibrationReport | undefined {
  const manifest = readCalibration(dir);
  if (!manifest) return undefined;
  const fittedText = readInput(join(dir, FITTED), INPUTS.manifest, {
    context:
      `no ${FITTED} to report on (finish the calibration first: the same orgsim calibrate command, or its last ` +
      `--advance):`,
  });
  let fitted: CalibrationFiles['fitted'];
  try {
    fitted = JSON.parse(fittedText) as CalibrationFiles['fitted'];
  } catch {
    throw new ScenarioError(`${displayPath(join(dir, FITTED))} is damaged (it does not parse as JSON)`);
  }
  const m = manifest as CalibrationFiles['manifest'];
  const dims = m.parameters?.length ?? 0;
  const populations = Array.from({ length: m.target?.method?.generations ?? 0 }, (_, g) => {
    const p = readPopulation(stageDir(dir, g), g, dims);
    if (!p)
      throw new ScenarioError(
        `${displayPath(stageDir(dir, g))} holds no population.json: the calibration is not finished`,
      );
    return p;
  });
  const targetsCsv = readInput(join(dir, TARGETS_CSV), INPUTS.csv, { context: `no ${TARGETS_CSV} to report on:` });
  return calibrationReport({ manifest: m, fitted, populations, targetsCsv });
}

/** The report of an `orgsim claims --out DIR` folder, or undefined when `dir` holds none. */
function claimsData(dir: string): ClaimsReport | undefined {
  if (!existsSync(join(dir, CLAIMS_MANIFEST))) return undefined;
  const text = readInput(join(dir, CLAIMS_JSON), INPUTS.audit, {
    context:
      `no ${CLAIMS_JSON} to report on (finish the claims runs first: the same orgsim claims command without ` +
      `--shard):`,
  });
  let parsed: { sizes: SizeResult[]; audits: AuditResult[] };
  try {
    parsed = JSON.parse(text) as { sizes: SizeResult[]; audits: AuditResult[] };
  } catch {
    throw new ScenarioError(`${displayPath(join(dir, CLAIMS_JSON))} is damaged (it does not parse as JSON)`);
  }
  return claimsReport(parsed);
}

export async function report(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('report', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.report!);
    return 0;
  }
  const [dir] = positionals('report', given, 'the folder of a sweep or a calibration (orgsim report DIR)', 1);
  const data = claimsData(dir!) ?? calibrationData(dir!) ?? sweepData(dir!);
  const html = reportPage({ title: data.title, data, charts: chartScript(), css: REPORT_CSS });
  const out = join(dir!, REPORT_HTML);
  const bytes = writeAtomic(out, [html]);
  // What it wrote and where, on stdout: it is the command's result.
  print(
    `orgsim report: wrote ${displayPath(out)} (${formatBytes(bytes)}), the report "${data.title}": open it ` +
      `in a browser (self-contained, it works offline)`,
  );
  return 0;
}
