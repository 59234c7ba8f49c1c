/**
 * orgsim claims --patterns [R04 I12 ...] [--sizes N,...] [--runs R] [--seed S] [--set path=value] [--workers W]:
 * every statement of the essays (src/patterns.ts), one line each: a measured row with its status and effect at
 * each size, a claim's row pointing to its claim, the others with why they are not modelled. A measured status
 * that differs from the documented one is marked, so the catalogue can be re-measured in one pass.
 */
import {
  PATTERN_EMPLOYEES,
  PATTERN_RUNS,
  PATTERN_SEED,
  PATTERNS,
  testSides,
  type ClaimRow,
  type MeasuredRow,
  type PatternResult,
  type PatternRow,
  type PatternTest,
  type UnmodelledRow,
} from '../../src/patterns.ts';
import type { ComparisonResult } from '../../src/claims.ts';
import { CLAIMS } from '../../src/claims.ts';
import { count } from '../../src/format.ts';
import { show } from '../../src/scenario/errors.ts';
import { usageError, wholeNumber } from '../args.ts';
import { print, note } from '../io.ts';
import { EXIT_INTERRUPTED, interruptible } from '../interrupt.ts';
import { isLong, progressBar } from '../progress.ts';
import { measurePatterns, planPatterns } from '../patterns.ts';
import { workerCount } from '../ensemble.ts';

/** The claims options --patterns takes; the others (the audit's, --out, --shard) are refused with it. */
const WITH_PATTERNS = new Set(['patterns', 'sizes', 'runs', 'seed', 'set', 'workers', 'help']);
const MAX_EMPLOYEES = 200_000;

export interface PatternsValues {
  sizes?: string;
  runs?: string;
  seed?: string;
  workers?: string;
  set?: string[];
  [option: string]: unknown;
}

function parseSizes(text: string | undefined): number[] {
  if (text === undefined) return [PATTERN_EMPLOYEES];
  const parts = text.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  if (parts.some((s) => !/^\d+$/.test(s)) || sizes.some((n) => n < 50 || n > MAX_EMPLOYEES)) {
    throw usageError(
      'claims',
      `--sizes ${show(text)} is not allowed; expected employee counts from 50 to ${count(MAX_EMPLOYEES)} ` +
        `separated by commas, e.g. --sizes 200,2000`,
    );
  }
  return sizes;
}

function selectRows(ids: readonly string[]): PatternRow[] {
  if (ids.length === 0) return [...PATTERNS];
  return ids.map((id) => {
    const row = PATTERNS.find((p) => p.id.toLowerCase() === id.toLowerCase());
    if (!row)
      throw usageError(
        'claims',
        `unknown statement ${show(id)} with --patterns (statements: R01 to ` +
          `R${PATTERNS.filter((p) => p.id.startsWith('R')).length}, I01 to ` +
          `I${PATTERNS.filter((p) => p.id.startsWith('I')).length})`,
      );
    return row;
  });
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => `${x >= 0 ? '+' : ''}${Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3)}`;

/** One test's effect with its interval: relative for `higher` and `close`, a difference of the measure for `paired`. */
export function effectText(t: PatternTest, r: ComparisonResult): string {
  if (t.kind === 'paired') return `${t.label} ${num(r.estimate)} [${num(r.lo)}, ${num(r.hi)}]`;
  const [a, b] = testSides(t);
  if (t.kind === 'close')
    return (
      `${t.label}: ${b.label} vs ${a.label} ${pct(r.estimate)} [${pct(r.lo)}, ${pct(r.hi)}] (90% CI; within ` +
      `±${(t.margin * 100).toFixed(0)}%: ${r.passed ? 'yes' : 'no'})`
    );
  return `${t.label}: ${b.label} vs ${a.label} ${pct(r.estimate)} [${pct(r.lo)}, ${pct(r.hi)}]`;
}

const statusCell = (s: string) => s.padEnd(13);

/** The line of a row that is not measured here. */
function fixedLine(row: ClaimRow | UnmodelledRow): string {
  if (row.kind === 'claim')
    return (
      `${row.id}  ${statusCell(`claim ${row.claim}`)}  ${CLAIMS.find((c) => c.id === row.claim)?.text ?? ''} ` +
      `(orgsim claims ${row.claim})`
    );
  return `${row.id}  ${statusCell('not modelled')}  ${row.reason}`;
}

/** A measured row at one size; `compare` marks a status that differs from the documented one. */
function measuredLine(
  row: MeasuredRow,
  result: PatternResult,
  employees: number,
  sizes: number,
  compare: boolean,
): string {
  const at = sizes > 1 ? `${count(employees).padStart(7)} employees  ` : '';
  const differs = compare && result.status !== row.status ? ` (DOCUMENTED: ${row.status})` : '';
  const effects = row.tests.map((t, k) => effectText(t, result.results[k]!)).join('; ');
  return `${row.id}  ${at}${statusCell(result.status)}  ${effects}${differs}`;
}

export async function claimsPatterns(values: PatternsValues, given: string[]): Promise<number> {
  for (const [option, value] of Object.entries(values)) {
    if (value !== undefined && !WITH_PATTERNS.has(option))
      throw usageError('claims', `--${option} cannot be used with --patterns`);
  }
  const rows = selectRows(given);
  const sizes = parseSizes(values.sizes);
  const runs = wholeNumber('claims', 'runs', values.runs, 2, 10_000) ?? PATTERN_RUNS;
  const seed = wholeNumber('claims', 'seed', values.seed, 0, 2 ** 31 - 1) ?? PATTERN_SEED;
  const workers = workerCount('claims', values.workers);
  const sets = values.set ?? [];
  // The documented statuses were measured with these settings; with others a difference is not a change.
  const documented = runs === PATTERN_RUNS && seed === PATTERN_SEED && sets.length === 0;
  const measured = rows.filter((r): r is MeasuredRow => r.kind === 'measured');
  // Checked before anything runs: a bad --set names its field now, not after minutes of runs.
  const plans = sizes.map((employees) => planPatterns({ employees, runs, seed, sets, rows: measured }));
  const total = plans.reduce((n, p) => n + p.length * runs, 0);
  const bar = progressBar('statements', total, isLong(total, Math.max(...sizes), 500));
  const results: PatternResult[][] = [];
  let base = 0;
  let interrupted: NodeJS.Signals | null = null;
  try {
    for (const [i, employees] of sizes.entries()) {
      if (!measured.length) break;
      const out = await interruptible((signal) =>
        measurePatterns({
          employees,
          runs,
          seed,
          sets,
          rows: measured,
          workers,
          signal,
          onProgress: (done) => bar.update(base + done),
        }),
      );
      if (out.interrupted || !out.result) {
        interrupted = out.interrupted ?? 'SIGINT';
        break;
      }
      results.push(out.result);
      base += plans[i]!.length * runs;
    }
  } finally {
    bar.stop();
  }
  if (interrupted) {
    note(`orgsim: interrupted (${interrupted}): nothing was saved`);
    return EXIT_INTERRUPTED;
  }
  const lines: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'measured') {
      lines.push(fixedLine(row));
      continue;
    }
    const k = measured.indexOf(row);
    sizes.forEach((employees, i) =>
      lines.push(
        measuredLine(row, results[i]![k]!, employees, sizes.length, documented && employees === PATTERN_EMPLOYEES),
      ),
    );
  }
  const at = sizes.indexOf(PATTERN_EMPLOYEES);
  const differ = documented && at >= 0 ? measured.filter((row, k) => results[at]![k]!.status !== row.status) : [];
  const claimCount = rows.filter((r) => r.kind === 'claim').length;
  const holding = (i: number) => measured.filter((_, k) => results[i]![k]!.status === 'holds').length;
  lines.push('');
  lines.push(
    `${rows.length} statement${rows.length === 1 ? '' : 's'}: ${measured.length} measured on ${runs} paired ` +
      `runs per arm, ` +
      sizes.map((n, i) => `${holding(i)} holding at ${count(n)} employees`).join(', ') +
      `; ${claimCount} ${claimCount === 1 ? 'is a claim' : 'are claims'} (orgsim claims); ` +
      `${rows.filter((r) => r.kind === 'not modelled').length} not modelled`,
  );
  if (differ.length) {
    lines.push(
      `${differ.length} measured status${differ.length === 1 ? '' : 'es'} ` +
        `differ${differ.length === 1 ? 's' : ''} from the documented one ` +
        `(${differ.map((r) => r.id).join(', ')}): ` +
        'update `status` in src/patterns.ts, then run `npx tsx scripts/patterns-doc.ts`',
    );
  }
  print(lines.join('\n'));
  return 0;
}
