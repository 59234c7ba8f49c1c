/**
 * The documentation cannot drift from the schema:
 * (a) src/PARAMETERS.md is what scripts/parameters-doc.ts generates from the schema today;
 * (b) every parameter path src/MODEL.md names in code (inline `...` or fenced blocks) exists;
 * (c) every parameter (but the run's seed and horizon) is named in src/MODEL.md, so no mechanism goes
 *     undocumented when a parameter is added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMETERS_FILE, parametersUpToDate, renderParameters } from '../scripts/parameters-doc.ts';
import { parameterList } from '../src/scenario/paths.ts';

const MODEL_FILE = new URL('../src/MODEL.md', import.meta.url);
const model = readFileSync(MODEL_FILE, 'utf8');
const params = parameterList();
const paths = new Set(params.map((p) => p.path));
/** Top-level sections of the scenario (organization, behaviour, cm, ...), from the schema itself. */
const sections = [...new Set(params.filter((p) => p.path.includes('.')).map((p) => p.path.split('.')[0]!))];
/** Inner nodes of the parameter tree below a section, e.g. members.riskAversion (for its .a and .b). */
const nodes = new Set(
  params.flatMap((p) => {
    const keys = p.path.split('.');
    return keys.slice(2).map((_, k) => keys.slice(0, k + 2).join('.'));
  }),
);

/** The text inside code: fenced blocks and inline code spans. */
function codeText(md: string): string[] {
  const out: string[] = [];
  const rest = md.replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm, (_m, _fence, body: string) => {
    out.push(body);
    return '';
  });
  for (const m of rest.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)) out.push(m[2]!);
  return out;
}

/**
 * Parameter-like paths in a text: a known section, then one or more .name keys (e.g. behaviour.riskWeight),
 * not inside a longer name (p.behaviour.x, c1-no-governance.json, src/cm.ts).
 */
function pathTokens(text: string): string[] {
  const re = new RegExp(`(?<![A-Za-z0-9_.$/-])(?:${sections.join('|')})(?:\\.[A-Za-z_][A-Za-z0-9_]*)+`, 'g');
  return [...text.matchAll(re)].map((m) => m[0]);
}

const mentioned = new Set(codeText(model).flatMap(pathTokens));

describe('src/PARAMETERS.md', () => {
  it('is up to date with the schema (run `npx tsx scripts/parameters-doc.ts` if not)', () => {
    const onDisk = readFileSync(PARAMETERS_FILE, 'utf8').replace(/\r\n/g, '\n');
    expect(onDisk).toBe(renderParameters());
    expect(parametersUpToDate()).toBe(true);
  });

  it('has one row per parameter, with the columns the brief asks for', () => {
    const doc = renderParameters();
    for (const p of params) expect(doc, p.path).toContain(`| \`${p.path}\` |`);
    expect(doc).toContain(
      '| path | description | default | range | plausible range | unit | live | source of the default | seed ' +
        'sentence |',
    );
  });

  it('escapes pipes and newlines inside table cells', () => {
    const doc = renderParameters([
      {
        path: 'x.y',
        type: 'number',
        default: 1,
        minimum: 0,
        maximum: 2,
        description: 'a | b',
        unit: 'u',
        source: 's',
        seed: 'one\ntwo',
        live: true,
        group: 'value',
      },
    ]);
    const row = doc.split('\n').find((l) => l.startsWith('| `x.y`'))!;
    expect(row).toContain('a \\| b');
    expect(row).toContain('one<br>two');
    // Unescaped pipes delimit exactly the 9 columns.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(9);
  });
});

describe('src/MODEL.md', () => {
  it('finds parameter paths in code spans and blocks (self-check of the scanner)', () => {
    expect(mentioned.has('behaviour.riskWeight')).toBe(true);
    expect(pathTokens('x = p.behaviour.riskWeight')).toEqual([]);
    expect(pathTokens('see world.ts and Simulation.step()')).toEqual([]);
    expect(pathTokens('scenarios/c1-no-governance.json, src/cm.ts')).toEqual([]);
    expect(sections).toContain('behaviour');
  });

  it('names only parameters that exist', () => {
    const unknown = [...mentioned].filter((p) => !paths.has(p) && !nodes.has(p));
    expect(unknown, `MODEL.md names parameter paths that are not in the schema: ${unknown.join(', ')}`).toEqual([]);
  });

  it('names every parameter (but seed and ticks) at least once', () => {
    // A Beta attribute may be named by its node (members.riskAversion) for both shapes (.a, .b).
    const parent = (p: string) => p.split('.').slice(0, -1).join('.');
    const missing = params
      .map((p) => p.path)
      .filter((p) => p !== 'seed' && p !== 'ticks')
      .filter((p) => !mentioned.has(p) && !(nodes.has(parent(p)) && mentioned.has(parent(p))));
    expect(missing, `parameters not described in src/MODEL.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('does not restate default values: it links to PARAMETERS.md', () => {
    expect(model).toContain('(PARAMETERS.md)');
  });
});
