/**
 * The researcher's path through the page, in real Chromium on the production build: finding parameters,
 * seeing and resetting changes, reading a parameter's popover, and a sensitivity analysis in the page's Sweep
 * results styled as orgsim report draws it. Conditions are awaited, never timed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS, startApp, waitTick, type App } from './page.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4321);
}, 120_000);
afterAll(async () => app?.close());

describe('the researcher', () => {
  it('finds parameters by name, path, description or seed words; sees what changed; resets one; reads \
its popover', async () => {
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
    await page.waitForFunction(() =>
      document.getElementById('changes-live')!.textContent!.includes('cm.speakShare = 0.1'),
    );
    await page.uncheck('#param-only-changed');
    // The popover: real text with the path, default, range, source, seed sentence and the model section.
    await page.fill('#param-search', 'speak share');
    await row.locator('button.info').click();
    const pop = page.locator('#param-popover');
    await expect.poll(() => pop.isVisible()).toBe(true);
    const text = (await pop.textContent())!;
    for (const part of ['cm.speakShare', 'Default0.1', 'Range0 to 1', 'instead of being the most active person'])
      expect(text).toContain(part);
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
    await page.waitForFunction(
      () => document.getElementById('changes-pending')!.textContent === 'Waiting for a reset: smm.count = 4',
    );
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
    writeFileSync(
      join(dir, 'tiny.json'),
      JSON.stringify({ name: 'tiny', organization: { employees: 60 }, external: { customers: 0 }, ticks: 30 }),
    );
    const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/orgsim.mjs', ...args], { stdio: 'pipe' });
    cli(
      'sensitivity',
      join(dir, 'tiny.json'),
      '--method',
      'morris',
      '--samples',
      '3',
      '--bootstrap',
      '50',
      '--param',
      'smm.count=0:2',
      '--param',
      'cm.speakShare=0:1',
      '--workers',
      '1',
      '--out',
      join(dir, 'out'),
    );
    cli('report', join(dir, 'out'));
    // The same computed styles for the same marks, in the report and in the page's view.
    const styles = (root: string) =>
      `(() => {
      const css = (sel, props) => { const e = document.querySelector('${root} ' + sel); if (!e) return null; const s ` +
      `= getComputedStyle(e); return props.map((p) => s.getPropertyValue(p)).join(' | '); };
      return {
        muStar: css('rect.bar-mu_star', ['fill']), sigma: css('rect.bar-sigma', ['fill']), mu: css('rect.bar-mu', ` +
      `['fill']),
        whisker: css('line.whisker', ['stroke']), mean: css('path.mean', ['fill', 'stroke', 'stroke-width']), ci: ` +
      `css('line.ci', ['stroke']), run: css('circle.run', ['fill', 'fill-opacity']),
        axis: css('.axis path', ['stroke']), text: css('svg text', ['font-size', 'fill']), h1: css('h1', ` +
      `['font-size']), note: css('.note', ['font-size', 'color']),
      };
    })()`;
    const report = await app.browser.newPage();
    await report.goto(`file://${join(dir, 'out', 'report.html')}`);
    const expected = (await report.evaluate(styles('#report'))) as Record<string, string | null>;
    await report.close();
    const { page, errors } = await openPage(app);
    await page.setInputFiles(
      '#sweep-files',
      ['manifest.json', 'runs.csv', 'indices.csv'].map((f) => join(dir, 'out', f)),
    );
    // Drawn: a bar of width 0 (an index of 0 at this size) is never "visible", so wait for one that is not.
    await page.waitForSelector('#sweep-view:not([hidden]) rect.bar-mu_star:not([width="0"])');
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
