/** Participation inequality: the Lorenz curve of contributions per employee, with the line of equality. */
import * as d3 from '../d3.ts';
import { ChartFrame } from './frame.ts';
import { OKABE_ITO } from '../palette.ts';

export class LorenzChart {
  readonly frame: ChartFrame;
  private readonly curve: d3.Selection<SVGPathElement, unknown, null, undefined>;
  private readonly equality: d3.Selection<SVGLineElement, unknown, null, undefined>;
  private readonly xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly xTitle: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yTitle: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly x = d3.scaleLinear().domain([0, 1]);
  private readonly y = d3.scaleLinear().domain([0, 1]);
  private points: [number, number][] = [];

  constructor(root: HTMLElement) {
    this.frame = new ChartFrame(root, 'Participation inequality', 'lorenz');
    const svg = this.frame.svg;
    this.xAxis = svg.append('g').attr('class', 'axis');
    this.yAxis = svg.append('g').attr('class', 'axis');
    this.equality = svg
      .append('line')
      .attr('stroke', OKABE_ITO.grey)
      .attr('stroke-dasharray', '4 3')
      .attr('stroke-width', 1.5);
    this.curve = svg
      .append('path')
      .attr('fill', 'none')
      .attr('class', 'curve')
      .attr('stroke', OKABE_ITO.vermillion)
      .attr('stroke-width', 3);
    this.xTitle = svg
      .append('text')
      .attr('text-anchor', 'middle')
      .attr('class', 'axis-title')
      .text('employees, fewest contributions first');
    this.yTitle = svg
      .append('text')
      .attr('class', 'axis-title')
      .attr('text-anchor', 'middle')
      .text('share of contributions');
    this.frame.setLegend([
      { label: 'Lorenz curve of contributions', colour: OKABE_ITO.vermillion, dash: '' },
      { label: 'perfect equality', colour: OKABE_ITO.grey, dash: '4 3' },
    ]);
    this.frame.onResize(() => this.layout());
    this.layout();
  }

  /** Margins from the text size and the widest tick label ("100%"), as the time charts do. */
  private layout(): void {
    const { width, height, fontPx: f } = this.frame;
    const m = {
      top: f * 0.8,
      right: this.frame.textWidth('100%') / 2 + 4,
      bottom: 6 + 3 + f * 1.15 + 4 + f * 1.3,
      left: f * 1.4 + 4 + this.frame.textWidth('100%') + 9,
    };
    this.x.range([m.left, width - m.right]);
    this.y.range([height - m.bottom, m.top]);
    this.xAxis
      .attr('transform', `translate(0,${height - m.bottom})`)
      .call(d3.axisBottom(this.x).tickValues([0.2, 0.4, 0.6, 0.8, 1]).tickFormat(d3.format('.0%')))
      .attr('font-size', null)
      .attr('font-family', null);
    this.yAxis
      .attr('transform', `translate(${m.left},0)`)
      .call(d3.axisLeft(this.y).ticks(5, '%'))
      .attr('font-size', null)
      .attr('font-family', null);
    this.equality.attr('x1', this.x(0)).attr('y1', this.y(0)).attr('x2', this.x(1)).attr('y2', this.y(1));
    this.xTitle.attr('x', (m.left + width - m.right) / 2).attr('y', height - f * 0.3);
    this.yTitle.attr('transform', `translate(${f * 1.05},${(m.top + height - m.bottom) / 2}) rotate(-90)`);
    this.curve.attr(
      'd',
      this.points.length
        ? d3
            .line()
            .x((p) => this.x(p[0]))
            .y((p) => this.y(p[1]))(this.points)
        : null,
    );
  }

  update(contributions: Float64Array | undefined, gini: number): void {
    if (!contributions || contributions.length === 0) return;
    const sorted = Float64Array.from(contributions).sort();
    const n = sorted.length;
    const total = sorted.reduce((a, b) => a + b, 0);
    const points: [number, number][] = [[0, 0]];
    const step = Math.max(1, Math.floor(n / 200));
    let cum = 0;
    for (let i = 0; i < n; i++) {
      cum += sorted[i]!;
      if ((i + 1) % step === 0 || i === n - 1) points.push([(i + 1) / n, total > 0 ? cum / total : (i + 1) / n]);
    }
    this.points = points;
    this.curve.attr(
      'd',
      d3
        .line()
        .x((p) => this.x(p[0]))
        .y((p) => this.y(p[1]))(points) ?? '',
    );
    this.frame.setCaption(
      `Gini ${gini.toFixed(2)} (0: everyone contributes alike; 1: one person makes every contribution).`,
    );
  }
}
