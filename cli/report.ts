/** The reports a person reads in the terminal: a run's outcomes, and a comparison of scenarios. */
import { OUTCOMES, OUTCOME_LABELS, type Outcomes } from '../src/metrics/outcomes.ts';
import { ci95, mean, type Interval } from '../src/stats/index.ts';
import type { Difference, ScenarioRuns } from './output.ts';
import { count, outcomeName, outcomeValue, pValue, readable, signed, table } from './format.ts';
import { OUTCOME_WORDING, relativeTo, verdict } from '../src/compare/summary.ts';
import { oneLine } from './terminal.ts';

/** The unit of each outcome, as a column heading says it. */
const UNIT: Record<keyof Outcomes, string> = {
  midActivity: '% of employees',
  longValue: 'hours',
  valuePerCost: 'hours per hour',
};
/** The unit of a difference of each outcome. */
const DIFFERENCE_UNIT: Record<keyof Outcomes, string> = {
  midActivity: 'percentage points',
  longValue: 'hours',
  valuePerCost: 'hours per hour',
};

function column(outcomes: readonly Outcomes[], key: keyof Outcomes): number[] {
  return outcomes.map((o) => o[key]);
}

function interval(key: keyof Outcomes, ci: Interval): string {
  return `[${outcomeValue(key, ci.lo)}, ${outcomeValue(key, ci.hi)}]`;
}

function seedText(seeds: readonly number[], masterSeed: number): string {
  return seeds.length === 1 ? `seed ${seeds[0]}` : `seeds derived from master seed ${masterSeed}`;
}

/** Per outcome: mean and 95% CI over runs (just the value for a single run). */
export function runSummary(
  name: string,
  source: string,
  ticks: number,
  employees: number,
  masterSeed: number,
  seeds: readonly number[],
  outcomes: readonly Outcomes[],
): string {
  const n = outcomes.length;
  const head =
    `${oneLine(name)} (${oneLine(source)})\n${n} run${n > 1 ? 's' : ''} of ${ticks} ticks, ${count(employees)} ` +
    `employees, ${seedText(seeds, masterSeed)}\n\n`;
  if (n === 1) {
    const rows = OUTCOMES.map((key) => [OUTCOME_LABELS[key], outcomeValue(key, outcomes[0]![key])]);
    return head + table([['outcome', 'value'], ...rows], ['l', 'r']) + '\n';
  }
  const rows = OUTCOMES.map((key) => {
    const ci = ci95(column(outcomes, key));
    return [OUTCOME_LABELS[key], outcomeValue(key, ci.mean), interval(key, ci)];
  });
  return head + table([['outcome', 'mean', '95% CI'], ...rows], ['l', 'r', 'l']) + '\n';
}

/** A difference in the outcome's own unit: "+1,234 hours", "+3.2 percentage points". */
function absolute(key: keyof Outcomes, x: number): string {
  return key === 'midActivity' ? signed((x * 100).toFixed(1)) : signed(readable(x));
}

/**
 * One plain-language line, the verdict the page gives ("B yields more long-term value than A: +18.0%
 * [+9.1%, +27.3%]", or "No clear difference in ..."), then the difference in the outcome's unit and the
 * p-value.
 */
export function differenceLine(d: Difference, referenceMean: number): string {
  const relative = relativeTo(d, referenceMean);
  const sentence = verdict(d.scenario, d.against, OUTCOME_WORDING[d.outcome], {
    ...d,
    reference: referenceMean,
    other: referenceMean + d.diff,
    relative,
    clear: d.lo > 0 || d.hi < 0,
  });
  const unit = DIFFERENCE_UNIT[d.outcome];
  // Without a relative change (a reference mean of 0) the verdict already gives the difference in units.
  const inUnits = relative
    ? `, that is ${absolute(d.outcome, d.diff)} ${unit} [${absolute(d.outcome, d.lo)}, ${absolute(d.outcome, d.hi)}]`
    : ` (${unit})`;
  return `${sentence}${inUnits} (Welch ${pValue(d.p)})`;
}

/** Scenarios as rows, outcomes as columns (mean [95% CI]), then each scenario against the first. */
export function compareReport(
  results: readonly ScenarioRuns[],
  masterSeed: number,
  differences: readonly Difference[],
): string {
  const n = results[0]?.seeds.length ?? 0;
  const lines: string[] = [];
  lines.push(
    `Comparing ${results.length} scenarios, ${n} runs each on the same seeds (common random numbers; ` +
      `${seedText(results[0]?.seeds ?? [], masterSeed)})`,
  );
  lines.push('');
  lines.push(
    table(
      results.map((r) => [
        `  ${r.label}`,
        oneLine(r.scenario.name),
        `(${oneLine(r.file)}, ${r.scenario.ticks} ticks, ${count(r.scenario.organization.employees)} employees)`,
      ]),
    ),
  );
  lines.push('');
  lines.push('mean [95% CI] over runs:');
  const rows = results.map((r) => [
    `  ${r.label}`,
    ...OUTCOMES.map((key) => {
      const ci = ci95(column(r.outcomes, key));
      return `${outcomeValue(key, ci.mean)} ${interval(key, ci)}`;
    }),
  ]);
  lines.push(table([['', ...OUTCOMES.map((key) => `${outcomeName(key)} (${UNIT[key]})`)], ...rows]));
  if (differences.length) {
    lines.push('');
    lines.push(
      `Against ${results[0]!.label} (difference relative to ${results[0]!.label}'s mean, with its Welch 95% CI):`,
    );
    for (const d of differences) {
      const reference = results.find((r) => r.label === d.against)!;
      lines.push(`  ${differenceLine(d, mean(column(reference.outcomes, d.outcome)))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
