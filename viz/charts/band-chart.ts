/**
 * Several scenarios over working days: for each, the mean over replications as a line, with its 95%
 * (light) and 90% (darker) confidence bands. Scenarios differ by colour and by dash pattern, so the chart
 * still reads in grey or for a colour-blind viewer. An optional highlighted window marks what a story step
 * measures.
 *
 * Bands and lines are painted on a canvas laid over the SVG (which keeps the axes, the highlight and the
 * text): while a comparison streams in, rewriting a dozen SVG paths several times a second cost the page
 * 50-90 ms tasks on a 2-core machine, as the workers hold both cores. Exports get the same bands as SVG paths.
 */
import * as d3 from '../d3.ts';
import { ChartFrame } from './frame.ts';
import { DayAxes, axisNumber, sampleDays } from './day-axes.ts';
import type { Band } from '../../src/compare/summary.ts';
import { formatValue } from '../../src/compare/summary.ts';
import type { Format } from '../../src/compare/metrics.ts';

export interface BandSeries {
  label: string;
  colour: string;
  dash: string;
  band: Band;
}

export interface Highlight {
  /** Shaded days [from, to): the window measured. */
  from: number;
  to: number;
  text: string;
  /** A value measured on one day (the window's last): that day is marked by a line, not the window shaded. */
  marker?: boolean;
  /** Values measured over the whole window (a mean), drawn across it in each scenario's colour. */
  levels?: { value: number; colour: string }[];
  /** A bracket on day `at` spanning the values measured, labelled with the difference (right of the plot). */
  bracket?: { at: number; values: number[]; label: string };
}

/** Dash patterns in scenario order (solid first). */
export const DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 4', '12 3 2 3 2 3'];

/**
 * At most this many points per line (about 2 px apart on the 520-unit wide chart): the eye sees no more,
 * and with up to 6 scenarios x 3 paths, building and painting the paths is what a redraw costs.
 */
const MAX_POINTS = 260;

type Scale = d3.ScaleLinear<number, number>;

/** One scenario's marks, the same on the canvas and in an export: the 95% band (light), the 90% band, the mean line. */
function shapes(
  b: Band,
  x: Scale,
  y: Scale,
): { bands: { area: d3.Area<number>; opacity: number }[]; line: d3.Line<number> } {
  const area = (lo: Float64Array, hi: Float64Array) =>
    d3
      .area<number>()
      .x((t) => x(t))
      .y0((t) => y(lo[t]!))
      .y1((t) => y(hi[t]!));
  return {
    bands: [
      { area: area(b.lo95, b.hi95), opacity: 0.14 },
      { area: area(b.lo90, b.hi90), opacity: 0.22 },
    ],
    line: d3
      .line<number>()
      .x((t) => x(t))
      .y((t) => y(b.mean[t]!)),
  };
}

export class BandChart {
  readonly frame: ChartFrame;
  private readonly highlight: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly axes: DayAxes;
  private readonly canvas: HTMLCanvasElement;
  /** What was last drawn, to repaint the canvas when its size changes and to build exports. */
  private last:
    | {
        drawn: readonly BandSeries[];
        idx: number[];
        x: d3.ScaleLinear<number, number>;
        y: d3.ScaleLinear<number, number>;
      }
    | undefined;
  private args: Parameters<BandChart['update']> | undefined;

  constructor(root: HTMLElement, title: string, fileName: string) {
    this.frame = new ChartFrame(root, title, fileName);
    const svg = this.frame.svg;
    // The canvas sits exactly over the SVG, in the SVG's own units (its viewBox, the box's CSS pixels).
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.frame.box.classList.add('plot-layer');
    this.frame.box.append(this.canvas);
    this.frame.beforeExport = () => this.svgPaths();
    this.highlight = svg.append('g').attr('class', 'highlight');
    this.plot = svg.append('g').attr('class', 'plot bands');
    this.axes = new DayAxes(this.frame, { top: 8, right: 12 });
    this.frame.onResize(() => (this.args ? this.update(...this.args) : this.paint()));
  }

  update(series: readonly BandSeries[], horizon: number, yLabel: string, format: Format, highlight?: Highlight): void {
    this.args = [series, horizon, yLabel, format, highlight];
    const { width, height, fontPx: f } = this.frame;
    this.frame.setLegend(series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash })));
    this.axes.setYTitle(yLabel);
    // Scenarios with no finished run yet are in the legend, not on the plot.
    const drawn = series.filter((s) => s.band.n > 0);
    const ticks = Math.max(0, ...drawn.map((s) => s.band.mean.length));
    const idx = sampleDays(ticks, MAX_POINTS);

    let lo = 0;
    let hi = format === 'share' ? 0.1 : 0;
    for (const s of drawn) {
      for (const t of idx) {
        if (s.band.hi95[t]! > hi) hi = s.band.hi95[t]!;
        // The floor follows the means: a band may dip below 0 around a mean near 0 (it is clipped), an axis should not.
        if (s.band.mean[t]! < lo) lo = s.band.mean[t]!;
      }
    }
    const tickFormat = format === 'share' ? d3.format('.0%') : axisNumber;
    const top = hi > lo ? hi * 1.05 : lo + 1;
    const yLabels = drawn.length ? DayAxes.yTicks(d3.scaleLinear().domain([lo, top]).nice(), tickFormat) : [];
    // Room above the plot for the highlighted window's label, and on its right for the bracket's label: it
    // never sits on the lines.
    const bracketRoom = highlight?.bracket ? 14 + this.frame.textWidth(highlight.bracket.label, 1.15) : 0;
    this.axes.layout(yLabels, highlight ? 8 + f * 1.3 : 8, String(Math.max(1, horizon - 1)), bracketRoom);
    const x = this.axes.x(horizon);
    const y = this.axes.y(lo, top);
    const M = this.axes.m;
    this.axes.draw(x, y, tickFormat, format, drawn.length === 0);

    this.last = { drawn, idx, x, y };
    this.paint();

    this.highlight.selectAll('*').remove();
    if (highlight) {
      const h = this.highlight;
      const x0 = x(highlight.from);
      const x1 = x(Math.min(highlight.to, horizon) - 1);
      if (highlight.marker)
        h.append('line')
          .attr('class', 'day-marker')
          .attr('x1', x1)
          .attr('x2', x1)
          .attr('y1', M.top)
          .attr('y2', height - M.bottom)
          .attr('stroke', '#555')
          .attr('stroke-width', 2)
          .attr('stroke-dasharray', '5 4');
      else
        h.append('rect')
          .attr('x', x0)
          .attr('width', Math.max(3, x1 - x0))
          .attr('y', M.top)
          .attr('height', height - M.bottom - M.top)
          .attr('fill', '#f0e442')
          .attr('fill-opacity', highlight.from === 0 && highlight.to >= horizon ? 0.18 : 0.35);
      const right = x0 + 4 > width * 0.6;
      h.append('text')
        .attr('class', 'window-label')
        .attr('x', right ? Math.min(x1, width - M.right) : x0 + 4)
        .attr('text-anchor', right ? 'end' : 'start')
        .attr('y', M.top - f * 0.35)
        .attr('font-weight', 600)
        .text(highlight.text);
      for (const l of highlight.levels ?? [])
        h.append('line')
          .attr('class', 'level')
          .attr('x1', x0)
          .attr('x2', x1)
          .attr('y1', y(l.value))
          .attr('y2', y(l.value))
          .attr('stroke', l.colour)
          .attr('stroke-width', 2)
          .attr('stroke-dasharray', '2 2');
      const b = highlight.bracket;
      if (b) {
        const bx = x(b.at) + 6;
        const ys = b.values.map((v) => y(v));
        const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
        h.append('path')
          .attr('class', 'bracket')
          .attr('fill', 'none')
          .attr('stroke', '#000')
          .attr('stroke-width', 2)
          .attr('d', `M${bx - 4},${top}H${bx}V${bottom}H${bx - 4}${ys.map((v) => `M${bx - 4},${v}H${bx}`).join('')}`);
        h.append('text')
          .attr('class', 'bracket-label')
          .attr('x', bx + 4)
          .attr('text-anchor', 'start')
          .attr('y', (top + bottom) / 2 + f * 0.35)
          .attr('font-size', '1.15em')
          .attr('font-weight', 700)
          .text(b.label);
      }
    }

    // For screen readers: the last mean of each scenario.
    const last = (s: BandSeries) => (s.band.n ? s.band.mean[ticks - 1] : undefined);
    this.frame.svg.attr(
      'aria-label',
      `${this.frame.title}: ` +
        series
          .map(
            (s) =>
              `${s.label} ends at ${last(s) === undefined ? 'n/a' : formatValue(format, last(s)!)} (${s.band.n} runs)`,
          )
          .join('; '),
    );
  }

  /** Bands and mean lines on the canvas, at the device's pixel density. */
  private paint(): void {
    const c = this.canvas;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (!w || !h) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (!this.last) return;
    const { drawn, idx, x, y } = this.last;
    ctx.setTransform(c.width / this.frame.width, 0, 0, c.height / this.frame.height, 0, 0);
    ctx.save();
    ctx.beginPath();
    const M = this.axes.m;
    ctx.rect(M.left, M.top, this.frame.width - M.left - M.right, this.frame.height - M.top - M.bottom);
    ctx.clip();
    // Presenter mode: thicker lines for a projector.
    const lineWidth = document.body.classList.contains('presenter') ? 4 : 2.5;
    for (const s of drawn) {
      const { bands, line } = shapes(s.band, x, y);
      for (const { area, opacity } of bands) {
        ctx.beginPath();
        area.context(ctx)(idx);
        ctx.globalAlpha = opacity;
        ctx.fillStyle = s.colour;
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      ctx.beginPath();
      line.context(ctx)(idx);
      ctx.setLineDash(s.dash ? s.dash.split(' ').map(Number) : []);
      ctx.lineWidth = lineWidth;
      ctx.lineCap = 'round';
      ctx.strokeStyle = s.colour;
      ctx.stroke();
    }
    ctx.restore();
  }

  /** For an export: the canvas's bands and lines as SVG paths; returns what removes them again. */
  private svgPaths(): () => void {
    const g = this.plot.append('g');
    if (this.last) {
      const { drawn, idx, x, y } = this.last;
      for (const s of drawn) {
        const { bands, line } = shapes(s.band, x, y);
        for (const { area, opacity } of bands)
          g.append('path')
            .attr('fill', s.colour)
            .attr('fill-opacity', opacity)
            .attr('d', area(idx) ?? '');
        g.append('path')
          .attr('fill', 'none')
          .attr('stroke', s.colour)
          .attr('stroke-width', 2.5)
          .attr('stroke-dasharray', s.dash || null)
          .attr('d', line(idx) ?? '');
      }
    }
    return () => g.remove();
  }
}
