/**
 * Accessibility in real Chromium: axe-core (WCAG 2.0/2.1 A and AA) finds no serious or critical problem in
 * the live view, presenter mode, the compare view and story mode; and every visible control is reached by
 * Tab, has an accessible name, and shows where the focus is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, startApp, waitTick, type App } from './page.ts';
import type { CompareState } from '../../viz/compare/view.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: App;
beforeAll(async () => {
  app = await startApp(4313);
}, 120_000);
afterAll(async () => app?.close());

type Hook = {
  __orgsim: { tick: number; playing: boolean; mode: string; compare?: CompareState; story: { active: boolean } };
};
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical axe violations on the page as it is now, one readable line each. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }
    ).axe.run;
    const r = await run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 8)
          .map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
          .join('\n')}${v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''}`,
    );
}

async function expectNoSerious(page: Page, where: string): Promise<void> {
  const found = await axe(page);
  // Soft: one run reports every view's problems.
  expect.soft(found, `${where}:\n${found.join('\n')}`).toEqual([]);
}

/** Keyboard shortcuts act only outside form fields: leave the focus on the body first. */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

/** The live run, paused: axe reads a DOM that the charts rewrite every frame, so results would depend on timing. */
async function livePaused(page: Page): Promise<void> {
  await waitTick(page, 20);
  await press(page, 'Space');
  await page.waitForFunction(() => !(window as unknown as Hook).__orgsim.playing);
}

async function compareSmall(page: Page): Promise<void> {
  await press(page, 'c');
  await page.waitForSelector('#compare-view:not([hidden])');
  await page.selectOption('#compare-arm-0', 'small');
  await page.selectOption('#compare-arm-1', 'small');
  await page.fill('#compare-changes-1', 'smm.count=3');
  await page.fill('#compare-runs', '4');
  await page.click('#compare-run');
  await page.waitForFunction(
    () =>
      (window as unknown as Hook).__orgsim.compare?.end === 'done' &&
      !(window as unknown as Hook).__orgsim.compare?.running,
    null,
    { timeout: 60_000 },
  );
  // The results are drawn a piece per frame after the last run lands.
  await page.waitForTimeout(300);
}

/**
 * The smallest axis text and the thinnest data line of the visible charts, in CSS pixels on screen, and how many
 * charts, axis texts and lines were measured (a minimum over nothing is Infinity: the counts say it measured).
 * A chart's SVG sits in its .plot-box (viz/charts/frame.ts).
 */
async function chartSizes(
  page: Page,
): Promise<{ text: number; line: number; charts: number; texts: number; lines: number }> {
  return page.evaluate(() => {
    let text = Infinity;
    let line = Infinity;
    let charts = 0;
    let texts = 0;
    let lines = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>('.chart > .plot-box > svg[viewBox]')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      charts++;
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('.axis text')) {
        texts++;
        text = Math.min(text, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
      for (const p of svg.querySelectorAll('.plot path, .curve')) {
        const s = getComputedStyle(p);
        if (s.stroke === 'none') continue;
        lines++;
        line = Math.min(line, parseFloat(s.strokeWidth) * scale);
      }
    }
    return { text, line, charts, texts, lines };
  });
}

/** Compare-view arm tags (A, B...): contrast of their text on their colour, which axe leaves undecided (too short). */
async function armLabelContrast(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const lum = (css: string) => {
      const [r, g, b] = css
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((v) => Number(v) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return Array.from(document.querySelectorAll('.arm-label'), (e) => {
      const s = getComputedStyle(e);
      const [hi, lo] = [lum(s.color), lum(s.backgroundColor)].sort((a, b) => b - a);
      return (hi! + 0.05) / (lo! + 0.05);
    });
  });
}

interface Stop {
  key: string;
  name: string;
  focusRing: boolean;
}

/**
 * Tab once round the page; returns every visible enabled control (by key) and every stop with its accessible
 * name and whether a focus indicator is drawn.
 */
async function tabThrough(page: Page): Promise<{ controls: string[]; stops: Stop[] }> {
  const controls = await page.evaluate(() => {
    let n = 0;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, select, input, textarea, a[href], summary, [tabindex]',
    )) {
      if (!el.dataset.a11yKey) el.dataset.a11yKey = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : `:${n++}`}`;
      if (
        (el as HTMLButtonElement).disabled ||
        el.tabIndex < 0 ||
        (el instanceof HTMLInputElement && el.type === 'hidden')
      )
        continue;
      // Opacity is not checked: file inputs are transparent inside their visible label.
      if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
      out.push(el.dataset.a11yKey);
    }
    return out;
  });
  // Each stop is recorded in the page as focus arrives (one round trip per key press, not two).
  await page.evaluate(() => {
    const stops: Stop[] = [];
    (window as unknown as { __stops: Stop[] }).__stops = stops;
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      // The accessible name, in the order of accname: aria-labelledby, aria-label, <label>, content, title.
      let name = text(
        (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      name ||= text(el.getAttribute('aria-label'));
      if (!name && 'labels' in el)
        name = text(
          Array.from((el as HTMLInputElement).labels ?? [])
            .map((l) => l.textContent)
            .join(' '),
        );
      if (!name && ['BUTTON', 'SUMMARY', 'A'].includes(el.tagName)) name = text(el.textContent);
      name ||= text(el.getAttribute('title'));
      // A focus indicator on the control, or on the label that wraps it (file inputs are drawn by their label).
      const ring = (x: Element | null) => {
        if (!x) return false;
        const s = getComputedStyle(x);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      };
      stops.push({
        key: el.dataset.a11yKey ?? `${el.tagName.toLowerCase()}#${el.id}`,
        name,
        focusRing: ring(el) || ring(el.closest('label')),
      });
    });
    // Tab then starts after the last focused control and wraps round the end of the page.
    (document.activeElement as HTMLElement | null)?.blur();
  });
  // A full round: every control, plus the stop outside the page (the browser's own controls) where the order wraps.
  for (let k = 0; k < controls.length + 2; k++) await page.keyboard.press('Tab');
  const all = await page.evaluate(() => (window as unknown as { __stops: Stop[] }).__stops);
  const stops = [...new Map(all.map((s) => [s.key, s])).values()];
  return { controls, stops };
}

function expectKeyboardAccess({ controls, stops }: { controls: string[]; stops: Stop[] }, where: string): void {
  const reached = new Set(stops.map((s) => s.key));
  expect(controls.length, where).toBeGreaterThan(10);
  expect
    .soft(
      controls.filter((c) => !reached.has(c)),
      `${where}: not reached by Tab`,
    )
    .toEqual([]);
  expect
    .soft(
      stops.filter((s) => !s.name).map((s) => s.key),
      `${where}: no accessible name`,
    )
    .toEqual([]);
  expect
    .soft(
      stops.filter((s) => !s.focusRing).map((s) => s.key),
      `${where}: no visible focus`,
    )
    .toEqual([]);
}

describe('accessibility', () => {
  it('live view and presenter mode: keyboard access, no serious axe violation, projector-sized charts', async () => {
    const { page, errors } = await openPage(app);
    await livePaused(page);
    expectKeyboardAccess(await tabThrough(page), 'live view');
    await expectNoSerious(page, 'live view');
    await press(page, 'p');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(true);
    await expectNoSerious(page, 'presenter mode');
    // Presenter mode is for a projector: large axis text, thick lines (a 1500 px wide window here).
    const sizes = await chartSizes(page);
    console.log(
      `presenter mode: ${sizes.charts} charts, smallest of ${sizes.texts} axis texts ` +
        `${sizes.text.toFixed(1)} px, thinnest of ${sizes.lines} lines ${sizes.line.toFixed(1)} px`,
    );
    // Presenter mode shows the participation and value charts (and the organization): both must be measured.
    expect(sizes.charts, 'presenter charts measured').toBeGreaterThanOrEqual(2);
    expect(sizes.texts, 'presenter axis texts measured').toBeGreaterThan(0);
    expect(sizes.lines, 'presenter data lines measured').toBeGreaterThan(0);
    expect.soft(sizes.text).toBeGreaterThanOrEqual(18);
    expect.soft(sizes.line).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare view and story mode: keyboard access, no serious axe violation, readable scenario tags', async () => {
    const { page, errors } = await openPage(app);
    await compareSmall(page);
    expectKeyboardAccess(await tabThrough(page), 'compare view');
    await expectNoSerious(page, 'compare view');
    const ratios = await armLabelContrast(page);
    expect(ratios).toHaveLength(2);
    for (const r of ratios) expect.soft(r, 'contrast of an arm tag').toBeGreaterThanOrEqual(4.5);

    await press(page, 's');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.active);
    await expectNoSerious(page, 'story introduction');
    await press(page, 'PageDown');
    // The story's first step runs its claim's pair and says its verdict.
    await page.waitForFunction(
      () => {
        const o = (window as unknown as Hook).__orgsim;
        return (
          o.story.active && /^(The claim|Inconclusive)/.test(document.getElementById('story-verdict')!.textContent!)
        );
      },
      null,
      { timeout: 300_000 },
    );
    await page.waitForTimeout(300);
    await expectNoSerious(page, 'story mode');
    expect(errors).toEqual([]);
    await page.close();
  });
});
