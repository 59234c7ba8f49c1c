/**
 * The strategist's path through the page, in real Chromium on the production build: they describe their
 * organization, reset, compare it with the baseline, save it and open it again. Only assertions that hold on
 * a loaded machine: conditions are awaited, never timed. (The researcher and the facilitator: ./researcher.test.ts,
 * ./facilitator.test.ts; shared: ./users-setup.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS, startApp, waitTick, type App } from './page.ts';
import { download, livePage, markers, runCompare, tickOf, type Hook } from './users-setup.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4314);
}, 120_000);
afterAll(async () => app?.close());

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
    expect(await page.locator('#changes-day0').textContent()).toBe(
      '300 employees; 3 SMMs; an outsourced CM; no external community; 120 working days',
    );
    // The description and the picker describe the modified run, not the scenario it came from.
    const described =
      '300 employees in teams of 8; 3 internal SMMs animating open communities; an outsourced community ' +
      'manager; no external community; over 120 working days. Everything else as in “Baseline: an internal ' +
      'CM with relays”.';
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
    await page.waitForFunction(() =>
      document.getElementById('changes-live')!.textContent!.includes('Let the CM speak more'),
    );
    await page.keyboard.press('r');
    await page.waitForSelector('#reset-dialog[open]');
    const before = await tickOf(page);
    await page.click('#reset-cancel');
    await waitTick(page, before + 2);
    expect(await page.locator('#changes-live').textContent()).toContain('Let the CM speak more');

    // Compared with the baseline: the current run is named as it is, in the form and in the results.
    await page.keyboard.press('c');
    await page.waitForSelector('#compare-view:not([hidden])');
    expect(await page.locator('#compare-arm-0 option[value="current"]').textContent()).toBe(
      `current run: ${name} + 1 live change`,
    );
    await runCompare(
      page,
      [
        { scenario: 'current', changes: '' },
        { scenario: 'baseline', changes: 'ticks=120' },
      ],
      3,
    );
    const snap = await page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
    expect(snap.arms.map((a) => a.name)).toEqual([`${name} + 1 live change`, 'Baseline, modified: 120 working days']);
    expect(snap.verdicts.join('\n')).toContain(`“${name} + 1 live change” (reference)`);
    await page.keyboard.press('c');

    // Saved as a scenario file, it opens again as the same organization under its new name.
    const saved = await download(page, () => page.click('#org-save'));
    const scenario = JSON.parse(saved.text) as {
      name: string;
      organization: { employees: number };
      smm: { count: number };
    };
    expect(scenario.name).toBe(name);
    expect((scenario as unknown as { description: string }).description).toBe(described);
    expect(scenario.organization.employees).toBe(300);
    await page.setInputFiles('#file', {
      name: saved.name,
      mimeType: 'application/json',
      buffer: Buffer.from(saved.text),
    });
    await page.waitForFunction((n) => document.getElementById('run-name')!.textContent === n, name);
    expect(await page.locator('#org-employees').inputValue()).toBe('300');
    expect(await page.locator('#changes-day0').textContent()).toBe('none: as in the scenario');

    // The page's JSON export of a run opens again too: as the scenario that reproduces it.
    await waitTick(page, 5);
    const exported = await download(page, () => page.click('#export-json'));
    await page.setInputFiles('#file', {
      name: 'run.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.text),
    });
    await page.waitForFunction(() => document.getElementById('notice')!.textContent === 'Opened run.json');
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await page.locator('#run-name').textContent()).toBe(name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sees a bad value in the form at its field, marked invalid and on screen at 1366x768, and the \
run goes on', async () => {
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
    const page = await livePage(app, { viewport: { width: 1366, height: 768 } }, 0);
    await page.evaluate(() => window.scrollTo(0, 800));
    await page.waitForFunction(() => window.scrollY > 0);
    const { bar, name } = await page.evaluate(() => ({
      bar: document.querySelector('header.bar')!.getBoundingClientRect().bottom,
      name: document.getElementById('run-name')!.getBoundingClientRect().top,
    }));
    expect(bar).toBeGreaterThan(60);
    expect(name).toBeGreaterThanOrEqual(bar);
    await page.close();
  });
});
