/**
 * A chart's frame: title, tools (view switch, SVG/PNG export), legend, and an SVG sized to its box in CSS
 * pixels (the viewBox is the box), so that text in the chart has the page's sizes and grows with them
 * (presenter mode, a zoomed page); charts redraw when the box changes size.
 */
import * as d3 from '../d3.ts';
import { exportPng, exportSvg } from '../export.ts';

export interface LegendItem {
  label: string;
  colour: string;
  /** A line's dash pattern ('' for solid): the swatch is then a line, not a block. */
  dash?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const measureContext = document.createElement('canvas').getContext('2d')!;

/** A short line in the legend with the series' colour and dash pattern. */
function lineSwatch(colour: string, dash: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'line');
  for (const [k, v] of Object.entries({ x1: '1', x2: '27', y1: '5', y2: '5', stroke: colour, 'stroke-width': '3' }))
    line.setAttribute(k, v);
  if (dash) line.setAttribute('stroke-dasharray', dash);
  svg.append(line);
  return svg;
}

export class ChartFrame {
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly tools: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly caption: HTMLElement;
  /** The box the SVG fills: its size decides the chart's. */
  readonly box: HTMLElement;
  width = 520;
  height = 230;
  /** The chart's text size in CSS pixels (from the page's styles), read when the box changes. */
  fontPx = 12;
  private readonly resized: (() => void)[] = [];

  constructor(
    readonly root: HTMLElement,
    readonly title: string,
    readonly fileName: string,
  ) {
    root.replaceChildren();
    const h = document.createElement('h2');
    const t = document.createElement('span');
    t.textContent = title;
    this.tools = document.createElement('span');
    this.tools.className = 'tools';
    h.append(t, this.tools);
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    this.caption = document.createElement('figcaption');
    this.box = document.createElement('div');
    this.box.className = 'plot-box';
    root.append(h, this.legend, this.box, this.caption);
    this.svg = d3
      .select(this.box)
      .append('svg')
      .attr('viewBox', `0 0 ${this.width} ${this.height}`)
      .attr('role', 'img')
      .attr('aria-label', title);
    // The observer's first call measures the box, once the page is laid out: measuring here would force a
    // layout per chart while the page is still being built (start-up's longest task).
    new ResizeObserver(() => this.measure()).observe(this.box);
    this.addButton('SVG', `Download "${title}" as SVG`, () => {
      const restore = this.beforeExport?.();
      try {
        exportSvg(this.svg.node()!, `${fileName}.svg`, title);
      } finally {
        restore?.();
      }
    });
    this.addButton('PNG', `Download "${title}" as PNG`, () => {
      const restore = this.beforeExport?.();
      void exportPng(this.svg.node()!, `${fileName}.png`, title).finally(() => restore?.());
    });
  }

  /** Reads the box's size and text size; tells the chart when they changed. */
  private measure(): void {
    const w = Math.round(this.box.clientWidth);
    const h = Math.round(this.box.clientHeight);
    if (!w || !h) return;
    const font = parseFloat(getComputedStyle(this.box).fontSize) || 12;
    if (w === this.width && h === this.height && font === this.fontPx) return;
    this.width = w;
    this.height = h;
    this.fontPx = font;
    this.svg.attr('viewBox', `0 0 ${w} ${h}`);
    for (const f of this.resized) f();
  }

  /** Called after the box changed size (the chart draws itself again). */
  onResize(f: () => void): void {
    this.resized.push(f);
  }

  /** Width of a text at the chart's text size (for margins and label placement, without layout). */
  textWidth(text: string, scale = 1): number {
    measureContext.font = `${this.fontPx * scale}px system-ui, sans-serif`;
    return measureContext.measureText(text).width;
  }

  addButton(text: string, label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    this.tools.append(b);
    return b;
  }

  addSelect(
    label: string,
    options: { value: string; text: string }[],
    onChange: (v: string) => void,
  ): HTMLSelectElement {
    const s = document.createElement('select');
    s.setAttribute('aria-label', label);
    for (const o of options) s.add(new Option(o.text, o.value));
    s.addEventListener('change', () => onChange(s.value));
    this.tools.prepend(s);
    return s;
  }

  private legendKey = '';

  /** A chart that paints on a canvas puts its marks into the SVG for an export; returns the undo. */
  beforeExport: (() => () => void) | undefined;

  /** Rebuilt only when the items change (charts call this on every redraw). */
  setLegend(items: LegendItem[]): void {
    const key = JSON.stringify(items);
    if (key === this.legendKey) return;
    this.legendKey = key;
    this.legend.replaceChildren(
      ...items.map((i) => {
        const span = document.createElement('span');
        span.textContent = i.label;
        if (i.dash === undefined) span.style.setProperty('--swatch', i.colour);
        else {
          span.className = 'line';
          span.prepend(lineSwatch(i.colour, i.dash));
        }
        return span;
      }),
    );
  }

  setCaption(text: string): void {
    if (this.caption.textContent !== text) this.caption.textContent = text;
  }
}
