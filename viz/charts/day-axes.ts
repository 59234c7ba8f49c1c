/** The axes of a chart over working days: x fixed to the horizon (so it does not jump while a run plays), y from the data. */
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

export class DayAxes {
  private readonly xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yTitle: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private key = '';

  constructor(private readonly frame: ChartFrame, private readonly m: Margins) {
    const svg = frame.svg;
    this.xAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${frame.height - m.bottom})`);
    this.yAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`);
    svg.append('text').attr('x', (m.left + frame.width - m.right) / 2).attr('y', frame.height - 4).attr('text-anchor', 'middle').attr('class', 'axis-title').text('working days');
    this.yTitle = svg.append('text').attr('class', 'axis-title').attr('transform', `translate(14,${(m.top + frame.height - m.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle');
  }

  setYTitle(text: string): void {
    this.yTitle.text(text);
  }

  x(horizon: number): d3.ScaleLinear<number, number> {
    return d3.scaleLinear().domain([0, Math.max(1, horizon - 1)]).range([this.m.left, this.frame.width - this.m.right]);
  }

  /** A y scale over [lo, hi], rounded to nice numbers (so it grows in steps as data comes in). */
  y(lo: number, hi: number): d3.ScaleLinear<number, number> {
    return d3.scaleLinear().domain([lo, hi]).nice().range([this.frame.height - this.m.bottom, this.m.top]);
  }

  /** Draw the axes, only when a domain or `variant` changed: axes are DOM-heavy. */
  draw(x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, format: (n: number) => string, variant = ''): void {
    const key = `${x.domain().join(':')}|${y.domain().join(':')}|${variant}`;
    if (key === this.key) return;
    this.key = key;
    this.xAxis.call(d3.axisBottom(x).ticks(6));
    this.yAxis.call(d3.axisLeft(y).ticks(5).tickFormat((v) => format(Number(v))));
  }
}
