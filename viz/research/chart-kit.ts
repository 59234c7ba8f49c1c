/**
 * What every chart of a sweep or calibration report shares (viz/research/charts.ts, calibration-charts.ts): the d3
 * the report was drawn with, the figure size and margins, number formatting, a figure with its caption, and axes.
 */
import type { AxisScale } from '../d3.ts';

export type D3 = typeof import('../d3.ts');
/** The d3 passed to drawReport (the package and the page each use their own copy). */
export let d3: D3;

export function useD3(lib: D3): void {
  d3 = lib;
}

// Any HTML container: the report's root, or a row of figures inside it.
export type Div = import('d3-selection').Selection<HTMLElement, unknown, import('d3-selection').BaseType, unknown>;

export const W = 260;
export const H = 200;
export const M = { top: 10, right: 12, bottom: 36, left: 54 };

export function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? x.toExponential(2) : d3.format('.3~r')(x);
}

export function figure(parent: Div, caption: string, width = W, height = H) {
  const fig = parent.append('figure');
  const svg = fig.append('svg').attr('width', width).attr('height', height).attr('role', 'img');
  svg.append('title').text(caption);
  fig.append('figcaption').text(caption);
  return svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
}

export function axes(
  g: ReturnType<typeof figure>,
  x: AxisScale<number>,
  y: AxisScale<number>,
  xLabel: string,
  yLabel: string,
  height = H,
  width = W,
) {
  const ih = height - M.top - M.bottom;
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(5));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));
  g.append('text')
    .attr('x', (width - M.left - M.right) / 2)
    .attr('y', ih + 30)
    .attr('text-anchor', 'middle')
    .text(xLabel);
  g.append('text')
    .attr('transform', 'rotate(-90)')
    .attr('x', -ih / 2)
    .attr('y', -42)
    .attr('text-anchor', 'middle')
    .text(yLabel);
}

export const interval = (lo: number | null, hi: number | null) => `[${fmt(lo)}, ${fmt(hi)}]`;
