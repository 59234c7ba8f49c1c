/**
 * The plan of `orgsim claims`: its settings, the claims and sizes named on the command line, and every run
 * (claim, phase, arm, seed) that the command hands out (./commands/claims.ts).
 */
import { CLAIMS, type Claim } from '../src/claims.ts';
import {
  auditDesign,
  auditParameters,
  premiseSteps,
  type AuditDesign,
  type AuditParameter,
} from '../src/claims-audit.ts';
import type { Posterior } from '../src/calibrate/posterior.ts';
import { seedList } from '../src/rng.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { show } from '../src/scenario/errors.ts';
import { usageError } from './args.ts';
import { readScenario } from './scenarios.ts';

export const DEFAULT_SIZES = [200, 2000, 20000];
export const MAX_EMPLOYEES = 200_000;

export interface Settings {
  claims: string[];
  /** --set path=value overrides, applied to every arm. */
  sets: string[];
  sizes: number[];
  runs: number;
  seed: number;
  audit: null | {
    points: number;
    runs: number;
    size: number;
    premiseSteps: number;
    /** The posterior the organizations are drawn from (--posterior), by its digest; null: --posterior none. */
    posterior: { file: string; sha256: string } | null;
  };
}

/**
 * One run of the plan: which claim, which part of it (a size, an ablation, a premise step, a hypercube point), which
 * arm and seed.
 */
export interface Job {
  claim: string;
  phase: 'size' | 'ablation' | 'premise' | 'point';
  index: number;
  arm: string;
  rep: number;
  seed: number;
  employees: number;
  set: Record<string, number | boolean | string>;
}

export interface ClaimPlan {
  claim: Claim;
  arms: Scenario[];
  params: AuditParameter[];
  design: AuditDesign;
  steps: Record<string, number>[];
}

export function parseSizes(text: string | undefined): number[] {
  if (text === undefined) return DEFAULT_SIZES;
  const parts = text.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  if (parts.some((s) => !/^\d+$/.test(s)) || sizes.some((n) => n < 50 || n > MAX_EMPLOYEES)) {
    throw usageError(
      'claims',
      `--sizes ${JSON.stringify(text)} is not allowed; expected employee counts from 50 to ` +
        `${MAX_EMPLOYEES.toLocaleString('en-US')} separated by commas, e.g. --sizes 200,2000`,
    );
  }
  const twice = sizes.find((n, i) => sizes.indexOf(n) !== i);
  if (twice !== undefined)
    throw usageError(
      'claims',
      `--sizes ${JSON.stringify(text)} is not allowed: ${twice} is given twice; name each size once`,
    );
  return sizes;
}

/**
 * The claims named, in the order named. A claim named twice (C1 C1, or c1 C1) is refused rather than run
 * once silently or twice into duplicate rows: the command line then says what the results hold.
 */
export function selectClaims(ids: string[]): Claim[] {
  if (ids.length === 0) return [...CLAIMS];
  const chosen: Claim[] = [];
  ids.forEach((id, k) => {
    const c = CLAIMS.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!c) throw usageError('claims', `unknown claim ${show(id)} (claims: ${CLAIMS.map((x) => x.id).join(', ')})`);
    const first = chosen.indexOf(c);
    if (first >= 0)
      throw usageError(
        'claims',
        `claim ${c.id} is named twice (${show(ids[first]!)} and ${show(id)}, arguments ${first + 1} and ` +
          `${k + 1}); name each claim once`,
      );
    chosen.push(c);
  });
  return chosen;
}

export function plan(settings: Settings, posterior: Posterior | null): { claims: ClaimPlan[]; jobs: Job[] } {
  const claims = settings.claims.map((id) => {
    const claim = CLAIMS.find((c) => c.id === id)!;
    const arms = claim.arms.map((a) => readScenario(a, settings.sets).scenario);
    const a = settings.audit;
    // What --set fixes stays fixed: the audit varies the rest.
    const fixed = new Set(settings.sets.map((x) => x.slice(0, x.indexOf('=')).trim()));
    const params = a ? auditParameters(claim, arms, posterior).filter((p) => !fixed.has(p.path)) : [];
    return {
      claim,
      arms,
      params,
      design: a ? auditDesign(params, a.points, settings.seed, claim.id, posterior) : { rows: [], particles: [] },
      steps: a ? premiseSteps(claim, arms[0]!, a.premiseSteps) : [],
    };
  });
  const seeds = seedList(settings.seed, Math.max(settings.runs, settings.audit?.runs ?? 0));
  const jobs: Job[] = [];
  const add = (c: ClaimPlan, phase: Job['phase'], index: number, reps: number, employees: number, set: Job['set']) => {
    for (const arm of c.claim.arms)
      for (let rep = 0; rep < reps; rep++)
        jobs.push({ claim: c.claim.id, phase, index, arm, rep, seed: seeds[rep]!, employees, set });
  };
  for (const c of claims) {
    settings.sizes.forEach((n, i) => add(c, 'size', i, settings.runs, n, {}));
    const a = settings.audit;
    if (!a) continue;
    // Ablation 0 is the claim as it is, at the audit's size: the reference of the others.
    const ablations = [
      {},
      ...(c.claim.premise && Object.keys(c.claim.premise.neutral).length ? [c.claim.premise.neutral] : []),
      ...c.claim.ablations.map((x) => x.set),
    ];
    ablations.forEach((set, i) => add(c, 'ablation', i, settings.runs, a.size, set));
    c.steps.forEach((set, i) => add(c, 'premise', i, a.runs, a.size, set));
    c.design.rows.forEach((row, i) =>
      add(c, 'point', i, a.runs, a.size, Object.fromEntries(c.params.map((p, j) => [p.path, row[j]!]))),
    );
  }
  return { claims, jobs };
}
