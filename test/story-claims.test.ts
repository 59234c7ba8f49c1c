/**
 * A story step that names a claim says what `orgsim claims` says of it (issue 21, item 2): the same arms at the
 * same size, the same seeds, the same measures and test, the same verdict. The story's side runs as the page
 * runs it: its arms from the scenario worker's code (workers/scenario-api.ts), each run through the simulation
 * worker's code (workers/api.ts runClaim), the verdict from src/story.ts; the command line's side is
 * `orgsim claims` itself, in a child process. Same seeds, same verdict, word for word and number for number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimPlan, claimStepResult, parseStory, type StoryStep } from '../src/story.ts';
import { CLAIM_RUNS, CLAIM_SEED, CLAIMS } from '../src/claims.ts';
import { claimArm } from '../src/claim-arms.ts';
import { readScenario, scenarioFiles } from '../cli/scenarios.ts';
import { seedList } from '../src/rng.ts';
import { scenarioApi } from '../workers/scenario-api.ts';
import { api } from '../workers/api.ts';
import { metricById } from '../src/compare/metrics.ts';
import { reduceWindow } from '../src/compare/summary.ts';
import { runScenario } from '../src/run.ts';
import { atSize } from '../src/scenario/scale.ts';
import { spawnCli } from './sweep-helpers.ts';

const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
const text = readFileSync(new URL('../scenarios/stories/claims.json', import.meta.url), 'utf8');
const story = parseStory(text, 'claims.json', (id) => ids.includes(id), ids);

/** The page's arms for a claim step: the scenario worker's answer. */
function pageArms(id: string, employees: number) {
  const r = scenarioApi.claimArms(id, employees);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** A step as the page runs it, at another size or with fewer runs (the same code, cheaper). */
function storySays(step: StoryStep, employees: number, runs: number) {
  const plan = claimPlan({ ...step, employees, runs })!;
  const arms = pageArms(plan.claim.id, employees);
  const measures = step.arms.map((a) => {
    const scenario = arms[plan.claim.arms.indexOf(a.scenario)]!;
    return plan.seeds.map((seed) => api.runClaim(plan.claim.id, scenario, seed, [step.measure.metric]).measures);
  });
  return claimStepResult({ ...step, employees, runs }, plan.claim, measures);
}

/** What `orgsim claims` prints of each claim: its verdict line and its comparisons' lines. */
function cliSays(stdout: string): Map<string, { words: string; lines: string[] }> {
  const out = new Map<string, { words: string; lines: string[] }>();
  let current: { words: string; lines: string[] } | undefined;
  for (const line of stdout.split('\n')) {
    const head = /^(C\d+): /.exec(line);
    if (head) out.set(head[1]!, (current = { words: '', lines: [] }));
    const verdict = /^\s+[\d,]+ employees: (.*?)(?: \((?:below|above) its scope.*)?$/.exec(line);
    if (verdict && current) current.words = verdict[1]!;
    else if (/^\s+(pass|FAIL|\s\s\?\s)\s\s/.test(line) && current) current.lines.push(line.trim());
  }
  return out;
}

const claimSteps = story.steps.filter((s) => s.claim);

describe('a story step runs its claim as orgsim claims does', () => {
  it("every claim step: the claim's arms at its size, CLAIM_RUNS replications on the claims' seeds (orgsim \
claims' defaults)", () => {
    expect(claimSteps.map((s) => s.claim)).toEqual(CLAIMS.map((c) => c.id));
    for (const step of claimSteps) {
      const plan = claimPlan(step)!;
      expect(plan.runs, step.claim).toBe(CLAIM_RUNS);
      expect(plan.seeds, step.claim).toEqual(seedList(CLAIM_SEED, CLAIM_RUNS));
      // Every claim is inside its scope at the story's size (Claim.scope): the story shows it where it is claimed.
      expect(plan.claim.scope?.from ?? 0, step.claim).toBeLessThanOrEqual(plan.employees);
      // The page's arms are the command line's, field for field.
      const cli = plan.claim.arms.map((a) => claimArm(readScenario(a).scenario, plan.employees));
      expect(pageArms(plan.claim.id, plan.employees), step.claim).toEqual(cli);
    }
  });

  it("each step's chart shows the measure of the claim's first comparison, over the same window", () => {
    for (const step of claimSteps) {
      const plan = claimPlan(step)!;
      // A short, small run is enough to compare the two ways of measuring it.
      const scenario = {
        ...atSize(readScenario(plan.claim.arms[0]!).scenario, 100),
        ticks: Math.max(160, step.measure.to ?? 0),
      };
      const run = runScenario(scenario, 7);
      const m = step.measure;
      const chart = reduceWindow(metricById(m.metric).compute(run), m.from, m.to ?? run.ticks, m.reduce);
      const claim = plan.claim.comparisons[0]!.measure(run);
      expect(chart, `${step.claim}: ${m.metric}`).toBeCloseTo(claim, 9);
    }
  });

  it('says the verdict orgsim claims says, on the same seeds: every claim at 200 employees with 4 runs (where most are \
inconclusive)', {
    timeout: 600_000,
  }, async () => {
    const r = await spawnCli(['claims', '--sizes', '200', '--runs', '4', '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const cli = cliSays(r.stdout);
    const words = new Set<string>();
    for (const step of claimSteps) {
      const said = storySays(step, 200, 4);
      const c = cli.get(step.claim!)!;
      // The command line shouts a claim that does not hold (DOES NOT HOLD); the words are the same.
      expect(said.words, step.claim).toBe(c.words.toLowerCase());
      words.add(said.words.replace(/\d+/g, 'N'));
      said.results.forEach((res, k) => expect(c.lines[k], step.claim).toContain(res.verdict));
    }
    // The run shows more than one kind of verdict (so that agreeing means something).
    expect(words.size).toBeGreaterThan(1);
  });

  it("says the verdict orgsim claims says at the story's size, for the two steps that contradicted it (C3, C5)", {
    timeout: 600_000,
  }, async () => {
    const runs = 3;
    const r = await spawnCli(['claims', 'C3', 'C5', '--sizes', '2000', '--runs', String(runs), '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const cli = cliSays(r.stdout);
    for (const id of ['C3', 'C5']) {
      const step = claimSteps.find((s) => s.claim === id)!;
      const said = storySays(step, claimPlan(step)!.employees, runs);
      expect(said.words, id).toBe(cli.get(id)!.words);
      said.results.forEach((res, k) => expect(cli.get(id)!.lines[k], id).toContain(res.verdict));
    }
  });
});
