/**
 * The folder of `orgsim claims --out DIR`: its manifest (the settings it was made with), one part file per
 * finished run (so that the same command resumes, and shards share the folder), and the results' files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_STATISTICS } from '../src/claims-field.ts';
import type { AuditResult, SizeResult } from '../src/claims-results.ts';
import { csvCell, csvNumber } from '../src/csv.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { AUDIT_JSON, auditFileOf } from './claims-audit-file.ts';
import type { Job, Settings } from './claims-plan.ts';
import { checkFolderKind } from './experiment-kind.ts';
import { displayPath, makeFolder, writeAtomic } from './files.ts';
import { INPUTS, readInput } from './input.ts';
import { version } from './version.ts';

export const CLAIMS_MANIFEST = 'claims-manifest.json';
export const CLAIMS_JSON = 'claims.json';

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
export function checkClaimsFolder(out: string, settings: Settings): void {
  checkFolderKind(out, 'claims');
  const path = join(out, CLAIMS_MANIFEST);
  if (existsSync(path)) {
    sameSettings(out, settings);
    return;
  }
  const names = folderNames(out);
  if (names.length)
    throw new ScenarioError(
      `--out ${displayPath(out)}: the folder is not empty and holds no ${CLAIMS_MANIFEST}; choose a new or ` +
        `empty folder (nothing was written)`,
    );
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
    throw new ScenarioError(
      `--out ${displayPath(out)}: holds claims runs made with other settings; use another folder, or the ` +
        `settings of ${displayPath(path)}`,
    );
  }
}

/**
 * Create the folder (checked by checkClaimsFolder) and write the manifest of new claims runs. The manifest
 * comes before parts/: a shard starting at the same moment into the same folder then sees an empty folder
 * (new), or the manifest (the same runs), never parts/ without a manifest (another experiment's files).
 */
export function openFolder(out: string, settings: Settings): void {
  const path = join(out, CLAIMS_MANIFEST);
  if (existsSync(path)) sameSettings(out, settings);
  else {
    makeFolder(out);
    writeAtomic(path, [manifestText(settings), '\n']);
  }
  makeFolder(join(out, 'parts'));
}

export const partPath = (out: string, k: number) => join(out, 'parts', `job-${k}.json`);

interface ClaimPart {
  job: number;
  claim: string;
  arm: string;
  seed: number;
  measures: number[];
  sha256: string;
}

/** The checksum of a part's content, so that an edited part is run again rather than believed. */
function partChecksum(p: Omit<ClaimPart, 'sha256'>): string {
  return createHash('sha256')
    .update(`${p.job}\n${p.claim}\n${p.arm}\n${p.seed}\n${p.measures.map(csvNumber).join(',')}`)
    .digest('hex');
}

export function makePart(k: number, job: Job, measures: number[]): ClaimPart {
  const part = { job: k, claim: job.claim, arm: job.arm, seed: job.seed, measures };
  return { ...part, sha256: partChecksum(part) };
}

/**
 * A run's measures (the claim's comparisons, then its field measures) if its part is there, whole, of this run,
 * and unedited; else it is run (again).
 */
export function readPart(out: string, k: number, job: Job, comparisons: number): number[] | undefined {
  try {
    const text = readInput(partPath(out, k), INPUTS.part, { optional: true });
    if (text === undefined) return undefined;
    const p = JSON.parse(text) as Partial<ClaimPart>;
    if (p.job !== k || p.seed !== job.seed || p.claim !== job.claim || p.arm !== job.arm) return undefined;
    if (
      !Array.isArray(p.measures) ||
      p.measures.length !== comparisons + FIELD_STATISTICS.length ||
      !p.measures.every((x) => typeof x === 'number')
    )
      return undefined;
    if (p.sha256 !== partChecksum(p as ClaimPart)) return undefined;
    return p.measures;
  } catch {
    return undefined;
  }
}

export function writeOutputs(out: string, settings: Settings, sizes: SizeResult[], audits: AuditResult[]): string[] {
  const rows = ['claim,employees,comparison,passed,estimate,lo,hi,verdict'];
  for (const s of sizes)
    for (const r of s.results)
      rows.push(
        [
          s.claim,
          s.employees,
          csvCell(r.label),
          r.passed,
          csvNumber(r.estimate),
          csvNumber(r.lo),
          csvNumber(r.hi),
          csvCell(r.verdict),
        ].join(','),
      );
  writeAtomic(join(out, 'claims.csv'), [rows.join('\n'), '\n']);
  writeAtomic(join(out, CLAIMS_JSON), [JSON.stringify({ sizes, audits }, null, 1), '\n']);
  const files = ['claims.csv', CLAIMS_JSON];
  if (audits.length) {
    // One row per organization and parameter: its posterior particle, whether the claim held, its main effect and
    // field effect (monthly contributors, favoured arm minus the other), the parameter (assumed or calibrated).
    const pts = ['claim,point,particle,held,effect,contributors,parameter,kind,value'];
    for (const a of audits) {
      a.points.forEach((p, i) =>
        a.parameters.forEach((q, j) =>
          pts.push(
            [
              a.claim,
              i,
              p.particle ?? '',
              p.held,
              csvNumber(p.effect),
              csvNumber(p.contributors),
              csvCell(q.path),
              q.kind,
              csvNumber(p.values[j]!),
            ].join(','),
          ),
        ),
      );
    }
    writeAtomic(join(out, 'audit-points.csv'), [pts.join('\n'), '\n']);
    writeAtomic(join(out, AUDIT_JSON), [
      `${JSON.stringify(
        auditFileOf(audits, { runs: settings.audit!.runs, seed: settings.seed, sets: settings.sets }),
        null,
        1,
      )}\n`,
    ]);
    files.push('audit-points.csv', AUDIT_JSON);
  }
  return files;
}
