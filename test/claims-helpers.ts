/** Shared by the claims test files: run every arm of a claim at a size, with the same seed list, then test it. */
import { expect, it } from 'vitest';
import { readScenario } from '../cli/scenarios.ts';
import { seedList } from '../src/rng.ts';
import { runEnsemble } from '../workers/pool.ts';
import { atSize } from '../src/scenario/scale.ts';
import {
  CLAIMS,
  claimMeasures,
  claimVerdict,
  evaluateMeasures,
  inScope,
  outOfScopeWords,
  unreproduced,
} from '../src/claims.ts';
import { readFileSync } from 'node:fs';
import { claimPlan, claimStepResult, parseStory, STORY_CLAIM_EMPLOYEES } from '../src/story.ts';
import { scenarioFiles } from '../cli/scenarios.ts';

/** The shipped story's step for a claim (story mode runs the claims at STORY_CLAIM_EMPLOYEES). */
function storyStep(id: string) {
  const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
  const story = parseStory(
    readFileSync(new URL('../scenarios/stories/claims.json', import.meta.url), 'utf8'),
    'claims.json',
    (x) => ids.includes(x),
    ids,
  );
  return story.steps.find((s) => s.claim === id);
}

/**
 * Replications per arm: at least 20; a small organization is noisier (a few communities, one SMM), so it gets
 * more for the same power (runs of 200 employees are cheap).
 */
export const replications = (employees: number): number => (employees <= 500 ? 60 : 20);

/** A scenario of scenarios/ by name, read as the command line reads it (extends resolved from files). */
export function loadNamed(name: string) {
  return readScenario(name).scenario;
}

/**
 * The claim at an organization of `employees`, its arms scaled as `orgsim claims` scales them. Inside the
 * claim's scope every comparison must pass its test; outside it (a size where the mechanisms say it stops
 * holding: Claim.scope), the claim must not hold there, so that a change that makes it hold again is seen.
 */
export function claimTest(id: string, employees: number): void {
  const claim = CLAIMS.find((c) => c.id === id)!;
  const expected = inScope(claim, employees);
  it(`${id} at ${employees.toLocaleString('en-US')} employees: \
${expected ? '' : 'does not hold (its scope starts higher): '}${claim.text}`, {
    timeout: 1_800_000,
  }, async () => {
    const seeds = seedList(2026, replications(employees));
    const measures: Record<string, number[][]> = {};
    // On the process's worker threads, as orgsim claims runs them (the same numbers whatever the threads): there
    // the model runs as Node loads it, three times faster than inside the test runner's module transform.
    for (const arm of claim.arms) {
      const scenario = atSize(loadNamed(arm), employees);
      measures[arm] = (await runEnsemble(scenario, seeds, { workers: 2 })).map((run) => claimMeasures(claim, run));
    }
    const results = evaluateMeasures(claim, measures);
    for (const r of results) console.log(`${id} @${employees} ${r.passed ? 'PASS' : 'FAIL'} ${r.verdict}`);
    // At the story's size these are the story step's runs (same arms, seeds, measures): it says this verdict.
    const step = storyStep(id);
    if (step && employees === STORY_CLAIM_EMPLOYEES) {
      const plan = claimPlan(step)!;
      expect(plan.employees).toBe(employees);
      expect(plan.seeds).toEqual(seeds);
      expect(
        claimStepResult(
          step,
          claim,
          step.arms.map((a) => measures[a.scenario]!),
        ).words,
      ).toBe(claimVerdict(results).words);
    }
    // A comparison the model does not reproduce must not pass (Claim.unreproduced): a change that makes it pass is
    // seen.
    if (expected)
      for (const r of results)
        expect(
          r.passed,
          `${r.verdict}${unreproduced(claim, r.label, employees) ? ' (documented as not reproduced)' : ''}`,
        ).toBe(!unreproduced(claim, r.label, employees));
    else
      expect(
        results.every((r) => r.passed),
        `${id} holds at ${employees} employees, ${outOfScopeWords(claim, employees)}`,
      ).toBe(false);
  });
}
