/**
 * The figures of a calibration report (orgsim calibrate): each statistic and series against its target, the
 * posterior of each parameter, and the discrepancy per generation. Text from the data goes through .text() only.
 */
import type { GenerationSummary, Marginal, TargetFit } from '../../src/calibrate/report.ts';
import { M, W, H, axes, d3, figure, fmt, interval, type Div } from './chart-kit.ts';

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

/** One statistic: the target's band (grey) and value (black tick); the simulated mean (dot) and its 95% CI. */
export function statisticFit(parent: Div, t: TargetFit): void {
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
export function seriesFit(parent: Div, t: TargetFit): void {
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
export function marginalChart(parent: Div, m: Marginal): void {
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
export function generationsChart(parent: Div, gens: GenerationSummary[], final: number | null): void {
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
