/**
 * The claims of ../shared/MODEL.md as data: which scenarios each compares, what it measures and which
 * direction the seeds predict, the mechanism that produces it, the one premise it rests on and the ablations
 * that switch its mechanisms off. The claims suite (test/claims-*.test.ts) and `orgsim claims` run each arm
 * with replications and apply a statistical test; the story mode quotes the same list.
 */
import type { RunOutput } from './run.ts';
import { C4, C5, C9 } from './claims/internal-vs-external-community-managers.ts';
import { C1, C2, C3, C6, C7, C8, C10 } from './claims/roles-in-online-social-spaces.ts';

// How a claim's comparisons are tested and said (src/claims-verdict.ts).
export * from './claims-verdict.ts';

// Sums and means of a series over a window of ticks (src/claims/measures.ts).
export { windowMean, windowSum } from './claims/measures.ts';

export type Measure = (run: RunOutput) => number;

/**
 * One testable prediction of a claim:
 * - `higher`: the measure is higher in arm `higher` than in arm `lower` (95% CI of the paired difference on the
 *   common seeds above 0);
 * - `paired`: measure(second arm) - measure(first arm) on the same seed is positive (one-sample 95% CI above 0),
 *   e.g. a difference-in-differences between risk-averse and risk-tolerant members;
 * - `close`: arm `other` is within `margin` (relative) of arm `reference` (90% CI inside the margin: two
 *   one-sided tests at 5%).
 */
export type Comparison =
  | { kind: 'higher'; label: string; measure: Measure; lower: string; higher: string }
  | { kind: 'paired'; label: string; arms: [string, string]; measure: Measure }
  | { kind: 'close'; label: string; measure: Measure; reference: string; other: string; margin: number };

type WithoutMeasure<C> = C extends unknown ? Omit<C, 'measure'> : never;
/**
 * A comparison without the measure that fills it: what evaluateMeasures reads (the catalogue of src/patterns.ts fills
 * its own).
 */
export type ComparisonShape = WithoutMeasure<Comparison>;

/**
 * The one premise a claim may rest on: a property of individuals taken from the seeds (what someone knows,
 * can do, has time for), with the parameters that state it. `neutral` sets it to where it would no longer
 * distinguish the arms (the premise ablation).
 */
export interface Premise {
  text: string;
  parameters: string[];
  neutral: Record<string, number | boolean | string>;
}

/** A mechanism switched off by parameters, to show that it matters (src/MODEL.md names each). */
export interface Ablation {
  label: string;
  set: Record<string, number | boolean | string>;
}

/**
 * Where a claim stops holding, as the mechanisms say and the claims suite measures: in organizations smaller
 * than `from` employees it does not hold (its test is then expected not to pass), for the reason given.
 */
export interface Scope {
  /** The smallest size at which it holds. */
  from: number;
  /** Where set, it no longer holds at this size (the mechanisms that carry it fade in larger organizations). */
  to?: number;
  reason: string;
}

/**
 * A comparison the model does not reproduce at any size measured (its label), with the reason its mechanisms
 * give. Reported as such, never rescued: its test is expected not to pass, so that a change of the model that
 * makes it pass is seen.
 */
export interface Unreproduced {
  label: string;
  reason: string;
  /** Not reproduced in organizations smaller than this (absent: at every size). */
  below?: number;
}

export interface Claim {
  id: string;
  text: string;
  seedFile: string;
  seed: string;
  arms: string[];
  comparisons: Comparison[];
  /** How the result comes about, in the model's terms (src/MODEL.md, section "Claims"). */
  mechanism: string;
  premise: Premise | null;
  ablations: Ablation[];
  /** Absent: the claim holds at every size measured. */
  scope?: Scope;
  /** Comparisons the model does not reproduce (absent: it reproduces them all). */
  unreproduced?: Unreproduced[];
}

/** Whether a claim is expected to hold in an organization of `employees`. */
export function inScope(claim: Claim, employees: number): boolean {
  return (
    !claim.scope || (employees >= claim.scope.from && (claim.scope.to === undefined || employees < claim.scope.to))
  );
}

/** Why a claim is not expected to hold at a size outside its scope, in words (the command line and the report). */
export function outOfScopeWords(claim: Claim, employees: number): string {
  const s = claim.scope!;
  const n = (x: number) => x.toLocaleString('en-US');
  return employees < s.from
    ? `below its scope of ${n(s.from)} employees: ${s.reason}`
    : `above its scope, which ends before ${n(s.to!)} employees: ${s.reason}`;
}

/** Why the model does not reproduce a comparison of a claim (by its label) at a size, or null when it does. */
export function unreproduced(claim: Claim, label: string, employees: number): string | null {
  const u = claim.unreproduced?.find((x) => x.label === label);
  return u && (u.below === undefined || employees < u.below) ? u.reason : null;
}

/** Every claim in order; each is defined with its essay in src/claims/. */
export const CLAIMS: readonly Claim[] = [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10];

/**
 * How `orgsim claims` runs a claim unless told otherwise (--runs, --seed), and so how a story step that names a
 * claim runs it: the same replications on the same seeds give the same verdict.
 */
export const CLAIM_RUNS = 20;
export const CLAIM_SEED = 2026;
