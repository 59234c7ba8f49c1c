/**
 * The calibration report (orgsim calibrate): the fitted parameters, the targets at the fitted values, the posterior
 * of each parameter and the discrepancy per generation, as tables and figures. Every cell is text.
 */
import type { CalibrationReport } from '../../src/calibrate/report.ts';
import { fmt, interval, type Div } from './chart-kit.ts';
import { generationsChart, marginalChart, seriesFit, statisticFit } from './calibration-charts.ts';

/** A plain table; every cell is text. */
function textTable(parent: Div, header: string[], rows: string[][]): void {
  const t = parent.append('div').attr('class', 'table-wrap').append('table');
  t.append('thead')
    .append('tr')
    .selectAll('th')
    .data(header)
    .join('th')
    .text((h) => h);
  t.append('tbody')
    .selectAll('tr')
    .data(rows)
    .join('tr')
    .selectAll('td')
    .data((r) => r)
    .join('td')
    .text((c) => c);
}

export function drawCalibration(root: Div, data: CalibrationReport): void {
  root.append('h1').text(data.title);
  root.append('p').attr('class', 'sub').text(data.subtitle);

  root.append('h2').text('Fitted parameters');
  root
    .append('p')
    .attr('class', 'note')
    .text(
      'Fitted: the weighted posterior mean (what fitted-scenario.json sets). Median and 95% interval: ' +
        'weighted quantiles of the last generation.',
    );
  textTable(
    root,
    ['parameter', 'fitted', 'median', '95% interval', 'prior range'],
    data.parameters.map((p) => [
      p.path,
      fmt(p.value),
      fmt(p.median),
      interval(p.lo95, p.hi95),
      interval(p.prior[0], p.prior[1]),
    ]),
  );

  root.append('h2').text('Targets at the fitted values');
  root
    .append('p')
    .attr('class', 'note')
    .text(
      "Grey: the target's band (a series: observed values, black dots, with their tolerance). Blue: the " +
        'simulated mean over fresh runs at the fitted values, with its 95% confidence interval; orange when ' +
        'the mean falls outside the band.',
    );
  const stats = data.targets.filter((t) => t.kind === 'statistic');
  if (stats.length) {
    const row: Div = root.append<HTMLElement>('div').attr('class', 'row');
    for (const t of stats) statisticFit(row, t);
  }
  for (const t of data.targets.filter((x) => x.kind === 'series'))
    seriesFit(root.append<HTMLElement>('div').attr('class', 'row'), t);
  textTable(
    root,
    ['target', 'weight', 'band', 'simulated mean', '95% CI', 'inside', 'source'],
    data.targets.map((t) => {
      const inside = t.rows.filter((r) => r.inside).length;
      if (t.kind === 'series')
        return [
          t.label,
          fmt(t.weight),
          `observed +/- tolerance (${t.rows.length} periods)`,
          '',
          '',
          `${inside} of ${t.rows.length}`,
          t.source,
        ];
      const r = t.rows[0]!;
      return [
        t.label,
        fmt(t.weight),
        interval(r.band[0], r.band[1]),
        fmt(r.mean),
        interval(r.lo, r.hi),
        inside ? 'yes' : 'no',
        t.source,
      ];
    }),
  );

  root.append('h2').text('Posterior of each parameter');
  root
    .append('p')
    .attr('class', 'note')
    .text(
      "Bars: the share of the last generation's weight in each bin, over the prior range. Dashed: the " +
        'uniform prior. Orange: the fitted value; shaded: the 95% interval.',
    );
  const row: Div = root.append<HTMLElement>('div').attr('class', 'row');
  for (const m of data.marginals) marginalChart(row, m);

  root.append('h2').text('Discrepancy per generation');
  root
    .append('p')
    .attr('class', 'note')
    .text(
      'Dots: the discrepancy of each kept particle (1: on average at the edge of the bands). Orange: ' +
        'epsilon, the largest kept. Diamond: at the fitted values, over fresh runs.',
    );
  generationsChart(root.append<HTMLElement>('div').attr('class', 'row'), data.generations, data.discrepancy);
}
