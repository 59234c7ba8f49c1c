/**
 * A chart of series over working days: lines or a stacked area, with the horizon fixed on the x axis (so
 * axes do not jump while the run plays), labelled units, a dashed marker at every intervention with its label
 * in a lane above the plot (never over the data, never cut), and optionally a "ghost": the same run without
 * its latest intervention, as a grey dashed line, so that a room sees what the intervention changed.
 */
import * as d3 from '../d3.ts';
import { ChartFrame } from './frame.ts';
import { DayAxes, axisNumber, sampleDays } from './day-axes.ts';
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
  /** What the ghost line shows in this view (the top of the stack, or one of the lines). */
  ghost?: (get: (key: string) => Float64Array, t: number) => number;
}

/** The same run without its latest intervention, up to `tick`. */
export interface Ghost {
  get: (key: string) => Float64Array;
  tick: number;
  /** The intervention it leaves out. */
  label: string;
}

/** At most this many intervention markers are drawn (a scenario may schedule thousands). */
export const MAX_MARKERS = 60;
const MAX_LANES = 3;
const GHOST_COLOUR = '#6b6b6b';

export class TimeChart {
  readonly frame: ChartFrame;
  private view: View;
  private readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly ghostPath: d3.Selection<SVGPathElement, unknown, null, undefined>;
  private readonly axes: DayAxes;
  private readonly markers: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly empty: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private viewId = 0;
  private last: Parameters<TimeChart['update']> | undefined;
  /** Interventions whose label did not fit above the plot (listed in the caption by the page). */
  unlabelled: Marker[] = [];

  constructor(root: HTMLElement, title: string, fileName: string, view: View) {
    this.frame = new ChartFrame(root, title, fileName);
    this.view = view;
    const svg = this.frame.svg;
    this.plot = svg.append('g').attr('class', 'plot');
    this.ghostPath = svg
      .append('path')
      .attr('class', 'ghost')
      .attr('fill', 'none')
      .attr('stroke', GHOST_COLOUR)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', '6 4');
    this.markers = svg.append('g').attr('class', 'markers');
    this.empty = svg.append('text').attr('class', 'empty-note').attr('text-anchor', 'middle');
    this.axes = new DayAxes(this.frame, { top: 8, right: 12 });
    this.setView(view);
    this.frame.onResize(() => this.last && this.update(...this.last));
  }

  setView(view: View): void {
    this.view = view;
    this.viewId++;
    this.axes.setYTitle(view.yLabel);
    this.plot.selectAll('*').remove();
    this.legendFor(undefined);
  }

  private legendFor(ghost: Ghost | undefined): void {
    const view = this.view;
    // Lines differ by dash pattern too, not by colour alone: orange and sky blue are faint on white.
    const items = view.lines.map((l, k) =>
      view.stacked ? { label: l.label, colour: l.colour } : { label: l.label, colour: l.colour, dash: DASHES[k] ?? '' },
    );
    if (ghost && view.ghost)
      items.push({ label: `without “${ghost.label}” (same run)`, colour: GHOST_COLOUR, dash: '6 4' });
    this.frame.setLegend(items);
  }

  /** Draw ticks [0, tick) of the series given by `get`, over a horizon of `horizon` days. */
  update(
    get: (key: string) => Float64Array,
    tick: number,
    horizon: number,
    markers: readonly Marker[],
    ghost?: Ghost,
  ): void {
    this.last = [get, tick, horizon, markers, ghost];
    const { width, height, fontPx: f } = this.frame;
    const format = this.view.format ?? axisNumber;
    // At most ~600 points per line: a projector cannot show more, and paths stay cheap.
    const idx = sampleDays(tick, 600);
    const lines = this.view.lines;
    const data = lines.map((l) => get(l.key));
    let top = this.view.yMax ?? 0;
    if (this.view.yMax === undefined) {
      for (const t of idx) {
        let sum = 0;
        for (const d of data) {
          const v = d[t]!;
          sum += v;
          if (!this.view.stacked && v > top) top = v;
        }
        if (this.view.stacked && sum > top) top = sum;
      }
      if (ghost && this.view.ghost)
        for (let t = 0; t < ghost.tick; t += 1) top = Math.max(top, this.view.ghost(ghost.get, t));
    }
    const isEmpty = tick === 0;
    const hi = top > 0 ? top * 1.05 : 1;
    const yLabels = isEmpty ? [] : DayAxes.yTicks(d3.scaleLinear().domain([0, hi]).nice(), format);
    // Labels of the interventions: lanes above the plot, as many as they need (at most MAX_LANES).
    this.axes.layout(yLabels, 8, String(Math.max(1, horizon - 1)));
    let x = this.axes.x(horizon);
    const shown = markers.filter((mk) => mk.tick < horizon).slice(0, MAX_MARKERS);
    const placed = this.placeLabels(shown, x, width - this.axes.m.right);
    const lanes = Math.max(0, ...placed.map((p) => p.lane + 1));
    this.axes.layout(yLabels, 8 + lanes * f * 1.25, String(Math.max(1, horizon - 1)));
    x = this.axes.x(horizon);
    const y = this.axes.y(0, hi);
    const m = this.axes.m;
    this.axes.draw(x, y, format, String(this.viewId), isEmpty);
    this.empty
      .attr('x', (m.left + width - m.right) / 2)
      .attr('y', (m.top + height - m.bottom) / 2)
      .text(isEmpty ? 'No data yet: the run has not started.' : '');

    const paths = this.plot.selectAll<SVGPathElement, Line>('path').data(lines, (l) => l.key);
    const merged = paths.join('path');
    if (this.view.stacked) {
      const base = new Float64Array(idx.length);
      merged.each(function (l, k) {
        const d = data[k]!;
        const lower = Float64Array.from(base);
        for (let j = 0; j < idx.length; j++) base[j]! += d[idx[j]!]!;
        const upper = Float64Array.from(base);
        const area = d3
          .area<number>()
          .x((j) => x(idx[j]!))
          .y0((j) => y(lower[j]!))
          .y1((j) => y(upper[j]!));
        d3.select(this)
          .attr('fill', l.colour)
          .attr('stroke', 'none')
          .attr('d', area(d3.range(idx.length)) ?? '');
      });
    } else {
      merged.each(function (l, k) {
        const d = data[k]!;
        const line = d3
          .line<number>()
          .x((t) => x(t))
          .y((t) => y(d[t]!));
        d3.select(this)
          .attr('fill', 'none')
          .attr('stroke', l.colour)
          .attr('stroke-width', 2.5)
          .attr('stroke-dasharray', DASHES[k] || null)
          .attr('d', line(idx) ?? '');
      });
    }
    const g = ghost && this.view.ghost ? ghost : undefined;
    if (g) {
      const gi = sampleDays(g.tick, 600);
      this.ghostPath.attr(
        'd',
        d3
          .line<number>()
          .x((t) => x(t))
          .y((t) => y(this.view.ghost!(g.get, t)))(gi) ?? '',
      );
    } else this.ghostPath.attr('d', null);
    this.legendFor(g);

    // Markers: a dashed line through the plot; the label in its lane above, anchored so it is never cut.
    const mk = this.markers
      .selectAll<SVGGElement, (typeof placed)[number]>('g.marker')
      .data(placed, (p) => `${p.marker.tick}:${p.marker.label}`);
    const enter = mk.enter().append('g').attr('class', 'marker');
    enter.append('line');
    enter.append('text');
    mk.exit().remove();
    const all = enter.merge(mk);
    all
      .select('line')
      .attr('x1', (p) => x(p.marker.tick))
      .attr('x2', (p) => x(p.marker.tick))
      .attr('y1', (p) => (p.lane >= 0 ? 8 + p.lane * f * 1.25 + f * 0.3 : m.top))
      .attr('y2', height - m.bottom);
    all
      .select('text')
      .attr('x', (p) => p.x)
      .attr('text-anchor', (p) => p.anchor)
      .attr('y', (p) => 8 + p.lane * f * 1.25 + f * 0.95)
      .text((p) => (p.lane >= 0 ? p.marker.label : ''));
    this.unlabelled = [
      ...placed.filter((p) => p.lane < 0).map((p) => p.marker),
      ...markers.filter((mk2) => mk2.tick < horizon).slice(MAX_MARKERS),
    ];
  }

  /** Each label in the first lane where it overlaps no other; -1 when no lane has room. */
  private placeLabels(
    markers: readonly Marker[],
    x: d3.ScaleLinear<number, number>,
    right: number,
  ): { marker: Marker; lane: number; x: number; anchor: 'start' | 'end' }[] {
    const ends: number[] = [];
    const starts: { from: number; to: number }[][] = [];
    const left = this.axes.m.left;
    return [...markers]
      .sort((a, b) => a.tick - b.tick)
      .map((marker) => {
        const w = this.frame.textWidth(marker.label) + 4;
        const at = x(marker.tick);
        // Start-anchored if it fits before the right edge, else end-anchored at the line; when neither side of
        // the line has room (a long label on a narrow chart), it starts where it fits whole in the plot.
        const fitsRight = at + 3 + w <= right;
        const fitsLeft = at - 3 - w >= left;
        const anchor: 'start' | 'end' = fitsRight || !fitsLeft ? 'start' : 'end';
        const from = fitsRight ? at + 3 : fitsLeft ? at - 3 - w : Math.max(left, right - w);
        const to = from + w;
        for (let lane = 0; lane < MAX_LANES; lane++) {
          const taken = starts[lane] ?? (starts[lane] = []);
          if (taken.every((r) => to <= r.from || from >= r.to)) {
            taken.push({ from, to });
            ends[lane] = to;
            return { marker, lane, x: anchor === 'start' ? from : at - 3, anchor };
          }
        }
        return { marker, lane: -1, x: at, anchor };
      });
  }
}
