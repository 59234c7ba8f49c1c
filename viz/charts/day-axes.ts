/**
 * The axes of a chart over working days: x fixed to the horizon (so it does not jump while a run plays),
 * y from the data. Margins are computed from the text itself (the widest tick label, the chart's text size),
 * so that axis titles, tick labels and the plot never overlap, whatever the size of the chart or its text.
 */
import * as d3 from '../d3.ts';
import type { ChartFrame } from './frame.ts';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Days 0, step, 2 step, ... and the last one: at most about `max` points, however long the run. */
export function sampleDays(ticks: number, max: number): number[] {
  const step = Math.max(1, Math.ceil(ticks / max));
  const idx: number[] = [];
  for (let t = 0; t < ticks; t += step) idx.push(t);
  if (ticks > 0 && idx[idx.length - 1] !== ticks - 1) idx.push(ticks - 1);
  return idx;
}

/** Tick labels for counts and amounts: 0.2, 15, 800, 1.5k, 20k (never "800m" for 0.8). */
export function axisNumber(v: number): string {
  return Math.abs(v) >= 1000 ? d3.format('~s')(v) : d3.format('~g')(Number(v.toPrecision(6)));
}

const TICK = 6;

export class DayAxes {
  readonly m: Margins;
  private readonly xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly xTitle: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private key = '';

  constructor(
    private readonly frame: ChartFrame,
    private readonly base: { top: number; right: number },
    xTitle = 'working days',
  ) {
    const svg = frame.svg;
    this.m = { top: base.top, right: base.right, bottom: 40, left: 60 };
    this.xAxis = svg.append('g').attr('class', 'axis x-axis');
    this.yAxis = svg.append('g').attr('class', 'axis y-axis');
    this.xTitle = svg.append('text').attr('text-anchor', 'middle').attr('class', 'axis-title x-title').text(xTitle);
    this.yTitle = svg.append('text').attr('class', 'axis-title y-title').attr('text-anchor', 'middle');
  }

  setYTitle(text: string): void {
    this.yTitle.text(text);
  }

  /**
   * Margins for these y tick labels: on the left, the axis title, the widest label and the ticks; below, the
   * x tick labels and the x title; above, `top` (room a chart keeps for its own labels); on the right at least
   * `right` (a label beside the plot).
   */
  layout(yLabels: readonly string[], top = this.base.top, lastXLabel = '500', right = 0): void {
    const f = this.frame.fontPx;
    const widest = Math.max(0, ...yLabels.map((l) => this.frame.textWidth(l)));
    this.m.left = Math.ceil(f * 1.4 + 4 + widest + TICK + 3);
    this.m.bottom = Math.ceil(TICK + 3 + f * 1.15 + 4 + f * 1.3);
    this.m.top = Math.ceil(top);
    this.m.right = Math.ceil(Math.max(this.base.right, this.frame.textWidth(lastXLabel) / 2 + 2, right));
  }

  x(horizon: number): d3.ScaleLinear<number, number> {
    return d3
      .scaleLinear()
      .domain([0, Math.max(1, horizon - 1)])
      .range([this.m.left, Math.max(this.m.left + 1, this.frame.width - this.m.right)]);
  }

  /** A y scale over [lo, hi], rounded to nice numbers (so it grows in steps as data comes in). */
  y(lo: number, hi: number): d3.ScaleLinear<number, number> {
    return d3
      .scaleLinear()
      .domain([lo, hi])
      .nice()
      .range([Math.max(this.m.top + 1, this.frame.height - this.m.bottom), this.m.top]);
  }

  /** Number of x ticks that fit with room between their labels. */
  xTickCount(): number {
    return Math.max(
      2,
      Math.min(10, Math.floor((this.frame.width - this.m.left - this.m.right) / (this.frame.fontPx * 5))),
    );
  }

  /** The y ticks the axis will draw for this scale (to size the margin before drawing). */
  static yTicks(y: d3.ScaleLinear<number, number>, format: (n: number) => string, count = 5): string[] {
    return y.ticks(count).map((v) => format(v));
  }

  /** Draw the axes, only when a domain, the size or `variant` changed: axes are DOM-heavy. No ticks when empty. */
  draw(
    x: d3.ScaleLinear<number, number>,
    y: d3.ScaleLinear<number, number>,
    format: (n: number) => string,
    variant = '',
    empty = false,
  ): void {
    const { width, height, fontPx: f } = this.frame;
    const key =
      `${x.domain().join(':')}|${x.range().join(':')}|${y.domain().join(':')}|${y.range().join(':')}|${variant}` +
      `|${empty}|${f}`;
    if (key === this.key) return;
    this.key = key;
    const m = this.m;
    this.xAxis
      .attr('transform', `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(x).ticks(this.xTickCount()).tickSizeOuter(0));
    const yAxis = d3
      .axisLeft(y)
      .ticks(5)
      .tickFormat((v) => format(Number(v)));
    if (empty) yAxis.tickValues([]);
    this.yAxis.attr('transform', `translate(${m.left},0)`).call(yAxis);
    for (const g of [this.xAxis, this.yAxis]) g.attr('font-size', null).attr('font-family', null);
    this.xTitle.attr('x', (m.left + width - m.right) / 2).attr('y', height - f * 0.3);
    // A y title longer than the plot is tall gets smaller type rather than running out of the chart.
    const room = height - m.bottom - m.top;
    const long = this.frame.textWidth(this.yTitle.text());
    this.yTitle.attr('font-size', long > room ? `${Math.max(0.6, room / long).toFixed(3)}em` : null);
    this.yTitle.attr('transform', `translate(${f * 1.05},${(m.top + height - m.bottom) / 2}) rotate(-90)`);
  }
}
