/**
 * Measuring the catalogue of src/patterns.ts: every arm its rows read, scaled to a size, run once per seed on
 * the worker threads (arms that come out identical are run once), each run reduced at once to the numbers the
 * rows read, then each row tested. `orgsim claims --patterns` and test/patterns.test.ts both measure with it.
 */
import {
  evaluatePattern,
  measuredRows,
  PATTERN_ARMS,
  rowArms,
  rowValues,
  armNeedsAgents,
  type ArmName,
  type MeasuredRow,
  type PatternResult,
} from '../src/patterns.ts';
import { seedList } from '../src/rng.ts';
import { setPath } from '../src/scenario/access.ts';
import { validate } from '../src/scenario/load.ts';
import { atSize } from '../src/scenario/scale.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { runJobs } from '../workers/pool.ts';
import { readScenario } from './scenarios.ts';

export interface PatternPlanOptions {
  employees: number;
  runs: number;
  /** Master seed of the seed list (the claims' 2026 by default). */
  seed?: number;
  /** --set path=value overrides, applied to every arm's scenario before it is scaled. */
  sets?: readonly string[];
  rows?: readonly MeasuredRow[];
}

/** One organization to run: the arms that come out as this same scenario. */
export interface PlannedArm {
  arms: ArmName[];
  scenario: Scenario;
  agents: boolean;
}

/** An arm of the catalogue at a size: its shipped scenario scaled with atSize, then its levers set. */
export function armScenario(arm: ArmName, employees: number, sets: readonly string[] = []): Scenario {
  const def = PATTERN_ARMS[arm];
  const scaled = atSize(readScenario(def.scenario, [...sets]).scenario, employees) as unknown as Record<
    string,
    unknown
  >;
  for (const [path, value] of Object.entries(def.set)) setPath(scaled, path, value);
  return validate(scaled, `arm ${arm} (${def.scenario})`);
}

/** What makes two arms the same run: the scenario but its name and description. */
function runKey(s: Scenario): string {
  const { name: _n, description: _d, ...rest } = s;
  return JSON.stringify(rest);
}

/** The distinct organizations the rows need, in the order of their first arm. */
export function planPatterns(opts: PatternPlanOptions): PlannedArm[] {
  const rows = opts.rows ?? measuredRows();
  const arms = [...new Set(rows.flatMap(rowArms))];
  const byKey = new Map<string, PlannedArm>();
  for (const arm of arms) {
    const scenario = armScenario(arm, opts.employees, opts.sets);
    const key = runKey(scenario);
    const planned = byKey.get(key);
    if (planned) planned.arms.push(arm);
    else byKey.set(key, { arms: [arm], scenario, agents: false });
  }
  const planned = [...byKey.values()];
  for (const p of planned) p.agents = p.arms.some((a) => armNeedsAgents(a, [...rows]));
  return planned;
}

export interface PatternRunOptions extends PatternPlanOptions {
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every measured row's result at one size (in the rows' order), or null when the signal stopped the runs. Run
 * i of every arm has seed i of seedList(seed, runs): common random numbers, as in the claims.
 */
export async function measurePatterns(opts: PatternRunOptions): Promise<PatternResult[] | null> {
  const rows = opts.rows ?? measuredRows();
  const planned = planPatterns(opts);
  const seeds = seedList(opts.seed ?? 2026, opts.runs);
  // values[row][arm][seed][test][side]
  const values = rows.map(() => ({}) as Partial<Record<ArmName, number[][][]>>);
  const total = planned.length * seeds.length;
  let done = 0;
  const finished = await runJobs(
    total,
    (k) => {
      const p = planned[Math.floor(k / seeds.length)]!;
      return { scenario: p.scenario, seed: seeds[k % seeds.length]!, agents: p.agents };
    },
    {
      workers: opts.workers,
      signal: opts.signal,
      onResult: (k, run) => {
        const p = planned[Math.floor(k / seeds.length)]!;
        const i = k % seeds.length;
        rows.forEach((row, r) => {
          for (const arm of p.arms) {
            if (!rowArms(row).includes(arm)) continue;
            (values[r]![arm] ??= new Array<number[][]>(seeds.length))[i] = rowValues(row, arm, run);
          }
        });
        opts.onProgress?.(++done, total);
      },
    },
  );
  if (finished < total) return null;
  return rows.map((row, r) => evaluatePattern(row, values[r]!));
}
