/** Participation inequality: the Lorenz curve of contributions per employee, with the line of equality. */
import * as d3 from '../d3.ts';
import { ChartFrame } from './frame.ts';
import { OKABE_ITO } from '../palette.ts';

// Room on the right for the last tick label ("100%") at presenter size.
const M = { top: 8, right: 24, bottom: 42, left: 62 };

export class LorenzChart {
  readonly frame: ChartFrame;
  private readonly curve: d3.Selection<SVGPathElement, unknown, null, undefined>;
  private readonly x = d3.scaleLinear().domain([0, 1]);
  private readonly y = d3.scaleLinear().domain([0, 1]);

  constructor(root: HTMLElement) {
    this.frame = new ChartFrame(root, 'Participation inequality', 'lorenz');
    const { width, height, svg } = { ...this.frame, svg: this.frame.svg };
    this.x.range([M.left, width - M.right]);
    this.y.range([height - M.bottom, M.top]);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - M.bottom})`).call(d3.axisBottom(this.x).ticks(5, '%'));
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${M.left},0)`).call(d3.axisLeft(this.y).ticks(5, '%'));
    svg.append('line').attr('x1', this.x(0)).attr('y1', this.y(0)).attr('x2', this.x(1)).attr('y2', this.y(1)).attr('stroke', OKABE_ITO.grey).attr('stroke-dasharray', '4 3').attr('stroke-width', 1.5);
    this.curve = svg.append('path').attr('fill', 'none').attr('class', 'curve').attr('stroke', OKABE_ITO.vermillion).attr('stroke-width', 3);
    svg.append('text').attr('x', (M.left + width - M.right) / 2).attr('y', height - 4).attr('text-anchor', 'middle').attr('class', 'axis-title').text('employees, fewest contributions first');
    svg.append('text').attr('class', 'axis-title').attr('transform', `translate(14,${(M.top + height - M.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text('share of contributions');
    this.frame.setLegend([
      { label: 'Lorenz curve of contributions', colour: OKABE_ITO.vermillion, dash: '' },
      { label: 'perfect equality', colour: OKABE_ITO.grey, dash: '4 3' },
    ]);
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
    this.curve.attr('d', d3.line().x((p) => this.x(p[0])).y((p) => this.y(p[1]))(points) ?? '');
    this.frame.setCaption(`Gini ${gini.toFixed(2)} (0: everyone contributes alike; 1: one person makes every contribution).`);
  }
}
