/**
 * The facilitator's path through the page, in real Chromium on the production build: presenter mode on a
 * projector and a laptop, with the compare view, the live view's charts, a change after the end, and the page
 * on a phone. Only assertions that hold on a loaded machine: conditions are awaited, never timed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS, startApp, waitTick, type App } from './page.ts';
import {
  expectNoOverlap,
  fitsTheScreen,
  livePage,
  markers,
  runCompare,
  smallestText,
  type Hook,
} from './users-setup.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4320);
}, 120_000);
afterAll(async () => app?.close());

/** A phone: 390 px wide, touch. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('the facilitator', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`presenter mode fits ${width}x${height} with no scroll, and no chart text overlaps \
another or is cut`, async () => {
      const page = await livePage(app, { viewport: { width, height } }, 20);
      await page.click('#event-hire-smm');
      await page.click('#event-cm-speaks');
      await page.waitForFunction(() => (window as unknown as Hook).__orgsim.markers.length >= 2);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await page.waitForFunction(() => document.body.classList.contains('presenter'));
      await page.waitForFunction(() => (window as unknown as Hook).__orgsim.tick > 40);
      // While it plays, the ghost of the latest change replaces that of the change before it: wait until drawn.
      await page.waitForFunction(() =>
        (document.querySelector('#chart-value .legend')?.textContent ?? '').includes(
          'without “Let the CM speak more” (same run)',
        ),
      );
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Space');
      await page.waitForTimeout(300);
      const fit = await fitsTheScreen(page);
      expect(fit.sh, 'page height').toBeLessThanOrEqual(fit.height);
      expect(fit.sw, 'page width').toBeLessThanOrEqual(fit.width);
      // Two large charts and the organization, each over a third of the screen's height; the big numbers.
      const boxes = await page
        .locator('.charts > .chart')
        .evaluateAll((fs) =>
          fs.filter((f) => (f as HTMLElement).checkVisibility()).map((f) => f.getBoundingClientRect().height),
        );
      expect(boxes.length).toBe(3);
      for (const h of boxes) expect(h).toBeGreaterThan(height / 3);
      expect(await page.locator('#mon-active').textContent()).toMatch(/^\d+%$/);
      // The ghost: the same run without the latest change, named in the legend.
      await page.waitForFunction(
        () => (document.querySelector('#chart-value .ghost')?.getAttribute('d') ?? '').length > 20,
      );
      expect(await page.locator('#chart-value .legend').textContent()).toContain(
        'without “Let the CM speak more” (same run)',
      );
      // Text for the back of a room: nothing visible below 1.25% of the screen's width (docs/facilitator.md, presenter
      // mode).
      const smallest = await smallestText(page, 'body');
      expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(width * 0.0125 - 0.01);
      await expectNoOverlap(page, `presenter ${width}x${height}`);
      await page.screenshot({ path: `${SHOTS}/presenter-${width}.png` });
      await page.close();
    });
  }

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    for (const keys of [
      ['p', 'c'],
      ['c', 'p'],
    ]) {
      it(`presenter mode and the compare view (${keys.join(' then ')}) at ${width}x${height}: the charts \
have plots`, async () => {
        const page = await livePage(app, { viewport: { width, height } }, 0);
        for (const k of keys) await page.keyboard.press(k);
        await page.waitForFunction(
          () =>
            document.body.classList.contains('presenter') && (window as unknown as Hook).__orgsim.mode === 'compare',
        );
        await runCompare(page, [{ scenario: 'small' }, { scenario: 'small', changes: 'smm.count=3' }], 2);
        const plots = await page
          .locator('#compare-view .chart:not([hidden]) .plot-box')
          .evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().height));
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
    expect(await page.locator('#chart-participation .empty-note').textContent()).toBe(
      'No data yet: the run has not started.',
    );
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
    await page.waitForFunction(() => (window as unknown as { __orgsim: { done: boolean } }).__orgsim.done, null, {
      timeout: 60_000,
    });
    await page.click('#event-hire-smm');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toMatch(
      /^The run has ended \(day 20 of 20\): “Hire an SMM” would have no working day left to act/,
    );
    expect((await markers(page)).map((m) => m.label)).not.toContain('Hire an SMM');
    // Looping: the run starts again by itself at the horizon.
    await page.check('#loop');
    await page.waitForFunction(
      () => (window as unknown as Hook).__orgsim.tick < 20 && (window as unknown as Hook).__orgsim.tick > 0,
      null,
      { timeout: 60_000 },
    );
    await page.close();
  });
});

describe('the phone', () => {
  it('390 px wide: no horizontal scroll, a compact bar, the charts before the panel', async () => {
    const page = await livePage(app, PHONE, 5);
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
    await runCompare(page, [{ scenario: 'small' }, { scenario: 'small', changes: 'smm.count=3' }], 2);
    await page.waitForTimeout(300);
    expect((await fitsTheScreen(page)).sw).toBeLessThanOrEqual(390);
    // The table scrolls sideways within its box; its caption is whole, above it, as wide as the screen allows.
    const table = await page
      .locator('.table-scroll')
      .evaluate((e) => ({ box: e.clientWidth, content: e.scrollWidth, overflow: getComputedStyle(e).overflowX }));
    expect(table.content).toBeGreaterThan(table.box);
    expect(table.overflow).toBe('auto');
    const caption = await page
      .locator('#compare-table-caption')
      .evaluate((e) => ({ w: e.scrollWidth, box: e.clientWidth, right: e.getBoundingClientRect().right }));
    expect(caption.w).toBeLessThanOrEqual(caption.box);
    expect(caption.right).toBeLessThanOrEqual(390);
    // No presenter mode on a phone: no button, and its key says why.
    await page.keyboard.press('c');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.mode === 'live');
    expect(await page.locator('#presenter').isVisible()).toBe(false);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await page.waitForFunction(
      () => document.getElementById('notice')!.textContent === 'Presenter mode is for a projector or a laptop screen.',
    );
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(false);
    await page.close();
  });

  it("390 px wide: sweep results scroll in their box, the page keeps the phone's width", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-phone-sweep-'));
    writeFileSync(
      join(dir, 'small.json'),
      JSON.stringify({ name: 'small', organization: { employees: 200 }, external: { customers: 100 }, ticks: 60 }),
    );
    execFileSync(
      process.execPath,
      [
        'bin/orgsim.mjs',
        'sensitivity',
        join(dir, 'small.json'),
        '--method',
        'morris',
        '--samples',
        '4',
        '--bootstrap',
        '50',
        '--param',
        'smm.count=0:4',
        '--param',
        'cm.speakShare=0:1',
        '--out',
        join(dir, 'out'),
      ],
      { stdio: 'ignore' },
    );
    const page = await livePage(app, PHONE, 0);
    await page.setInputFiles(
      '#sweep-files',
      ['manifest.json', 'runs.csv', 'indices.csv'].map((f) => join(dir, 'out', f)),
    );
    await page.waitForSelector('#sweep-view:not([hidden]) rect.bar-mu_star');
    expect((await fitsTheScreen(page)).sw).toBeLessThanOrEqual(390);
    await page.close();
  });
});
