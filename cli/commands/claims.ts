/**
 * orgsim claims [C1 C2 ...] [--sizes 200,2000,20000] [--runs 20] [--audit] [--out DIR] [--shard k/N]:
 * the claims of the seeds, each with its statistical test at each organization size (arms scaled with
 * src/scenario/scale.ts), and with --audit the assumption audit of src/claims-audit.ts. With --out, every run
 * is saved as it finishes (atomic part files): the same command resumes, and shards (--shard k/N, into the
 * same folder) are put together by running the command once more without --shard. With --patterns, every
 * statement of the essays instead (./patterns.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { checkFolderKind } from '../experiment-kind.ts';
import { INPUTS, readInput } from '../input.ts';
import { join } from 'node:path';
import { CLAIM_RUNS, CLAIM_SEED, CLAIMS, claimMeasures, claimVerdict, evaluateMeasures, inScope, outcomeWords, unreproduced, type Claim } from '../../src/claims.ts';
import {
  auditDesign, auditParameters, effectRange, flips, holds, premiseFlip, premiseSteps, ROBUST_SHARE, wilson, type AuditDesign, type AuditParameter, type Flip,
} from '../../src/claims-audit.ts';
import { FIELD_BENCHMARK, FIELD_STATISTICS, fieldEffect, measuresValue, pointFieldEffect, type FieldEffect } from '../../src/claims-field.ts';
import { AUDIT_JSON, auditFileOf, readShippedAudit, type AuditFile } from '../claims-audit-file.ts';
import type { Posterior } from '../../src/calibrate/posterior.ts';
import { readPosterior, SHIPPED_POSTERIOR, posteriorStaleness } from '../posterior-file.ts';
import { seedList } from '../../src/rng.ts';
import { claimArm } from '../../src/claim-arms.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { ScenarioError, show } from '../../src/scenario/errors.ts';
import { runClaimJobs, runJobs } from '../../workers/pool.ts';
import { checkOnly, parseCommand, positionals, usageError, wholeNumber } from '../args.ts';
import { displayPath, makeFolder, writeAtomic } from '../files.ts';
import { print, note } from '../io.ts';
import { isLong, progressBar } from '../progress.ts';
import { EXIT_INTERRUPTED, interruptible } from '../interrupt.ts';
import { readScenario } from '../scenarios.ts';
import { checkOutFolder, parseShard } from '../experiment-setup.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { version } from '../version.ts';
import { gitCommit } from '../provenance.ts';
import { csvCell, csvNumber } from '../../src/csv.ts';
import type { AuditResult, SizeResult } from '../../src/claims-results.ts';
import { workerCount } from '../ensemble.ts';
import { claimsPatterns } from './patterns.ts';

const OPTIONS = {
  sizes: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  audit: { type: 'boolean' },
  points: { type: 'string' },
  'audit-runs': { type: 'string' },
  'audit-size': { type: 'string' },
  'premise-steps': { type: 'string' },
  posterior: { type: 'string' },
  shard: { type: 'string' },
  set: { type: 'string', multiple: true },
  patterns: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_SIZES = [200, 2000, 20000];
const MAX_EMPLOYEES = 200_000;

interface Settings {
  claims: string[];
  /** --set path=value overrides, applied to every arm. */
  sets: string[];
  sizes: number[];
  runs: number;
  seed: number;
  audit: null | {
    points: number; runs: number; size: number; premiseSteps: number;
    /** The posterior the organizations are drawn from (--posterior), by its digest; null: --posterior none. */
    posterior: { file: string; sha256: string } | null;
  };
}

/** One run of the plan: which claim, which part of it (a size, an ablation, a premise step, a hypercube point), which arm and seed. */
interface Job {
  claim: string;
  phase: 'size' | 'ablation' | 'premise' | 'point';
  index: number;
  arm: string;
  rep: number;
  seed: number;
  employees: number;
  set: Record<string, number | boolean | string>;
}

interface ClaimPlan {
  claim: Claim;
  arms: Scenario[];
  params: AuditParameter[];
  design: AuditDesign;
  steps: Record<string, number>[];
}

function parseSizes(text: string | undefined): number[] {
  if (text === undefined) return DEFAULT_SIZES;
  const parts = text.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  if (parts.some((s) => !/^\d+$/.test(s)) || sizes.some((n) => n < 50 || n > MAX_EMPLOYEES)) {
    throw usageError('claims', `--sizes ${JSON.stringify(text)} is not allowed; expected employee counts from 50 to ${MAX_EMPLOYEES.toLocaleString('en-US')} separated by commas, e.g. --sizes 200,2000`);
  }
  const twice = sizes.find((n, i) => sizes.indexOf(n) !== i);
  if (twice !== undefined) throw usageError('claims', `--sizes ${JSON.stringify(text)} is not allowed: ${twice} is given twice; name each size once`);
  return sizes;
}

/**
 * The claims named, in the order named. A claim named twice (C1 C1, or c1 C1) is refused rather than run
 * once silently or twice into duplicate rows: the command line then says what the results hold.
 */
function selectClaims(ids: string[]): Claim[] {
  if (ids.length === 0) return [...CLAIMS];
  const chosen: Claim[] = [];
  ids.forEach((id, k) => {
    const c = CLAIMS.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!c) throw usageError('claims', `unknown claim ${show(id)} (claims: ${CLAIMS.map((x) => x.id).join(', ')})`);
    const first = chosen.indexOf(c);
    if (first >= 0) throw usageError('claims', `claim ${c.id} is named twice (${show(ids[first]!)} and ${show(id)}, arguments ${first + 1} and ${k + 1}); name each claim once`);
    chosen.push(c);
  });
  return chosen;
}

/** A claim's arm at a size, with extra parameter values, validated (the story's steps run the same). */
const armAt = claimArm;

function plan(settings: Settings, posterior: Posterior | null): { claims: ClaimPlan[]; jobs: Job[] } {
  const claims = settings.claims.map((id) => {
    const claim = CLAIMS.find((c) => c.id === id)!;
    const arms = claim.arms.map((a) => readScenario(a, settings.sets).scenario);
    const a = settings.audit;
    // What --set fixes stays fixed: the audit varies the rest.
    const fixed = new Set(settings.sets.map((x) => x.slice(0, x.indexOf('=')).trim()));
    const params = a ? auditParameters(claim, arms, posterior).filter((p) => !fixed.has(p.path)) : [];
    return {
      claim,
      arms,
      params,
      design: a ? auditDesign(params, a.points, settings.seed, claim.id, posterior) : { rows: [], particles: [] },
      steps: a ? premiseSteps(claim, arms[0]!, a.premiseSteps) : [],
    };
  });
  const seeds = seedList(settings.seed, Math.max(settings.runs, settings.audit?.runs ?? 0));
  const jobs: Job[] = [];
  const add = (c: ClaimPlan, phase: Job['phase'], index: number, reps: number, employees: number, set: Job['set']) => {
    for (const arm of c.claim.arms) for (let rep = 0; rep < reps; rep++) jobs.push({ claim: c.claim.id, phase, index, arm, rep, seed: seeds[rep]!, employees, set });
  };
  for (const c of claims) {
    settings.sizes.forEach((n, i) => add(c, 'size', i, settings.runs, n, {}));
    const a = settings.audit;
    if (!a) continue;
    // Ablation 0 is the claim as it is, at the audit's size: the reference of the others.
    const ablations = [{}, ...(c.claim.premise && Object.keys(c.claim.premise.neutral).length ? [c.claim.premise.neutral] : []), ...c.claim.ablations.map((x) => x.set)];
    ablations.forEach((set, i) => add(c, 'ablation', i, settings.runs, a.size, set));
    c.steps.forEach((set, i) => add(c, 'premise', i, a.runs, a.size, set));
    c.design.rows.forEach((row, i) => add(c, 'point', i, a.runs, a.size, Object.fromEntries(c.params.map((p, j) => [p.path, row[j]!]))));
  }
  return { claims, jobs };
}

/** Settings as the folder's manifest records them: a folder made with other settings is refused. */
function manifestText(settings: Settings): string {
  return JSON.stringify({ command: 'claims', version: version(), settings }, null, 1);
}

/** Files of a folder that are not content: temporary files of atomic writes in progress (or left by a kill). */
const isTemporary = (name: string) => /^\..+\.tmp$/.test(name);

/** The folder's names, or [] when there is no folder yet. */
function folderNames(out: string): string[] {
  try {
    return readdirSync(out).filter((n) => !isTemporary(n));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return [];
    throw new ScenarioError(`--out ${displayPath(out)}: cannot read the folder: ${(e as Error).message}`);
  }
}

/**
 * Refused before anything is run: another kind of experiment's folder, a folder of other files, or claims
 * runs made with other settings. Touches nothing.
 */
function checkClaimsFolder(out: string, settings: Settings): void {
  checkFolderKind(out, 'claims');
  const path = join(out, CLAIMS_MANIFEST);
  if (existsSync(path)) {
    sameSettings(out, settings);
    return;
  }
  const names = folderNames(out);
  if (names.length) throw new ScenarioError(`--out ${displayPath(out)}: the folder is not empty and holds no ${CLAIMS_MANIFEST}; choose a new or empty folder (nothing was written)`);
}

function sameSettings(out: string, settings: Settings): void {
  const path = join(out, CLAIMS_MANIFEST);
  const want = JSON.parse(manifestText(settings)) as { settings: Settings };
  let have: { settings?: unknown } | undefined;
  try {
    have = JSON.parse(readInput(path, INPUTS.manifest)) as { settings?: unknown };
  } catch {
    have = undefined;
  }
  if (JSON.stringify(have?.settings) !== JSON.stringify(want.settings)) {
    throw new ScenarioError(`--out ${displayPath(out)}: holds claims runs made with other settings; use another folder, or the settings of ${displayPath(path)}`);
  }
}

/**
 * Create the folder (checked by checkClaimsFolder) and write the manifest of new claims runs. The manifest
 * comes before parts/: a shard starting at the same moment into the same folder then sees an empty folder
 * (new), or the manifest (the same runs), never parts/ without a manifest (another experiment's files).
 */
function openFolder(out: string, settings: Settings): void {
  const path = join(out, CLAIMS_MANIFEST);
  if (existsSync(path)) sameSettings(out, settings);
  else {
    makeFolder(out);
    writeAtomic(path, [manifestText(settings), '\n']);
  }
  makeFolder(join(out, 'parts'));
}

const partPath = (out: string, k: number) => join(out, 'parts', `job-${k}.json`);

interface ClaimPart { job: number; claim: string; arm: string; seed: number; measures: number[]; sha256: string }

/** The checksum of a part's content, so that an edited part is run again rather than believed. */
function partChecksum(p: Omit<ClaimPart, 'sha256'>): string {
  return createHash('sha256').update(`${p.job}\n${p.claim}\n${p.arm}\n${p.seed}\n${p.measures.map(csvNumber).join(',')}`).digest('hex');
}

function makePart(k: number, job: Job, measures: number[]): ClaimPart {
  const part = { job: k, claim: job.claim, arm: job.arm, seed: job.seed, measures };
  return { ...part, sha256: partChecksum(part) };
}

/**
 * A run's measures (the claim's comparisons, then its field measures) if its part is there, whole, of this run,
 * and unedited; else it is run (again).
 */
function readPart(out: string, k: number, job: Job, comparisons: number): number[] | undefined {
  try {
    const text = readInput(partPath(out, k), INPUTS.part, { optional: true });
    if (text === undefined) return undefined;
    const p = JSON.parse(text) as Partial<ClaimPart>;
    if (p.job !== k || p.seed !== job.seed || p.claim !== job.claim || p.arm !== job.arm) return undefined;
    if (!Array.isArray(p.measures) || p.measures.length !== comparisons + FIELD_STATISTICS.length || !p.measures.every((x) => typeof x === 'number')) return undefined;
    if (p.sha256 !== partChecksum(p as ClaimPart)) return undefined;
    return p.measures;
  } catch {
    return undefined;
  }
}

function analyse(settings: Settings, claims: ClaimPlan[], jobs: Job[], measures: (number[] | undefined)[], posterior: AuditResult['posterior']): { sizes: SizeResult[]; audits: AuditResult[] } {
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
      sizes.push({ claim: c.claim.id, employees: n, results: evaluateMeasures(c.claim, byArm), field: fieldEffect(c.claim, byArm) });
    });
    if (!settings.audit) continue;
    const hasNeutral = !!(c.claim.premise && Object.keys(c.claim.premise.neutral).length);
    const labels = ['as it is', ...(hasNeutral ? [`without the premise (${c.claim.premise!.text.toLowerCase()})`] : []), ...c.claim.ablations.map((a) => a.label)];
    const ablations = labels.map((label, i) => {
      const r = evaluateMeasures(c.claim, group(c.claim.id, 'ablation', i));
      return { label, held: holds(r), effect: r[0]!.estimate, lo: r[0]!.lo, hi: r[0]!.hi, verdicts: r.map((x) => x.verdict) };
    });
    const stepResults = c.steps.map((values, i) => {
      const r = evaluateMeasures(c.claim, group(c.claim.id, 'premise', i), false);
      return { values, held: holds(r), effect: r[0]!.estimate };
    });
    const points = c.design.rows.map((values, i) => {
      const byArm = group(c.claim.id, 'point', i);
      const r = evaluateMeasures(c.claim, byArm, false);
      return { values, held: holds(r), effect: r[0]!.estimate, effects: r.map((x) => x.estimate), ...pointFieldEffect(c.claim, byArm), particle: c.design.particles[i]! };
    });
    const held = points.filter((p) => p.held).length;
    const w = wilson(held, points.length);
    const strong = flips(c.params, c.design.rows, points.map((p) => p.held)).slice(0, 5);
    const effects = c.claim.comparisons.map((cmp, k) => ({ label: cmp.label, kind: cmp.kind, value: measuresValue(cmp), ...effectRange(points.map((p) => p.effects[k]!)) }));
    audits.push({
      claim: c.claim.id,
      employees: settings.audit.size,
      premise: c.claim.premise?.text ?? null,
      robustness: { held, points: points.length, share: w.share, lo: w.lo, hi: w.hi },
      robust: w.share >= ROBUST_SHARE,
      effects,
      field: { contributors: effectRange(points.map((p) => p.contributors)), posts: effectRange(points.map((p) => p.posts)) },
      posterior,
      flips: strong,
      weakestLead: w.share < ROBUST_SHARE && strong.length === 0 ? flips(c.params, c.design.rows, points.map((p) => p.held), 0)[0] ?? null : null,
      premiseFlip: premiseFlip(c.steps, stepResults.map((s) => s.effect), stepResults.map((s) => s.held)),
      premiseSteps: stepResults,
      ablations,
      points,
      parameters: c.params,
    });
  }
  return { sizes, audits };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const share1 = (x: number) => `${(x * 100).toFixed(1)}%`;
const points1 = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const signedNum = (x: number) => `${x >= 0 ? '+' : ''}${shortNum(x)}`;
const signedPct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** An effect as the claim states it: relative (a share of the other arm), or a log ratio for a paired comparison. */
const effectText = (kind: string, x: number) => (kind === 'paired' ? `${x >= 0 ? '+' : ''}${shortNum(x)}` : signedPct(x));

/** A claim's effect in field units at one size, beside the published spread. */
export function fieldLines(f: FieldEffect): string[] {
  const level = (a: string) => `${share1(f.arms[a]!.contributors)} (${shortNum(f.arms[a]!.posts)} posts per employee)`;
  const lines = [
    `      field units, last six months: employees contributing in a month ${level(f.other)} -> ${level(f.favoured)}: ` +
      `${points1(f.contributors.difference)} points [${points1(f.contributors.lo)}, ${points1(f.contributors.hi)}], ` +
      `posts per employee per month ${signedNum(f.posts.difference)}`,
    `        (${FIELD_BENCHMARK.words}: the spread from average to champion is +10 to +20 points)`,
  ];
  if (f.aboveBest.length) lines.push(`        ABOVE THE BEST PUBLISHED NETWORK (${pct(FIELD_BENCHMARK.best)}): ${f.aboveBest.map((a) => `${a} ${share1(f.arms[a]!.contributors)}`).join(', ')}`);
  return lines;
}

/** What is known of a value effect's range: this audit's, or the shipped audit's; value has no field measure. */
function valueNote(claim: string, k: number, label: string, audits: readonly AuditResult[], shipped: AuditFile | null): string {
  const here = audits.find((a) => a.claim === claim)?.effects[k];
  const shippedEffect = shipped?.claims.find((c) => c.claim === claim)?.effects[k];
  // The shipped audit's figure only if it measured the same comparison (the claims may have changed since).
  const there = shippedEffect?.label === label ? shippedEffect : undefined;
  const e = here ?? there;
  if (!e) return '        (a model figure: value has no field measure; its range over the posterior and the assumptions is not measured yet: orgsim claims --audit)';
  const where = here ? 'this audit' : `the shipped audit, ${shipped!.settings.employees.toLocaleString('en-US')} employees`;
  return `        (a model figure: value has no field measure; over the posterior and the assumptions, 90% of plausible organizations: ${effectText(e.kind, e.p5)} to ${effectText(e.kind, e.p95)}, ${where})`;
}
const shortNum = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

export function describeFlip(f: Flip): string {
  return f.at === null ? `${f.path} (holds more often ${f.holdsWhen === 'below' ? 'lower' : 'higher'})` : `${f.path} (holds while ${f.holdsWhen} ${shortNum(f.at)})`;
}

function summary(settings: Settings, sizes: SizeResult[], audits: AuditResult[], shipped: AuditFile | null): string {
  const lines: string[] = [];
  const a0 = audits[0];
  if (a0) {
    const p = a0.posterior;
    lines.push(`Assumption audit: ${a0.robustness.points} plausible organizations of ${a0.employees.toLocaleString('en-US')} employees, each ` +
      (p ? `a particle of the posterior "${p.name}" (${p.particles} particles, effective size ${p.ess.toFixed(0)}${p.note ? `; ${p.note}` : ''})` : 'the calibrated defaults') +
      ' crossed with every assumed parameter over its plausible range (src/PARAMETERS.md)');
    if (p?.stale) lines.push(`WARNING: ${p.stale}`);
  }
  for (const id of settings.claims) {
    const claim = CLAIMS.find((c) => c.id === id)!;
    lines.push(`${id}: ${claim.text}`);
    for (const s of sizes.filter((x) => x.claim === id)) {
      const v = claimVerdict(s.results);
      const why = v.outcome !== 'holds' && !inScope(claim, s.employees) ? ` (below its scope of ${claim.scope!.from.toLocaleString('en-US')} employees: ${claim.scope!.reason})` : '';
      lines.push(`  ${s.employees.toLocaleString('en-US').padStart(7)} employees: ${v.outcome === 'fails' ? v.words.toUpperCase() : v.words}${why}`);
      claim.comparisons.forEach((c, k) => {
        const r = s.results[k]!;
        lines.push(`      ${r.outcome === 'holds' ? 'pass' : r.outcome === 'fails' ? 'FAIL' : '  ? '}  ${r.verdict}${r.outcome === 'inconclusive' ? `; ${outcomeWords(r)}` : ''}`);
        const not = r.outcome !== 'holds' ? unreproduced(claim, c.label, s.employees) : null;
        if (not) lines.push(`            not reproduced by the model: ${not}`);
        if (measuresValue(c)) lines.push(valueNote(id, k, c.label, audits, shipped));
      });
      lines.push(...fieldLines(s.field));
    }
    const a = audits.find((x) => x.claim === id);
    if (a) {
      lines.push(`  rests on: ${a.premise ?? 'no premise beyond the general mechanisms'}`);
      lines.push(`  holds in ${pct(a.robustness.share)} [${pct(a.robustness.lo)}, ${pct(a.robustness.hi)}] of ${a.robustness.points} plausible organizations at ${a.employees.toLocaleString('en-US')} employees` +
        (a.robust ? '' : `: NOT ROBUST (holds in fewer than ${pct(ROBUST_SHARE)})`));
      if (a.weakestLead) lines.push(`  nothing flips it at |z| >= 2 over ${a.robustness.points} organizations; the closest: ${describeFlip(a.weakestLead)}, |z| = ${Math.abs(a.weakestLead.z).toFixed(1)}`);
      for (const e of a.effects) lines.push(`  effect in 90% of them: ${e.label} ${effectText(e.kind, e.p5)} to ${effectText(e.kind, e.p95)} (median ${effectText(e.kind, e.p50)})${e.value ? ', a model figure' : ''}`);
      lines.push(`  in field units, 90% of them: employees contributing in a month ${points1(a.field.contributors.p5)} to ${points1(a.field.contributors.p95)} points, posts per employee per month ${signedNum(a.field.posts.p5)} to ${signedNum(a.field.posts.p95)}`);
      if (a.flips.length) lines.push(`  flipped by: ${a.flips.map(describeFlip).join('; ')}`);
      if (a.premiseFlip) lines.push(`  premise: stops holding at ${Object.entries(a.premiseFlip.values).map(([k, v]) => `${k} = ${shortNum(v)}`).join(', ')}`);
      else if (a.premiseSteps.length) lines.push('  premise: holds all the way to its neutral value (the mechanisms carry it without the premise)');
      for (const ab of a.ablations) lines.push(`  ${ab.held ? 'holds' : 'fails'} ${ab.label}: effect ${(ab.effect * 100).toFixed(1)}% [${(ab.lo * 100).toFixed(1)}%, ${(ab.hi * 100).toFixed(1)}%]`);
    }
  }
  return lines.join('\n');
}

export const CLAIMS_MANIFEST = 'claims-manifest.json';
export const CLAIMS_JSON = 'claims.json';

function writeOutputs(out: string, settings: Settings, sizes: SizeResult[], audits: AuditResult[]): string[] {
  const rows = ['claim,employees,comparison,passed,estimate,lo,hi,verdict'];
  for (const s of sizes) for (const r of s.results) rows.push([s.claim, s.employees, csvCell(r.label), r.passed, csvNumber(r.estimate), csvNumber(r.lo), csvNumber(r.hi), csvCell(r.verdict)].join(','));
  writeAtomic(join(out, 'claims.csv'), [rows.join('\n'), '\n']);
  writeAtomic(join(out, CLAIMS_JSON), [JSON.stringify({ sizes, audits }, null, 1), '\n']);
  const files = ['claims.csv', CLAIMS_JSON];
  if (audits.length) {
    // One row per organization and parameter: its posterior particle, whether the claim held, its main effect and
    // field effect (monthly contributors, favoured arm minus the other), the parameter (assumed or calibrated).
    const pts = ['claim,point,particle,held,effect,contributors,parameter,kind,value'];
    for (const a of audits) {
      a.points.forEach((p, i) => a.parameters.forEach((q, j) => pts.push([
        a.claim, i, p.particle ?? '', p.held, csvNumber(p.effect), csvNumber(p.contributors), csvCell(q.path), q.kind, csvNumber(p.values[j]!),
      ].join(','))));
    }
    writeAtomic(join(out, 'audit-points.csv'), [pts.join('\n'), '\n']);
    writeAtomic(join(out, AUDIT_JSON), [`${JSON.stringify(auditFileOf(audits, { runs: settings.audit!.runs, seed: settings.seed, sets: settings.sets }), null, 1)}\n`]);
    files.push('audit-points.csv', AUDIT_JSON);
  }
  return files;
}

export async function claims(argv: string[]): Promise<number> {
  const { values, positionals: given } = parseCommand('claims', argv, OPTIONS);
  if (values.help) {
    print(COMMAND_USAGE.claims!);
    return 0;
  }
  if (values.patterns) return claimsPatterns(values, given);
  const selected = selectClaims(positionals('claims', given, 'claims', 0, true));
  const audit = values.audit
    ? {
      points: wholeNumber('claims', 'points', values.points, 4, 10_000) ?? 64,
      runs: wholeNumber('claims', 'audit-runs', values['audit-runs'], 2, 1000) ?? 8,
      size: wholeNumber('claims', 'audit-size', values['audit-size'], 50, MAX_EMPLOYEES) ?? 400,
      premiseSteps: wholeNumber('claims', 'premise-steps', values['premise-steps'], 2, 100) ?? 6,
      posterior: null as { file: string; sha256: string } | null,
    }
    : null;
  // The organizations' calibrated parameters: drawn from the shipped posterior unless told otherwise.
  let posterior: Posterior | null = null;
  let posteriorInfo: AuditResult['posterior'] = null;
  if (audit && values.posterior !== 'none') {
    const file = values.posterior ?? SHIPPED_POSTERIOR;
    posterior = readPosterior(file);
    audit.posterior = { file: displayPath(file), sha256: createHash('sha256').update(JSON.stringify(posterior)).digest('hex') };
    const c = posterior.calibration;
    posteriorInfo = { name: c.name, note: c.note, particles: c.particles, ess: c.ess, targetsSha256: c.targetsSha256, stale: posteriorStaleness(posterior) };
    if (posteriorInfo.stale) note(`orgsim: warning: ${posteriorInfo.stale}`);
  }
  if (!values.audit) for (const o of ['points', 'audit-runs', 'audit-size', 'premise-steps', 'posterior'] as const) if (values[o] !== undefined) throw usageError('claims', `--${o} needs --audit`);
  const settings: Settings = {
    claims: selected.map((c) => c.id),
    sets: values.set ?? [],
    sizes: parseSizes(values.sizes),
    runs: wholeNumber('claims', 'runs', values.runs, 2, 10_000) ?? CLAIM_RUNS,
    seed: wholeNumber('claims', 'seed', values.seed, 0, 2 ** 31 - 1) ?? CLAIM_SEED,
    audit,
  };
  const workers = workerCount('claims', values.workers);
  const shard = parseShard('claims', values.shard);
  if (shard && values.out === undefined) throw usageError('claims', '--shard needs --out DIR (the folder every shard writes into)');
  const out = values.out === undefined ? undefined : checkOutFolder('claims', values.out);
  if (out !== undefined) checkClaimsFolder(out, settings);
  const { claims: planned, jobs } = plan(settings, posterior);
  if (checkOnly()) return 0;
  const comparisons = (id: string) => CLAIMS.find((c) => c.id === id)!.comparisons.length;
  if (out !== undefined) openFolder(out, settings);

  const measures: (number[] | undefined)[] = jobs.map((j, k) => (out !== undefined ? readPart(out, k, j, comparisons(j.claim)) : undefined));
  const pending = jobs.map((_, k) => k).filter((k) => measures[k] === undefined && (!shard || k % shard.count === shard.index));
  if (out !== undefined && pending.length < jobs.length && !shard) note(`orgsim: resuming ${displayPath(out)}: ${jobs.length - pending.length} of ${jobs.length} runs already done`);
  const armOf = new Map(planned.flatMap((c) => c.claim.arms.map((a, i) => [`${c.claim.id}:${a}`, c.arms[i]!] as const)));
  const scenarioCache = new Map<string, Scenario>();
  const scenarioOf = (j: Job) => {
    const key = `${j.claim}:${j.arm}:${j.phase}:${j.index}`;
    let s = scenarioCache.get(key);
    if (!s) {
      s = armAt(armOf.get(`${j.claim}:${j.arm}`)!, j.employees, j.set, `${j.claim} ${j.arm} (${j.phase} ${j.index})`);
      scenarioCache.clear(); // jobs come in order: keep only the current one
      scenarioCache.set(key, s);
    }
    return s;
  };
  const bar = progressBar('claims', pending.length, isLong(pending.length, 2000, 500));
  let done = 0;
  let interrupted: NodeJS.Signals | null = null;
  try {
    // Ctrl-C or SIGTERM (a scheduler's notice) stops handing out runs; the saved ones stay for the same command.
    ({ interrupted } = await interruptible((signal) =>
      runClaimJobs(pending.length, (i) => ({ scenario: scenarioOf(jobs[pending[i]!]!), seed: jobs[pending[i]!]!.seed, claim: jobs[pending[i]!]!.claim }), {
        workers,
        signal,
        onResult: (i, values) => {
          const k = pending[i]!;
          const j = jobs[k]!;
          const m = Array.from(values);
          measures[k] = m;
          if (out !== undefined) writeAtomic(partPath(out, k), [JSON.stringify(makePart(k, j, m))]);
          bar.update(++done);
        },
      }),
    ));
  } finally {
    bar.stop();
  }
  if (interrupted) {
    note(out === undefined
      ? `orgsim: interrupted (${interrupted}): nothing was saved; give --out DIR to keep finished runs`
      : `orgsim: interrupted (${interrupted}): ${done} of ${pending.length} runs done, kept in ${displayPath(join(out, 'parts'))}; run the same command again to resume`);
    return EXIT_INTERRUPTED;
  }
  if (measures.some((m) => m === undefined)) {
    const left = measures.filter((m) => m === undefined).length;
    note(`orgsim: shard ${shard!.index}/${shard!.count} done; ${left} runs of other shards are still missing in ${displayPath(out!)}: once every shard is done, run the same command without --shard to write the results`);
    return 0;
  }
  const { sizes, audits } = analyse(settings, planned, jobs, measures, posteriorInfo);
  if (out !== undefined) {
    const files = writeOutputs(out, settings, sizes, audits);
    note(`orgsim: wrote ${files.join(', ')} in ${displayPath(out)} (commit ${gitCommit() ?? 'unknown'})`);
  }
  print(summary(settings, sizes, audits, readShippedAudit()));
  return 0;
}
