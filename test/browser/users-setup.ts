/**
 * Shared by the users' browser tests (strategist, researcher, facilitator): the page's test hook, a page of
 * the running app, the compare view's form, downloads, and what is on screen (text sizes, overlaps, scroll).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { App } from './page.ts';
import type { CompareSnapshot, CompareState } from '../../viz/compare/view.ts';

export type Hook = {
  __orgsim: {
    tick: number;
    playing: boolean;
    markers: { tick: number; label: string }[];
    mode: string;
    compare?: CompareState;
    compareResults(): CompareSnapshot;
  };
};
export const markers = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.markers);
export const tickOf = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.tick);

/** A new page of the app with these options, once its run has passed day `after`. */
export async function livePage(
  app: App,
  options: Parameters<App['browser']['newPage']>[0],
  after: number,
): Promise<Page> {
  const page = await app.browser.newPage(options);
  await page.goto(app.url);
  await page.waitForFunction((n) => ((window as unknown as Hook).__orgsim?.tick ?? 0) > n, after);
  return page;
}

/** One arm of the compare view's form: a scenario, and its changes when given. */
export interface CompareArm {
  scenario: string;
  changes?: string;
}

/** Fill in the compare view's form (two arms, runs per arm), run it and wait for the results. */
export async function runCompare(page: Page, arms: readonly [CompareArm, CompareArm], runs: number): Promise<void> {
  for (const [i, arm] of arms.entries()) {
    await page.selectOption(`#compare-arm-${i}`, arm.scenario);
    if (arm.changes !== undefined) await page.fill(`#compare-changes-${i}`, arm.changes);
  }
  await page.fill('#compare-runs', String(runs));
  await page.click('#compare-run');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare?.end === 'done', null, {
    timeout: 120_000,
  });
}

export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

/**
 * Every text of the visible charts (axis titles, tick labels, marker labels, window and bracket labels) as
 * boxes on screen, per chart; and the chart's own box. Texts with no size (empty) are left out.
 */
async function chartTexts(
  page: Page,
): Promise<{ chart: string; box: DOMRectLike; texts: { what: string; text: string; r: DOMRectLike }[] }[]> {
  return page.evaluate(() => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return Array.from(document.querySelectorAll<SVGSVGElement>('.chart .plot-box > svg'))
      .filter((svg) => svg.checkVisibility() && svg.getBoundingClientRect().width > 0)
      .map((svg) => ({
        chart: svg.closest('figure')!.id,
        box: rect(svg.closest('figure')!),
        texts: Array.from(svg.querySelectorAll<SVGTextElement>('text'))
          .filter((t) => (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0)
          .map((t) => ({
            what: t.closest('.axis')
              ? 'tick'
              : (t.getAttribute('class') ?? t.parentElement!.getAttribute('class') ?? 'text'),
            text: t.textContent!,
            r: rect(t),
          })),
      }));
  });
}
interface DOMRectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlap = (a: DOMRectLike, b: DOMRectLike) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const inside = (a: DOMRectLike, box: DOMRectLike) =>
  a.left >= box.left - 0.5 && a.right <= box.right + 0.5 && a.top >= box.top - 0.5 && a.bottom <= box.bottom + 0.5;

/** No two texts of a chart overlap, and none runs out of its chart. */
export async function expectNoOverlap(page: Page, where: string): Promise<void> {
  const charts = await chartTexts(page);
  expect(charts.length, where).toBeGreaterThan(0);
  for (const c of charts) {
    expect(c.texts.length, `${where}: ${c.chart} has texts`).toBeGreaterThan(3);
    for (const t of c.texts)
      expect.soft(inside(t.r, c.box), `${where}: ${c.chart}: "${t.text}" (${t.what}) runs out of the chart`).toBe(true);
    for (let i = 0; i < c.texts.length; i++) {
      for (let j = i + 1; j < c.texts.length; j++) {
        const [a, b] = [c.texts[i]!, c.texts[j]!];
        expect
          .soft(overlap(a.r, b.r), `${where}: ${c.chart}: "${a.text}" (${a.what}) overlaps "${b.text}" (${b.what})`)
          .toBe(false);
      }
    }
  }
}

/** The smallest visible text under `root`: its size in CSS pixels and its first words. */
export function smallestText(page: Page, root: string): Promise<{ size: number; text: string }> {
  return page.evaluate((sel) => {
    const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
    let min = { size: Infinity, text: '' };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement!;
      if (!n.textContent!.trim() || !e.checkVisibility() || e.getBoundingClientRect().width === 0) continue;
      const size = parseFloat(getComputedStyle(e).fontSize);
      if (size < min.size) min = { size, text: n.textContent!.trim().slice(0, 40) };
    }
    return min;
  }, root);
}

export async function fitsTheScreen(page: Page): Promise<{ width: number; height: number; sw: number; sh: number }> {
  return page.evaluate(() => ({
    width: innerWidth,
    height: innerHeight,
    sw: document.documentElement.scrollWidth,
    sh: document.documentElement.scrollHeight,
  }));
}
