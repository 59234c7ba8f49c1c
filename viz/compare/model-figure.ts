/**
 * Value (hours saved) has no field measure: wherever orgsim shows it, it is a model figure, given with its range
 * (src/claims-field.ts; `orgsim claims` says "a model figure"). In the compare view the range is the claims'
 * audit range when the scenarios compared are a claim's arms as shipped (the range over plausible organizations,
 * from the shipped story, which scripts/claims-audit-fill.ts fills), else the run-to-run interval of the table.
 */
import { CLAIMS, type Claim } from '../../src/claims.ts';
import type { StoryStep } from '../../src/story.ts';
import type { ArmSpec } from './state.ts';

export interface ValueFigure {
  /** The label shown beside the value figures. */
  text: string;
  /** The claim whose audit range it gives, if any. */
  claim?: string;
}

type AuditEffect = NonNullable<NonNullable<StoryStep['audit']>['effect']>;

/** "+36% to +323%" (a relative effect) or "+0.12 to +0.50" (a log ratio): an audit's effect range, in words. */
export function auditEffectRange(e: Pick<AuditEffect, 'kind' | 'lo' | 'hi'>): string {
  const signed = (x: number) =>
    e.kind === 'log ratio'
      ? `${x >= 0 ? '+' : '\u2212'}${Math.abs(x).toPrecision(2)}`
      : `${x >= 0 ? '+' : '\u2212'}${Math.round(Math.abs(x) * 100)}%`;
  return `${signed(e.lo)} to ${signed(e.hi)}`;
}

export const RUN_TO_RUN: ValueFigure = {
  text:
    'Value is a model figure: it has no field measure. Its range here is run to run: the 95% intervals in ' +
    'the table.',
};

/** The claim whose arms these are, as shipped (same scenarios, same order, no changes), if any. */
export function claimOfArms(specs: readonly ArmSpec[]): Claim | undefined {
  if (specs.some((s) => s.changes.trim() !== '')) return undefined;
  const sources = specs.map((s) => s.source).join('\n');
  return CLAIMS.find((c) => c.arms.join('\n') === sources);
}

/** The label for a claim's arms, from its story step's audit: its range when the audit's effect is on value. */
export function auditFigure(claim: Claim, steps: readonly StoryStep[]): ValueFigure {
  const effect = steps.find((s) => s.claim === claim.id)?.audit?.effect;
  if (!effect?.model) return RUN_TO_RUN;
  return {
    claim: claim.id,
    text:
      `Value is a model figure: it has no field measure. Over the claims' audit of ${claim.id}, ` +
      `${effect.measure} in 90% of plausible organizations: ${auditEffectRange(effect)}.`,
  };
}
