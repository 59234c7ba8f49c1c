/**
 * The charts of a sweep, a sensitivity analysis or a calibration: drawn by `orgsim report` (report-entry.ts,
 * built with the package) and by the web page when it opens a sweep's runs.csv. d3 is passed in, so both can use their
 * own copy. Text from the data goes through .text() only: a parameter, scenario or source name is never parsed as
 * markup.
 */
import type { Heatmap, IndexEntry, ReportData, Scatter } from '../../src/research/report/summaries.ts';
import type { CalibrationReport } from '../../src/calibrate/report.ts';
import type { ClaimsReport } from '../../src/research/report/claims.ts';
import { drawClaims } from './claims-charts.ts';
import { drawCalibration } from './calibration-report.ts';
import { H, M, W, axes, d3, figure, fmt, useD3, type D3, type Div } from './chart-kit.ts';

/** Runs as dots, the mean per level as a line, its 95% CI as whiskers. */
function scatter(parent: Div, s: Scatter, outcomeLabel: string): void {
  const g = figure(parent, `${s.outcome} against ${s.parameter}`);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const xs = s.runs.map((r) => r[0]).concat(s.levels.map((l) => l.x));
  const ys = s.runs.map((r) => r[1]).concat(s.levels.flatMap((l) => [l.lo ?? l.mean, l.hi ?? l.mean]));
  const x = d3
    .scaleLinear()
    .domain(d3.extent(xs) as [number, number])
    .nice()
    .range([0, iw]);
  const y = d3
    .scaleLinear()
    .domain(d3.extent(ys) as [number, number])
    .nice()
    .range([ih, 0]);
  axes(g, x, y, s.parameter, outcomeLabel);
  g.append('g')
    .selectAll('circle')
    .data(s.runs)
    .join('circle')
    .attr('class', 'run')
    .attr('r', 2.2)
    .attr('cx', (d) => x(d[0]))
    .attr('cy', (d) => y(d[1]));
  g.append('g')
    .selectAll('line')
    .data(s.levels.filter((l) => l.lo !== null && l.hi !== null))
    .join('line')
    .attr('class', 'ci')
    .attr('x1', (l) => x(l.x))
    .attr('x2', (l) => x(l.x))
    .attr('y1', (l) => y(l.lo!))
    .attr('y2', (l) => y(l.hi!));
  g.append('path')
    .datum(s.levels)
    .attr('class', 'mean')
    .attr(
      'd',
      d3
        .line<(typeof s.levels)[number]>()
        .x((l) => x(l.x))
        .y((l) => y(l.mean)),
    );
  g.append('g')
    .selectAll('circle')
    .data(s.levels)
    .join('circle')
    .attr('r', 3)
    .attr('fill', '#c0392b')
    .attr('cx', (l) => x(l.x))
    .attr('cy', (l) => y(l.mean))
    .append('title')
    .text((l) => `${s.parameter} = ${fmt(l.x)}: mean ${fmt(l.mean)} [${fmt(l.lo)}, ${fmt(l.hi)}], ${l.n} runs`);
}

/** Mean outcome per cell of two parameters, on a sequential colour scale with its range written out. */
function heatmap(parent: Div, h: Heatmap): void {
  const size = 240;
  const g = figure(
    parent,
    `${h.outcome}: mean by ${h.x} and ${h.y}`,
    size + M.left + M.right,
    size + M.top + M.bottom + 34,
  );
  const x = d3
    .scaleBand<number>()
    .domain(h.xs.map((_, i) => i))
    .range([0, size])
    .padding(0.04);
  const y = d3
    .scaleBand<number>()
    .domain(h.ys.map((_, j) => j))
    .range([size, 0])
    .padding(0.04);
  const extent = d3.extent(h.cells, (c) => c.mean) as [number, number];
  const color = d3
    .scaleSequential(d3.interpolateViridis)
    .domain(extent[0] === extent[1] ? [extent[0] - 1, extent[1] + 1] : extent);
  const xAxis = g
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${size})`)
    .call(d3.axisBottom(x).tickFormat((i) => fmt(h.xs[i]!)));
  // Many bins: slanted labels, so that neighbours do not run into each other.
  if (h.xs.length > 5)
    xAxis
      .selectAll('text')
      .attr('text-anchor', 'end')
      .attr('dx', '-0.4em')
      .attr('dy', '0.5em')
      .attr('transform', 'rotate(-40)');
  g.append('g')
    .attr('class', 'axis')
    .call(d3.axisLeft(y).tickFormat((j) => fmt(h.ys[j]!)));
  g.append('text')
    .attr('x', size / 2)
    .attr('y', size + (h.xs.length > 5 ? 44 : 30))
    .attr('text-anchor', 'middle')
    .text(h.x);
  g.append('text')
    .attr('transform', 'rotate(-90)')
    .attr('x', -size / 2)
    .attr('y', -42)
    .attr('text-anchor', 'middle')
    .text(h.y);
  g.append('g')
    .selectAll('rect')
    .data(h.cells)
    .join('rect')
    .attr('x', (c) => x(c.i)!)
    .attr('y', (c) => y(c.j)!)
    .attr('width', x.bandwidth())
    .attr('height', y.bandwidth())
    .attr('fill', (c) => color(c.mean))
    .append('title')
    .text((c) => `${h.x} ${fmt(h.xs[c.i]!)}, ${h.y} ${fmt(h.ys[c.j]!)}: mean ${fmt(c.mean)} (${c.n} runs)`);
  g.append('text')
    .attr('x', 0)
    .attr('y', size + (h.xs.length > 5 ? 60 : 46))
    .text(`colour: ${fmt(extent[0])} (dark) to ${fmt(extent[1])} (light)`);
}

/** Horizontal bars per parameter (most influential on top), one per index, with the bootstrap interval. */
function indexBars(parent: Div, rows: IndexEntry[], outcome: string): void {
  const method = rows[0]!.method;
  const names = method === 'sobol' ? ['S1', 'ST'] : ['mu_star', 'sigma'];
  const key = names[method === 'sobol' ? 1 : 0]!;
  const params = [...new Set(rows.map((r) => r.parameter))];
  const rank = (p: string) => rows.find((r) => r.parameter === p && r.index === key)?.estimate ?? -Infinity;
  params.sort((a, b) => rank(b) - rank(a));
  const shown = rows.filter((r) => names.includes(r.index));
  const width = 560;
  const height = M.top + M.bottom + params.length * 44;
  const left = Math.min(260, 20 + 7 * Math.max(...params.map((p) => p.length)));
  const g = parent
    .append('figure')
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .append('g')
    .attr('transform', `translate(${left},${M.top})`);
  const iw = width - left - M.right;
  const ih = params.length * 44;
  const values = shown
    .flatMap((r) => [r.estimate, r.lo, r.hi])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const x = d3
    .scaleLinear()
    .domain([Math.min(0, ...values), Math.max(method === 'sobol' ? 1 : 0, ...values)])
    .nice()
    .range([0, iw]);
  const band = d3.scaleBand<string>().domain(params).range([0, ih]).padding(0.2);
  const sub = d3.scaleBand<string>().domain(names).range([0, band.bandwidth()]).padding(0.1);
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(6));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(band));
  g.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', ih).attr('stroke', '#999');
  const bars = g
    .append('g')
    .selectAll('g')
    .data(shown.filter((r) => r.estimate !== null))
    .join('g')
    .attr('transform', (r) => `translate(0,${band(r.parameter)! + sub(r.index)!})`);
  bars
    .append('rect')
    .attr('class', (r) => `bar-${r.index}`)
    .attr('x', (r) => x(Math.min(0, r.estimate!)))
    .attr('width', (r) => Math.abs(x(r.estimate!) - x(0)))
    .attr('height', sub.bandwidth())
    .append('title')
    .text((r) => `${r.parameter} ${r.index} = ${fmt(r.estimate)} [${fmt(r.lo)}, ${fmt(r.hi)}]`);
  bars
    .filter((r) => r.lo !== null && r.hi !== null)
    .append('line')
    .attr('class', 'whisker')
    .attr('x1', (r) => x(r.lo!))
    .attr('x2', (r) => x(r.hi!))
    .attr('y1', sub.bandwidth() / 2)
    .attr('y2', sub.bandwidth() / 2);
  const legend = g.append('g').attr('transform', `translate(0,${ih + 30})`);
  names.forEach((n, k) => {
    legend
      .append('rect')
      .attr('class', `bar-${n}`)
      .attr('x', k * 90)
      .attr('y', -9)
      .attr('width', 10)
      .attr('height', 10);
    legend
      .append('text')
      .attr('x', k * 90 + 14)
      .attr('y', 0)
      .text(n === 'mu_star' ? 'mu*' : n);
  });
  void outcome;
}

const isCalibration = (d: ReportData | CalibrationReport): d is CalibrationReport =>
  (d as CalibrationReport).kind === 'calibration';

/** Draw the whole report into `element` (its content is replaced). */
export function drawReport(lib: D3, element: HTMLElement, data: ReportData | CalibrationReport | ClaimsReport): void {
  useD3(lib);
  const root = d3.select<HTMLElement, unknown>(element);
  root.selectAll('*').remove();
  if ((data as ClaimsReport).kind === 'claims') {
    drawClaims(d3, root, data as ClaimsReport);
    return;
  }
  data = data as ReportData | CalibrationReport;
  if (isCalibration(data)) {
    drawCalibration(root, data);
    return;
  }
  root.append('h1').text(data.title);
  root.append('p').attr('class', 'sub').text(data.subtitle);
  if (data.shownRuns < data.totalRuns)
    root
      .append('p')
      .attr('class', 'note')
      .text(
        `Dots: ${data.shownRuns} of ${data.totalRuns} runs (every ` +
          `${Math.ceil(data.totalRuns / data.shownRuns)}th); means and intervals use every run.`,
      );
  const label = (key: string) => data.outcomes.find((o) => o.key === key)?.label ?? key;

  if (data.indices.length) {
    root.append('h2').text('Sensitivity indices');
    const method = data.indices[0]!.method;
    root
      .append('p')
      .attr('class', 'note')
      .text(
        method === 'sobol'
          ? 'Sobol indices with 95% bootstrap intervals: S1, the share of the variance due to the parameter ' +
              'alone; ST, including its interactions.'
          : "Morris elementary effects per unit of each parameter's range, with 95% bootstrap intervals: mu* " +
              '(importance) and sigma (non-linearity or interactions).',
      );
    for (const o of data.outcomes) {
      const rows = data.indices.filter((r) => r.outcome === o.key);
      if (!rows.length) continue;
      root.append('h3').text(label(o.key));
      indexBars(root, rows, o.key);
    }
  }

  root.append('h2').text('Outcomes against each parameter');
  root
    .append('p')
    .attr('class', 'note')
    .text('Dots: runs. Red: mean per level (or per bin of a sampled parameter), with its 95% confidence interval.');
  for (const o of data.outcomes) {
    root.append('h3').text(label(o.key));
    const row: Div = root.append<HTMLElement>('div').attr('class', 'row');
    for (const s of data.scatters.filter((x) => x.outcome === o.key)) scatter(row, s, o.key);
  }

  if (data.heatmaps.length) {
    root.append('h2').text('Two parameters at a time');
    root
      .append('p')
      .attr('class', 'note')
      .text('Mean outcome per combination of levels (or bins); hover a cell for its value and number of runs.');
    for (const o of data.outcomes) {
      root.append('h3').text(label(o.key));
      const row: Div = root.append<HTMLElement>('div').attr('class', 'row');
      for (const h of data.heatmaps.filter((x) => x.outcome === o.key)) heatmap(row, h);
    }
  }
}
