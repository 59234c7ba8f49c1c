/**
 * Fills what docs/results.md and the story say of the audit from the audit's file, so that no figure is written
 * by hand: the audit columns of the claims table in docs/results.md (share of plausible organizations where the claim
 * holds with its interval, "not robust" below 80%, the 90% range of its effect, what flips it), the sentence
 * above it that says how the audit ran, and each claim step's `audit` in scenarios/stories/claims.json. The
 * audit file is copied to docs/claims-audit.json, which `orgsim claims` quotes for value ranges.
 *
 *   npx tsx scripts/claims-audit-fill.ts DIR/claims-audit.json   after orgsim claims --audit --out DIR
 *   npx tsx scripts/claims-audit-fill.ts --check                 exit 1 if docs/results.md or the story disagree
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { robustShareText, ROBUST_SHARE } from '../src/claims-audit.ts';
import { CLAIMS } from '../src/claims.ts';
import { readAuditFile, SHIPPED_AUDIT, type AuditClaim, type AuditFile } from '../cli/claims-audit-file.ts';
import { parameterInfo } from '../src/scenario/paths.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { terminalText } from '../cli/format.ts';
import { scenarioFiles } from '../cli/scenarios.ts';
import { parseStory } from '../src/story.ts';

const RESULTS = fileURLToPath(new URL('../docs/results.md', import.meta.url));
const STORY = fileURLToPath(new URL('../scenarios/stories/claims.json', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const README_TABLE = '| claim | what the essays say |';

/** A Markdown table row's cells, trimmed ("| a | b |" -> ["a", "b"]). */
const tableCells = (row: string): string[] =>
  row
    .slice(1, -1)
    .split(' | ')
    .map((c) => c.trim());

const pct0 = (x: number) => `${Math.round(x * 100)}`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '\u2212'}${Math.abs(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;
const signedNum = (x: number) => `${x >= 0 ? '+' : '\u2212'}${Math.abs(x).toPrecision(2)}`;
const short = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** An effect as the claim states it: relative to the other arm, or a log ratio (paired). */
export const effectText = (kind: string, x: number) => (kind === 'paired' ? signedNum(x) : signedPct(x));

/** "71% [60, 80]", with "not robust" below ROBUST_SHARE. */
export function holdsCell(c: AuditClaim): string {
  const h = c.holds;
  return (
    `${robustShareText(h.share)} [${pct0(h.lo)}, ` +
    `${pct0(h.hi)}]${c.robust ? '' : ` **not robust** (below ${ROBUST_SHARE * 100}%)`}`
  );
}

/** The main comparison's 90% range, value marked as a model figure, and the field units. */
export function effectCell(c: AuditClaim): string {
  const e = c.effects[0]!;
  const points = (x: number) => `${x >= 0 ? '+' : '\u2212'}${Math.abs(x * 100).toFixed(1)}`;
  return (
    `${effectText(e.kind, e.p5)} to ${effectText(e.kind, e.p95)}${e.value ? ' (model figure)' : ''}; ` +
    `contributors ${points(c.field.contributors.p5)} to ${points(c.field.contributors.p95)} points`
  );
}

/** A parameter in its own words for a reader: its description, without a closing parenthesis, lower case. */
function described(path: string): string {
  const what = (parameterInfo(path)?.description ?? path).replace(/\s*\([^)]*\)\s*$/, '');
  return `${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

/** Where the premise stops carrying the claim, in words: "what ... knows ... reaches 0.15" (after "it flips when"). */
function premiseWords(premiseFlip: string): string {
  const pairs = premiseFlip.split(', ').map((x) => x.split(' = ') as [string, string]);
  const value = new Map(pairs);
  const parts = pairs.flatMap(([path, v]) => {
    // A Beta distribution's two shapes say one thing to a reader: its mean, a / (a + b).
    const beta = /^(.*)\.(a|b)$/.exec(path);
    if (beta && value.has(`${beta[1]}.a`) && value.has(`${beta[1]}.b`)) {
      if (beta[2] === 'b') return [];
      const a = Number(value.get(`${beta[1]}.a`));
      const b = Number(value.get(`${beta[1]}.b`));
      return [
        `the mean ${described(path)
          .replace(/: beta shape a$/i, '')
          .replace(/\s*\([^)]*\)\s*$/, '')} reaches ${(a / (a + b)).toFixed(2)}`,
      ];
    }
    return [parameterInfo(path) ? `${described(path)} reaches ${v}` : `${path} = ${v}`];
  });
  // A premise of several parameters moves them together: the first says it, the others are counted.
  const more =
    parts.length > 2
      ? `, and ${parts.length - 1} more of its parameters about as far`
      : parts.length === 2
        ? `, and ${parts[1]}`
        : '';
  return `${parts[0]}${more}`;
}

/** What flips it, in a parameter's own words for a reader (its description), strongest first. */
export function flipWords(c: AuditClaim, max = 3, forRoom = false): string[] {
  const out = c.flips.slice(0, max).map((f) => {
    const what = described(f.path);
    const where =
      f.at === null
        ? `holds more often when it is ${f.holdsWhen === 'below' ? 'lower' : 'higher'}`
        : `holds while it is ${f.holdsWhen} ${short(f.at)}`;
    return `${what} (${f.kind === 'posterior' ? 'calibrated' : 'assumed'}): ${where}`;
  });
  if (!out.length && c.weakestLead) {
    out.push(
      forRoom
        ? `no single assumption explains where it fails, over ${c.holds.points} organizations`
        : `no parameter flips it significantly (Holm's correction); the closest: ${c.weakestLead}`,
    );
  }
  if (c.premiseFlip)
    out.push(forRoom ? premiseWords(c.premiseFlip) : `it stops holding when its premise reaches ${c.premiseFlip}`);
  return out;
}

export function flipCell(c: AuditClaim): string {
  const w = flipWords(c);
  return w.length ? w.join('; ') : 'nothing over the plausible ranges';
}

const HEADER =
  '| claim | premise (one property of individuals) | 200 employees (60 runs) | 2,000 (20) | 20,000 (10) | ' +
  'holds in plausible organizations | effect in 90% of them | what flips it |';
const START = '<!-- claims-audit:settings -->';
const END = '<!-- /claims-audit:settings -->';

export function settingsText(a: AuditFile): string {
  const s = a.settings;
  const post = s.posterior
    ? `a particle of the calibration's posterior ("${s.posterior.name}", ${s.posterior.particles} particles, ` +
      `effective size ${s.posterior.ess.toFixed(0)}${s.posterior.note ? `; ${s.posterior.note}` : ''}) ` +
      `resampled by weight`
    : 'the calibrated defaults';
  return (
    `The audit columns come from \`orgsim claims --audit --audit-size ${s.employees} --points ${s.points} ` +
    `--audit-runs ${s.runs}\` ` +
    `(docs/claims-audit.json): ${s.points} organizations of ${s.employees.toLocaleString('en-US')} ` +
    `employees, each ${post} crossed with every ` +
    'assumed parameter over its plausible range (src/PARAMETERS.md), the premise and what the arms compare ' +
    'left as the arms set them. ' +
    `A claim holds in an organization when every comparison points the predicted way (Wilson 95% interval); ` +
    `below ${ROBUST_SHARE * 100}% it is **not robust**. ` +
    "The effect column is the 5th to 95th percentile of the main comparison's effect over the organizations " +
    '(value has no field measure: a model figure), ' +
    'then the difference in the share of employees who contribute in a month, in points (published: about ' +
    '20% in an average network, 30-40% in the champions, SWOOP 2016 and 2018). ' +
    '"What flips it": the parameters whose logistic regression on holding is significant at 5% after Holm\'s ' +
    'correction for testing every parameter (uncorrected, about three of 60 would flip a claim by chance), with ' +
    'where it flips, and where its premise stops holding.'
  );
}

/** docs/results.md with the audit's columns and settings filled in; other columns are kept. */
export function fillResults(text: string, a: AuditFile): string {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => l.startsWith('| claim | premise'));
  if (h < 0) throw new Error('docs/results.md: no claims table (a line starting "| claim | premise")');
  lines[h] = HEADER;
  lines[h + 1] = `|${'---|'.repeat(8)}`;
  for (let i = h + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    const cells = tableCells(lines[i]!);
    const id = /^(C\d+)\b/.exec(cells[0]!)?.[1];
    const c = a.claims.find((x) => x.claim === id);
    // A pipe inside a cell ("|z|") would end it.
    const audit = (c ? [holdsCell(c), effectCell(c), flipCell(c)] : ['not audited', '', '']).map((x) =>
      x.replace(/(?<!\\)\|/g, '\\|'),
    );
    lines[i] = `| ${[...cells.slice(0, 5), ...audit].join(' | ')} |`;
  }
  let out = lines.join('\n');
  const s = out.indexOf(START);
  const e = out.indexOf(END);
  if (s < 0 || e < s)
    throw new Error(`docs/results.md: no ${START} ... ${END} around the sentence that says how the audit ran`);
  out = `${out.slice(0, s + START.length)}${settingsText(a)}${out.slice(e)}`;
  return out;
}

/**
 * The README's claims table with its third column, the share of plausible organizations where each claim holds
 * (holdsCell: the same words as docs/results.md), so that a reader of the README sees which claims are not robust.
 */
export function fillReadme(text: string, a: AuditFile): string {
  const lines = text.split('\n');
  const h = lines.findIndex((l) => l.startsWith(README_TABLE));
  if (h < 0) throw new Error(`README.md: no claims table (a line starting "${README_TABLE}")`);
  lines[h] = `${README_TABLE} holds in plausible organizations |`;
  lines[h + 1] = `|${'---|'.repeat(3)}`;
  for (let i = h + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    const cells = tableCells(lines[i]!);
    const c = a.claims.find((x) => x.claim === cells[0]);
    lines[i] = `| ${[...cells.slice(0, 2), c ? holdsCell(c) : 'not audited'].join(' | ')} |`;
  }
  return lines.join('\n');
}

/** The story with each claim step's `audit` filled in from the audit (steps of claims not audited are kept). */
export function fillStory(text: string, a: AuditFile): string {
  const story = JSON.parse(text) as { steps: { claim?: string; audit?: unknown }[] };
  for (const step of story.steps) {
    const c = a.claims.find((x) => x.claim === step.claim);
    if (!c) continue;
    const claim = CLAIMS.find((x) => x.id === c.claim);
    const e = c.effects[0]!;
    step.audit = {
      holds: Number(c.holds.share.toFixed(3)),
      lo: Number(c.holds.lo.toFixed(3)),
      hi: Number(c.holds.hi.toFixed(3)),
      premise: claim?.premise?.text.replace(/^./, (ch) => ch.toLowerCase()) ?? 'nothing beyond the general mechanisms',
      // The story's schema keeps a flip under 300 characters.
      flips: flipWords(c, 3, true).map((x) => (x.length > 300 ? `${x.slice(0, 299)}\u2026` : x)),
      robust: c.robust,
      effect: {
        measure: e.label,
        kind: e.kind === 'paired' ? 'log ratio' : 'relative',
        lo: Number(e.p5.toFixed(4)),
        hi: Number(e.p95.toFixed(4)),
        model: e.value,
      },
    };
  }
  return `${JSON.stringify(story, null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  try {
    if (argv[0] === '--check') {
      const a = readAuditFile(SHIPPED_AUDIT);
      const results = readFileSync(RESULTS, 'utf8');
      const story = readFileSync(STORY, 'utf8');
      const readme = readFileSync(README, 'utf8');
      const ok =
        fillResults(results, a) === results && fillStory(story, a) === story && fillReadme(readme, a) === readme;
      console[ok ? 'log' : 'error'](
        ok
          ? 'docs/results.md, README.md and the story agree with docs/claims-audit.json.'
          : 'docs/results.md, README.md or the story disagree with docs/claims-audit.json: run npx ' +
              'tsx scripts/claims-audit-fill.ts docs/claims-audit.json',
      );
      return ok ? 0 : 1;
    }
    if (argv.length !== 1) {
      console.error('usage: npx tsx scripts/claims-audit-fill.ts DIR/claims-audit.json | --check');
      return 2;
    }
    const a = readAuditFile(argv[0]!);
    // What is written must open on the page: the filled story passes the story's own checks before anything is written.
    const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));
    parseStory(fillStory(readFileSync(STORY, 'utf8'), a), 'the filled story', (id) => ids.includes(id), ids);
    writeFileSync(SHIPPED_AUDIT, `${JSON.stringify(a, null, 1)}\n`);
    writeFileSync(RESULTS, fillResults(readFileSync(RESULTS, 'utf8'), a));
    writeFileSync(STORY, fillStory(readFileSync(STORY, 'utf8'), a));
    writeFileSync(README, fillReadme(readFileSync(README, 'utf8'), a));
    console.log(
      `filled docs/results.md, README.md and scenarios/stories/claims.json from ${argv[0]} ` +
        `(${a.claims.length} claims, ` +
        `${a.settings.points} organizations at ${a.settings.employees} employees); copied it to ` +
        `docs/claims-audit.json`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      console.error(terminalText(`orgsim: ${e.message}`));
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
