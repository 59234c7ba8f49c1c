/**
 * The catalogue of every statement of the essays (src/patterns.ts): its data (verbatim quotes, every sentence
 * of the essays covered, arms that use levers only, claims that exist), its generated document, its command,
 * and every measured row at 2,000 employees on common seeds, whose measured status must be the documented one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims.ts';
import { armScenario, measurePatterns, planPatterns } from '../cli/patterns.ts';
import { parameterList } from '../src/scenario/paths.ts';
import {
  NOT_STATEMENTS,
  PATTERN_ARMS,
  PATTERN_EMPLOYEES,
  PATTERN_RUNS,
  PATTERN_SEED,
  PATTERNS,
  evaluatePattern,
  measuredRows,
  testSides,
  type ArmName,
  type MeasuredRow,
  type PatternResult,
} from '../src/patterns.ts';
import { patternsSummary, patternsUpToDate, renderPatterns, PATTERNS_FILE } from '../scripts/patterns-doc.ts';
import { cli, expectMistake } from './sweep-helpers.ts';

const norm = (s: string) =>
  s
    .replace(/[\u2019']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
const parts = (quote: string) => norm(quote).split(' ... ');

describe('the catalogue of statements', () => {
  it('has one row per statement, 40 or more, with unique ids in essay order', () => {
    expect(PATTERNS.length).toBeGreaterThanOrEqual(40);
    const ids = PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const prefix of ['R', 'I']) {
      const own = ids.filter((id) => id.startsWith(prefix));
      expect(own).toEqual(own.map((_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`));
    }
    for (const p of PATTERNS)
      expect(p.essay, p.id).toBe(
        p.id.startsWith('R') ? 'roles-in-online-social-spaces' : 'internal-vs-external-community-managers',
      );
  });

  it('points a statement that is a claim to a claim that exists, and says why the others are not modelled', () => {
    for (const p of PATTERNS) {
      if (p.kind === 'claim')
        expect(
          CLAIMS.map((c) => c.id),
          p.id,
        ).toContain(p.claim);
      if (p.kind === 'not modelled') expect(p.reason.length, p.id).toBeGreaterThan(10);
    }
    // Each claim is the pattern of at least one statement.
    for (const c of CLAIMS)
      expect(
        PATTERNS.some((p) => p.kind === 'claim' && p.claim === c.id),
        c.id,
      ).toBe(true);
  });

  const seeds = new URL('../../shared/seeds/', import.meta.url);
  const essay = (name: string) => readFileSync(new URL(`${name}.txt`, seeds), 'utf8');

  it.skipIf(!existsSync(seeds))('quotes the essays word for word', () => {
    for (const p of PATTERNS) {
      const text = norm(essay(p.essay));
      for (const part of parts(p.quote)) expect(text, p.id).toContain(part);
    }
  });

  it.skipIf(!existsSync(seeds))('quotes every sentence of the essays that states something', () => {
    const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z\u201c])/);
    const quoted = PATTERNS.flatMap((p) => parts(p.quote).flatMap(sentencesOf));
    const nothing = NOT_STATEMENTS.map(norm);
    // Lines (headings, bullets, paragraphs), then sentences: a stop followed by a capital or a quote mark.
    const sentences = ['roles-in-online-social-spaces', 'internal-vs-external-community-managers'].flatMap((name) =>
      essay(name)
        .split(/\n+/)
        .map(norm)
        .filter(Boolean)
        .flatMap((l) => sentencesOf(l.replace(/^• /, ''))),
    );
    expect(sentences.length).toBeGreaterThan(100);
    const uncovered = sentences.filter(
      (s) => !quoted.some((q) => s.includes(q) || q.includes(s)) && !nothing.includes(s),
    );
    expect(uncovered).toEqual([]);
    // What states nothing is a whole sentence of the essays, which it excuses alone.
    for (const n of nothing) expect(sentences, n).toContain(n);
  });

  it('builds every arm from a shipped scenario and levers a user has (roles, policies), never a weight \
of behaviour', () => {
    const group = new Map(parameterList().map((p) => [p.path, p.group]));
    for (const [name, arm] of Object.entries(PATTERN_ARMS)) {
      for (const path of Object.keys(arm.set))
        expect(['roles', 'policies'], `${name}: ${path}`).toContain(group.get(path));
      const s = armScenario(name as ArmName, PATTERN_EMPLOYEES);
      expect(s.organization.employees).toBe(PATTERN_EMPLOYEES);
      for (const [path, value] of Object.entries(arm.set))
        expect(
          path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s),
          `${name}: ${path}`,
        ).toBe(value);
    }
    // Every arm is read by some row.
    const read = new Set(measuredRows().flatMap((r) => r.tests.flatMap((t) => testSides(t).map((s) => s.arm))));
    expect([...read].sort()).toEqual(Object.keys(PATTERN_ARMS).sort());
  });

  it('runs arms that come out identical once, and only those', () => {
    const plan = planPatterns({ employees: PATTERN_EMPLOYEES, runs: 2 });
    expect(plan.flatMap((p) => p.arms).sort()).toEqual(Object.keys(PATTERN_ARMS).sort());
    const same = (a: ArmName, b: ArmName) => {
      const { name: _a, description: _b, ...x } = armScenario(a, PATTERN_EMPLOYEES);
      const { name: _c, description: _d, ...y } = armScenario(b, PATTERN_EMPLOYEES);
      return JSON.stringify(x) === JSON.stringify(y);
    };
    for (const [i, p] of plan.entries()) {
      for (const a of p.arms) expect(same(a, p.arms[0]!), `${a} runs as ${p.arms[0]}`).toBe(true);
      for (const q of plan.slice(i + 1))
        expect(same(p.arms[0]!, q.arms[0]!), `${p.arms[0]} and ${q.arms[0]} run twice`).toBe(false);
    }
    // The per-agent table is asked for where a row reads it, and only there.
    for (const p of plan)
      expect(p.agents, p.arms.join(', ')).toBe(
        measuredRows().some((r) => r.tests.some((t) => testSides(t).some((s) => s.agents && p.arms.includes(s.arm)))),
      );
    expect(plan.some((p) => p.agents)).toBe(true);
  });

  it('names the two sides of every test apart', () => {
    for (const r of measuredRows())
      for (const t of r.tests) {
        const [a, b] = testSides(t);
        expect(a.label, r.id).not.toBe(b.label);
        if (a.arm === b.arm) expect(a.measure, `${r.id}: the same arm needs two measures`).not.toBe(b.measure);
      }
  });

  it("tests a row with the claims' statistics: a row holds only when every test passes", () => {
    const row: MeasuredRow = {
      id: 'X',
      essay: 'roles-in-online-social-spaces',
      kind: 'measured',
      quote: '',
      pattern: '',
      status: 'holds',
      tests: [
        {
          kind: 'higher',
          label: 'a',
          lower: { arm: 'noGovernance', label: 'low', measure: () => 0 },
          higher: { arm: 'governed', label: 'high', measure: () => 0 },
        },
        {
          kind: 'close',
          label: 'b',
          reference: { arm: 'noGovernance', label: 'ref', measure: () => 0 },
          other: { arm: 'governed', label: 'other', measure: () => 0 },
          margin: 0.1,
        },
      ],
    };
    // values[arm][seed][test][side]: governed above noGovernance by 1 +- noise; the close test 5% apart.
    const noise = [0.1, -0.2, 0.05, 0.15, -0.1, 0];
    const values = (shift: number, closeBy: number) => ({
      noGovernance: noise.map(() => [
        [10, NaN],
        [100, NaN],
      ]),
      governed: noise.map((e) => [
        [NaN, 10 + shift + e],
        [NaN, 100 * (1 + closeBy) + e],
      ]),
    });
    const ok: PatternResult = evaluatePattern(row, values(1, 0.05));
    expect(ok.status).toBe('holds');
    expect(ok.results[0]!.estimate).toBeCloseTo(0.1 + mean(noise) / 10, 10);
    expect(evaluatePattern(row, values(0, 0.05)).status).toBe('does not hold');
    expect(evaluatePattern(row, values(1, 0.3)).status).toBe('does not hold');
    expect(() => evaluatePattern(row, { governed: values(1, 0).governed })).toThrow(/no runs of arm noGovernance/);
  });

  it('src/PATTERNS.md is what scripts/patterns-doc.ts generates (run `npx tsx scripts/patterns-doc.ts` if not)', () => {
    expect(readFileSync(PATTERNS_FILE, 'utf8').replace(/\r\n/g, '\n')).toBe(renderPatterns());
    expect(patternsUpToDate()).toBe(true);
    const doc = renderPatterns();
    for (const p of PATTERNS) expect(doc, p.id).toContain(`| ${p.id} |`);
    // docs/results.md gives the same counts (its line wraps where the file does).
    const results = readFileSync(new URL('../docs/results.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(results.includes(patternsSummary()), `docs/results.md says: ${patternsSummary()}`).toBe(true);
    // MODEL.md links to it.
    expect(
      readFileSync(new URL('../src/MODEL.md', import.meta.url), 'utf8').includes('(PATTERNS.md)'),
      'src/MODEL.md links to PATTERNS.md',
    ).toBe(true);
  });
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('orgsim claims --patterns', () => {
  it('prints a statement that is a claim or not modelled at once, one line each', async () => {
    const r = await cli(['claims', '--patterns', 'R02', 'r05']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^R02 {2}not modelled {3}A definition of a title, no behaviour\.$/);
    expect(lines[1]).toMatch(
      /^R05 {2}claim C8 {7}An outsourced CM underperforms an internal one \(orgsim claims C8\)$/,
    );
    expect(lines.at(-1)).toMatch(/^2 statements: 0 measured/);
  });

  it('measures a row with its effect and interval at the sizes asked', { timeout: 300_000 }, async () => {
    const r = await cli(['claims', '--patterns', 'R10', '--sizes', '200,400', '--runs', '3', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^R10 {6}200 employees {2}(holds|does not hold) +quarrels between departments, two years: ` +
          String.raw`no governance vs with a CM [+-]\d+\.\d% \[[+-]\d+\.\d%, [+-]\d+\.\d%\]$`,
      ),
    );
    expect(lines[1]).toMatch(/^R10 {6}400 employees {2}/);
    // Other settings than the documented ones: no status is marked as differing.
    expect(r.stdout).not.toMatch(/DOCUMENTED/);
  });

  it('refuses what it cannot do, in one line', async () => {
    expectMistake(
      await cli(['claims', '--patterns', 'X99']),
      /^orgsim: unknown statement "X99" with --patterns \(statements: R01 to R\d+, I01 to I\d+\)/,
    );
    expectMistake(await cli(['claims', '--patterns', '--audit']), /--audit cannot be used with --patterns/);
    expectMistake(await cli(['claims', '--patterns', '--out', 'x']), /--out cannot be used with --patterns/);
    expectMistake(await cli(['claims', '--patterns', '--sizes', '10']), /--sizes "10" is not allowed/);
    expectMistake(await cli(['claims', '--patterns', 'R10', '--set', 'smm.count=-1']), /smm\.count/);
  });
});

describe(`every measured statement at ${PATTERN_EMPLOYEES.toLocaleString('en-US')} employees`, () => {
  const rows = measuredRows();
  let results: PatternResult[] = [];
  // One set of runs for every row: each arm on the same seeds, on the process's worker threads.
  beforeAll(async () => {
    results = (await measurePatterns({
      employees: PATTERN_EMPLOYEES,
      runs: PATTERN_RUNS,
      seed: PATTERN_SEED,
      workers: 2,
    }))!;
  }, 1_800_000);

  for (const [k, row] of rows.entries()) {
    it(`${row.id} ${row.status}: ${row.pattern}`, () => {
      const r = results[k]!;
      const verdicts = r.results.map((x) => `${x.passed ? 'pass' : 'FAIL'} ${x.verdict}`).join('\n');
      console.log(`${row.id} ${r.status}\n${verdicts}`);
      expect(r.status, `${row.id} is documented "${row.status}" but measures "${r.status}":\n${verdicts}`).toBe(
        row.status,
      );
    });
  }
});
