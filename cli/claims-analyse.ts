/**
 * The results of `orgsim claims` from its runs' measures: each claim's test at each size and, with --audit,
 * its assumption audit (robustness over plausible organizations, flips, premise steps, ablations).
 */
import { evaluateMeasures } from '../src/claims.ts';
import { effectRange, flips, holds, leads, premiseFlip, ROBUST_SHARE, wilson } from '../src/claims-audit.ts';
import { fieldEffect, measuresValue, pointFieldEffect } from '../src/claims-field.ts';
import type { AuditResult, SizeResult } from '../src/claims-results.ts';
import type { ClaimPlan, Job, Settings } from './claims-plan.ts';

export function analyse(
  settings: Settings,
  claims: ClaimPlan[],
  jobs: Job[],
  measures: (number[] | undefined)[],
  posterior: AuditResult['posterior'],
): { sizes: SizeResult[]; audits: AuditResult[] } {
  const group = (claim: string, phase: Job['phase'], index: number) => {
    const byArm: Record<string, number[][]> = {};
    jobs.forEach((j, k) => {
      if (j.claim !== claim || j.phase !== phase || j.index !== index) return;
      (byArm[j.arm] ??= [])[j.rep] = measures[k]!;
    });
    return byArm;
  };
  const sizes: SizeResult[] = [];
  const audits: AuditResult[] = [];
  for (const c of claims) {
    settings.sizes.forEach((n, i) => {
      const byArm = group(c.claim.id, 'size', i);
      sizes.push({
        claim: c.claim.id,
        employees: n,
        results: evaluateMeasures(c.claim, byArm),
        field: fieldEffect(c.claim, byArm),
      });
    });
    if (!settings.audit) continue;
    const hasNeutral = !!(c.claim.premise && Object.keys(c.claim.premise.neutral).length);
    const labels = [
      'as it is',
      ...(hasNeutral ? [`without the premise (${c.claim.premise!.text.toLowerCase()})`] : []),
      ...c.claim.ablations.map((a) => a.label),
    ];
    const ablations = labels.map((label, i) => {
      const r = evaluateMeasures(c.claim, group(c.claim.id, 'ablation', i));
      const failsOn = r.findIndex((x) => !x.passed);
      return {
        label,
        held: holds(r),
        effect: r[0]!.estimate,
        lo: r[0]!.lo,
        hi: r[0]!.hi,
        verdicts: r.map((x) => x.verdict),
        failsOn: failsOn < 0 ? null : failsOn,
      };
    });
    const stepResults = c.steps.map((values, i) => {
      const r = evaluateMeasures(c.claim, group(c.claim.id, 'premise', i), false);
      return { values, held: holds(r), effect: r[0]!.estimate };
    });
    const points = c.design.rows.map((values, i) => {
      const byArm = group(c.claim.id, 'point', i);
      const r = evaluateMeasures(c.claim, byArm, false);
      return {
        values,
        held: holds(r),
        effect: r[0]!.estimate,
        effects: r.map((x) => x.estimate),
        ...pointFieldEffect(c.claim, byArm),
        particle: c.design.particles[i]!,
      };
    });
    const held = points.filter((p) => p.held).length;
    const w = wilson(held, points.length);
    const strong = flips(
      c.params,
      c.design.rows,
      points.map((p) => p.held),
    ).slice(0, 5);
    const effects = c.claim.comparisons.map((cmp, k) => ({
      label: cmp.label,
      kind: cmp.kind,
      value: measuresValue(cmp),
      ...effectRange(points.map((p) => p.effects[k]!)),
    }));
    audits.push({
      claim: c.claim.id,
      employees: settings.audit.size,
      premise: c.claim.premise?.text ?? null,
      robustness: { held, points: points.length, share: w.share, lo: w.lo, hi: w.hi },
      robust: w.share >= ROBUST_SHARE,
      effects,
      field: {
        contributors: effectRange(points.map((p) => p.contributors)),
        posts: effectRange(points.map((p) => p.posts)),
      },
      posterior,
      flips: strong,
      weakestLead:
        w.share < ROBUST_SHARE && strong.length === 0
          ? (leads(
              c.params,
              c.design.rows,
              points.map((p) => p.held),
            )[0] ?? null)
          : null,
      premiseFlip: premiseFlip(
        c.steps,
        stepResults.map((s) => s.effect),
        stepResults.map((s) => s.held),
      ),
      premiseSteps: stepResults,
      ablations,
      points,
      parameters: c.params,
    });
  }
  return { sizes, audits };
}
