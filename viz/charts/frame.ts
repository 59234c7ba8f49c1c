/** A chart's frame: title, tools (view switch, SVG/PNG export), legend, and an SVG sized to its box. */
import * as d3 from '../d3.ts';
import { exportPng, exportSvg } from '../export.ts';

export interface LegendItem {
  label: string;
  colour: string;
  /** A line's dash pattern ('' for solid): the swatch is then a line, not a block. */
  dash?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A short line in the legend with the series' colour and dash pattern. */
function lineSwatch(colour: string, dash: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG_NS, 'line');
  for (const [k, v] of Object.entries({ x1: '1', x2: '27', y1: '5', y2: '5', stroke: colour, 'stroke-width': '3' })) line.setAttribute(k, v);
  if (dash) line.setAttribute('stroke-dasharray', dash);
  svg.append(line);
  return svg;
}

export class ChartFrame {
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly tools: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly caption: HTMLElement;
  readonly width = 520;
  readonly height = 230;

  constructor(readonly root: HTMLElement, readonly title: string, readonly fileName: string) {
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
    root.append(h, this.legend);
    this.svg = d3.select(root).append('svg').attr('viewBox', `0 0 ${this.width} ${this.height}`).attr('role', 'img').attr('aria-label', title).style('width', '100%').style('height', 'auto');
    root.append(this.caption);
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

  addButton(text: string, label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    this.tools.append(b);
    return b;
  }

  addSelect(label: string, options: { value: string; text: string }[], onChange: (v: string) => void): HTMLSelectElement {
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
