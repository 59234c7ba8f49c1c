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
  /** The main comparison's effect in 90% of the organizations (5th to 95th percentile); `model`: value, no field measure. */
  effect: z.strictObject({
    measure: text(300),
    kind: z.enum(['relative', 'log ratio']),
    lo: z.number().min(-1e6).max(1e6),
    hi: z.number().min(-1e6).max(1e6),
    model: z.boolean(),
  }).optional(),
});

/** A page of text only (the introduction, the closing words). */
const PageSchema = z.strictObject({
  title: text(160),
  text: text(4000),
});

const StepSchema = z.strictObject({
  title: text(160),
  /** The claim of MODEL.md this step shows (C1...), if any. */
  claim: z.string().max(20).optional(),
  /** The seed sentence, quoted as is. */
  quote: text(1000),
  /** Where the quote comes from. */
  source: text(200),
  narration: z.string().max(2000).default(''),
  arms: z.array(ArmSchema).min(2).max(6),
  runs: z.number().int().min(2).max(200).default(10),
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

/** steps.2.arms.0.scenario -> steps[2].arms[0].scenario */
const fieldName = (path: readonly PropertyKey[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');

/**
 * Parse and check a story. `scenarioExists` says whether a scenario id can be loaded (the page knows its
 * bundled scenarios, the CLI its folder). Throws a ScenarioError naming the field, the value and what is allowed.
 */
export function parseStory(textIn: string, source: string, scenarioExists: (id: string) => boolean, known: readonly string[] = []): Story {
  const raw = parseJson(textIn, source);
  const result = StorySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldName(issue.path);
    if (issue.code === 'unrecognized_keys') throw new ScenarioError(`${source}: unknown field "${shorten(`${field ? `${field}.` : ''}${issue.keys[0]}`)}"`, field);
    const value = getPath(raw, issue.path.map(String).join('.'));
    throw new ScenarioError(`${source}: ${field || 'story'} = ${show(value)} is not allowed; expected ${allowedText(issue)}`, field);
  }
  const story = result.data;
  story.steps.forEach((step, i) => {
    step.arms.forEach((arm, k) => {
      if (!scenarioExists(arm.scenario)) {
        const list = known.length ? `; shipped scenarios: ${known.join(', ')}` : '';
        throw new ScenarioError(`${source}: steps[${i}].arms[${k}].scenario = ${show(arm.scenario)} is not a shipped scenario${list}`, `steps[${i}].arms[${k}].scenario`);
      }
    });
    const a = step.audit;
    if (a && !(a.lo <= a.holds && a.holds <= a.hi)) throw new ScenarioError(`${source}: steps[${i}].audit.holds = ${a.holds} is not allowed; expected a share between audit.lo (${a.lo}) and audit.hi (${a.hi})`, `steps[${i}].audit.holds`);
    const m = step.measure;
    if (m.to !== undefined && m.to <= m.from) throw new ScenarioError(`${source}: steps[${i}].measure.to = ${m.to} is not allowed; expected a day after measure.from (${m.from})`, `steps[${i}].measure.to`);
  });
  return story;
}
