/**
 * Every statement of the two essays (../shared/seeds/) as data: the pattern it implies in the model's terms and
 * how it is measured, or why it is not modelled (pattern-oriented modelling: Grimm et al. 2005, Science
 * 310:987). The ten claims of src/claims.ts stay the headline: a statement that is a claim points to it. The
 * others are measured here, on arms that are shipped scenarios with levers a user has (roles, policies),
 * replicated on common seeds and tested with the claims' paired intervals (evaluateMeasures).
 *
 * test/patterns.test.ts runs every measured row at 2,000 employees and checks that its measured status is the
 * documented one; `orgsim claims --patterns` prints each row with its effect; src/PATTERNS.md is generated from
 * this file (scripts/patterns-doc.ts).
 */
import { evaluateMeasures, type ComparisonResult, type ComparisonShape } from './claims.ts';
import type { RunOutput } from './run.ts';
import { COMMUNITY_MANAGER_ROWS } from './patterns/rows-community-managers.ts';
import { ROLES_ROWS } from './patterns/rows-roles.ts';
import type { ArmName, MeasuredRow, PatternRow, PatternTest, Side } from './patterns/types.ts';

export * from './patterns/types.ts';

/** Every row: the first essay's (rows-roles.ts), then the second's (rows-community-managers.ts). */
export const PATTERNS: readonly PatternRow[] = [...ROLES_ROWS, ...COMMUNITY_MANAGER_ROWS];

/**
 * Sentences of the essays that state nothing: the first essay's title, headings that only name the next part, a
 * transition. Every other sentence is quoted by a row (test/patterns.test.ts).
 */
export const NOT_STATEMENTS: readonly string[] = [
  '33 things to know about those who make your online social spaces live',
  'So, here’s a few things to know about all these players…',
  'The community manager',
  'The social media manager',
  'The manager who uses social media with his team',
  'The member',
  'There’s an obvious reason to that.',
];

// ---- Evaluation ----

export const measuredRows = (): MeasuredRow[] => PATTERNS.filter((p): p is MeasuredRow => p.kind === 'measured');

/** The sides of a test, in the order evaluateMeasures reads them. */
export function testSides(t: PatternTest): [Side, Side] {
  return t.kind === 'higher' ? [t.lower, t.higher] : t.kind === 'paired' ? [t.first, t.second] : [t.reference, t.other];
}

/** The arms a row runs. */
export function rowArms(row: MeasuredRow): ArmName[] {
  return [...new Set(row.tests.flatMap((t) => testSides(t).map((s) => s.arm)))];
}

/** Whether any measure of a row on `arm` reads the per-agent table. */
export function armNeedsAgents(arm: ArmName, rows: readonly MeasuredRow[] = measuredRows()): boolean {
  return rows.some((r) => r.tests.some((t) => testSides(t).some((s) => s.arm === arm && s.agents)));
}

/**
 * What one run of `arm` gives a row: values[k][j] is side j of test k when it reads that arm, else NaN.
 * Runs are reduced to these numbers as they finish, so a catalogue never holds its runs.
 */
export function rowValues(row: MeasuredRow, arm: ArmName, run: RunOutput): number[][] {
  return row.tests.map((t) => testSides(t).map((s) => (s.arm === arm ? s.measure(run) : NaN)));
}

export interface PatternResult {
  id: string;
  status: 'holds' | 'does not hold';
  results: ComparisonResult[];
}

/**
 * A row's status from its runs: values[arm][i] is rowValues of the run of seed i of that arm (the same seeds
 * in every arm). Each test is one of the claims' comparisons, its sides standing for arms, so that the statistic
 * and the verdict are the claims' own.
 */
export function evaluatePattern(row: MeasuredRow, values: Partial<Record<ArmName, number[][][]>>): PatternResult {
  const comparisons: ComparisonShape[] = row.tests.map((t) => {
    if (t.kind === 'higher') return { kind: 'higher', label: t.label, lower: t.lower.label, higher: t.higher.label };
    if (t.kind === 'paired') return { kind: 'paired', label: t.label, arms: [t.first.label, t.second.label] };
    return { kind: 'close', label: t.label, reference: t.reference.label, other: t.other.label, margin: t.margin };
  });
  // measures[side label][seed][test]: the number that side reads from that seed's run (NaN where another test's).
  const measures: Record<string, number[][]> = {};
  row.tests.forEach((t, k) => {
    testSides(t).forEach((s, j) => {
      const runs = values[s.arm];
      if (!runs) throw new Error(`${row.id}: no runs of arm ${s.arm}`);
      const m = (measures[s.label] ??= runs.map(() => row.tests.map(() => NaN)));
      runs.forEach((v, i) => (m[i]![k] = v[k]![j]!));
    });
  });
  const results = evaluateMeasures({ id: row.id, comparisons }, measures);
  return { id: row.id, status: results.every((r) => r.passed) ? 'holds' : 'does not hold', results };
}
