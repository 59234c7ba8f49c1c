/** Sensitivity indices as a person reads them: per outcome, the most influential parameter first. */
import type { Outcomes } from '../src/metrics/outcomes.ts';
import type { IndexRow } from '../src/research/analysis.ts';
import { CONFIDENCE } from '../src/research/bootstrap.ts';
import { outcomeName, readable, table } from './format.ts';

interface Layout {
  /** The index that ranks the parameters. */
  rank: string;
  columns: { index: string; title: string }[];
  /** Sobol indices are shares of variance: three decimals read best; Morris effects are in outcome units. */
  number: (x: number) => string;
  about: string;
}

const LAYOUTS: Record<IndexRow['method'], Layout> = {
  sobol: {
    rank: 'ST',
    columns: [
      { index: 'S1', title: 'first order S1' },
      { index: 'ST', title: 'total order ST' },
    ],
    number: (x) => x.toFixed(3),
    about: 'Sobol indices: S1, the share of the variance due to the parameter alone; ST, with all its interactions.',
  },
  morris: {
    rank: 'mu_star',
    columns: [
      { index: 'mu_star', title: 'mu*' },
      { index: 'mu', title: 'mu' },
      { index: 'sigma', title: 'sigma' },
    ],
    number: readable,
    about:
      "Morris elementary effects, per unit of each parameter's range: mu* (importance), mu (signed), sigma " +
      '(non-linearity or interactions).',
  },
};

function cell(r: IndexRow | undefined, number: (x: number) => string): string {
  if (!r) return '';
  const f = (x: number) => (Number.isNaN(x) ? 'n/a' : number(x));
  return Number.isNaN(r.lo) ? f(r.estimate) : `${f(r.estimate)} [${f(r.lo)}, ${f(r.hi)}]`;
}

export function indicesTable(rows: readonly IndexRow[], bootstrap: number | null): string {
  if (!rows.length) return '';
  const layout = LAYOUTS[rows[0]!.method];
  const ci = bootstrap ? ` [${Math.round(CONFIDENCE * 100)}% bootstrap CI, ${bootstrap} resamples]` : '';
  const blocks = [...new Set(rows.map((r) => r.outcome))].map((outcome) => {
    const mine = rows.filter((r) => r.outcome === outcome);
    const find = (p: string, index: string) => mine.find((r) => r.parameter === p && r.index === index);
    const rank = (p: string) => {
      const x = find(p, layout.rank)?.estimate ?? NaN;
      return Number.isNaN(x) ? -Infinity : x;
    };
    const params = [...new Set(mine.map((r) => r.parameter))].sort((a, b) => rank(b) - rank(a));
    const body = params.map((p) => [`  ${p}`, ...layout.columns.map((c) => cell(find(p, c.index), layout.number))]);
    const head = `${outcomeName(outcome as keyof Outcomes)} (${outcome})${ci}:`;
    return `${head}\n${table([['', ...layout.columns.map((c) => c.title)], ...body])}\n`;
  });
  return `${layout.about}\n\n${blocks.join('\n')}`;
}
