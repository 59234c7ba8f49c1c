/**
 * The report of `orgsim claims` (and its --audit): per claim, the verdict at each organization size, the
 * premise it rests on, the share of plausible organizations where it holds, what flips it, the premise swept
 * to where it stops holding, and the ablations of its mechanisms. Pure: the folder's claims.json in, the
 * report's data out (drawn by viz/research/claims-charts.ts).
 */
import { CLAIMS, claimVerdict, comparisonArms, type ComparisonResult, type Outcome } from '../../claims.ts';
import type { AuditResult, SizeResult } from '../../claims-results.ts';
import type { Flip } from '../../claims-audit.ts';
import { FIELD_BENCHMARK } from '../../claims-field.ts';

export interface ClaimsReport {
  kind: 'claims';
  title: string;
  subtitle: string;
  claims: ClaimSection[];
}

export interface Effect {
  label: string;
  held: boolean;
  /** holds, fails (interval on the wrong side) or inconclusive (the runs do not decide): claimVerdict's terms. */
  outcome?: Outcome;
  estimate: number;
  lo: number;
  hi: number;
}

export interface ClaimSection {
  id: string;
  text: string;
  mechanism: string;
  premise: string | null;
  /** Where it stops holding, with the reason (Claim.scope). */
  scope: { from: number; to?: number; reason: string } | null;
  /** `verdict`: claimVerdict's words ("holds", "does not hold", "inconclusive with 4 runs; about 23 needed"). */
  sizes: { employees: number; held: boolean; verdict: string; comparisons: Effect[]; field: string | null }[];
  audit: null | {
    robustness: { held: number; points: number; share: number; lo: number; hi: number };
    /** false below 80% of the organizations (absent in folders written before it was recorded). */
    robust: boolean | null;
    /** Each comparison's effect in 90% of the organizations, in words (value: a model figure). */
    ranges: string[];
    /** In plain words, strongest first. */
    flips: string[];
    premiseFlip: string | null;
    /** The premise's first parameter: its values along the sweep, with the main effect. */
    premise: { parameter: string; steps: { x: number; effect: number; held: boolean }[] } | null;
    ablations: Effect[];
    /** The main effect at each point of the hypercube. */
    points: { effect: number; held: boolean }[];
  };
}

const short = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

export function flipWords(f: Flip): string {
  const more = f.holdsWhen === 'below' ? 'lower' : 'higher';
  return f.at === null
    ? `${f.path}: holds more often when ${more}`
    : `${f.path}: holds while ${f.holdsWhen} ${short(f.at)}`;
}

/**
 * Where the audits ran ("; the assumption audit at 2,000 employees"); folders written before it was recorded do not
 * say.
 */
function auditWords(audits: readonly { employees?: unknown }[]): string {
  const sizes = [...new Set(audits.map((a) => a.employees))];
  if (!sizes.every((n): n is number => typeof n === 'number' && Number.isFinite(n)))
    return ', with the assumption audit';
  return `; the assumption audit at ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')} employees`;
}

/** A comparison as the report names it: its measure, then which arm against which. */
function comparisonLabel(c: (typeof CLAIMS)[number]['comparisons'][number] | undefined, label: string): string {
  if (!c) return label;
  const [a, b] = comparisonArms(c);
  return c.kind === 'close'
    ? `${label}: ${b} within ${(c.margin * 100).toFixed(0)}% of ${a}`
    : `${label}: ${b} over ${a}`;
}

/** A result from a folder written before outcomes were recorded: passed or not, nothing in between. */
function withOutcome(r: ComparisonResult): ComparisonResult {
  return r.outcome ? r : { ...r, outcome: r.passed ? 'holds' : 'fails', runs: r.runs ?? 0, needed: r.needed ?? null };
}

const share1 = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number, digits = 0) => `${x >= 0 ? '+' : '\u2212'}${Math.abs(x * 100).toFixed(digits)}`;

/** A size's field effect in words, beside the published spread (src/claims-field.ts). */
function fieldWords(f: SizeResult['field'] | undefined): string | null {
  if (!f) return null;
  return (
    `Employees contributing in a month (last six months): ${share1(f.arms[f.other]!.contributors)} with ` +
    `${f.other}, ${share1(f.arms[f.favoured]!.contributors)} with ${f.favoured}: ` +
    `${signed(f.contributors.difference, 1)} points [${signed(f.contributors.lo, 1)}, ` +
    `${signed(f.contributors.hi, 1)}]; ${FIELD_BENCHMARK.words}.` +
    (f.aboveBest.length ? ` Above the best published network: ${f.aboveBest.join(', ')}.` : '')
  );
}

export function claimsReport(data: { sizes: SizeResult[]; audits: AuditResult[] }): ClaimsReport {
  const ids = [...new Set(data.sizes.map((s) => s.claim))];
  const sizesShown = [...new Set(data.sizes.map((s) => s.employees))].map((n) => n.toLocaleString('en-US')).join(', ');
  return {
    kind: 'claims',
    title: 'Claims of the seeds: do they hold, and would they hold elsewhere?',
    subtitle:
      `${ids.length} claim${ids.length > 1 ? 's' : ''} at ${sizesShown} ` +
      `employees${data.audits.length ? auditWords(data.audits) : ''}`,
    claims: ids.map((id): ClaimSection => {
      const claim = CLAIMS.find((c) => c.id === id);
      const a = data.audits.find((x) => x.claim === id);
      const premiseParam = a?.premiseSteps.length ? Object.keys(a.premiseSteps[0]!.values)[0]! : null;
      return {
        id,
        text: claim?.text ?? id,
        mechanism: claim?.mechanism ?? '',
        premise: claim?.premise?.text ?? null,
        scope: claim?.scope ?? null,
        sizes: data.sizes
          .filter((s) => s.claim === id)
          .map((s) => {
            const results = s.results.map(withOutcome);
            return {
              employees: s.employees,
              held: results.every((r) => r.passed),
              verdict: claimVerdict(results).words,
              // A comparison is named with its arms: two comparisons of one measure (C3) are told apart.
              comparisons: results.map((r, k) => ({
                label: comparisonLabel(claim?.comparisons[k], r.label),
                held: r.passed,
                outcome: r.outcome,
                estimate: r.estimate,
                lo: r.lo,
                hi: r.hi,
              })),
              field: fieldWords(s.field),
            };
          }),
        audit: a
          ? {
              robustness: a.robustness,
              robust: typeof a.robust === 'boolean' ? a.robust : null,
              ranges: (a.effects ?? []).map(
                (e) =>
                  `${e.label}: ` +
                  (e.kind === 'paired'
                    ? `${short(e.p5)} to ${short(e.p95)}`
                    : `${signed(e.p5)}% to ${signed(e.p95)}%`) +
                  (e.value ? ' (a model figure: value has no field measure)' : ''),
              ),
              flips: a.flips.map(flipWords),
              premiseFlip: a.premiseFlip
                ? Object.entries(a.premiseFlip.values)
                    .map(([k, v]) => `${k} = ${short(v)}`)
                    .join(', ')
                : null,
              premise: premiseParam
                ? {
                    parameter: premiseParam,
                    steps: a.premiseSteps.map((s) => ({ x: s.values[premiseParam]!, effect: s.effect, held: s.held })),
                  }
                : null,
              ablations: a.ablations.map((x) => ({
                label: x.label,
                held: x.held,
                estimate: x.effect,
                lo: x.lo,
                hi: x.hi,
              })),
              points: a.points.map((p) => ({ effect: p.effect, held: p.held })),
            }
          : null,
      };
    }),
  };
}
