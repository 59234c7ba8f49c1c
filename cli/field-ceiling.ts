/**
 * The check that no shipped governance scenario takes a calibrated organization past the best published
 * networks: each shipped scenario, scaled to each size as the claims scale their arms (src/scenario/scale.ts),
 * run on common seeds, its monthly contributors over the last six months against 40% (KFC, SWOOP 2018).
 */
import { FIELD_STATISTICS, FIELD_WINDOW, ceilingRow, type CeilingRow } from '../src/claims-field.ts';
import { seedList } from '../src/rng.ts';
import { atSize } from '../src/scenario/scale.ts';
import { runMeasureJobs } from '../workers/pool.ts';
import { readScenario, scenarioFiles } from './scenarios.ts';

/** Every shipped scenario's name (the claims' shared base too: it is the organization they start from). */
export const shippedScenarios = (): string[] => scenarioFiles().map((f) => f.replace(/\.json$/, ''));

export async function ceilingCheck(
  names: readonly string[],
  sizes: readonly number[],
  runs: number,
  workers = 1,
  seed = 2026,
): Promise<CeilingRow[]> {
  const seeds = seedList(seed, runs);
  const cases = names.flatMap((name) =>
    sizes.map((employees) => ({ name, employees, scenario: atSize(readScenario(name).scenario, employees) })),
  );
  const requests = FIELD_STATISTICS.map((statistic) => ({ statistic, from: FIELD_WINDOW.from, to: FIELD_WINDOW.to }));
  const values: { contributors: number; posts: number }[][] = cases.map(() => []);
  await runMeasureJobs(
    cases.length * runs,
    (i) => ({ scenario: cases[Math.floor(i / runs)]!.scenario, seed: seeds[i % runs]!, requests }),
    {
      workers,
      onResult: (i, v) => {
        values[Math.floor(i / runs)]![i % runs] = { contributors: v[0]!, posts: v[1]! };
      },
    },
  );
  return cases.map((c, k) => ceilingRow(c.name, c.employees, values[k]!));
}
