/**
 * A chart of series over working days: lines or a stacked area, with the horizon fixed on the x axis (so
 * axes do not jump while the run plays), labelled units, and a dashed marker at every intervention.
 */
import * as d3 from '../d3.ts';
import { ChartFrame } from './frame.ts';
import { DayAxes, sampleDays } from './day-axes.ts';
import { DASHES } from './band-chart.ts';
import type { Marker } from '../live.ts';

export interface Line {
  key: string;
  label: string;
  colour: string;
}

export interface View {
  lines: Line[];
  stacked?: boolean;
  yLabel: string;
  /** Fixed y maximum (shares), else the data's maximum. */
  yMax?: number;
  format?: (n: number) => string;
}

const M = { top: 8, right: 12, bottom: 42, left: 62 };

export class TimeChart {
  readonly frame: ChartFrame;
  private view: View;
  private readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly axes: DayAxes;
  private readonly markers: d3.Selection<SVGGElement, unknown, null, undefined>;
  private viewId = 0;

  constructor(root: HTMLElement, title: string, fileName: string, view: View) {
    this.frame = new ChartFrame(root, title, fileName);
    this.view = view;
    const svg = this.frame.svg;
    this.plot = svg.append('g').attr('class', 'plot');
    this.markers = svg.append('g').attr('class', 'markers');
    this.axes = new DayAxes(this.frame, M);
    this.setView(view);
  }

  setView(view: View): void {
    this.view = view;
    this.viewId++;
    // Lines differ by dash pattern too, not by colour alone: orange and sky blue are faint on white.
    this.frame.setLegend(view.lines.map((l, k) => (view.stacked ? { label: l.label, colour: l.colour } : { label: l.label, colour: l.colour, dash: DASHES[k] ?? '' })));
    this.axes.setYTitle(view.yLabel);
    this.plot.selectAll('*').remove();
  }

  /** Draw ticks [0, tick) of the series given by `get`, over a horizon of `horizon` days. */
  update(get: (key: string) => Float64Array, tick: number, horizon: number, markers: readonly Marker[]): void {
    const { width, height } = this.frame;
    const x = this.axes.x(horizon);
    // At most ~600 points per line: a projector cannot show more, and paths stay cheap.
    const idx = sampleDays(tick, 600);
    const lines = this.view.lines;
    const data = lines.map((l) => get(l.key));
    let top = this.view.yMax ?? 0;
    const stackedTop = new Float64Array(idx.length);
    if (this.view.yMax === undefined) {
      for (let j = 0; j < idx.length; j++) {
        let sum = 0;
        for (const d of data) {
          const v = d[idx[j]!]!;
          sum += v;
          if (!this.view.stacked && v > top) top = v;
        }
        stackedTop[j] = sum;
        if (this.view.stacked && sum > top) top = sum;
      }
    }
    const y = this.axes.y(0, top > 0 ? top * 1.05 : 1);
    this.axes.draw(x, y, this.view.format ?? d3.format('~s'), String(this.viewId));

    const paths = this.plot.selectAll<SVGPathElement, Line>('path').data(lines, (l) => l.key);
    const merged = paths.join('path');
    if (this.view.stacked) {
      const base = new Float64Array(idx.length);
      merged.each(function (l, k) {
        const d = data[k]!;
        const lower = Float64Array.from(base);
        for (let j = 0; j < idx.length; j++) base[j]! += d[idx[j]!]!;
        const upper = Float64Array.from(base);
        const area = d3.area<number>().x((j) => x(idx[j]!)).y0((j) => y(lower[j]!)).y1((j) => y(upper[j]!));
        d3.select(this).attr('fill', l.colour).attr('stroke', 'none').attr('d', area(d3.range(idx.length)) ?? '');
      });
    } else {
      merged.each(function (l, k) {
        const d = data[k]!;
        const line = d3.line<number>().x((t) => x(t)).y((t) => y(d[t]!));
        d3.select(this).attr('fill', 'none').attr('stroke', l.colour).attr('stroke-width', 2.5).attr('stroke-dasharray', DASHES[k] || null).attr('d', line(idx) ?? '');
      });
    }
    const m = this.markers.selectAll<SVGGElement, Marker>('g.marker').data(markers.filter((mk) => mk.tick < horizon), (mk) => `${mk.tick}:${mk.label}`);
    const enter = m.enter().append('g').attr('class', 'marker');
    enter.append('line');
    enter.append('text');
    const all = enter.merge(m);
    all.select('line').attr('x1', (mk) => x(mk.tick)).attr('x2', (mk) => x(mk.tick)).attr('y1', M.top).attr('y2', height - M.bottom);
    all.select('text').attr('x', (mk) => x(mk.tick) + 3).attr('y', (_, i) => M.top + 10 + (i % 3) * 12).text((mk) => mk.label);
    m.exit().remove();
  }
}
