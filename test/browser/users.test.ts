/**
 * Each user's path through the page, in real Chromium on the production build: the strategist describes
 * their organization, resets, compares it with the baseline, saves it and opens it again. Only assertions
 * that hold on a loaded machine: conditions are awaited, never timed.
 */
import { readFileSync } from 'node:fs';
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
    expect(snap.arms.map((a) => a.name)).toEqual([`${name} + 1 live change`, 'baseline with ticks=120']);
    expect(snap.verdicts.join('\n')).toContain(`“${name} + 1 live change” (reference)`);
    await page.keyboard.press('c');

    // Saved as a scenario file, it opens again as the same organization under its new name.
    const saved = await download(page, () => page.click('#org-save'));
    const scenario = JSON.parse(saved.text) as { name: string; organization: { employees: number }; smm: { count: number } };
    expect(scenario.name).toBe(name);
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

  it('sees a bad value in the form named, with what is allowed, and the run goes on', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 3);
    await page.fill('#org-employees', '5');
    await page.click('#org-apply');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toBe('Employees = 5 is not allowed; expected a whole number from 10 to 2,000,000');
    const t = await tickOf(page);
    await waitTick(page, t + 3);
    await page.close();
  });
});
