/**
 * The results of `orgsim claims` as written to its folder's claims.json: per claim and organization size, the
 * comparisons' verdicts (SizeResult), and with --audit, the assumption audit (AuditResult). Written by
 * cli/commands/claims.ts, read by cli/commands/report.ts and drawn from src/research/report/claims.ts.
 */
import type { ComparisonResult } from './claims.ts';
import type { AuditParameter, Flip } from './claims-audit.ts';
import type { FieldEffect } from './claims-field.ts';

export interface SizeResult {
  claim: string;
  employees: number;
  results: ComparisonResult[];
  /** The effect in field units: monthly contributors and posts per employee per month (src/claims-field.ts). */
  field: FieldEffect;
}
export interface AuditResult {
  claim: string;
  /** The organization size the audit ran at (--audit-size). */
  employees: number;
  premise: string | null;
  robustness: { held: number; points: number; share: number; lo: number; hi: number };
  /** Holds in at least ROBUST_SHARE of the organizations. */
  robust: boolean;
  /** Per comparison, its effect over the organizations: 5th, 50th and 95th percentiles (value: a model figure). */
  effects: { label: string; kind: string; value: boolean; p5: number; p50: number; p95: number }[];
  /** The field effect (favoured arm minus the other) over the organizations: monthly contributors (share), posts. */
  field: { contributors: { p5: number; p50: number; p95: number }; posts: { p5: number; p50: number; p95: number } };
  /** Where the organizations' calibrated parameters come from (null: the defaults, --posterior none). */
  posterior: {
    name: string;
    note: string;
    particles: number;
    ess: number;
    targetsSha256: string;
    stale: string | null;
  } | null;
  flips: Flip[];
  /**
   * When the claim is not robust and no parameter flips it significantly (after Holm's correction): the
   * parameter that comes closest (its |z| says how weakly), so that a claim that fails is never reported without
   * a lead.
   */
  weakestLead: Flip | null;
  premiseFlip: { step: number; values: Record<string, number> } | null;
  premiseSteps: { values: Record<string, number>; held: boolean; effect: number }[];
  /**
   * The claim with each mechanism switched off: its main comparison's effect, each comparison's verdict, and the
   * first comparison that fails (its index; null when every comparison holds), which need not be the main one.
   */
  ablations: {
    label: string;
    held: boolean;
    effect: number;
    lo: number;
    hi: number;
    verdicts: string[];
    failsOn?: number | null;
  }[];
  points: {
    values: number[];
    held: boolean;
    effect: number;
    effects: number[];
    contributors: number;
    posts: number;
    particle: number | null;
  }[];
  parameters: AuditParameter[];
}
