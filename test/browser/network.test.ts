/**
 * "Your network…" in the "Your organization" form, in real Chromium: a statistics.json written by orgsim import
 * is shown as a table beside the run's organization; a scenario.json opens as a run; a hostile or broken file
 * ends in one inline line, never in markup or a frozen page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, startApp, type App } from './page.ts';
import { writeSyntheticExport } from '../../scripts/synthetic-export.ts';
import { importExport, writeResult } from '../../cli/import/command.ts';

let app: App;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-network-page-'));
  await writeSyntheticExport(join(dir, 'export'), {
    format: 'slack',
    users: 150,
    months: 3,
    missingMonth: -1,
    truth: false,
  });
  writeResult(join(dir, 'out'), await importExport(join(dir, 'export')));
  app = await startApp(4319);
}, 180_000);
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Hook = { __orgsim?: { tick: number } };

describe('Your network…', () => {
  it("shows statistics.json's figures beside the run's organization", async () => {
    const { page, errors } = await openPage(app);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
    const stats = JSON.parse(readFileSync(join(dir, 'out', 'statistics.json'), 'utf8'));
    await page.setInputFiles('#network-files', join(dir, 'out', 'statistics.json'));
    const table = page.locator('.network-table');
    await table.waitFor();
    const text = (await table.textContent())!;
    expect(text).toContain(`Your Slack network: ${stats.accounts.counted.toLocaleString('en-US')} accounts`);
    expect(text).toContain(`${(stats.figures.monthlyContributors.value * 100).toFixed(1)}%`);
    // The run's column: the baseline's 1,000 employees.
    expect(await page.locator('.network-table tr', { hasText: 'People' }).locator('td').nth(1).textContent()).toBe(
      '1,000',
    );
    expect(errors).toEqual([]);
  });

  it('opens scenario.json as the run', async () => {
    const { page, errors } = await openPage(app);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
    await page.setInputFiles('#network-files', join(dir, 'out', 'scenario.json'));
    await page.waitForFunction(
      () => document.getElementById('run-name')!.textContent!.includes('imported Slack network'),
      null,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 5, null, { timeout: 60_000 });
    expect(errors).toEqual([]);
  });

  it('a hostile or broken file: one line, as text, the run goes on', async () => {
    const { page, errors } = await openPage(app);
    await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
    const stats = JSON.parse(readFileSync(join(dir, 'out', 'statistics.json'), 'utf8'));
    stats.format = '<img src=x onerror="window.__pwned=1">';
    stats.figures.gini.unit = '<img src=x onerror="window.__pwned=1">';
    stats.span.missing = ['<b>2024-02</b>'];
    writeFileSync(join(dir, 'hostile.json'), JSON.stringify(stats));
    await page.setInputFiles('#network-files', join(dir, 'hostile.json'));
    await page.locator('.network-table').waitFor();
    expect(await page.locator('.network-table img, .network-table b').count()).toBe(0);
    writeFileSync(join(dir, 'broken.json'), '{"figures": {}, "span": {"months": [');
    await page.setInputFiles('#network-files', join(dir, 'broken.json'));
    await page.locator('#network-error').waitFor();
    expect(await page.locator('#network-error').textContent()).toBe(
      'broken.json: not valid JSON; expected the statistics.json written by orgsim import',
    );
    stats.accounts.counted = 'many';
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(stats));
    await page.setInputFiles('#network-files', join(dir, 'wrong.json'));
    await page.waitForFunction(() => document.getElementById('network-error')!.textContent!.includes('wrong.json'));
    expect(await page.locator('#network-error').textContent()).toMatch(
      /^wrong\.json: "accounts\.counted" is not a count/,
    );
    const before = await page.evaluate(() => (window as unknown as Hook).__orgsim!.tick);
    await page.waitForFunction((t) => (window as unknown as Hook).__orgsim!.tick > t, before);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
