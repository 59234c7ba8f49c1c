/**
 * The claims of ../shared/MODEL.md as data: which scenarios each compares, what it measures and which
 * direction the seeds predict. The claims suite (test/claims.test.ts) runs each arm with replications
 * and applies a statistical test; the story mode can use the same list.
 */
import { SERIES_INDEX } from './metrics/series.ts';
import { seriesMean, seriesSum } from './metrics/outcomes.ts';
import type { RunOutput } from './run.ts';
import { ci95, mean, tQuantile, sd, welch } from './stats/index.ts';

/** [from, to) with negative bounds counted from the horizon. */
const span = (run: RunOutput, from: number, to: number): [number, number] => [from < 0 ? run.ticks + from : from, to < 0 ? run.ticks + to : to];

/** Sum of a series over [from, to) ticks; negative `from`/`to` count from the horizon. */
export function windowSum(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesSum(run.series, name, ...span(run, from, to));
}

export function windowMean(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesMean(run.series, name, ...span(run, from, to));
}

export type Measure = (run: RunOutput) => number;

/**
 * One testable prediction of a claim:
 * - `higher`: the measure is higher in arm `higher` than in arm `lower` (Welch 95% CI of the difference above 0);
 * - `paired`: a contrast computed from the runs of two arms with the same seed is positive (one-sample 95% CI
 *   above 0), e.g. a difference-in-differences between risk-averse and risk-tolerant members;
 * - `close`: arm `other` is within `margin` (relative) of arm `reference` (90% CI inside the margin: two
 *   one-sided tests at 5%).
 */
export type Comparison =
  | { kind: 'higher'; label: string; measure: Measure; lower: string; higher: string }
  | { kind: 'paired'; label: string; arms: [string, string]; contrast: (a: RunOutput, b: RunOutput) => number }
  | { kind: 'close'; label: string; measure: Measure; reference: string; other: string; margin: number };

export interface Claim {
  id: string;
  text: string;
  seedFile: string;
  seed: string;
  arms: string[];
  comparisons: Comparison[];
}

/** How much more the most risk-averse third takes part than the least risk-averse third. */
const riskGap: Measure = (r) => windowMean(r, 'active_riskAverse') - windowMean(r, 'active_riskTolerant');
const memberPosts: Measure = (r) => windowSum(r, 'posts_team') + windowSum(r, 'posts_open');
const longValue: Measure = (r) => r.series[SERIES_INDEX.valueCum!]![r.ticks - 1]!;

export const CLAIMS: readonly Claim[] = [
  {
    id: 'C1', seedFile: 'roles-in-online-social-spaces',
    text: 'A CM with a network of relays (SMMs, coached managers) yields more long-term value than deploying the tools with no governance',
    seed: 'he relies on an ecosystem of relays that is made of social media managers and managers',
    arms: ['c1-no-governance', 'c1-cm-relays'],
    comparisons: [{ kind: 'higher', label: 'long-term value (hours)', measure: longValue, lower: 'c1-no-governance', higher: 'c1-cm-relays' }],
  },
  {
    id: 'C2', seedFile: 'roles-in-online-social-spaces',
    text: "An SMM who competes with managers for their team's attention lowers team-group value and manager engagement",
    seed: 'social media managers must not compete with managers to get a group/team\u2019s attention',
    arms: ['c2-smm-respects-managers', 'c2-smm-competes'],
    comparisons: [
      { kind: 'higher', label: 'team-group value (hours)', measure: (r) => windowSum(r, 'value_team'), lower: 'c2-smm-competes', higher: 'c2-smm-respects-managers' },
      { kind: 'higher', label: 'manager engagement, second year', measure: (r) => windowMean(r, 'managerEngagement', -250), lower: 'c2-smm-competes', higher: 'c2-smm-respects-managers' },
    ],
  },
  {
    id: 'C3', seedFile: 'roles-in-online-social-spaces',
    text: 'An outsourced SMM without co-driving underperforms early; with co-driving he approaches an internal SMM after integration',
    seed: 'He can be externalized but, in this case, time will be needed to integrate him ... He will never be left alone without a co-driving period.',
    arms: ['c3-smm-internal', 'c3-smm-outsourced-alone', 'c3-smm-outsourced-codriving'],
    comparisons: [
      { kind: 'higher', label: 'open-community value, first 125 days', measure: (r) => windowSum(r, 'value_open', 0, 125), lower: 'c3-smm-outsourced-alone', higher: 'c3-smm-internal' },
      { kind: 'higher', label: 'open-community value, first 125 days', measure: (r) => windowSum(r, 'value_open', 0, 125), lower: 'c3-smm-outsourced-alone', higher: 'c3-smm-outsourced-codriving' },
      { kind: 'close', label: 'open-community value, last 125 days', measure: (r) => windowSum(r, 'value_open', -125), reference: 'c3-smm-internal', other: 'c3-smm-outsourced-codriving', margin: 0.2 },
    ],
  },
  {
    id: 'C4', seedFile: 'internal-vs-external-community-managers',
    text: 'An internal CM who speaks a lot produces an "intranet" pattern: a high share of posts by the CM, fewer member contributions, than a CM who enables others',
    seed: 'If your internal community manager speaks a lot, better put your money in an intranet than a social network',
    arms: ['c4-cm-enables', 'c4-cm-speaks'],
    comparisons: [
      { kind: 'higher', label: "CM's share of posts", measure: (r) => windowMean(r, 'cmShare'), lower: 'c4-cm-enables', higher: 'c4-cm-speaks' },
      { kind: 'higher', label: 'member contributions', measure: memberPosts, lower: 'c4-cm-speaks', higher: 'c4-cm-enables' },
    ],
  },
  {
    id: 'C5', seedFile: 'internal-vs-external-community-managers',
    text: 'An internal CM leading expert communities gets less participation than community owners coached by the CM',
    seed: 'thinking that an internal community manager can lead tens or hundreds of business communities makes no sense',
    arms: ['c5-owners-coached', 'c5-cm-leads-experts'],
    comparisons: [{ kind: 'higher', label: 'participation in expertise communities', measure: (r) => windowMean(r, 'active_expertise'), lower: 'c5-cm-leads-experts', higher: 'c5-owners-coached' }],
  },
  {
    id: 'C6', seedFile: 'roles-in-online-social-spaces',
    text: 'Clear rules, limits and purpose raise participation, most of all among risk-averse members',
    seed: 'he needs to know the rules, the limits to his autonomy, the purpose of each group he\u2019s in',
    arms: ['c6-unclear-rules', 'c6-clear-rules'],
    comparisons: [
      { kind: 'higher', label: 'participation of the most risk-averse third', measure: (r) => windowMean(r, 'active_riskAverse'), lower: 'c6-unclear-rules', higher: 'c6-clear-rules' },
      {
        kind: 'paired',
        label: 'rise in participation, most risk-averse third minus least risk-averse third',
        arms: ['c6-unclear-rules', 'c6-clear-rules'],
        contrast: (a, b) => riskGap(b) - riskGap(a),
      },
    ],
  },
  {
    id: 'C7', seedFile: 'roles-in-online-social-spaces',
    text: 'A visibility or "star" campaign does not raise, and can lower, the participation of risk-averse members',
    seed: 'he\u2019s not dreaming of becoming a star in the organization',
    arms: ['c7-no-campaign', 'c7-star-campaign'],
    comparisons: [{ kind: 'higher', label: 'participation of the most risk-averse third after the campaign starts', measure: (r) => windowMean(r, 'active_riskAverse', 100), lower: 'c7-star-campaign', higher: 'c7-no-campaign' }],
  },
  {
    id: 'C8', seedFile: 'roles-in-online-social-spaces',
    text: 'An outsourced CM underperforms an internal one',
    seed: 'He can\u2019t be outsourced or externalized.',
    arms: ['c8-cm-internal', 'c8-cm-outsourced'],
    comparisons: [{ kind: 'higher', label: 'long-term value (hours)', measure: longValue, lower: 'c8-cm-outsourced', higher: 'c8-cm-internal' }],
  },
  {
    id: 'C9', seedFile: 'internal-vs-external-community-managers',
    text: 'An external-style CM who keeps emceeing after moving to an internal role does worse than one who moves to the background',
    seed: 'On internal facing ones he\u2019ll often be one level higher, leaving emceeing to subject matter experts or managers.',
    arms: ['c9-emcee-moves-back', 'c9-emcee-keeps-speaking'],
    comparisons: [{ kind: 'higher', label: 'long-term value (hours)', measure: longValue, lower: 'c9-emcee-keeps-speaking', higher: 'c9-emcee-moves-back' }],
  },
  {
    id: 'C10', seedFile: 'roles-in-online-social-spaces',
    text: 'Social routines in team groups make interactions actionable: more value per contribution',
    seed: 'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly all interactions and contents actionable by default',
    arms: ['c10-no-routines', 'c10-routines'],
    comparisons: [{ kind: 'higher', label: 'team-group value per contribution (hours)', measure: (r) => windowSum(r, 'value_team') / Math.max(1, windowSum(r, 'posts_team')), lower: 'c10-no-routines', higher: 'c10-routines' }],
  },
];

export interface ComparisonResult {
  claim: string;
  label: string;
  passed: boolean;
  /** Plain-language result with the estimate and its interval. */
  verdict: string;
  estimate: number;
  lo: number;
  hi: number;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** Apply each comparison of a claim to replications of its arms (runs[arm][i] ran seed i in every arm). */
export function evaluateClaim(claim: Claim, runs: Record<string, RunOutput[]>): ComparisonResult[] {
  const arm = (name: string) => {
    const r = runs[name];
    if (!r || r.length < 2) throw new Error(`${claim.id}: arm ${name} needs at least 2 replications`);
    return r;
  };
  return claim.comparisons.map((c): ComparisonResult => {
    if (c.kind === 'higher') {
      const hi = arm(c.higher).map(c.measure);
      const lo = arm(c.lower).map(c.measure);
      const w = welch(hi, lo);
      const base = Math.abs(mean(lo)) || 1;
      return {
        claim: claim.id, label: c.label, passed: w.lo > 0, estimate: w.diff, lo: w.lo, hi: w.hi,
        verdict: `${c.label}: ${c.higher} ${num(mean(hi))} vs ${c.lower} ${num(mean(lo))}, difference ${pct(w.diff / base)} [${pct(w.lo / base)}, ${pct(w.hi / base)}] (Welch p = ${w.p.toPrecision(2)})`,
      };
    }
    if (c.kind === 'paired') {
      const a = arm(c.arms[0]);
      const b = arm(c.arms[1]);
      const d = a.map((run, i) => c.contrast(run, b[i]!));
      const ci = ci95(d);
      return {
        claim: claim.id, label: c.label, passed: ci.lo > 0, estimate: ci.mean, lo: ci.lo, hi: ci.hi,
        verdict: `${c.label}: ${num(ci.mean)} [${num(ci.lo)}, ${num(ci.hi)}] (paired over ${d.length} seeds)`,
      };
    }
    const ref = arm(c.reference).map(c.measure);
    const other = arm(c.other).map(c.measure);
    const base = mean(ref);
    // Paired on common seeds: each seed's difference, relative to the reference's mean.
    const rel = other.map((x, i) => (x - ref[i]!) / base);
    const m = mean(rel);
    const half = (tQuantile(0.95, rel.length - 1) * sd(rel)) / Math.sqrt(rel.length);
    const lo = m - half;
    const hi = m + half;
    return {
      claim: claim.id, label: c.label, passed: lo > -c.margin && hi < c.margin, estimate: m, lo, hi,
      verdict: `${c.label}: ${c.other} is ${pct(m)} [${pct(lo)}, ${pct(hi)}, 90% CI] of ${c.reference}; within ±${(c.margin * 100).toFixed(0)}%: ${lo > -c.margin && hi < c.margin ? 'yes' : 'no'}`,
    };
  });
}
