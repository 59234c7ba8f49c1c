/** What `orgsim claims` prints: each claim's verdict at each size, in field units, and its audit. */
import { CLAIMS, claimVerdict, inScope, outcomeWords, outOfScopeWords, unreproduced } from '../src/claims.ts';
import { robustShareText, ROBUST_SHARE, type Flip } from '../src/claims-audit.ts';
import { FIELD_BENCHMARK, measuresValue, type FieldEffect } from '../src/claims-field.ts';
import type { AuditResult, SizeResult } from '../src/claims-results.ts';
import type { AuditFile } from './claims-audit-file.ts';
import type { Settings } from './claims-plan.ts';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const share1 = (x: number) => `${(x * 100).toFixed(1)}%`;
const points1 = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const signedNum = (x: number) => `${x >= 0 ? '+' : ''}${shortNum(x)}`;
const signedPct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** An effect as the claim states it: relative (a share of the other arm), or a log ratio for a paired comparison. */
const effectText = (kind: string, x: number) =>
  kind === 'paired' ? `${x >= 0 ? '+' : ''}${shortNum(x)}` : signedPct(x);

/** A claim's effect in field units at one size, beside the published spread. */
export function fieldLines(f: FieldEffect): string[] {
  const level = (a: string) => `${share1(f.arms[a]!.contributors)} (${shortNum(f.arms[a]!.posts)} posts per employee)`;
  const lines = [
    `      field units, last six months: employees contributing in a month ${level(f.other)} -> ` +
      `${level(f.favoured)}: ` +
      `${points1(f.contributors.difference)} points [${points1(f.contributors.lo)}, ${points1(f.contributors.hi)}], ` +
      `posts per employee per month ${signedNum(f.posts.difference)}`,
    `        (${FIELD_BENCHMARK.words}: the spread from average to champion is +10 to +20 points)`,
  ];
  if (f.aboveBest.length)
    lines.push(
      `        ABOVE THE BEST PUBLISHED NETWORK (${pct(FIELD_BENCHMARK.best)}): ` +
        `${f.aboveBest.map((a) => `${a} ${share1(f.arms[a]!.contributors)}`).join(', ')}`,
    );
  return lines;
}

/** What is known of a value effect's range: this audit's, or the shipped audit's; value has no field measure. */
function valueNote(
  claim: string,
  k: number,
  label: string,
  audits: readonly AuditResult[],
  shipped: AuditFile | null,
): string {
  const here = audits.find((a) => a.claim === claim)?.effects[k];
  const shippedEffect = shipped?.claims.find((c) => c.claim === claim)?.effects[k];
  // The shipped audit's figure only if it measured the same comparison (the claims may have changed since).
  const there = shippedEffect?.label === label ? shippedEffect : undefined;
  const e = here ?? there;
  if (!e)
    return (
      '        (a model figure: value has no field measure; its range over the posterior and the assumptions ' +
      'is not measured yet: orgsim claims --audit)'
    );
  const where = here
    ? 'this audit'
    : `the shipped audit, ${shipped!.settings.employees.toLocaleString('en-US')} employees`;
  return (
    `        (a model figure: value has no field measure; over the posterior and the assumptions, 90% of ` +
    `plausible organizations: ${effectText(e.kind, e.p5)} to ${effectText(e.kind, e.p95)}, ${where})`
  );
}
const shortNum = (x: number) =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2);

export function describeFlip(f: Flip): string {
  return f.at === null
    ? `${f.path} (holds more often ${f.holdsWhen === 'below' ? 'lower' : 'higher'})`
    : `${f.path} (holds while ${f.holdsWhen} ${shortNum(f.at)})`;
}

export function summary(
  settings: Settings,
  sizes: SizeResult[],
  audits: AuditResult[],
  shipped: AuditFile | null,
): string {
  const lines: string[] = [];
  const a0 = audits[0];
  if (a0) {
    const p = a0.posterior;
    lines.push(
      `Assumption audit: ${a0.robustness.points} plausible organizations of ` +
        `${a0.employees.toLocaleString('en-US')} employees, each ` +
        (p
          ? `a particle of the posterior "${p.name}" (${p.particles} particles, effective size ` +
            `${p.ess.toFixed(0)}${p.note ? `; ${p.note}` : ''})`
          : 'the calibrated defaults') +
        ' crossed with every assumed parameter over its plausible range (src/PARAMETERS.md)',
    );
    if (p?.stale) lines.push(`WARNING: ${p.stale}`);
  }
  for (const id of settings.claims) {
    const claim = CLAIMS.find((c) => c.id === id)!;
    lines.push(`${id}: ${claim.text}`);
    for (const s of sizes.filter((x) => x.claim === id)) {
      const v = claimVerdict(s.results);
      const why =
        v.outcome !== 'holds' && !inScope(claim, s.employees) ? ` (${outOfScopeWords(claim, s.employees)})` : '';
      lines.push(
        `  ${s.employees.toLocaleString('en-US').padStart(7)} employees: ` +
          `${v.outcome === 'fails' ? v.words.toUpperCase() : v.words}${why}`,
      );
      claim.comparisons.forEach((c, k) => {
        const r = s.results[k]!;
        lines.push(
          `      ${r.outcome === 'holds' ? 'pass' : r.outcome === 'fails' ? 'FAIL' : '  ? '}  ` +
            `${r.verdict}${r.outcome === 'inconclusive' ? `; ${outcomeWords(r)}` : ''}`,
        );
        const not = r.outcome !== 'holds' ? unreproduced(claim, c.label, s.employees) : null;
        if (not) lines.push(`            not reproduced by the model: ${not}`);
        if (measuresValue(c)) lines.push(valueNote(id, k, c.label, audits, shipped));
      });
      lines.push(...fieldLines(s.field));
    }
    const a = audits.find((x) => x.claim === id);
    if (a) {
      lines.push(`  rests on: ${a.premise ?? 'no premise beyond the general mechanisms'}`);
      lines.push(
        `  holds in ${a.robustness.held} of ${a.robustness.points} plausible organizations ` +
          `(${robustShareText(a.robustness.share)} [${pct(a.robustness.lo)}, ${pct(a.robustness.hi)}]) at ` +
          `${a.employees.toLocaleString('en-US')} employees` +
          (a.robust ? '' : `: NOT ROBUST (holds in fewer than ${pct(ROBUST_SHARE)})`),
      );
      if (a.weakestLead)
        lines.push(
          `  no parameter flips it significantly over ${a.robustness.points} organizations (Holm's correction ` +
            `for every parameter tested); the closest: ` +
            `${describeFlip(a.weakestLead)}, |z| = ${Math.abs(a.weakestLead.z).toFixed(1)}`,
        );
      for (const e of a.effects)
        lines.push(
          `  effect in 90% of them: ${e.label} ${effectText(e.kind, e.p5)} to ${effectText(e.kind, e.p95)} ` +
            `(median ${effectText(e.kind, e.p50)})${e.value ? ', a model figure' : ''}`,
        );
      lines.push(
        `  in field units, 90% of them: employees contributing in a month ` +
          `${points1(a.field.contributors.p5)} to ${points1(a.field.contributors.p95)} points, posts per ` +
          `employee per month ${signedNum(a.field.posts.p5)} to ${signedNum(a.field.posts.p95)}`,
      );
      if (a.flips.length) lines.push(`  flipped by: ${a.flips.map(describeFlip).join('; ')}`);
      if (a.premiseFlip)
        lines.push(
          `  premise: stops holding at ${Object.entries(a.premiseFlip.values)
            .map(([k, v]) => `${k} = ${shortNum(v)}`)
            .join(', ')}`,
        );
      else if (a.premiseSteps.length)
        lines.push('  premise: holds all the way to its neutral value (the mechanisms carry it without the premise)');
      for (const ab of a.ablations) {
        lines.push(
          `  ${ab.held ? 'holds' : 'fails'} ${ab.label}: effect ${(ab.effect * 100).toFixed(1)}% ` +
            `[${(ab.lo * 100).toFixed(1)}%, ${(ab.hi * 100).toFixed(1)}%]`,
        );
        // The effect shown is the main comparison's; when another one is what fails, say which.
        if (!ab.held && ab.failsOn) lines.push(`    fails on: ${ab.verdicts[ab.failsOn]}`);
      }
    }
  }
  return lines.join('\n');
}
