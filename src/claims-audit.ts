/**
 * The assumption audit of a claim: would it hold in other plausible organizations? Pure functions, shared by
 * `orgsim claims --audit` and its report.
 *
 * - The organizations: each is a particle of the calibration's posterior (src/calibrate/posterior.ts: whole
 *   particles resampled by weight, never each parameter drawn on its own) crossed with a point of a Latin
 *   hypercube over every numeric parameter whose source is an assumption, each over its whole plausible range
 *   (src/scenario/plausible.ts); the claim's premise and what its arms set differently stay as the arms set
 *   them. In each organization the arms run on common seeds, and the claim "holds" where every comparison
 *   points the predicted way. Per claim: the share of organizations where it holds with its Wilson 95%
 *   interval (below ROBUST_SHARE it is "not robust"), the 90% range of its effect (5th to 95th percentile of
 *   the per-organization effect), and a logistic regression of "holds" on each parameter (assumed or
 *   calibrated) naming those that flip it (significant after Holm's correction for testing every parameter), with
 *   the value where it flips (p = 1/2) when inside the range.
 * - The premise: moved step by step from its value to where it no longer distinguishes the arms; the flip
 *   point is where the main effect crosses zero (or, for a "close" comparison, its margin).
 * - Ablations: each switches a mechanism off in both arms; the claim's effect with and without it.
 */
import type { Claim, ComparisonResult } from './claims.ts';
import { posteriorDraws, type Posterior } from './calibrate/posterior.ts';
import { latinHypercube } from './research/lhs.ts';
import { designStream } from './research/random.ts';
import { getPath } from './scenario/access.ts';
import { normalUpperTail } from './stats/normal.ts';
import { parameterInfo, parameterList } from './scenario/paths.ts';
import type { Scenario } from './scenario/schema.ts';

export { ROBUST_SHARE, robustShareText } from './robust-share.ts';

export interface AuditParameter {
  path: string;
  /** The arms' value. */
  base: number;
  /** The range drawn from: the plausible range (an assumption) or the calibration's prior (the posterior). */
  lo: number;
  hi: number;
  integer: boolean;
  kind: 'assumption' | 'posterior';
}

const armValues = (arms: readonly Scenario[], path: string) =>
  arms.map((a) => getPath(a as unknown as Record<string, unknown>, path) as number);

/**
 * The parameters an audit varies: the calibrated ones of the posterior, then every numeric parameter sourced
 * as an assumption over its plausible range; never the claim's premise, nor what its arms set differently (what
 * the arms compare stays as they set it), nor an assumption whose plausible range is one value.
 */
export function auditParameters(
  claim: Claim,
  arms: readonly Scenario[],
  posterior: Pick<Posterior, 'parameters'> | null = null,
): AuditParameter[] {
  const premise = new Set(claim.premise?.parameters ?? []);
  const out: AuditParameter[] = [];
  const sameInArms = (path: string) => {
    const values = armValues(arms, path);
    return values.every((v) => v === values[0]) ? values[0]! : null;
  };
  const calibrated = new Set(posterior?.parameters.map((p) => p.path) ?? []);
  for (const q of posterior?.parameters ?? []) {
    if (premise.has(q.path)) continue;
    const base = sameInArms(q.path);
    if (base === null) continue;
    out.push({
      path: q.path,
      base,
      lo: q.prior[0],
      hi: q.prior[1],
      integer: parameterInfo(q.path)?.type === 'integer',
      kind: 'posterior',
    });
  }
  for (const p of parameterList()) {
    if (p.type !== 'number' && p.type !== 'integer') continue;
    if (!p.source?.startsWith('assumption')) continue;
    if (premise.has(p.path) || calibrated.has(p.path) || !p.plausible) continue;
    const base = sameInArms(p.path);
    if (base === null) continue;
    const integer = p.type === 'integer';
    let lo = Math.max(p.minimum ?? -Infinity, p.plausible[0]);
    let hi = Math.min(p.maximum ?? Infinity, p.plausible[1]);
    if (integer) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    if (!(hi > lo)) continue;
    out.push({ path: p.path, base, lo, hi, integer, kind: 'assumption' });
  }
  return out;
}

export interface AuditDesign {
  /** Values per organization, in `params` order. */
  rows: number[][];
  /** The posterior particle each organization is (null without a posterior). */
  particles: (number | null)[];
}

/**
 * The audit's organizations: the assumptions over a Latin hypercube (its own stream per claim), the calibrated
 * parameters from posterior particles resampled by weight (one stream for every claim: the claims are audited
 * on the same calibrated organizations).
 */
export function auditDesign(
  params: readonly AuditParameter[],
  points: number,
  seed: number,
  claimId: string,
  posterior: Pick<Posterior, 'parameters' | 'particles' | 'weights'> | null = null,
): AuditDesign {
  const assumed = params.map((p, j) => [p, j] as const).filter(([p]) => p.kind === 'assumption');
  const unit = latinHypercube(points, assumed.length, designStream(seed, `audit:${claimId}`));
  const draws = posterior ? posteriorDraws(posterior, points, designStream(seed, 'audit:posterior')) : null;
  const column = new Map(posterior?.parameters.map((q, d) => [q.path, d]) ?? []);
  const rows = Array.from({ length: points }, (_, i) => {
    const row = new Array<number>(params.length);
    assumed.forEach(([p, j], k) => {
      const x = p.lo + unit[i]![k]! * (p.hi - p.lo);
      row[j] = p.integer ? Math.round(x) : x;
    });
    params.forEach((p, j) => {
      if (p.kind === 'posterior') row[j] = posterior!.particles[draws![i]!]![column.get(p.path)!]!;
    });
    return row;
  });
  return { rows, particles: draws ?? rows.map(() => null) };
}

/**
 * The p-quantile of a sample by linear interpolation between order statistics (R's and numpy's default,
 * Hyndman and Fan 1996 type 7): x[(n - 1) p], interpolated.
 */
export function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < s.length ? s[k]! + (h - k) * (s[k + 1]! - s[k]!) : s[k]!;
}

/** The 90% range of an effect over organizations: its 5th and 95th percentiles, and its median. */
export function effectRange(effects: readonly number[]): { p5: number; p50: number; p95: number } {
  return { p5: quantile(effects, 0.05), p50: quantile(effects, 0.5), p95: quantile(effects, 0.95) };
}

/** The premise moved in `steps` equal steps from the arms' values to its neutral values (numeric parameters). */
export function premiseSteps(claim: Claim, base: Scenario, steps: number): Record<string, number>[] {
  const neutral = claim.premise?.neutral ?? {};
  const paths = Object.keys(neutral).filter((k) => typeof neutral[k] === 'number');
  if (paths.length === 0 || steps < 2) return [];
  return Array.from({ length: steps }, (_, j) =>
    Object.fromEntries(
      paths.map((path) => {
        const from = getPath(base as unknown as Record<string, unknown>, path) as number;
        const to = neutral[path] as number;
        return [path, from + ((to - from) * j) / (steps - 1)];
      }),
    ),
  );
}

/** A claim holds at a point when every comparison points the predicted way. */
export function holds(results: readonly ComparisonResult[]): boolean {
  return results.every((r) => r.passed);
}

/** Wilson score interval of a proportion k / n at 95%. */
export function wilson(k: number, n: number): { share: number; lo: number; hi: number } {
  if (n === 0) return { share: 0, lo: 0, hi: 1 };
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { share: p, lo: k === 0 ? 0 : Math.max(0, centre - half), hi: k === n ? 1 : Math.min(1, centre + half) };
}

export interface Flip {
  path: string;
  /**
   * Slope of the log-odds of holding per unit of the parameter, and its z score: the signed root of the
   * likelihood-ratio statistic (normal when the parameter does nothing).
   */
  slope: number;
  z: number;
  /** The value where the claim holds with probability 1/2, when inside the audited range. */
  at: number | null;
  /** "below" when the claim holds below the flip value, "above" when above. */
  holdsWhen: 'below' | 'above';
}

/** The family-wise error rate of the parameters named as flipping a claim (Holm 1979, over every parameter tested). */
export const FLIP_ALPHA = 0.05;

/**
 * The parameters that flip a claim: a one-parameter logistic regression of "holds" on each parameter
 * (leads()), kept when significant after Holm's (1979) step-down correction for testing every parameter:
 * with m parameters and two-sided p values in ascending order, the k-th is kept while p <= alpha / (m - k + 1).
 * Without it, 60 parameters tested at |z| >= 2 would name about three that flip nothing. Strongest first.
 */
export function flips(
  params: readonly AuditParameter[],
  design: readonly number[][],
  held: readonly boolean[],
  alpha = FLIP_ALPHA,
): Flip[] {
  const all = leads(params, design, held);
  const m = params.length;
  const kept: Flip[] = [];
  for (const [k, f] of all.entries()) {
    if (!(2 * normalUpperTail(Math.abs(f.z)) <= alpha / (m - k))) break;
    kept.push(f);
  }
  return kept;
}

/**
 * One-parameter logistic regression of "holds" on each parameter (Newton-Raphson on standardized values),
 * every parameter, strongest (largest |z|) first. When every point holds (or none), there is nothing to fit.
 */
export function leads(
  params: readonly AuditParameter[],
  design: readonly number[][],
  held: readonly boolean[],
): Flip[] {
  const n = held.length;
  const k = held.filter(Boolean).length;
  if (n < 4 || k === 0 || k === n) return [];
  const out: Flip[] = [];
  // Log-likelihood of holding at the overall rate k / n, whatever the parameter.
  const ll0 = k * Math.log(k / n) + (n - k) * Math.log(1 - k / n);
  params.forEach((p, j) => {
    const xs = design.map((row) => row[j]!);
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const sx = Math.sqrt(xs.reduce((a, b) => a + (b - mx) ** 2, 0) / n) || 1;
    const zs = xs.map((x) => (x - mx) / sx);
    let b0 = Math.log((k + 0.5) / (n - k + 0.5));
    let b1 = 0;
    for (let it = 0; it < 50; it++) {
      let g0 = 0,
        g1 = 0,
        h00 = 0,
        h01 = 0,
        h11 = 0;
      for (let i = 0; i < n; i++) {
        const p1 = 1 / (1 + Math.exp(-(b0 + b1 * zs[i]!)));
        const r = (held[i] ? 1 : 0) - p1;
        const w = p1 * (1 - p1);
        g0 += r;
        g1 += r * zs[i]!;
        h00 += w;
        h01 += w * zs[i]!;
        h11 += w * zs[i]! * zs[i]!;
      }
      const det = h00 * h11 - h01 * h01;
      if (!(det > 1e-12)) break;
      const d0 = (h11 * g0 - h01 * g1) / det;
      const d1 = (h00 * g1 - h01 * g0) / det;
      b0 += d0;
      b1 += d1;
      if (Math.abs(d0) + Math.abs(d1) < 1e-9 || Math.abs(b1) > 50) break;
    }
    // The signed root of the likelihood-ratio statistic against holding at a constant rate: normal under no
    // effect, and, unlike b1 / se (Wald), large when a parameter separates the points perfectly (Hauck & Donner
    // 1977), where b1 and its standard error both run away.
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const p1 = 1 / (1 + Math.exp(-(b0 + b1 * zs[i]!)));
      ll += Math.log(Math.max(1e-300, held[i] ? p1 : 1 - p1));
    }
    const z = Math.sign(b1) * Math.sqrt(Math.max(0, 2 * (ll - ll0)));
    const crossing = b1 !== 0 ? mx - (b0 / b1) * sx : NaN;
    out.push({
      path: p.path,
      slope: b1 / sx,
      z,
      at: crossing >= p.lo && crossing <= p.hi ? crossing : null,
      holdsWhen: b1 < 0 ? 'below' : 'above',
    });
  });
  return out.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

/**
 * Where the premise stops carrying the claim: the first step whose main effect (first comparison's estimate)
 * no longer points the predicted way, interpolated linearly from the step before. `null` when it holds at
 * every step (the claim does not rest on the premise alone).
 */
export function premiseFlip(
  steps: readonly Record<string, number>[],
  effects: readonly number[],
  held: readonly boolean[],
): { step: number; values: Record<string, number> } | null {
  for (let j = 1; j < steps.length; j++) {
    if (held[j]) continue;
    if (!held[j - 1]) return { step: j - 1, values: steps[j - 1]! };
    const a = effects[j - 1]!;
    const b = effects[j]!;
    const t = a !== b && a > 0 && b <= 0 ? a / (a - b) : 1;
    const values = Object.fromEntries(
      Object.keys(steps[j]!).map((k) => [k, steps[j - 1]![k]! + t * (steps[j]![k]! - steps[j - 1]![k]!)]),
    );
    return { step: j - 1 + t, values };
  }
  return null;
}
