/** Downloads: charts as SVG or PNG, runs as CSV or JSON. Everything is built locally; nothing is fetched. */
import type { LiveRun } from './live.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A standalone SVG: namespace, white background, the page's text styles inlined. */
function standalone(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 520 230').split(' ').map(Number);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent =
    'text{font-family:system-ui,sans-serif;fill:#111}.axis text,.axis-title{font-size:13px}.marker ' +
    'line{stroke:#333;stroke-dasharray:4 3}.marker text{font-size:11px}';
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  clone.prepend(t, style, bg);
  return new XMLSerializer().serializeToString(clone);
}

export function exportSvg(svg: SVGSVGElement, name: string, title: string): void {
  download(name, new Blob([standalone(svg, title)], { type: 'image/svg+xml' }));
}

export async function exportPng(svg: SVGSVGElement, name: string, title: string): Promise<void> {
  const text = standalone(svg, title);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the chart'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    exportCanvasPng(canvas, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function exportCanvasPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => blob && download(name, blob), 'image/png');
}

/** Tidy CSV of the ticks run so far: tick,series,value, numbers at full precision. */
export function runCsv(run: LiveRun): string {
  const rows = ['tick,series,value'];
  for (let t = 0; t < run.tick; t++)
    for (let k = 0; k < SERIES_NAMES.length; k++) rows.push(`${t},${SERIES_NAMES[k]},${String(run.series[k]![t])}`);
  return `${rows.join('\n')}\n`;
}

/** Everything needed to reproduce and analyse the run: scenario (live changes as interventions), seed, series. */
export function runJson(run: LiveRun, name = run.scenario.name): string {
  const series: Record<string, number[]> = {};
  SERIES_NAMES.forEach((n, k) => (series[n] = Array.from(run.series[k]!.subarray(0, run.tick))));
  // The scenario that reproduces the run (opening this file on the page opens it).
  const scenario = { ...run.reproducible(), name: name.slice(0, 120) };
  return JSON.stringify({
    orgsim: 'web',
    seed: run.seed,
    ticks: run.tick,
    scenario,
    interventions: run.markers,
    series,
  });
}
