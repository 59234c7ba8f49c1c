/**
 * A claim's comparisons tested on replications (src/claims.ts: the claims as data): the paired intervals, the
 * outcome of each comparison, the replications an undecided one would need, and the verdict in words. The claims,
 * the pattern catalogue (src/patterns.ts), the story and the README table all decide here.
 */
import type { Claim, ComparisonShape } from './claims.ts';
import type { RunOutput } from './run.ts';
import { ci95, mean, tQuantile, sd } from './stats/index.ts';

/**
 * What one comparison's test says: `holds` (the interval lies on the predicted side), `fails` (it lies on the
 * other side: for `close`, wholly outside the margin), `inconclusive` (the interval straddles: the runs do not
 * decide either way).
 */
export type Outcome = 'holds' | 'fails' | 'inconclusive';

export interface ComparisonResult {
  claim: string;
  label: string;
  passed: boolean;
  outcome: Outcome;
  /** Replications (seeds) the test used. */
  runs: number;
  /**
   * When inconclusive with the estimate on the predicted side: about how many replications the test would need
   * to decide (80% power at the observed effect and spread); null otherwise.
   */
  needed: number | null;
  /** Plain-language result with the estimate and its interval. */
  verdict: string;
  estimate: number;
  lo: number;
  hi: number;
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** Beyond this many replications a power estimate says "more than". */
export const MAX_NEEDED = 10_000;

/**
 * The replications a one-sample t test needs to detect a mean `effect` with spread `sd` (per replication), at
 * two-sided level `alpha` with 80% power: the smallest n with |effect| >= (t(1 - alpha/2) + t(0.8)) sd / sqrt(n),
 * at n - 1 degrees of freedom; MAX_NEEDED + 1 beyond MAX_NEEDED.
 */
export function replicationsNeeded(effect: number, spread: number, alpha = 0.05): number {
  if (!(spread > 0)) return 2;
  if (!(Math.abs(effect) > 0)) return MAX_NEEDED + 1;
  const enough = (n: number) =>
    Math.abs(effect) >= ((tQuantile(1 - alpha / 2, n - 1) + tQuantile(0.8, n - 1)) * spread) / Math.sqrt(n);
  if (!enough(MAX_NEEDED)) return MAX_NEEDED + 1;
  let lo = 2;
  let hi = MAX_NEEDED;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The arms a comparison reads. */
export function comparisonArms(c: ComparisonShape): [string, string] {
  return c.kind === 'higher' ? [c.lower, c.higher] : c.kind === 'paired' ? c.arms : [c.reference, c.other];
}

/** The per-run value of each of a claim's comparisons (what a run of any arm contributes). */
export function claimMeasures(claim: Claim, run: RunOutput): number[] {
  return claim.comparisons.map((c) => c.measure(run));
}

/** holds / fails / inconclusive for an interval that must lie above 0, with the replications it would need. */
function aboveZero(
  ci: { mean: number; lo: number; hi: number; sd: number; n: number },
  strict: boolean,
): Pick<ComparisonResult, 'passed' | 'outcome' | 'needed'> {
  if (!strict) return { passed: ci.mean > 0, outcome: ci.mean > 0 ? 'holds' : 'fails', needed: null };
  const outcome: Outcome = ci.lo > 0 ? 'holds' : ci.hi < 0 ? 'fails' : 'inconclusive';
  return {
    passed: outcome === 'holds',
    outcome,
    needed: outcome === 'inconclusive' && ci.mean > 0 ? Math.max(ci.n + 1, replicationsNeeded(ci.mean, ci.sd)) : null,
  };
}

/**
 * A `close` comparison: the other arm's paired difference, relative to the reference's mean, with its 90%
 * interval inside the margin (two one-sided tests at 5%).
 */
function closeResult(
  claim: string,
  c: Extract<ComparisonShape, { kind: 'close' }>,
  ref: number[],
  other: number[],
  strict: boolean,
): ComparisonResult {
  const base = mean(ref);
  // Paired on common seeds: each seed's difference, relative to the reference's mean.
  const rel = other.map((x, i) => (x - ref[i]!) / base);
  const m = mean(rel);
  const s = sd(rel);
  const half = (tQuantile(0.95, rel.length - 1) * s) / Math.sqrt(rel.length);
  const lo = m - half;
  const hi = m + half;
  const within = strict ? lo > -c.margin && hi < c.margin : Math.abs(m) < c.margin;
  // Two one-sided tests at 5%: it fails when the 90% interval lies wholly outside the margin.
  const outcome: Outcome = within
    ? 'holds'
    : strict && (lo >= c.margin || hi <= -c.margin)
      ? 'fails'
      : strict
        ? 'inconclusive'
        : 'fails';
  // The distance to the nearer bound of the margin is the effect a one-sided test at 5% must resolve.
  const needed =
    outcome === 'inconclusive' && Math.abs(m) < c.margin
      ? Math.max(rel.length + 1, replicationsNeeded(c.margin - Math.abs(m), s, 0.1))
      : null;
  return {
    claim,
    label: c.label,
    passed: within,
    outcome,
    runs: rel.length,
    needed,
    estimate: m,
    lo,
    hi,
    verdict:
      `${c.label}: ${c.other} is ${pct(m)} [${pct(lo)}, ${pct(hi)}, 90% CI] of ${c.reference}; within ` +
      `±${(c.margin * 100).toFixed(0)}%: ${within ? 'yes' : 'no'}`,
  };
}

/**
 * Apply each comparison of a claim to per-run measures: measures[arm][i] is claimMeasures of the run of seed i
 * (the same seeds in every arm). `strict` false only asks the estimate to point the predicted way (used where
 * a few replications per point cannot give a test its power: the robustness audit).
 */
export function evaluateMeasures(
  claim: { id: string; comparisons: readonly ComparisonShape[] },
  measures: Record<string, number[][]>,
  strict = true,
): ComparisonResult[] {
  const arm = (name: string, k: number) => {
    const r = measures[name];
    if (!r || r.length < 2) throw new Error(`${claim.id}: arm ${name} needs at least 2 replications`);
    return r.map((m) => m[k]!);
  };
  return claim.comparisons.map((c, k): ComparisonResult => {
    if (c.kind === 'higher') {
      // Paired on the common seeds: run i of both arms shares its organization and streams.
      const hi = arm(c.higher, k);
      const lo = arm(c.lower, k);
      const ci = ci95(hi.map((x, i) => x - lo[i]!));
      const base = Math.abs(mean(lo)) || 1;
      return {
        claim: claim.id,
        label: c.label,
        ...aboveZero(ci, strict),
        runs: hi.length,
        estimate: ci.mean / base,
        lo: ci.lo / base,
        hi: ci.hi / base,
        verdict:
          `${c.label}: ${c.higher} ${num(mean(hi))} vs ${c.lower} ${num(mean(lo))}, difference ` +
          `${pct(ci.mean / base)} [${pct(ci.lo / base)}, ${pct(ci.hi / base)}] (paired over ${hi.length} seeds)`,
      };
    }
    if (c.kind === 'paired') {
      const a = arm(c.arms[0], k);
      const b = arm(c.arms[1], k);
      const d = a.map((x, i) => b[i]! - x);
      const ci = ci95(d);
      return {
        claim: claim.id,
        label: c.label,
        ...aboveZero(ci, strict),
        runs: d.length,
        estimate: ci.mean,
        lo: ci.lo,
        hi: ci.hi,
        verdict: `${c.label}: ${num(ci.mean)} [${num(ci.lo)}, ${num(ci.hi)}] (paired over ${d.length} seeds)`,
      };
    }
    return closeResult(claim.id, c, arm(c.reference, k), arm(c.other, k), strict);
  });
}

/** A claim's verdict from its comparisons: what `orgsim claims`, its report and a story step say. */
export interface ClaimVerdict {
  outcome: Outcome;
  /** "holds", "does not hold", "inconclusive with 4 runs; about 23 needed". */
  words: string;
}

/** One comparison's outcome in words. */
export function outcomeWords(r: Pick<ComparisonResult, 'outcome' | 'runs' | 'needed'>): string {
  if (r.outcome === 'holds') return 'holds';
  if (r.outcome === 'fails') return 'does not hold';
  const runs = `${r.runs.toLocaleString('en-US')} run${r.runs > 1 ? 's' : ''}`;
  if (r.needed === null) return `inconclusive with ${runs}; the estimate points the other way`;
  return (
    `inconclusive with ${runs}; about ` +
    `${
      r.needed > MAX_NEEDED ? `more than ${MAX_NEEDED.toLocaleString('en-US')}` : r.needed.toLocaleString('en-US')
    } needed`
  );
}

/**
 * The one place that decides how a claim's result is said: it holds when every comparison holds, does not hold
 * when one of them lies on the wrong side, and is otherwise inconclusive with these runs, saying about how many
 * would decide (the most any of its undecided comparisons needs).
 */
export function claimVerdict(results: readonly ComparisonResult[]): ClaimVerdict {
  if (results.every((r) => r.outcome === 'holds')) return { outcome: 'holds', words: 'holds' };
  if (results.some((r) => r.outcome === 'fails')) return { outcome: 'fails', words: 'does not hold' };
  const open = results.filter((r) => r.outcome === 'inconclusive');
  const runs = Math.min(...open.map((r) => r.runs));
  const needed = open.some((r) => r.needed === null) ? null : Math.max(...open.map((r) => r.needed!));
  return { outcome: 'inconclusive', words: outcomeWords({ outcome: 'inconclusive', runs, needed }) };
}
