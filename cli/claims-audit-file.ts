/**
 * The audit's results in one machine-readable file, claims-audit.json: written by `orgsim claims --audit --out
 * DIR`, shipped as docs/claims-audit.json by scripts/claims-audit-fill.ts (which fills docs/results.md's claims
 * table and the story's audit fields from it), and read by `orgsim claims` to give a value effect's range.
 *
 * Format (version 1):
 *   format    "orgsim-claims-audit"
 *   version   1
 *   settings  { employees, points, runs, seed, sets, posterior: { name, note, particles, ess, targetsSha256,
 *               stale } | null, assumptions }
 *   claims    [{ claim, premise, holds: { held, points, share, lo, hi }, robust, effects: [{ label, kind, value,
 *               p5, p50, p95 }], field: { contributors: {p5, p50, p95}, posts: {p5, p50, p95} },
 *               flips: [{ path, kind, at, holdsWhen, z, words }], weakestLead, premiseFlip }]
 * Shares are 0-1; a "higher" or "close" effect is relative to the other arm, a "paired" one a log ratio;
 * field.contributors is a difference of shares (x100: points).
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Flip } from '../src/claims-audit.ts';
import { ROBUST_SHARE } from '../src/claims-audit.ts';
import { parseJsonValue } from '../src/scenario/json.ts';
import { allowedText } from '../src/scenario/load.ts';
import { ScenarioError, show } from '../src/scenario/errors.ts';
import { getPath } from '../src/scenario/access.ts';
import { parameterInfo } from '../src/scenario/paths.ts';
import type { AuditResult } from '../src/claims-results.ts';
import { displayPath } from './files.ts';
import { INPUTS, readInput } from './input.ts';
import { PROJECT_DIR } from './scenarios.ts';

export const AUDIT_JSON = 'claims-audit.json';
export const AUDIT_FORMAT = 'orgsim-claims-audit';
export const AUDIT_VERSION = 1;
/** The shipped audit: what the table of docs/results.md and the story show, and what `orgsim claims` quotes. */
export const SHIPPED_AUDIT = join(PROJECT_DIR, 'docs', AUDIT_JSON);

const words = (max: number) => z.string().max(max);
const share = z.number().min(0).max(1);
const finite = z.number().refine(Number.isFinite, 'a finite number');
const range = z.strictObject({ p5: finite, p50: finite, p95: finite });

const AuditFileSchema = z.strictObject({
  format: z.literal(AUDIT_FORMAT),
  version: z.literal(AUDIT_VERSION),
  settings: z.strictObject({
    employees: z.number().int().min(1).max(10_000_000),
    points: z.number().int().min(1).max(1_000_000),
    runs: z.number().int().min(1).max(100_000),
    seed: z.number().int().min(0),
    sets: z.array(words(1000)).max(1000),
    posterior: z
      .strictObject({
        name: words(1000),
        note: words(4000),
        particles: z.number().int().min(1),
        ess: z.number().min(0),
        targetsSha256: z.string().regex(/^[0-9a-f]{64}$/),
        stale: words(4000).nullable(),
      })
      .nullable(),
    assumptions: words(1000),
  }),
  claims: z
    .array(
      z.strictObject({
        claim: z.string().regex(/^C\d{1,3}$/),
        premise: words(2000).nullable(),
        holds: z.strictObject({
          held: z.number().int().min(0),
          points: z.number().int().min(1),
          share,
          lo: share,
          hi: share,
        }),
        robust: z.boolean(),
        effects: z
          .array(
            z.strictObject({
              label: words(500),
              kind: z.enum(['higher', 'paired', 'close']),
              value: z.boolean(),
              p5: finite,
              p50: finite,
              p95: finite,
            }),
          )
          .min(1)
          .max(20),
        field: z.strictObject({ contributors: range, posts: range }),
        flips: z
          .array(
            z.strictObject({
              path: words(200),
              kind: z.enum(['assumption', 'posterior']),
              at: finite.nullable(),
              holdsWhen: z.enum(['below', 'above']),
              z: finite,
              words: words(500),
            }),
          )
          .max(20),
        /**
         * Not robust, and nothing significant after Holm's correction: the closest parameter, in words with its |z|.
         */
        weakestLead: words(500).nullable(),
        premiseFlip: words(1000).nullable(),
      }),
    )
    .min(1)
    .max(1000),
});

export type AuditFile = z.infer<typeof AuditFileSchema>;
export type AuditClaim = AuditFile['claims'][number];

const short = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** A flip in words: "behaviour.riskWeight (assumed): holds while below 2.6". */
export function flipText(f: Pick<Flip, 'path' | 'at' | 'holdsWhen'>, kind: 'assumption' | 'posterior'): string {
  const what = `${f.path} (${kind === 'posterior' ? 'calibrated' : 'assumed'})`;
  return f.at === null
    ? `${what}: holds more often when ${f.holdsWhen === 'below' ? 'lower' : 'higher'}`
    : `${what}: holds while ${f.holdsWhen} ${short(f.at)}`;
}

export function auditFileOf(
  audits: readonly AuditResult[],
  s: { runs: number; seed: number; sets: string[] },
): AuditFile {
  const a0 = audits[0]!;
  return {
    format: AUDIT_FORMAT,
    version: AUDIT_VERSION,
    settings: {
      employees: a0.employees,
      points: a0.robustness.points,
      runs: s.runs,
      seed: s.seed,
      sets: s.sets,
      posterior: a0.posterior,
      assumptions: 'every numeric assumption over its plausible range (src/scenario/plausible.ts), Latin hypercube',
    },
    claims: audits.map((a): AuditClaim => {
      const kindOf = (path: string) => a.parameters.find((p) => p.path === path)?.kind ?? 'assumption';
      return {
        claim: a.claim,
        premise: a.premise,
        holds: a.robustness,
        robust: a.robust,
        effects: a.effects.map((e) => ({ ...e, kind: e.kind as 'higher' | 'paired' | 'close' })),
        field: a.field,
        flips: a.flips.map((f) => ({
          path: f.path,
          kind: kindOf(f.path),
          at: f.at,
          holdsWhen: f.holdsWhen,
          z: f.z,
          words: flipText(f, kindOf(f.path)),
        })),
        weakestLead: a.weakestLead
          ? `${flipText(a.weakestLead, kindOf(a.weakestLead.path))} (|z| = ` +
            `${Math.abs(a.weakestLead.z).toFixed(1)}, below what ${a.parameters.length} parameters tested need)`
          : null,
        premiseFlip: a.premiseFlip
          ? Object.entries(a.premiseFlip.values)
              .map(([k, v]) => `${k} = ${short(v)}`)
              .join(', ')
          : null,
      };
    }),
  };
}

/** Check a parsed audit file: one line naming the field, the value and what is allowed. */
export function checkAuditFile(raw: unknown, source: string): AuditFile {
  const r = AuditFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field =
      issue.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || 'audit';
    if (issue.code === 'unrecognized_keys')
      throw new ScenarioError(
        `${source}: unknown field "${field === 'audit' ? '' : `${field}.`}${issue.keys[0]}"`,
        field,
      );
    const value = issue.path.length ? getPath(raw as Record<string, unknown>, issue.path.map(String).join('.')) : raw;
    throw new ScenarioError(
      `${source}: ${field} = ${show(value)} is not allowed; expected ${allowedText(issue)}`,
      field,
    );
  }
  const file = r.data;
  file.claims.forEach((c, i) => {
    if (!(c.holds.lo <= c.holds.share && c.holds.share <= c.holds.hi))
      throw new ScenarioError(
        `${source}: claims[${i}].holds.share = ${c.holds.share} is not allowed; expected a share between ` +
          `holds.lo (${c.holds.lo}) and holds.hi (${c.holds.hi})`,
      );
    if (c.robust !== c.holds.share >= ROBUST_SHARE)
      throw new ScenarioError(
        `${source}: claims[${i}].robust = ${c.robust} is not allowed; expected ` +
          `${c.holds.share >= ROBUST_SHARE} (robust: holds in at least ${ROBUST_SHARE * 100}% of organizations)`,
      );
    c.flips.forEach((f, j) => {
      if (!parameterInfo(f.path))
        throw new ScenarioError(
          `${source}: claims[${i}].flips[${j}].path = ${show(f.path)} is not allowed; expected a scenario parameter`,
        );
    });
  });
  return file;
}

export function readAuditFile(path: string): AuditFile {
  const source = displayPath(path);
  return checkAuditFile(
    parseJsonValue(readInput(path, INPUTS.audit, { context: 'cannot read the audit' }), source),
    source,
  );
}

/** The shipped audit, or null when there is none (a damaged one is said once, on stderr, and not used). */
export function readShippedAudit(path: string = SHIPPED_AUDIT): AuditFile | null {
  if (readInput(path, INPUTS.audit, { optional: true }) === undefined) return null;
  try {
    return readAuditFile(path);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(`orgsim: warning: the shipped audit is not used: ${e.message}\n`);
    return null;
  }
}
