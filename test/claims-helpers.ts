/** Shared by the claims test files: run every arm of a claim with the same seed list, then evaluate it. */
import { expect, it } from 'vitest';
import { readScenario } from '../src/cli/scenarios.ts';
import { seedList } from '../src/rng.ts';
import { runScenario, type RunOutput } from '../src/run.ts';
import { CLAIMS, evaluateClaim } from '../src/claims.ts';

/** Replications per arm: the issue asks for at least 20. */
export const REPLICATIONS = 20;

/** A scenario of scenarios/ by name, read as the command line reads it (extends resolved from files). */
export function loadNamed(name: string) {
  return readScenario(name).scenario;
}

export function claimTest(id: string): void {
  const claim = CLAIMS.find((c) => c.id === id)!;
  it(`${id}: ${claim.text}`, () => {
    const seeds = seedList(2026, REPLICATIONS);
    const runs: Record<string, RunOutput[]> = {};
    for (const arm of claim.arms) {
      const scenario = loadNamed(arm);
      runs[arm] = seeds.map((seed) => runScenario(scenario, seed));
    }
    for (const r of evaluateClaim(claim, runs)) {
      console.log(`${id} ${r.passed ? 'PASS' : 'FAIL'} ${r.verdict}`);
      expect(r.passed, r.verdict).toBe(true);
    }
  });
}
