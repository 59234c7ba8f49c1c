/**
 * A story: a guided tour for a workshop, as data. Each step quotes a seed sentence, names the scenarios to
 * compare (shipped ids, with optional changes), how many replications, and the measure whose difference
 * the chart highlights. A facilitator writes their own file; it is validated like a scenario (untrusted:
 * text only, never markup or code).
 */
import { z } from 'zod';
import { METRICS } from './compare/metrics.ts';
import { allowedText, parseJson } from './scenario/load.ts';
import { getPath } from './scenario/access.ts';
import { ScenarioError, shorten, show } from './scenario/errors.ts';
import {
  CLAIM_RUNS,
  CLAIM_SEED,
  CLAIMS,
  claimVerdict,
  evaluateMeasures,
  type Claim,
  type Comparison,
  type ComparisonResult,
} from './claims.ts';
import { seedList } from './rng.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const ArmSchema = z.strictObject({
  /** A shipped scenario's id (file name without .json). */
  scenario: text(100),
  /** How the step names it on the page ("CM with relays"). */
  label: text(80),
  /** Overrides, path=value separated by semicolons. */
  changes: z.string().max(1000).default(''),
});

const MeasureSchema = z.strictObject({
  metric: z.enum(METRICS.map((m) => m.id) as [string, ...string[]]),
  /** The window of working days the verdict looks at, [from, to); `to` defaults to the horizon. */
  from: z.number().int().min(0).default(0),
  to: z.number().int().min(1).optional(),
  /** The mean over the window, or the value on its last day (for cumulative measures). */
  reduce: z.enum(['mean', 'last']),
  /** How the verdict names it: "“B”: 23% less <noun> than “A”". */
  noun: text(120),
  /** Kept for older story files; verdicts no longer conjugate a verb on a scenario's name. */
  verb: text(40).default('yields'),
  /** Words for the direction, if "more" and "less" do not fit the noun: "a higher", "a lower". */
  more: text(40).optional(),
  less: text(40).optional(),
});

/**
 * How robust a step's claim is, when an audit has measured it: the share of plausible organizations in
 * which it holds (with its interval), the premise it rests on, and what makes it flip.
 */
const AuditSchema = z.strictObject({
  holds: z.number().min(0).max(1),
  lo: z.number().min(0).max(1),
  hi: z.number().min(0).max(1),
  premise: text(500),
  flips: z.array(text(300)).max(20).default([]),
  /** Holds in at least 80% of the organizations (filled by scripts/claims-audit-fill.ts). */
  robust: z.boolean().optional(),
  /**
   * The main comparison's effect in 90% of the organizations (5th to 95th percentile); `model`: value, no field
   * measure.
   */
  effect: z
    .strictObject({
      measure: text(300),
      kind: z.enum(['relative', 'log ratio']),
      lo: z.number().min(-1e6).max(1e6),
      hi: z.number().min(-1e6).max(1e6),
      model: z.boolean(),
    })
    .optional(),
});

/** A page of text only (the introduction, the closing words). */
const PageSchema = z.strictObject({
  title: text(160),
  text: text(4000),
});

const StepSchema = z.strictObject({
  title: text(160),
  /**
   * The claim of MODEL.md this step shows (C1...), if any. Such a step runs the claim as `orgsim claims` does:
   * its arms (the step's arms name them, to label them), at `employees`, with `runs` replications on the
   * claims' seeds, and says the claim's own verdict; `measure` is then only what its chart shows.
   */
  claim: z.string().max(20).optional(),
  /** A claim step's organization size (its arms scaled as `orgsim claims --sizes` scales them). */
  employees: z.number().int().min(50).max(200_000).optional(),
  /** The seed sentence, quoted as is. */
  quote: text(1000),
  /** Where the quote comes from. */
  source: text(200),
  narration: z.string().max(2000).default(''),
  arms: z.array(ArmSchema).min(2).max(6),
  /** Replications of each scenario: CLAIM_RUNS for a claim step, else 10, unless given. */
  runs: z.number().int().min(2).max(200).optional(),
  measure: MeasureSchema,
  audit: AuditSchema.optional(),
});

export const StorySchema = z.strictObject({
  title: text(160),
  /** Shown before the first step: what the room is about to see. */
  introduction: PageSchema.optional(),
  steps: z.array(StepSchema).min(1).max(100),
  /** Shown after the last step, with every step's result. */
  closing: PageSchema.optional(),
});

export type Story = z.infer<typeof StorySchema>;
export type StoryStep = Story['steps'][number];

/** The size a claim step runs at when it does not say: every claim's scope includes it (Claim.scope). */
export const STORY_CLAIM_EMPLOYEES = 2000;
/** Replications of a step that names no claim, when it does not say. */
export const STORY_RUNS = 10;

/** How many replications of each scenario a step runs. */
export const stepRuns = (step: StoryStep): number => step.runs ?? (step.claim ? CLAIM_RUNS : STORY_RUNS);

/** What a step that names a claim runs: `orgsim claims <id> --sizes <employees> --runs <runs>` (its default seed). */
export interface ClaimPlan {
  claim: Claim;
  employees: number;
  runs: number;
  seed: number;
  /** seeds[i] is replication i of every arm. */
  seeds: number[];
}

export function claimPlan(step: StoryStep): ClaimPlan | undefined {
  const claim = CLAIMS.find((c) => c.id === step.claim);
  if (!claim) return undefined;
  const runs = stepRuns(step);
  return {
    claim,
    employees: step.employees ?? STORY_CLAIM_EMPLOYEES,
    runs,
    seed: CLAIM_SEED,
    seeds: seedList(CLAIM_SEED, runs),
  };
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '\u2212' : ''}${Math.abs(x * 100).toFixed(0)}%`;
const short = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How much more (or less) in plain words: "2.1 times as much", "37% more", "12% less". */
function howMuch(rel: number, than: string): string {
  if (rel >= 1) return `${(1 + rel).toFixed(1)} times as much as ${than}`;
  return `${Math.abs(rel * 100).toFixed(0)}% ${rel >= 0 ? 'more' : 'less'} than ${than}`;
}

/** One comparison of a claim, in the step's words (its arms by their labels on the page). */
export function comparisonWords(c: Comparison, r: ComparisonResult, name: (arm: string) => string): string {
  const range =
    c.kind === 'paired' ? `between ${short(r.lo)} and ${short(r.hi)}` : `between ${signed(r.lo)} and ${signed(r.hi)}`;
  if (c.kind === 'higher')
    return `${cap(c.label)}: “${name(c.higher)}” ${howMuch(r.estimate, `“${name(c.lower)}”`)} (${range})`;
  if (c.kind === 'paired') return `${cap(c.label)}: ${short(r.estimate)} (${range}; above 0 means the claim's way)`;
  return (
    `${cap(c.label)}: “${name(c.other)}” ${signed(r.estimate)} from “${name(c.reference)}” (${range}; the ` +
    `claim allows \u00b1${(c.margin * 100).toFixed(0)}%)`
  );
}

/**
 * A claim step's verdict, said once: the claim's verdict as `orgsim claims` decides it (claimVerdict), and the
 * comparisons behind it, one line each.
 */
export function claimStepVerdict(
  step: StoryStep,
  claim: Claim,
  results: readonly ComparisonResult[],
): { headline: string; lines: string[] } {
  const v = claimVerdict(results);
  const label = (arm: string) => step.arms.find((a) => a.scenario === arm)?.label ?? arm;
  const runs = results[0]?.runs ?? 0;
  const size = (step.employees ?? STORY_CLAIM_EMPLOYEES).toLocaleString('en-US');
  const headline =
    v.outcome === 'holds'
      ? `The claim holds (${runs} runs of each scenario, ${size} employees).`
      : v.outcome === 'fails'
        ? `The claim does not hold (${runs} runs of each scenario, ${size} employees).`
        : `${cap(v.words)} (${size} employees).`;
  return { headline, lines: claim.comparisons.map((c, k) => comparisonWords(c, results[k]!, label)) };
}

/** steps.2.arms.0.scenario -> steps[2].arms[0].scenario */
const fieldName = (path: readonly PropertyKey[]) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');

/**
 * Parse and check a story. `scenarioExists` says whether a scenario id can be loaded (the page knows its
 * bundled scenarios, the CLI its folder). Throws a ScenarioError naming the field, the value and what is allowed.
 */
export function parseStory(
  textIn: string,
  source: string,
  scenarioExists: (id: string) => boolean,
  known: readonly string[] = [],
): Story {
  const raw = parseJson(textIn, source);
  const result = StorySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldName(issue.path);
    if (issue.code === 'unrecognized_keys')
      throw new ScenarioError(
        `${source}: unknown field "${shorten(`${field ? `${field}.` : ''}${issue.keys[0]}`)}"`,
        field,
      );
    const value = getPath(raw, issue.path.map(String).join('.'));
    throw new ScenarioError(
      `${source}: ${field || 'story'} = ${show(value)} is not allowed; expected ${allowedText(issue)}`,
      field,
    );
  }
  const story = result.data;
  story.steps.forEach((step, i) => {
    step.arms.forEach((arm, k) => {
      if (!scenarioExists(arm.scenario)) {
        const list = known.length ? `; shipped scenarios: ${known.join(', ')}` : '';
        throw new ScenarioError(
          `${source}: steps[${i}].arms[${k}].scenario = ${show(arm.scenario)} is not a shipped scenario${list}`,
          `steps[${i}].arms[${k}].scenario`,
        );
      }
    });
    if (step.claim !== undefined) checkClaimStep(step, i, source);
    else if (step.employees !== undefined)
      throw new ScenarioError(
        `${source}: steps[${i}].employees = ${step.employees} is not allowed without steps[${i}].claim; a ` +
          `step that names no claim sets organization.employees in its arms' changes`,
        `steps[${i}].employees`,
      );
    const a = step.audit;
    if (a && !(a.lo <= a.holds && a.holds <= a.hi))
      throw new ScenarioError(
        `${source}: steps[${i}].audit.holds = ${a.holds} is not allowed; expected a share between audit.lo ` +
          `(${a.lo}) and audit.hi (${a.hi})`,
        `steps[${i}].audit.holds`,
      );
    const m = step.measure;
    if (m.to !== undefined && m.to <= m.from)
      throw new ScenarioError(
        `${source}: steps[${i}].measure.to = ${m.to} is not allowed; expected a day after measure.from (${m.from})`,
        `steps[${i}].measure.to`,
      );
  });
  return story;
}

/** What a claim step says once its runs are in. */
export interface ClaimStepResult {
  /** The claim's comparisons, as evaluateMeasures gives them to `orgsim claims`. */
  results: ComparisonResult[];
  headline: string;
  lines: string[];
  /** claimVerdict's words: "holds", "does not hold", "inconclusive with 4 runs; about 23 needed". */
  words: string;
  /** The chart's bracket: the first comparison's arms (indices in the step's order) and its effect. */
  bracket?: { arms: [number, number]; label: string };
}

/**
 * A claim step's result from the claim's measures of its runs, measures[i][r] for the step's arm i and
 * replication r (each run's claimMeasures, computed where it ran): the claim's own test (evaluateMeasures) and
 * verdict (claimVerdict), as `orgsim claims` applies them to the same runs.
 */
export function claimStepResult(
  step: StoryStep,
  claim: Claim,
  measures: readonly (readonly number[])[][],
): ClaimStepResult {
  const byArm: Record<string, number[][]> = {};
  step.arms.forEach((a, i) => (byArm[a.scenario] = measures[i]!.map((m) => [...m])));
  const results = evaluateMeasures(claim, byArm);
  const first = claim.comparisons[0]!;
  const r = results[0]!;
  const idx = (arm: string) => step.arms.findIndex((a) => a.scenario === arm);
  const label = r.estimate >= 1 ? `${(1 + r.estimate).toFixed(1)}×` : signed(r.estimate);
  const bracket =
    first.kind === 'higher' ? { arms: [idx(first.lower), idx(first.higher)] as [number, number], label } : undefined;
  return { results, ...claimStepVerdict(step, claim, results), words: claimVerdict(results).words, bracket };
}

/** A step that names a claim runs the claim's arms, each once and unchanged: what `orgsim claims` measures. */
function checkClaimStep(step: StoryStep, i: number, source: string): void {
  const claim = CLAIMS.find((c) => c.id === step.claim);
  if (!claim)
    throw new ScenarioError(
      `${source}: steps[${i}].claim = ${show(step.claim)} is not allowed; expected one of ` +
        `${CLAIMS.map((c) => c.id).join(', ')}`,
      `steps[${i}].claim`,
    );
  step.arms.forEach((arm, k) => {
    if (!claim.arms.includes(arm.scenario))
      throw new ScenarioError(
        `${source}: steps[${i}].arms[${k}].scenario = ${show(arm.scenario)} is not allowed; claim ` +
          `${claim.id} compares ${claim.arms.join(', ')}`,
        `steps[${i}].arms[${k}].scenario`,
      );
    if (arm.changes.trim())
      throw new ScenarioError(
        `${source}: steps[${i}].arms[${k}].changes = ${show(arm.changes)} is not allowed in a step that ` +
          `names claim ${claim.id}: it runs the claim as orgsim claims does (set the size with ` +
          `steps[${i}].employees)`,
        `steps[${i}].arms[${k}].changes`,
      );
  });
  const missing = claim.arms.filter((a) => !step.arms.some((x) => x.scenario === a));
  if (missing.length || step.arms.length !== claim.arms.length)
    throw new ScenarioError(
      `${source}: steps[${i}].arms is not allowed; claim ${claim.id} compares ${claim.arms.join(', ')}, each ` +
        `once${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
      `steps[${i}].arms`,
    );
}
