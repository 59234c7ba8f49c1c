/**
 * The charts of a sweep, a sensitivity analysis or a calibration: drawn by `orgsim report` (report-entry.ts,
 * built with the package) and by the web page when it opens a sweep's runs.csv. d3 is passed in, so both can use their
 * own copy. Text from the data goes through .text() only: a parameter, scenario or source name is never parsed as
 * markup.
 */
import type { Heatmap, IndexEntry, ReportData, Scatter } from '../../src/research/report/summaries.ts';
import type { CalibrationReport, GenerationSummary, Marginal, TargetFit } from '../../src/calibrate/report.ts';
import type { ClaimsReport } from '../../src/research/report/claims.ts';
import { drawClaims } from './claims-charts.ts';
import type { AxisScale } from '../d3.ts';

type D3 = typeof import('../d3.ts');
let d3: D3;

// Any HTML container: the report's root, or a row of figures inside it.
type Div = import('d3-selection').Selection<HTMLElement, unknown, import('d3-selection').BaseType, unknown>;

const W = 260;
const H = 200;
const M = { top: 10, right: 12, bottom: 36, left: 54 };

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? x.toExponential(2) : d3.format('.3~r')(x);
}

function figure(parent: Div, caption: string, width = W, height = H) {
  const fig = parent.append('figure');
  const svg = fig.append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  svg.append('title').text(caption);
  fig.append('figcaption').text(caption);
  return svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
}

function axes(
  g: ReturnType<typeof figure>,
  x: AxisScale<number>,
  y: AxisScale<number>,
  xLabel: string,
  yLabel: string,
  height = H,
  width = W,
) {
  const ih = height - M.top - M.bottom;
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(5));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text')
    .attr('x', (width - M.left - M.right) / 2)
    .attr('y', ih + 30)
    .attr('text-anchor', 'middle')
    .text(xLabel);
  g.append('text')
    .attr('transform', 'rotate(-90)')
    .attr('x', -ih / 2)
    .attr('y', -42)
    .attr('text-anchor', 'middle')
    .text(yLabel);
}

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
  d3 = lib;
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

// Calibration (orgsim calibrate): Okabe-Ito colours, safe for colour-blind readers.
const BLUE = '#0072B2';
const ORANGE = '#D55E00';
const BAND = '#bbbbbb';

/** A calibration figure that shrinks with a narrow screen (a phone), keeping its proportions. */
function calibrationFigure(parent: Div, caption: string, width = W, height = H) {
  const g = figure(parent, caption, width, height);
  d3.select(g.node()!.ownerSVGElement!)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .style('max-width', '100%')
    .style('height', 'auto');
  return g;
}

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

const interval = (lo: number | null, hi: number | null) => `[${fmt(lo)}, ${fmt(hi)}]`;

/** One statistic: the target's band (grey) and value (black tick); the simulated mean (dot) and its 95% CI. */
function statisticFit(parent: Div, t: TargetFit): void {
  const r = t.rows[0]!;
  const width = 380;
  const height = 96;
  const g = calibrationFigure(parent, t.label, width, height);
  const iw = width - M.left - M.right;
  const xs = [r.band[0], r.band[1], r.value, r.mean, r.lo, r.hi].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  // Room on the right for the last tick's label.
  const x = d3
    .scaleLinear()
    .domain(d3.extent(xs) as [number, number])
    .nice()
    .range([0, iw - 14]);
  const ih = height - M.top - M.bottom;
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(5));
  g.append('rect')
    .attr('x', x(r.band[0]))
    .attr('width', Math.max(1, x(r.band[1]) - x(r.band[0])))
    .attr('y', 4)
    .attr('height', ih - 8)
    .attr('fill', BAND)
    .attr('fill-opacity', 0.6)
    .append('title')
    .text(`target band ${interval(r.band[0], r.band[1])}`);
  g.append('line')
    .attr('x1', x(r.value))
    .attr('x2', x(r.value))
    .attr('y1', 0)
    .attr('y2', ih)
    .attr('stroke', '#222')
    .attr('stroke-width', 2)
    .append('title')
    .text(`target value ${fmt(r.value)}`);
  if (r.mean === null) return;
  const colour = r.inside ? BLUE : ORANGE;
  if (r.lo !== null && r.hi !== null)
    g.append('line')
      .attr('x1', x(r.lo))
      .attr('x2', x(r.hi))
      .attr('y1', ih / 2)
      .attr('y2', ih / 2)
      .attr('stroke', colour)
      .attr('stroke-width', 3);
  g.append('circle')
    .attr('cx', x(r.mean))
    .attr('cy', ih / 2)
    .attr('r', 5)
    .attr('fill', colour)
    .append('title')
    .text(`simulated mean ${fmt(r.mean)}, 95% CI ${interval(r.lo, r.hi)}`);
  g.append('text')
    .attr('x', 0)
    .attr('y', ih + 30)
    .text(`${t.statistic}, ticks ${r.from}-${r.to}`);
}

/** A series: the observed values with their tolerance band, and the simulated mean with its 95% CI, per period. */
function seriesFit(parent: Div, t: TargetFit): void {
  const width = 520;
  const height = 240;
  const g = calibrationFigure(parent, t.label, width, height);
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const x = d3
    .scalePoint<number>()
    .domain(t.rows.map((_, i) => i))
    .range([0, iw])
    .padding(0.3);
  const ys = t.rows
    .flatMap((r) => [r.band[0], r.band[1], r.mean, r.lo, r.hi])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const y = d3
    .scaleLinear()
    .domain(d3.extent(ys) as [number, number])
    .nice()
    .range([ih, 0]);
  const every = Math.max(1, Math.ceil(t.rows.length / 8));
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${ih})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(t.rows.map((_, i) => i).filter((i) => i % every === 0))
        .tickFormat((i) => t.rows[i]!.period),
    );
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text')
    .attr('x', iw / 2)
    .attr('y', ih + 30)
    .attr('text-anchor', 'middle')
    .text('period');
  g.append('text')
    .attr('transform', 'rotate(-90)')
    .attr('x', -ih / 2)
    .attr('y', -42)
    .attr('text-anchor', 'middle')
    .text(t.statistic);
  const rows = t.rows.map((r, i) => ({ ...r, i }));
  g.append('path')
    .datum(rows)
    .attr('fill', BAND)
    .attr('fill-opacity', 0.6)
    .attr(
      'd',
      d3
        .area<(typeof rows)[number]>()
        .x((r) => x(r.i)!)
        .y0((r) => y(r.band[0]))
        .y1((r) => y(r.band[1])),
    );
  const sim = rows.filter((r) => r.lo !== null && r.hi !== null);
  g.append('path')
    .datum(sim)
    .attr('fill', BLUE)
    .attr('fill-opacity', 0.2)
    .attr(
      'd',
      d3
        .area<(typeof rows)[number]>()
        .x((r) => x(r.i)!)
        .y0((r) => y(r.lo!))
        .y1((r) => y(r.hi!)),
    );
  g.append('path')
    .datum(rows.filter((r) => r.mean !== null))
    .attr('fill', 'none')
    .attr('stroke', BLUE)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<(typeof rows)[number]>()
        .x((r) => x(r.i)!)
        .y((r) => y(r.mean!)),
    );
  g.append('g')
    .selectAll('circle')
    .data(rows)
    .join('circle')
    .attr('cx', (r) => x(r.i)!)
    .attr('cy', (r) => y(r.value))
    .attr('r', 3.5)
    .attr('fill', '#222')
    .append('title')
    .text((r) => `${r.period}: observed ${fmt(r.value)}, simulated ${fmt(r.mean)} ${interval(r.lo, r.hi)}`);
}

/**
 * A parameter's posterior: weight per bin over its prior range, the prior's share dashed, the fit and its 95% interval.
 */
function marginalChart(parent: Div, m: Marginal): void {
  const g = calibrationFigure(parent, m.path);
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const x = d3
    .scaleLinear()
    .domain([m.bins[0]!.x0, m.bins[m.bins.length - 1]!.x1])
    .range([0, iw]);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(...m.bins.map((b) => b.weight), ...m.priorShare) * 1.1])
    .nice()
    .range([ih, 0]);
  axes(g, x, y, m.path, 'posterior weight');
  g.append('rect')
    .attr('x', x(m.lo95))
    .attr('width', Math.max(1, x(m.hi95) - x(m.lo95)))
    .attr('y', 0)
    .attr('height', ih)
    .attr('fill', BLUE)
    .attr('fill-opacity', 0.08)
    .append('title')
    .text(`95% interval ${interval(m.lo95, m.hi95)}`);
  g.append('g')
    .selectAll('rect')
    .data(m.bins)
    .join('rect')
    .attr('fill', BLUE)
    .attr('fill-opacity', 0.75)
    .attr('x', (b) => x(b.x0) + 0.5)
    .attr('width', (b) => Math.max(0.5, x(b.x1) - x(b.x0) - 1))
    .attr('y', (b) => y(b.weight))
    .attr('height', (b) => ih - y(b.weight))
    .append('title')
    .text((b) => `${fmt(b.x0)} to ${fmt(b.x1)}: ${(b.weight * 100).toFixed(1)}% of the weight`);
  g.append('path')
    .datum(m.bins.map((b, k) => ({ b, share: m.priorShare[k]! })))
    .attr('fill', 'none')
    .attr('stroke', '#555')
    .attr('stroke-dasharray', '4 3')
    .attr(
      'd',
      d3
        .line<{ b: Marginal['bins'][number]; share: number }>()
        .x((d) => x((d.b.x0 + d.b.x1) / 2))
        .y((d) => y(d.share))
        .curve(d3.curveStep),
    );
  g.append('line')
    .attr('x1', x(m.value))
    .attr('x2', x(m.value))
    .attr('y1', 0)
    .attr('y2', ih)
    .attr('stroke', ORANGE)
    .attr('stroke-width', 2)
    .append('title')
    .text(`fitted ${fmt(m.value)} (posterior mean)`);
}

/** Each generation's kept discrepancies (dots) and epsilon (line); the fit's own discrepancy as a diamond. */
function generationsChart(parent: Div, gens: GenerationSummary[], final: number | null): void {
  const width = 420;
  const g = calibrationFigure(parent, 'discrepancy of the kept particles per generation', width, H);
  const iw = width - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const labels = [...gens.map((s) => String(s.generation + 1)), 'fit'];
  const x = d3.scalePoint<string>().domain(labels).range([0, iw]).padding(0.5);
  const all = gens.flatMap((s) => s.discrepancies).concat(final !== null ? [final] : []);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(1e-9, ...all)])
    .nice()
    .range([ih, 0]);
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text')
    .attr('x', iw / 2)
    .attr('y', ih + 30)
    .attr('text-anchor', 'middle')
    .text('generation');
  g.append('text')
    .attr('transform', 'rotate(-90)')
    .attr('x', -ih / 2)
    .attr('y', -42)
    .attr('text-anchor', 'middle')
    .text('discrepancy');
  const dots = gens.flatMap((s) => s.discrepancies.map((d) => ({ gen: String(s.generation + 1), d })));
  g.append('g')
    .selectAll('circle')
    .data(dots)
    .join('circle')
    .attr('cx', (p) => x(p.gen)!)
    .attr('cy', (p) => y(p.d))
    .attr('r', 2.5)
    .attr('fill', BLUE)
    .attr('fill-opacity', 0.3);
  const eps = gens.filter((s) => s.epsilon !== null);
  g.append('path')
    .datum(eps)
    .attr('fill', 'none')
    .attr('stroke', ORANGE)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<GenerationSummary>()
        .x((s) => x(String(s.generation + 1))!)
        .y((s) => y(s.epsilon!)),
    );
  g.append('g')
    .selectAll('circle')
    .data(eps)
    .join('circle')
    .attr('cx', (s) => x(String(s.generation + 1))!)
    .attr('cy', (s) => y(s.epsilon!))
    .attr('r', 4)
    .attr('fill', ORANGE)
    .append('title')
    .text(
      (s) =>
        `generation ${s.generation + 1}: epsilon ${fmt(s.epsilon)}, effective sample size ${fmt(s.ess)} of ` +
        `${s.particles}`,
    );
  if (final !== null) {
    g.append('path')
      .attr('transform', `translate(${x('fit')},${y(final)})`)
      .attr('d', d3.symbol(d3.symbolDiamond, 80)())
      .attr('fill', '#222')
      .append('title')
      .text(`at the fitted values, over fresh runs: ${fmt(final)}`);
  }
}

function drawCalibration(root: Div, data: CalibrationReport): void {
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
