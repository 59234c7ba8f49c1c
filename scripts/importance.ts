/**
 * `npm run importance`: which parameters matter, for the page's panel. A Morris screening of the baseline
 * (`orgsim sensitivity baseline --method morris`) over every numeric parameter of the schema, each within
 * half and one and a half times its baseline value (inside the schema's bounds), then viz/importance.json:
 * per parameter, mu* of each outcome divided by the largest mu* of that outcome, and a rank (high: the top
 * 15% on some outcome; medium: the next 25%; low: the rest). Small on purpose (4 trajectories, 2 runs per
 * point: about 4 minutes on 2 cores): it screens, it does not measure; with so few runs, parameters that do
 * nothing can still show small effects through the random draws they shift. Rerun it after the model changes.
 *   npm run importance [-- --samples 4 --runs 2 --workers 2 --out DIR]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { parameterList } from '../src/scenario/paths.ts';
import { getPath } from '../src/scenario/access.ts';
import { readScenario } from '../cli/scenarios.ts';

export const IMPORTANCE_FILE = new URL('../viz/importance.json', import.meta.url);
const OUTCOMES = ['midActivity', 'longValue', 'valuePerCost'] as const;

/** A range around the baseline value, inside the schema's bounds; undefined if there is no room to vary. */
export function rangeAround(v: number, min: number, max: number, integer: boolean): [number, number] | undefined {
  let lo = v === 0 ? min : Math.min(v * 0.5, v * 1.5);
  let hi = v === 0 ? min + Math.min(1, (max - min) * 0.1) : Math.max(v * 0.5, v * 1.5);
  if (integer) {
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
    if (hi === lo) hi = lo + 1;
  }
  lo = Math.max(min, lo);
  hi = Math.min(max, hi);
  return hi > lo ? [lo, hi] : undefined;
}

export type Rank = 'high' | 'medium' | 'low';

export interface Importance {
  method: string;
  scenario: string;
  samples: number;
  /** Replications per point (common seeds): the mean over them is the model's value there. */
  runs: number;
  command: string;
  outcomes: readonly string[];
  /** Per parameter path: mu* of each outcome over the largest of that outcome (0 to 1), and the rank. */
  parameters: Record<string, { rank: Rank; relative: Record<string, number>; range: [number, number] }>;
}

/** Relative mu* and ranks from indices.csv rows (method,outcome,parameter,index,estimate,lo,hi). */
export function importanceFrom(csv: string, ranges: Record<string, [number, number]>): Importance['parameters'] {
  const muStar = new Map<string, Record<string, number>>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [, outcome, parameter, index, estimate] = line.split(',');
    if (index !== 'mu_star' || !parameter || !outcome) continue;
    const row = muStar.get(parameter) ?? {};
    row[outcome] = Math.abs(Number(estimate));
    muStar.set(parameter, row);
  }
  const largest = Object.fromEntries(
    OUTCOMES.map((o) => [o, Math.max(1e-300, ...[...muStar.values()].map((r) => r[o] ?? 0))]),
  );
  const score = new Map([...muStar].map(([p, r]) => [p, Math.max(...OUTCOMES.map((o) => (r[o] ?? 0) / largest[o]!))]));
  const order = [...score].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const out: Importance['parameters'] = {};
  order.forEach((p, k) => {
    const rank: Rank =
      k < Math.ceil(order.length * 0.15) ? 'high' : k < Math.ceil(order.length * 0.4) ? 'medium' : 'low';
    const relative = Object.fromEntries(
      OUTCOMES.map((o) => [o, Number(((muStar.get(p)![o] ?? 0) / largest[o]!).toPrecision(3))]),
    );
    out[p] = { rank, relative, range: ranges[p]! };
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      samples: { type: 'string', default: '4' },
      runs: { type: 'string', default: '2' },
      workers: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const base = readScenario('baseline').scenario;
  const ranges: Record<string, [number, number]> = {};
  for (const p of parameterList()) {
    if ((p.type !== 'number' && p.type !== 'integer') || p.path === 'seed' || p.path === 'ticks') continue;
    const r = rangeAround(
      getPath(base, p.path) as number,
      p.minimum ?? -Infinity,
      p.maximum ?? Infinity,
      p.type === 'integer',
    );
    if (r) ranges[p.path] = r;
  }
  const out = values.out ?? mkdtempSync(join(tmpdir(), 'orgsim-importance-'));
  const args = [
    'sensitivity',
    'baseline',
    '--method',
    'morris',
    '--samples',
    values.samples!,
    '--runs',
    values.runs!,
    '--levels',
    '4',
    '--bootstrap',
    '0',
    '--out',
    out,
    ...(values.workers ? ['--workers', values.workers] : []),
    ...Object.entries(ranges).flatMap(([p, [lo, hi]]) => ['--param', `${p}=${lo}:${hi}`]),
  ];
  process.stderr.write(
    `Morris screening of the baseline over ${Object.keys(ranges).length} parameters, ${values.samples} ` +
      `trajectories, ${values.runs} runs per point ` +
      `(${Number(values.samples) * Number(values.runs) * (Object.keys(ranges).length + 1)} runs)...\n`,
  );
  execFileSync(process.execPath, ['bin/orgsim.mjs', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  const importance: Importance = {
    method: 'morris',
    scenario: 'baseline',
    samples: Number(values.samples),
    runs: Number(values.runs),
    command:
      `orgsim sensitivity baseline --method morris --samples ${values.samples} --runs ${values.runs} --levels ` +
      `4 --param <each numeric parameter>=<half>:<one and a half times its baseline value>`,
    outcomes: OUTCOMES,
    parameters: importanceFrom(readFileSync(join(out, 'indices.csv'), 'utf8'), ranges),
  };
  writeFileSync(IMPORTANCE_FILE, `${JSON.stringify(importance, null, 1)}\n`);
  if (!values.out) rmSync(out, { recursive: true, force: true });
  const n = Object.values(importance.parameters);
  process.stdout.write(
    `viz/importance.json: ${n.length} parameters, ${n.filter((x) => x.rank === 'high').length} high, ` +
      `${n.filter((x) => x.rank === 'medium').length} medium\n`,
  );
}
