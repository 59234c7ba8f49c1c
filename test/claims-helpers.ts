/** Shared by the claims test files: run every arm of a claim at a size, with the same seed list, then test it. */
import { expect, it } from 'vitest';
import { readScenario } from '../src/cli/scenarios.ts';
import { seedList } from '../src/rng.ts';
import { runScenario } from '../src/run.ts';
import { atSize } from '../src/scenario/scale.ts';
import { CLAIMS, claimMeasures, evaluateMeasures } from '../src/claims.ts';

/**
 * Replications per arm: at least 20; a small organization is noisier (a few communities, one SMM), so it gets
 * more for the same power (runs of 200 employees are cheap).
 */
export const replications = (employees: number): number => (employees <= 500 ? 60 : 20);

/** A scenario of scenarios/ by name, read as the command line reads it (extends resolved from files). */
export function loadNamed(name: string) {
  return readScenario(name).scenario;
}

/** The claim at an organization of `employees`, its arms scaled as `orgsim claims` scales them. */
export function claimTest(id: string, employees: number): void {
  const claim = CLAIMS.find((c) => c.id === id)!;
  it(`${id} at ${employees.toLocaleString('en-US')} employees: ${claim.text}`, () => {
    const seeds = seedList(2026, replications(employees));
    const measures: Record<string, number[][]> = {};
    for (const arm of claim.arms) {
      const scenario = atSize(loadNamed(arm), employees);
      measures[arm] = seeds.map((seed) => claimMeasures(claim, runScenario(scenario, seed)));
    }
    for (const r of evaluateMeasures(claim, measures)) {
      console.log(`${id} @${employees} ${r.passed ? 'PASS' : 'FAIL'} ${r.verdict}`);
      expect(r.passed, r.verdict).toBe(true);
    }
  });
}
