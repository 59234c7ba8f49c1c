/**
 * orgsim report: a self-contained page (d3 and data inline, no request), text from the data never read as
 * markup; the summaries it draws; and, in a real browser (chromium, installed in CI), charts drawn without
 * errors and without a single request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeHtml, jsonForScript, scriptForHtml } from '../src/research/report/page.ts';
import { summarize, MAX_SCATTER_POINTS } from '../src/research/report/summaries.ts';
import { cli, expectMistake, TINY } from './sweep-helpers.ts';

const HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"><!--';

describe('page pieces', () => {
  it('escape text, data and code for their place in HTML', () => {
    expect(escapeHtml('<b a="1">&\'</b>')).toBe('&#60;b a=&#34;1&#34;&#62;&#38;&#39;&#60;/b&#62;');
    const json = jsonForScript({ name: HOSTILE, line: 'a\u2028b' });
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual({ name: HOSTILE, line: 'a\u2028b' });
    expect(scriptForHtml('var s = "</script>"; // <!-- x')).toBe('var s = "<\\/script>"; // <\\!-- x');
  });
});

describe('summaries', () => {
  const grid = [0, 0, 0, 1, 1, 1];
  const y = [1, 2, 3, 10, 11, 12];
  const data = summarize({
    title: 't',
    subtitle: 's',
    parameters: [
      { path: 'a', lo: 0, hi: 1, values: grid },
      { path: 'b', lo: 0, hi: 1, values: [0.05, 0.15, 0.25, 0.35, 0.45, 0.95] },
    ],
    outcomes: [{ key: 'o', label: 'O', values: y }],
    indices: [],
  });

  it('give the mean and 95% CI per level of a grid parameter', () => {
    const a = data.scatters.find((s) => s.parameter === 'a')!;
    expect(a.levels.map((l) => [l.x, l.mean, l.n])).toEqual([
      [0, 2, 3],
      [1, 11, 3],
    ]);
    expect(a.levels[0]!.lo).toBeCloseTo(2 - 4.302653 * (1 / Math.sqrt(3)), 5);
    expect(a.runs).toHaveLength(6);
  });

  it('read a parameter with many values by bins, and count every run once in a heatmap', () => {
    const b = data.scatters.find((s) => s.parameter === 'b')!;
    expect(b.levels.length).toBeLessThanOrEqual(6);
    const heat = data.heatmaps[0]!;
    expect([heat.x, heat.y]).toEqual(['a', 'b']);
    expect(heat.cells.reduce((n, c) => n + c.n, 0)).toBe(6);
  });

  it('thin the dots of a large sweep, not its means', () => {
    const n = 3 * MAX_SCATTER_POINTS;
    const big = summarize({
      title: '',
      subtitle: '',
      parameters: [{ path: 'a', lo: 0, hi: 1, values: Array.from({ length: n }, (_, i) => i % 2) }],
      outcomes: [{ key: 'o', label: 'O', values: Array.from({ length: n }, (_, i) => i) }],
      indices: [],
    });
    expect(big.shownRuns).toBeLessThanOrEqual(MAX_SCATTER_POINTS);
    expect(big.scatters[0]!.levels.reduce((s, l) => s + l.n, 0)).toBe(n);
  });
});

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-report-'));
  writeFileSync(path('tiny.json'), JSON.stringify({ ...TINY, name: HOSTILE }));
  const r = await cli([
    'sensitivity',
    path('tiny.json'),
    '--method',
    'sobol',
    '--samples',
    '32',
    '--param',
    'cm.speakShare=0:1',
    '--param',
    'smm.count=0:2',
    '--bootstrap',
    '50',
    '--workers',
    '1',
    '--set',
    'cm.present=true',
    '--out',
    path('sens'),
  ]);
  expect(r.code, r.stderr).toBe(0);
  const report = await cli(['report', path('sens')]);
  expect(report.code, report.stderr).toBe(0);
  // What it wrote and where, on stdout (the command's result).
  expect(report.stdout).toMatch(
    new RegExp(
      String.raw`^orgsim report: wrote .*sens\/report.html \([\d.]+ kB\), the report "Sensitivity analysis ` +
        `of .*": open it in a browser`,
    ),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orgsim report', () => {
  it('writes one self-contained file: no external resource, a policy that forbids requests', () => {
    const html = readFileSync(path('sens/report.html'), 'utf8');
    expect(html.match(/<script/g)).toHaveLength(2); // data, charts (d3 inside): the hostile name added none
    expect(html).not.toMatch(/<(img|link|iframe|object|embed)\b/i); // the name's <img> is \u003c-escaped data
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    // The chart script built with the package (scripts/build-node.mjs), not bundled at run time.
    expect(html).toContain(readFileSync('dist-node/report-charts.js', 'utf8').slice(0, 200));
    const data = JSON.parse(/<script type="application\/json" id="orgsim-data">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.title).toBe(`Sensitivity analysis of ${HOSTILE}`);
    expect(data.indices).toHaveLength(3 * 2 * 2);
    expect(html).toContain(`<title>Sensitivity analysis of ${escapeHtml(HOSTILE)}</title>`);
  });

  it('refuses a folder without a finished sweep', async () => {
    expectMistake(await cli(['report', path('nowhere')]), /holds no manifest.json/);
    rmSync(path('sens/runs.csv'));
    expectMistake(await cli(['report', path('sens')]), /no runs.csv to report on/);
  });

  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!chromium && !process.env.CI)
    process.stderr.write('research-report.test.ts: no chromium: the in-browser check of the report is skipped\n');

  it.skipIf(!chromium && !process.env.CI)(
    'draws its charts in a browser, offline, with the names as text',
    async () => {
      const { chromium: pw } = await import('playwright-core');
      const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('request', (r) => requests.push(r.url()));
        const url = `file://${path('sens/report.html')}`;
        await page.goto(url);
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        expect(await page.locator('h1').textContent()).toBe(`Sensitivity analysis of ${HOSTILE}`);
        expect(await page.locator('img').count()).toBe(0);
        // 3 index charts, 3 x 2 scatters, 3 heatmaps; dots for every run of every scatter.
        expect(await page.locator('svg').count()).toBe(3 + 6 + 3);
        expect(await page.locator('circle.run').count()).toBe(6 * 32 * 4);
        expect(await page.locator('rect[class^="bar-"]').count()).toBeGreaterThanOrEqual(3 * 4);
      } finally {
        await browser.close();
      }
    },
  );
});
