/**
 * The compare view in real Chromium: the same numbers with 1 and 2 web workers, cancel terminates the
 * workers, bad input is refused inline, and the main thread has no long task while a comparison runs
 * (story mode: test/browser/story.test.ts).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, SHOTS, startApp, type App } from './page.ts';
import type { CompareSnapshot, CompareState } from '../../viz/compare/view.ts';
import { seedList } from '../../src/rng.ts';
import { auditEffectRange } from '../../viz/compare/model-figure.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4312);
}, 120_000);
afterAll(async () => app?.close());

interface Band {
  n: number;
  mean: number[];
  lo90: number[];
  hi95: number[];
}
type Hook = {
  __orgsim: {
    mode: string;
    compare?: CompareState;
    compareResults(): CompareSnapshot;
    compareBand(i: number, m: string): Band;
    story: { active: boolean; index: number; length: number; title: string; kind: string };
  };
};
const snapshot = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
const waitEnd = (page: Page, end = 'done', timeout = 120_000) =>
  page.waitForFunction(
    (e) =>
      (window as unknown as Hook).__orgsim.compare?.end === e && !(window as unknown as Hook).__orgsim.compare?.running,
    end,
    { timeout },
  );

/** Open the compare view with the given scenarios (id and changes), replications and workers. */
async function setUp(page: Page, arms: [string, string][], runs: number, workers: number): Promise<void> {
  if ((await page.evaluate(() => (window as unknown as Hook).__orgsim.mode)) !== 'compare')
    await page.keyboard.press('c');
  await page.waitForSelector('#compare-view:not([hidden])');
  while ((await page.locator('#compare-arms li').count()) < arms.length) await page.click('#compare-add');
  for (const [i, [id, changes]] of arms.entries()) {
    await page.selectOption(`#compare-arm-${i}`, id);
    await page.fill(`#compare-changes-${i}`, changes);
  }
  await page.fill('#compare-runs', String(runs));
  await page.fill('#compare-seed', '7');
  await page.selectOption('#compare-workers', String(workers));
}

describe('compare view', () => {
  it('gives the same numbers, bit for bit, with 1 worker and with 2', async () => {
    const { page, errors } = await openPage(app);
    expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBeGreaterThanOrEqual(2);
    const arms: [string, string][] = [
      ['c2-smm-respects-managers', ''],
      ['c2-smm-competes', ''],
    ];
    const results: { snap: CompareSnapshot; bands: Band[] }[] = [];
    for (const workers of [1, 2]) {
      await setUp(page, arms, 8, workers);
      await page.click('#compare-run');
      await waitEnd(page);
      const snap = await snapshot(page);
      const bands = await page.evaluate(() =>
        [0, 1].map((i) => (window as unknown as Hook).__orgsim.compareBand(i, 'value:team')),
      );
      results.push({ snap, bands });
      expect(snap.workers).toBe(workers);
      expect(snap.alive).toBe(0);
    }
    const [one, two] = results;
    // The seed list is fixed before any worker starts: master seed 7, 8 replications, shared by both scenarios.
    expect(one!.snap.seeds).toEqual(seedList(7, 8));
    expect(one!.snap.arms.every((a) => a.outcomes.length === 8 && a.outcomes.every((o) => o !== null))).toBe(true);
    expect(two!.snap.arms).toEqual(one!.snap.arms);
    expect(two!.snap.verdicts).toEqual(one!.snap.verdicts);
    expect(two!.bands).toEqual(one!.bands);
    // One line per scenario, by name, best first, with its rank on each outcome; the reference says so.
    // Shipped scenarios by their titles, not their file ids.
    expect(
      one!.snap.verdicts
        .slice(0, 2)
        .map((v) => v.replace(/^(“[^”]+”).*$/, '$1'))
        .sort(),
    ).toEqual(['“C2 SMM competes with managers”', '“C2 SMM stays out of team groups”']);
    for (const v of one!.snap.verdicts.slice(0, 2))
      expect(v).toMatch(
        new RegExp(
          String.raw`^“C2 SMM [a-z ]+”( \(reference\))?: (1st|2nd) on long-term value: [\d.]+k? hours.*; ` +
            String.raw`(1st|2nd) on mid-term activity: \d+\.\d%.*; (1st|2nd) on value per cost: `,
        ),
      );
    expect(one!.snap.verdicts.join(' ')).not.toMatch(/\b[AB]\b/);
    // The summary table names both scenarios; the second has its difference to the first.
    const rows = await page.locator('#compare-table tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^C2 SMM stays out of team groups8.*reference/);
    expect(rows[1]).toMatch(/^C2 SMM competes with managers8/);
    // Bands: the 95% band holds the 90% band, which holds the mean.
    const b = one!.bands[1]!;
    expect(b.n).toBe(8);
    for (let t = 0; t < b.mean.length; t += 50) expect(b.lo90[t]!).toBeLessThanOrEqual(b.mean[t]!);
    // C2's arms as shipped: the value figures are labelled a model figure, with the claims' audit range of C2.
    const steps = (
      JSON.parse(readFileSync('scenarios/stories/claims.json', 'utf8')) as {
        steps: {
          claim?: string;
          audit?: {
            effect?: { measure: string; kind: 'relative' | 'log ratio'; lo: number; hi: number; model: boolean };
          };
        }[];
      }
    ).steps;
    const effect = steps.find((s) => s.claim === 'C2')!.audit!.effect!;
    expect(effect.model).toBe(true);
    await page.waitForFunction(() => document.getElementById('compare-model-figure')?.textContent?.includes('C2'));
    expect(await page.locator('#compare-model-figure').isVisible()).toBe(true);
    expect(await page.locator('#compare-model-figure').textContent()).toBe(
      `Value is a model figure: it has no field measure. Over the claims' audit of C2, ${effect.measure} in ` +
        `90% of plausible organizations: ${auditEffectRange(effect)}.`,
    );
    expect((await snapshot(page)).valueLabel).toContain('C2');
    expect(await page.locator('#compare-value figcaption').textContent()).toMatch(/A model figure\.$/);
    await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens with no empty axes; row B drops its example changes when another scenario is picked; a renamed row is \
named so everywhere; the verdict is said once', async () => {
    const { page, errors } = await openPage(app);
    await page.keyboard.press('c');
    await page.waitForSelector('#compare-view:not([hidden])');
    // Nothing compared yet: one line saying what to do, no table, no charts with empty axes.
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#compare-view .compare-results')!.hidden);
    expect(await page.locator('#compare-empty').isVisible()).toBe(true);
    expect(
      await page
        .locator('#compare-view .y-axis')
        .evaluateAll((axes) => axes.filter((a) => (a as SVGElement).checkVisibility()).length),
    ).toBe(0);
    // The example changes shown with the current run go when another scenario is picked; typed ones stay.
    expect(await page.inputValue('#compare-changes-1')).toBe('smm.count=4');
    expect(await page.locator('#compare-arm-1 option[value="c8-cm-outsourced"]').textContent()).toBe(
      'C8 outsourced CM',
    );
    await page.selectOption('#compare-arm-1', 'c8-cm-outsourced');
    expect(await page.inputValue('#compare-changes-1')).toBe('');
    await page.selectOption('#compare-arm-0', 'c8-cm-internal');
    await page.fill('#compare-changes-0', 'ticks=60');
    await page.fill('#compare-changes-1', 'ticks=60');
    await page.selectOption('#compare-arm-1', 'c8-cm-outsourced');
    expect(await page.inputValue('#compare-changes-1')).toBe('ticks=60');
    expect(await page.getAttribute('#compare-name-1', 'placeholder')).toBe(
      'name: C8 outsourced CM, modified: 60 working days',
    );
    await page.fill('#compare-name-1', 'Outsourced <b>CM</b>');
    await page.fill('#compare-runs', '3');
    await page.click('#compare-run');
    await waitEnd(page);
    const snap = await snapshot(page);
    expect(snap.arms.map((a) => a.name)).toEqual(['C8 internal CM, modified: 60 working days', 'Outsourced <b>CM</b>']);
    // The typed name in the verdicts, the legends and the CSV (as text).
    expect(snap.verdicts.join(' ')).toContain('“Outsourced <b>CM</b>”');
    await page.waitForFunction(() =>
      document.querySelector('#compare-value .legend')?.textContent?.includes('Outsourced <b>CM</b>'),
    );
    expect(await page.locator('#compare-view b').count()).toBe(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    expect(readFileSync((await dl.path())!, 'utf8')).toContain('B,Outsourced <b>CM</b>,0,');
    // The verdict is said once: in the results list, not again in the status line.
    const status = (await page.locator('#compare-status').textContent())!;
    expect(status).toMatch(/^Done: 6 runs in [\d.]+ s on \d workers?\.$/);
    expect(await page.locator('#compare-table-caption').isVisible()).toBe(true);
    // Not a claim's arms as shipped: the value figures' range is the run-to-run interval of the table.
    expect(await page.locator('#compare-model-figure').textContent()).toBe(
      'Value is a model figure: it has no field measure. Its range here is run to run: the 95% intervals in the table.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancel stops the workers at once and keeps the finished runs', async () => {
    const { page, errors } = await openPage(app);
    await setUp(
      page,
      [
        ['mid', ''],
        ['mid', 'smm.count=6'],
      ],
      100,
      2,
    );
    await page.click('#compare-run');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare!.done >= 2, null, {
      timeout: 60_000,
    });
    // The pool's two, beside the page's own (the live run's, and the one that checks scenarios).
    const during = page.workers().length;
    expect(during).toBeGreaterThanOrEqual(3);
    await page.click('#compare-cancel');
    await waitEnd(page, 'cancelled', 10_000);
    const snap = await snapshot(page);
    expect(snap.alive).toBe(0);
    expect(snap.done).toBeLessThan(snap.total);
    await page.waitForTimeout(1000);
    expect((await snapshot(page)).done).toBe(snap.done);
    // Playwright hears of a terminated worker asynchronously: poll rather than time.
    await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBe(during - 2);
    expect(await page.locator('#compare-status').textContent()).toMatch(/^Cancelled after \d+ of 200 runs/);
    expect(await page.locator('#compare-run').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a bad change inline, naming the scenario, the field and what is allowed; no worker starts', async () => {
    const { page } = await openPage(app);
    await setUp(
      page,
      [
        ['small', ''],
        ['small', 'smm.count=-2'],
      ],
      4,
      2,
    );
    await page.click('#compare-run');
    await page.waitForSelector('#compare-error:not([hidden])');
    expect(await page.locator('#compare-error').textContent()).toMatch(
      /^Scenario B: .*smm\.count = -2 is not allowed; expected from 0 to \d+/,
    );
    await setUp(
      page,
      [
        ['small', ''],
        ['small', 'smm.cont=2'],
      ],
      4,
      2,
    );
    await page.click('#compare-run');
    // The check runs in a worker: wait for its message to replace the previous one.
    await expect
      .poll(() => page.locator('#compare-error').textContent())
      .toBe('Scenario B: changes: unknown parameter "smm.cont"; did you mean "smm.count"?');
    await page.fill('#compare-runs', '1');
    await page.fill('#compare-changes-1', '');
    await page.click('#compare-run');
    await expect
      .poll(() => page.locator('#compare-error').textContent())
      .toBe('Replications = 1 is not allowed; expected a whole number from 2 to 200');
    expect((await snapshot(page)).alive).toBe(0);
    await page.close();
  });
});
