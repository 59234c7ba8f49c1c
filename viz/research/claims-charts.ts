/**
 * The charts of `orgsim claims` (src/research/report/claims.ts): per claim, its effect at each size with 95%
 * intervals, the ablations of its mechanisms, its premise swept to where it stops holding, and its effect over
 * the hypercube of plausible organizations. Text from the data goes through .text() only.
 */
import type { ClaimSection, ClaimsReport, Effect } from '../../src/research/report/claims.ts';
import { robustShareText } from '../../src/robust-share.ts';

type D3 = typeof import('../d3.ts');
type Div = import('d3-selection').Selection<HTMLElement, unknown, import('d3-selection').BaseType, unknown>;

const BLUE = '#0072B2';
const ORANGE = '#D55E00';
const GREY = '#999999';
const M = { top: 10, right: 16, bottom: 38, left: 64 };

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** A figure with its caption above it (a caption under the last chart read as a heading with nothing under it). */
function svgIn(parent: Div, caption: string, width: number, height: number) {
  const fig = parent.append('figure');
  fig.append('figcaption').text(caption);
  const svg = fig
    .append('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .style('max-width', '100%');
  svg.append('title').text(caption);
  return svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
}

/** Colour of an effect: blue where it holds, orange where it does not, grey where the runs do not decide. */
const colour = (e: Effect) => (e.outcome === 'inconclusive' ? GREY : e.held ? BLUE : ORANGE);
const outcomeWords = (e: Effect) =>
  e.outcome === 'inconclusive' ? ' (inconclusive)' : e.held ? '' : ' (does not hold)';

/** Words in lines of at most `chars` characters (a label is wrapped, never cut). */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Effects (relative differences) as dots with 95% whiskers, one row each; labels wrapped to the left column. */
function effectRows(
  d3: D3,
  parent: Div,
  caption: string,
  rows: Effect[],
  label: (e: Effect) => string,
  leftWidth = 250,
): void {
  const width = 580;
  const LINE = 14;
  const wrapped = rows.map((r) => wrap(label(r), Math.floor((leftWidth - 12) / 6.2)));
  const heights = wrapped.map((l) => Math.max(26, l.length * LINE + 10));
  const ih = heights.reduce((a, b) => a + b, 0);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = M.top + M.bottom + ih;
  const g = svgIn(parent, caption, width, height);
  const iw = width - M.left - M.right - leftWidth;
  const lo = Math.min(0, ...rows.map((r) => r.lo));
  const hi = Math.max(0, ...rows.map((r) => r.hi));
  const x = d3
    .scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([leftWidth - M.left, leftWidth - M.left + iw]);
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${ih})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(4)
        .tickFormat((v) => pct(Number(v))),
    );
  g.append('line')
    .attr('x1', x(0))
    .attr('x2', x(0))
    .attr('y1', 0)
    .attr('y2', ih)
    .attr('stroke', GREY)
    .attr('stroke-dasharray', '3 3');
  g.append('text')
    .attr('x', x(0))
    .attr('y', ih + 32)
    .attr('text-anchor', 'middle')
    .text('effect (difference relative to the reference arm)');
  const row = g
    .selectAll('g.r')
    .data(rows)
    .join('g')
    .attr('class', 'r')
    .attr('transform', (_, i) => `translate(0,${tops[i]! + heights[i]! / 2})`);
  row
    .append('text')
    .attr('class', 'row-label')
    .attr('x', -M.left + 4)
    .attr('y', (_, i) => 4 - ((wrapped[i]!.length - 1) * LINE) / 2)
    .each(function (this: SVGTextElement, _r, i) {
      wrapped[i]!.forEach((line, k) =>
        d3
          .select(this)
          .append('tspan')
          .attr('x', -M.left + 4)
          .attr('dy', k ? LINE : 0)
          .text(line),
      );
    });
  row
    .append('line')
    .attr('x1', (r) => x(r.lo))
    .attr('x2', (r) => x(r.hi))
    .attr('stroke', colour)
    .attr('stroke-width', 2);
  row
    .append('circle')
    .attr('cx', (r) => x(r.estimate))
    .attr('r', 4.5)
    .attr('fill', colour)
    .append('title')
    .text((r) => `${label(r)}: ${pct(r.estimate)} [${pct(r.lo)}, ${pct(r.hi)}]${outcomeWords(r)}`);
}

type Scale = import('d3-scale').ScaleLinear<number, number>;

/** An effect chart's frame: x axis with its label, y axis in %, and the dashed line of no effect. */
function effectAxes(d3: D3, g: ReturnType<typeof svgIn>, x: Scale, y: Scale, xLabel: string): void {
  const [iw, ih] = [x.range()[1]!, y.range()[0]!];
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(4));
  g.append('g')
    .attr('class', 'axis')
    .call(
      d3
        .axisLeft(y)
        .ticks(4)
        .tickFormat((v) => pct(Number(v))),
    );
  g.append('line')
    .attr('x1', 0)
    .attr('x2', iw)
    .attr('y1', y(0))
    .attr('y2', y(0))
    .attr('stroke', GREY)
    .attr('stroke-dasharray', '3 3');
  g.append('text')
    .attr('x', iw / 2)
    .attr('y', ih + 32)
    .attr('text-anchor', 'middle')
    .text(xLabel);
}

function premiseChart(d3: D3, parent: Div, p: NonNullable<ClaimSection['audit']>['premise']): void {
  if (!p || p.steps.length < 2) return;
  const width = 320;
  const height = 220;
  const g = svgIn(
    parent,
    `The premise moved to where it no longer distinguishes the arms (${p.parameter})`,
    width,
    height,
  );
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const x = d3
    .scaleLinear()
    .domain(d3.extent(p.steps, (s) => s.x) as [number, number])
    .range([0, iw]);
  const y = d3
    .scaleLinear()
    .domain([Math.min(0, ...p.steps.map((s) => s.effect)), Math.max(0, ...p.steps.map((s) => s.effect))])
    .nice()
    .range([ih, 0]);
  effectAxes(d3, g, x, y, p.parameter);
  g.append('path')
    .datum(p.steps)
    .attr('fill', 'none')
    .attr('stroke', BLUE)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<(typeof p.steps)[number]>()
        .x((s) => x(s.x))
        .y((s) => y(s.effect)),
    );
  g.selectAll('circle')
    .data(p.steps)
    .join('circle')
    .attr('cx', (s) => x(s.x))
    .attr('cy', (s) => y(s.effect))
    .attr('r', 4)
    .attr('fill', (s) => (s.held ? BLUE : ORANGE))
    .append('title')
    .text((s) => `${p.parameter} = ${s.x.toPrecision(3)}: effect ${pct(s.effect)}${s.held ? '' : ' (does not hold)'}`);
}

function pointsChart(d3: D3, parent: Div, points: { effect: number; held: boolean }[]): void {
  if (!points.length) return;
  const width = 320;
  const height = 220;
  const g = svgIn(
    parent,
    'Its effect in each plausible organization (posterior x plausible assumptions), sorted',
    width,
    height,
  );
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const sorted = [...points].sort((a, b) => a.effect - b.effect);
  const x = d3
    .scaleLinear()
    .domain([0, sorted.length - 1 || 1])
    .range([0, iw]);
  const y = d3
    .scaleLinear()
    .domain([Math.min(0, sorted[0]!.effect), Math.max(0, sorted[sorted.length - 1]!.effect)])
    .nice()
    .range([ih, 0]);
  effectAxes(d3, g, x, y, 'organizations, by effect');
  g.selectAll('circle')
    .data(sorted)
    .join('circle')
    .attr('cx', (_, i) => x(i))
    .attr('cy', (p) => y(p.effect))
    .attr('r', 3)
    .attr('fill', (p) => (p.held ? BLUE : ORANGE));
}

export function drawClaims(d3: D3, root: Div, data: ClaimsReport): void {
  root.append('h1').text(data.title);
  root.append('p').attr('class', 'sub').text(data.subtitle);
  root
    .append('p')
    .attr('class', 'note')
    .text(
      'Blue: the claim holds (its 95% interval on the predicted side; in the audit, the estimate points the ' +
        'predicted way). Orange: it does not hold (its interval on the wrong side). Grey: inconclusive (the ' +
        'runs do not decide). Effects are differences relative to the reference arm, paired on common seeds.',
    );
  for (const c of data.claims) {
    root.append('h2').text(`${c.id}: ${c.text}`);
    root.append('p').text(`How it comes about: ${c.mechanism}`);
    root.append('p').text(`Rests on: ${c.premise ?? 'no premise beyond the general mechanisms'}.`);
    for (const s of c.sizes)
      root
        .append('p')
        .append('strong')
        .text(`${s.employees.toLocaleString('en-US')} employees: ${s.verdict}.`);
    if (c.scope)
      root
        .append('p')
        .text(
          `Holds from about ${c.scope.from.toLocaleString('en-US')} ` +
            `employees${c.scope.to ? ` to under ${c.scope.to.toLocaleString('en-US')}` : ''}; outside: ` +
            `${c.scope.reason}`,
        );
    const a = c.audit;
    if (a) {
      const r = a.robustness;
      root
        .append('p')
        .append('strong')
        .text(
          `Holds in ${robustShareText(r.share)} [${Math.round(r.lo * 100)}%, ${Math.round(r.hi * 100)}%] ` +
            `of ${r.points} plausible organizations${a.robust === false ? ': not robust (below 80%)' : ''}.`,
        );
      if (a.ranges.length) root.append('p').text(`Its effect in 90% of them: ${a.ranges.join('; ')}.`);
      root
        .append('p')
        .text(
          a.flips.length
            ? `Flipped by: ${a.flips.join('; ')}.`
            : 'No single parameter flips it over its plausible range.',
        );
      if (a.premise)
        root
          .append('p')
          .text(
            a.premiseFlip
              ? `Premise: it stops holding at ${a.premiseFlip}.`
              : "Premise: it holds all the way to the premise's neutral value (the mechanisms carry it without " +
                  'the premise).',
          );
    }
    for (const s of c.sizes)
      if (s.field) root.append('p').text(`${s.employees.toLocaleString('en-US')} employees. ${s.field}`);
    const row: Div = root.append<HTMLElement>('div').attr('class', 'row');
    const sizeRows: Effect[] = c.sizes.flatMap((s) =>
      s.comparisons.map((e) => ({ ...e, label: `${s.employees.toLocaleString('en-US')}: ${e.label}` })),
    );
    effectRows(d3, row, 'At each size (employees: comparison)', sizeRows, (e) => e.label);
    if (a) {
      effectRows(d3, row, 'With one mechanism switched off (main comparison)', a.ablations, (e) => e.label);
      premiseChart(d3, row, a.premise);
      pointsChart(d3, row, a.points);
    }
  }
}
