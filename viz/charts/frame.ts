/** A chart's frame: title, tools (view switch, SVG/PNG export), legend, and an SVG sized to its box. */
import * as d3 from 'd3';
import { exportPng, exportSvg } from '../export.ts';

export interface LegendItem {
  label: string;
  colour: string;
}

export class ChartFrame {
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly tools: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly caption: HTMLElement;
  readonly width = 520;
  readonly height = 230;

  constructor(readonly root: HTMLElement, title: string, readonly fileName: string) {
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
    this.addButton('SVG', `Download "${title}" as SVG`, () => exportSvg(this.svg.node()!, `${fileName}.svg`, title));
    this.addButton('PNG', `Download "${title}" as PNG`, () => void exportPng(this.svg.node()!, `${fileName}.png`, title));
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

  setLegend(items: LegendItem[]): void {
    this.legend.replaceChildren(
      ...items.map((i) => {
        const span = document.createElement('span');
        span.textContent = i.label;
        span.style.setProperty('--swatch', i.colour);
        return span;
      }),
    );
  }

  setCaption(text: string): void {
    this.caption.textContent = text;
  }
}
