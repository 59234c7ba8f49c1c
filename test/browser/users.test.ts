/**
 * Each user's path through the page, in real Chromium on the production build: the strategist describes
 * their organization, resets, compares it with the baseline, saves it and opens it again. Only assertions
 * that hold on a loaded machine: conditions are awaited, never timed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, SHOTS, startApp, waitTick, type App } from './page.ts';
import type { CompareSnapshot, CompareState } from '../../viz/compare/view.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4314);
}, 120_000);
afterAll(async () => app?.close());

type Hook = { __orgsim: { tick: number; playing: boolean; markers: { tick: number; label: string }[]; mode: string; compare?: CompareState; compareResults(): CompareSnapshot } };
const markers = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.markers);
const tickOf = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.tick);

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

describe('the strategist', () => {
  it('describes their organization, resets, compares it with the baseline, saves it and opens it again', async () => {
    const { page, errors } = await openPage(app);
    await waitTick(page, 5);
    // Day-0 settings from the form: the run starts again and is renamed.
    await page.fill('#org-employees', '300');
    await page.fill('#org-smm-count', '3');
    await page.selectOption('#org-cm', 'outsourced');
    await page.fill('#org-customers', '0');
    await page.fill('#org-ticks', '120');
    await page.click('#org-apply');
    const name = 'Baseline, modified: 300 employees, 3 SMMs, an outsourced CM, no external community, 120 working days';
    await page.waitForFunction((n) => document.getElementById('run-name')!.textContent === n, name);
    expect(await page.locator('#changes-day0').textContent()).toBe('300 employees; 3 SMMs; an outsourced CM; no external community; 120 working days');
    // The description and the picker describe the modified run, not the scenario it came from.
    const described = '300 employees in teams of 8; 3 internal SMMs animating open communities; an outsourced community manager; no external community; over 120 working days. Everything else as in “Baseline: an internal CM with relays”.';
    expect(await page.locator('#scenario-description').textContent()).toBe(described);
    expect(await page.locator('#scenario option:checked').textContent()).toBe(name);
    await waitTick(page, 10);
    expect(await page.locator('#clock').textContent()).toMatch(/of 120/);

    // A live change is listed apart from the day-0 settings, and the name says it.
    await page.click('#event-hire-smm');
    await page.waitForFunction(() => document.getElementById('changes-live')!.textContent!.includes('Hire an SMM'));
    expect(await page.locator('#run-name').textContent()).toBe(`${name} + 1 live change`);
    const liveDay = (await markers(page)).find((m) => m.label === 'Hire an SMM')!.tick;

    // Reset asks what to do with it; kept, it happens again on the same day, and the day-0 settings stay.
    await page.locator('body').focus();
    await page.keyboard.press('r');
    await page.waitForSelector('#reset-dialog[open]');
    expect(await page.locator('#reset-what').textContent()).toBe(`day ${liveDay}: Hire an SMM`);
    await page.screenshot({ path: `${SHOTS}/reset-dialog.png` });
    await page.click('#reset-keep');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.tick < 3);
    expect((await markers(page)).map((m) => `${m.tick}:${m.label}`)).toContain(`${liveDay}:Hire an SMM`);
    expect(await page.locator('#run-name').textContent()).toBe(name);
    expect(await page.locator('#changes-scheduled').textContent()).toContain(`day ${liveDay}: Hire an SMM`);
    expect(await page.locator('#org-employees').inputValue()).toBe('300');
    // Cancel leaves the run alone.
    await page.click('#event-cm-speaks');
    await page.waitForFunction(() => document.getElementById('changes-live')!.textContent!.includes('Let the CM speak more'));
    await page.keyboard.press('r');
    await page.waitForSelector('#reset-dialog[open]');
    const before = await tickOf(page);
    await page.click('#reset-cancel');
    await waitTick(page, before + 2);
    expect(await page.locator('#changes-live').textContent()).toContain('Let the CM speak more');

    // Compared with the baseline: the current run is named as it is, in the form and in the results.
    await page.keyboard.press('c');
    await page.waitForSelector('#compare-view:not([hidden])');
    expect(await page.locator('#compare-arm-0 option[value="current"]').textContent()).toBe(`current run: ${name} + 1 live change`);
    await page.selectOption('#compare-arm-0', 'current');
    await page.fill('#compare-changes-0', '');
    await page.selectOption('#compare-arm-1', 'baseline');
    await page.fill('#compare-changes-1', 'ticks=120');
    await page.fill('#compare-runs', '3');
    await page.click('#compare-run');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare?.end === 'done', null, { timeout: 120_000 });
    const snap = await page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
    expect(snap.arms.map((a) => a.name)).toEqual([`${name} + 1 live change`, 'Baseline, modified: 120 working days']);
    expect(snap.verdicts.join('\n')).toContain(`“${name} + 1 live change” (reference)`);
    await page.keyboard.press('c');

    // Saved as a scenario file, it opens again as the same organization under its new name.
    const saved = await download(page, () => page.click('#org-save'));
    const scenario = JSON.parse(saved.text) as { name: string; organization: { employees: number }; smm: { count: number } };
    expect(scenario.name).toBe(name);
    expect((scenario as unknown as { description: string }).description).toBe(described);
    expect(scenario.organization.employees).toBe(300);
    await page.setInputFiles('#file', { name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
    await page.waitForFunction((n) => document.getElementById('run-name')!.textContent === n, name);
    expect(await page.locator('#org-employees').inputValue()).toBe('300');
    expect(await page.locator('#changes-day0').textContent()).toBe('none: as in the scenario');

    // The page's JSON export of a run opens again too: as the scenario that reproduces it.
    await waitTick(page, 5);
    const exported = await download(page, () => page.click('#export-json'));
    await page.setInputFiles('#file', { name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await page.waitForFunction(() => document.getElementById('notice')!.textContent === 'Opened run.json');
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await page.locator('#run-name').textContent()).toBe(name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sees a bad value in the form at its field, marked invalid and on screen at 1366x768, and the run goes on', async () => {
    const { page } = await openPage(app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitTick(page, 3);
    for (const [field, value, message] of [
      ['#org-employees', '0', 'Employees = 0 is not allowed; expected a whole number from 10 to 2,000,000'],
      ['#org-ticks', '5.5', 'Horizon = 5.5 is not allowed; expected a whole number from 1 to 100,000'],
    ] as const) {
      await page.fill(field, value);
      await page.click('#org-apply');
      const error = page.locator(`${field}-error`);
      await error.waitFor();
      expect(await error.textContent()).toBe(message);
      expect(await page.locator(field).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(field).getAttribute('aria-describedby')).toContain(`${field.slice(1)}-error`);
      // The field and its message are on screen (not in a banner above the view), and nothing else is marked.
      for (const what of [field, `${field}-error`]) {
        const r = (await page.locator(what).boundingBox())!;
        expect(r.y, what).toBeGreaterThanOrEqual(0);
        expect(r.y + r.height, what).toBeLessThanOrEqual(768);
      }
      expect(await page.locator('#error').isHidden()).toBe(true);
      expect(await page.locator('[aria-invalid=true]').count()).toBe(1);
      // Corrected, the mark goes.
      await page.fill(field, field === '#org-ticks' ? '500' : '1000');
      expect(await page.locator(field).getAttribute('aria-invalid')).toBeNull();
      expect(await error.isHidden()).toBe(true);
    }
    const t = await tickOf(page);
    await waitTick(page, t + 3);
    await page.close();
  });

  it('at 1366x768 the header wraps, and the panel sticks under it, not behind it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.url);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
    await page.evaluate(() => window.scrollTo(0, 800));
    await page.waitForFunction(() => window.scrollY > 0);
    const { bar, name } = await page.evaluate(() => ({ bar: document.querySelector('header.bar')!.getBoundingClientRect().bottom, name: document.getElementById('run-name')!.getBoundingClientRect().top }));
    expect(bar).toBeGreaterThan(60);
    expect(name).toBeGreaterThanOrEqual(bar);
    await page.close();
  });
});

/**
 * Every text of the visible charts (axis titles, tick labels, marker labels, window and bracket labels) as
 * boxes on screen, per chart; and the chart's own box. Texts with no size (empty) are left out.
 */
async function chartTexts(page: Page): Promise<{ chart: string; box: DOMRectLike; texts: { what: string; text: string; r: DOMRectLike }[] }[]> {
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
          .map((t) => ({ what: t.closest('.axis') ? 'tick' : t.getAttribute('class') ?? t.parentElement!.getAttribute('class') ?? 'text', text: t.textContent!, r: rect(t) })),
      }));
  });
}
interface DOMRectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlap = (a: DOMRectLike, b: DOMRectLike) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
const inside = (a: DOMRectLike, box: DOMRectLike) => a.left >= box.left - 0.5 && a.right <= box.right + 0.5 && a.top >= box.top - 0.5 && a.bottom <= box.bottom + 0.5;

/** No two texts of a chart overlap, and none runs out of its chart. */
async function expectNoOverlap(page: Page, where: string): Promise<void> {
  const charts = await chartTexts(page);
  expect(charts.length, where).toBeGreaterThan(0);
  for (const c of charts) {
    expect(c.texts.length, `${where}: ${c.chart} has texts`).toBeGreaterThan(3);
    for (const t of c.texts) expect.soft(inside(t.r, c.box), `${where}: ${c.chart}: "${t.text}" (${t.what}) runs out of the chart`).toBe(true);
    for (let i = 0; i < c.texts.length; i++) {
      for (let j = i + 1; j < c.texts.length; j++) {
        const [a, b] = [c.texts[i]!, c.texts[j]!];
        expect.soft(overlap(a.r, b.r), `${where}: ${c.chart}: "${a.text}" (${a.what}) overlaps "${b.text}" (${b.what})`).toBe(false);
      }
    }
  }
}

/** The smallest visible text under `root`: its size in CSS pixels and its first words. */
function smallestText(page: Page, root: string): Promise<{ size: number; text: string }> {
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

async function fitsTheScreen(page: Page): Promise<{ width: number; height: number; sw: number; sh: number }> {
  return page.evaluate(() => ({ width: innerWidth, height: innerHeight, sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight }));
}

describe('the facilitator', () => {
  for (const [width, height] of [[1920, 1080], [1366, 768]] as const) {
    it(`presenter mode fits ${width}x${height} with no scroll, and no chart text overlaps another or is cut`, async () => {
      const page = await app.browser.newPage({ viewport: { width, height } });
      await page.goto(app.url);
      await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 20);
      await page.click('#event-hire-smm');
      await page.click('#event-cm-speaks');
      await page.waitForFunction(() => (window as unknown as Hook).__orgsim.markers.length >= 2);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await page.waitForFunction(() => document.body.classList.contains('presenter'));
      await page.waitForFunction(() => (window as unknown as Hook).__orgsim.tick > 40);
      // While it plays, the ghost of the latest change replaces that of the change before it: wait until drawn.
      await page.waitForFunction(() => (document.querySelector('#chart-value .legend')?.textContent ?? '').includes('without “Let the CM speak more” (same run)'));
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Space');
      await page.waitForTimeout(300);
      const fit = await fitsTheScreen(page);
      expect(fit.sh, 'page height').toBeLessThanOrEqual(fit.height);
      expect(fit.sw, 'page width').toBeLessThanOrEqual(fit.width);
      // Two large charts and the organization, each over a third of the screen's height; the big numbers.
      const boxes = await page.locator('.charts > .chart').evaluateAll((fs) => fs.filter((f) => (f as HTMLElement).checkVisibility()).map((f) => f.getBoundingClientRect().height));
      expect(boxes.length).toBe(3);
      for (const h of boxes) expect(h).toBeGreaterThan(height / 3);
      expect(await page.locator('#mon-active').textContent()).toMatch(/^\d+%$/);
      // The ghost: the same run without the latest change, named in the legend.
      await page.waitForFunction(() => (document.querySelector('#chart-value .ghost')?.getAttribute('d') ?? '').length > 20);
      expect(await page.locator('#chart-value .legend').textContent()).toContain('without “Let the CM speak more” (same run)');
      // Text for the back of a room: nothing visible below 1.25% of the screen's width (docs/facilitator.md, presenter mode).
      const smallest = await smallestText(page, 'body');
      expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(width * 0.0125 - 0.01);
      await expectNoOverlap(page, `presenter ${width}x${height}`);
      await page.screenshot({ path: `${SHOTS}/presenter-${width}.png` });
      await page.close();
    });
  }

  for (const [width, height] of [[1920, 1080], [1366, 768]] as const) {
    for (const keys of [['p', 'c'], ['c', 'p']]) {
      it(`presenter mode and the compare view (${keys.join(' then ')}) at ${width}x${height}: the charts have plots`, async () => {
        const page = await app.browser.newPage({ viewport: { width, height } });
        await page.goto(app.url);
        await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
        for (const k of keys) await page.keyboard.press(k);
        await page.waitForFunction(() => document.body.classList.contains('presenter') && (window as unknown as Hook).__orgsim.mode === 'compare');
        await page.selectOption('#compare-arm-0', 'small');
        await page.selectOption('#compare-arm-1', 'small');
        await page.fill('#compare-changes-1', 'smm.count=3');
        await page.fill('#compare-runs', '2');
        await page.click('#compare-run');
        await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare?.end === 'done', null, { timeout: 120_000 });
        const plots = await page.locator('#compare-view .chart:not([hidden]) .plot-box').evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().height));
        expect(plots).toHaveLength(3);
        for (const h of plots) expect(h).toBeGreaterThan(150);
        // The view scrolls under the bar: everything in it can be reached.
        expect(await page.locator('#compare-view').evaluate((e) => getComputedStyle(e).overflowY)).toBe('auto');
        // Its text, for the back of a room too.
        const smallest = await smallestText(page, '#compare-view');
        expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(width * 0.0125 - 0.01);
        await page.close();
      });
    }
  }

  it('the live view at 1366x768: no chart text overlaps, empty charts have no stray axes', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    // A broken link: the charts stay empty, with a note and no numbers on their y axes.
    await page.goto(`${app.url}#run=A`);
    await page.waitForSelector('#error:not([hidden]) button');
    expect(await page.locator('#chart-participation .empty-note').textContent()).toBe('No data yet: the run has not started.');
    expect(await page.locator('#chart-participation .y-axis .tick').count()).toBe(0);
    await page.click('#error button');
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 30);
    await page.click('#event-visibility');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.markers.length >= 1);
    await page.waitForTimeout(300);
    await expectNoOverlap(page, 'live 1366x768');
    await page.close();
  });

  it('a change after the end is refused with a message; the run can loop', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 2);
    await page.fill('#org-ticks', '20');
    await page.click('#org-apply');
    await page.waitForFunction(() => (window as unknown as { __orgsim: { done: boolean } }).__orgsim.done, null, { timeout: 60_000 });
    await page.click('#event-hire-smm');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toMatch(/^The run has ended \(day 20 of 20\): “Hire an SMM” would have no working day left to act/);
    expect((await markers(page)).map((m) => m.label)).not.toContain('Hire an SMM');
    // Looping: the run starts again by itself at the horizon.
    await page.check('#loop');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.tick < 20 && (window as unknown as Hook).__orgsim.tick > 0, null, { timeout: 60_000 });
    await page.close();
  });
});

describe('the phone', () => {
  it('390 px wide: no horizontal scroll, a compact bar, the charts before the panel', async () => {
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.url);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 5);
    const fit = await fitsTheScreen(page);
    expect(fit.sw).toBeLessThanOrEqual(390);
    const top = (sel: string) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top + scrollY);
    expect(await top('#chart-participation')).toBeLessThan(await top('.panel'));
    expect(await top('#chart-participation')).toBeLessThan(844);
    expect(await page.locator('#export-csv').isVisible()).toBe(false);
    await page.click('#more-toggle');
    expect(await page.locator('#export-csv').isVisible()).toBe(true);
    expect((await fitsTheScreen(page)).sw).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
    // The compare view's results do not widen the page either.
    await page.click('#compare-open');
    await page.selectOption('#compare-arm-0', 'small');
    await page.selectOption('#compare-arm-1', 'small');
    await page.fill('#compare-changes-1', 'smm.count=3');
    await page.fill('#compare-runs', '2');
    await page.click('#compare-run');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare?.end === 'done', null, { timeout: 120_000 });
    await page.waitForTimeout(300);
    expect((await fitsTheScreen(page)).sw).toBeLessThanOrEqual(390);
    // The table scrolls sideways within its box; its caption is whole, above it, as wide as the screen allows.
    const table = await page.locator('.table-scroll').evaluate((e) => ({ box: e.clientWidth, content: e.scrollWidth, overflow: getComputedStyle(e).overflowX }));
    expect(table.content).toBeGreaterThan(table.box);
    expect(table.overflow).toBe('auto');
    const caption = await page.locator('#compare-table-caption').evaluate((e) => ({ w: e.scrollWidth, box: e.clientWidth, right: e.getBoundingClientRect().right }));
    expect(caption.w).toBeLessThanOrEqual(caption.box);
    expect(caption.right).toBeLessThanOrEqual(390);
    // No presenter mode on a phone: no button, and its key says why.
    await page.keyboard.press('c');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.mode === 'live');
    expect(await page.locator('#presenter').isVisible()).toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.getElementById('notice')!.textContent === 'Presenter mode is for a projector or a laptop screen.');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(false);
    await page.close();
  });

  it('390 px wide: sweep results scroll in their box, the page keeps the phone\'s width', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-phone-sweep-'));
    writeFileSync(join(dir, 'small.json'), JSON.stringify({ name: 'small', organization: { employees: 200 }, external: { customers: 100 }, ticks: 60 }));
    execFileSync(process.execPath, ['bin/orgsim.mjs', 'sensitivity', join(dir, 'small.json'), '--method', 'morris', '--samples', '4', '--bootstrap', '50', '--param', 'smm.count=0:4', '--param', 'cm.speakShare=0:1', '--out', join(dir, 'out')], { stdio: 'ignore' });
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(app.url);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
    await page.setInputFiles('#sweep-files', ['manifest.json', 'runs.csv', 'indices.csv'].map((f) => join(dir, 'out', f)));
    await page.waitForSelector('#sweep-view:not([hidden]) rect.bar-mu_star');
    expect((await fitsTheScreen(page)).sw).toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe('the researcher', () => {
  it('finds parameters by name, path, description or seed words; sees what changed; resets one; reads its popover', async () => {
    const { page, errors } = await openPage(app);
    await waitTick(page, 3);
    const total = Number((await page.locator('#param-count').textContent())!.match(/^(\d+) parameters$/)![1]);
    expect(total).toBeGreaterThan(50);
    // The rows are built after start-up, when the page is idle: all of them, with no one asking.
    await page.waitForFunction((n) => document.querySelectorAll('.param').length === n, total);
    const visiblePaths = () => page.locator('.param:not([hidden]) .param-path').allTextContents();
    // By seed words: the essay's "intranet" sentence.
    await page.fill('#param-search', 'intranet');
    expect(await visiblePaths()).toContain('behaviour.broadcastWeight');
    await page.fill('#param-search', 'most active person');
    expect(await visiblePaths()).toContain('cm.speakShare');
    expect(await page.locator('#param-count').textContent()).toMatch(new RegExp(`^\\d+ of ${total} parameters$`));
    // By readable name and path.
    await page.fill('#param-search', 'teams per department');
    expect(await visiblePaths()).toEqual(['organization.teamsPerDepartment']);
    await page.fill('#param-search', 'smm.count');
    expect(await visiblePaths()).toEqual(['smm.count']);
    await page.screenshot({ path: `${SHOTS}/panel-search.png` });
    // A change is marked against the default, listed by "only changed", and reset to the default in one click.
    await page.fill('#param-search', 'speak share');
    await page.fill('#param-cm-speakShare', '0.5');
    await page.press('#param-cm-speakShare', 'Enter');
    const row = page.locator('.param', { has: page.locator('#param-cm-speakShare') });
    await expect.poll(() => row.locator('.badge.changed').isVisible()).toBe(true);
    await page.fill('#param-search', '');
    await page.check('#param-only-changed');
    expect(await visiblePaths()).toContain('cm.speakShare');
    await row.locator('.param-reset').click();
    expect(await page.locator('#param-cm-speakShare').inputValue()).toBe('0.1');
    expect(await row.locator('.badge.changed').isHidden()).toBe(true);
    await page.waitForFunction(() => document.getElementById('changes-live')!.textContent!.includes('cm.speakShare = 0.1'));
    await page.uncheck('#param-only-changed');
    // The popover: real text with the path, default, range, source, seed sentence and the model section.
    await page.fill('#param-search', 'speak share');
    await row.locator('button.info').click();
    const pop = page.locator('#param-popover');
    await expect.poll(() => pop.isVisible()).toBe(true);
    const text = (await pop.textContent())!;
    for (const part of ['cm.speakShare', 'Default0.1', 'Range0 to 1', 'instead of being the most active person']) expect(text).toContain(part);
    const href = (await pop.locator('a').getAttribute('href'))!;
    expect(href).toMatch(/^\.\/model\.html#[a-z0-9-]+$/);
    const model = await page.request.get(new URL(href, app.url).href);
    expect(model.status()).toBe(200);
    expect(await model.text()).toContain(`id="${href.split('#')[1]}"`);
    await page.screenshot({ path: `${SHOTS}/panel-popover.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.isVisible()).toBe(false);
    // A live parameter can also be changed from day 0: it waits for the next reset instead of acting now.
    await page.selectOption('#param-when', 'day0');
    await page.fill('#param-search', 'smm.count');
    await page.fill('#param-smm-count', '4');
    await page.press('#param-smm-count', 'Enter');
    await page.waitForFunction(() => document.getElementById('changes-pending')!.textContent === 'Waiting for a reset: smm.count = 4');
    expect(await page.locator('#changes-live').textContent()).not.toContain('smm.count = 4');
    await page.click('#apply-reset');
    await page.waitForSelector('#reset-dialog[open]');
    await page.click('#reset-discard');
    await page.waitForFunction(() => document.getElementById('run-name')!.textContent === 'Baseline, modified: 4 SMMs');
    // Bounded numbers have a slider; importance badges come from the shipped screening.
    expect(await page.locator('.param input[type=range]').count()).toBeGreaterThan(20);
    await page.fill('#param-search', '');
    expect(await page.locator('.badge.importance.high').count()).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sees a sensitivity analysis in the page's Sweep results styled as orgsim report draws it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-web-report-'));
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ name: 'tiny', organization: { employees: 60 }, external: { customers: 0 }, ticks: 30 }));
    const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/orgsim.mjs', ...args], { stdio: 'pipe' });
    cli('sensitivity', join(dir, 'tiny.json'), '--method', 'morris', '--samples', '3', '--bootstrap', '50', '--param', 'smm.count=0:2', '--param', 'cm.speakShare=0:1', '--workers', '1', '--out', join(dir, 'out'));
    cli('report', join(dir, 'out'));
    // The same computed styles for the same marks, in the report and in the page's view.
    const styles = (root: string) => `(() => {
      const css = (sel, props) => { const e = document.querySelector('${root} ' + sel); if (!e) return null; const s = getComputedStyle(e); return props.map((p) => s.getPropertyValue(p)).join(' | '); };
      return {
        muStar: css('rect.bar-mu_star', ['fill']), sigma: css('rect.bar-sigma', ['fill']), mu: css('rect.bar-mu', ['fill']),
        whisker: css('line.whisker', ['stroke']), mean: css('path.mean', ['fill', 'stroke', 'stroke-width']), ci: css('line.ci', ['stroke']), run: css('circle.run', ['fill', 'fill-opacity']),
        axis: css('.axis path', ['stroke']), text: css('svg text', ['font-size', 'fill']), h1: css('h1', ['font-size']), note: css('.note', ['font-size', 'color']),
      };
    })()`;
    const report = await app.browser.newPage();
    await report.goto(`file://${join(dir, 'out', 'report.html')}`);
    const expected = (await report.evaluate(styles('#report'))) as Record<string, string | null>;
    await report.close();
    const { page, errors } = await openPage(app);
    await page.setInputFiles('#sweep-files', ['manifest.json', 'runs.csv', 'indices.csv'].map((f) => join(dir, 'out', f)));
    await page.waitForSelector('#sweep-view:not([hidden]) rect.bar-mu_star');
    const got = (await page.evaluate(styles('#sweep-report'))) as Record<string, string | null>;
    expect(expected.muStar).toBeTruthy();
    expect(expected.whisker).toBeTruthy();
    expect(got).toEqual(expected);
    // Not black on black: the two index bars differ, the mean line is a red line, not a filled shape.
    expect(got.muStar).not.toBe(got.sigma);
    expect(got.mean).toMatch(/^none \| rgb\(192, 57, 43\)/);
    await page.screenshot({ path: `${SHOTS}/sweep.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
