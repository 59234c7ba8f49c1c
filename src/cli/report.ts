/** The reports a person reads in the terminal: a run's outcomes, and a comparison of scenarios. */
import { OUTCOMES, OUTCOME_LABELS, type Outcomes } from '../metrics/outcomes.ts';
import { ci95, mean, type Interval } from '../stats/index.ts';
import type { Difference, ScenarioRuns } from './output.ts';
import { count, outcomeName, outcomeValue, pValue, table } from './format.ts';
import { formatEffect, relativeTo } from '../compare/summary.ts';

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
export function runSummary(name: string, source: string, ticks: number, employees: number, masterSeed: number, seeds: readonly number[], outcomes: readonly Outcomes[]): string {
  const n = outcomes.length;
  const head = `${name} (${source})\n${n} run${n > 1 ? 's' : ''} of ${ticks} ticks, ${count(employees)} employees, ${seedText(seeds, masterSeed)}\n\n`;
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

/** One plain-language line: the difference relative to the reference's mean, its CI and the p-value. */
export function differenceLine(d: Difference, referenceMean: number): string {
  const clear = d.lo > 0 || d.hi < 0;
  const effect = formatEffect({ ...d, relative: relativeTo(d, referenceMean) }, d.outcome === 'midActivity' ? 'share' : 'hours');
  return `${d.scenario} vs ${d.against}: ${outcomeName(d.outcome)} ${effect}${clear ? '' : ': no clear difference'} (Welch ${pValue(d.p)})`;
}

/** Scenarios as rows, outcomes as columns (mean [95% CI]), then each scenario against the first. */
export function compareReport(results: readonly ScenarioRuns[], masterSeed: number, differences: readonly Difference[]): string {
  const n = results[0]?.seeds.length ?? 0;
  const lines: string[] = [];
  lines.push(`Comparing ${results.length} scenarios, ${n} runs each on the same seeds (common random numbers; ${seedText(results[0]?.seeds ?? [], masterSeed)})`);
  lines.push('');
  lines.push(table(results.map((r) => [`  ${r.label}`, r.scenario.name, `(${r.file}, ${r.scenario.ticks} ticks, ${count(r.scenario.organization.employees)} employees)`])));
  lines.push('');
  lines.push('mean [95% CI] over runs:');
  const rows = results.map((r) => [
    `  ${r.label}`,
    ...OUTCOMES.map((key) => {
      const ci = ci95(column(r.outcomes, key));
      return `${outcomeValue(key, ci.mean)} ${interval(key, ci)}`;
    }),
  ]);
  lines.push(table([['', ...OUTCOMES.map(outcomeName)], ...rows]));
  if (differences.length) {
    lines.push('');
    lines.push(`Against ${results[0]!.label} (difference relative to ${results[0]!.label}'s mean, with its Welch 95% CI):`);
    for (const d of differences) {
      const reference = results.find((r) => r.label === d.against)!;
      lines.push(`  ${differenceLine(d, mean(column(reference.outcomes, d.outcome)))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
