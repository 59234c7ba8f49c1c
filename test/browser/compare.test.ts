/**
 * The compare view and story mode in real Chromium: the same numbers with 1 and 2 web workers, cancel
 * terminates the workers, a story step loads and runs its pair, bad input is refused inline, and the main
 * thread has no long task while a comparison runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, SHOTS, startApp, type App } from './page.ts';
import type { CompareSnapshot, CompareState } from '../../viz/compare/view.ts';
import { seedList } from '../../src/rng.ts';

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
type Hook = { __orgsim: { mode: string; compare?: CompareState; compareResults(): CompareSnapshot; compareBand(i: number, m: string): Band; story: { active: boolean; index: number; length: number; title: string } } };
const snapshot = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
const waitEnd = (page: Page, end = 'done', timeout = 120_000) => page.waitForFunction((e) => (window as unknown as Hook).__orgsim.compare?.end === e && !(window as unknown as Hook).__orgsim.compare?.running, end, { timeout });

/** Open the compare view with the given scenarios (id and changes), replications and workers. */
async function setUp(page: Page, arms: [string, string][], runs: number, workers: number): Promise<void> {
  if ((await page.evaluate(() => (window as unknown as Hook).__orgsim.mode)) !== 'compare') await page.keyboard.press('c');
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
    const arms: [string, string][] = [['c2-smm-respects-managers', ''], ['c2-smm-competes', '']];
    const results: { snap: CompareSnapshot; bands: Band[] }[] = [];
    for (const workers of [1, 2]) {
      await setUp(page, arms, 8, workers);
      await page.click('#compare-run');
      await waitEnd(page);
      const snap = await snapshot(page);
      const bands = await page.evaluate(() => [0, 1].map((i) => (window as unknown as Hook).__orgsim.compareBand(i, 'value:team')));
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
    expect(one!.snap.verdicts.slice(0, 2).map((v) => v.replace(/^(“[^”]+”).*$/, '$1')).sort()).toEqual(['“c2-smm-competes”', '“c2-smm-respects-managers”']);
    for (const v of one!.snap.verdicts.slice(0, 2)) expect(v).toMatch(/^“c2-smm-[a-z-]+”( \(reference\))?: (1st|2nd) on long-term value: [\d.]+k? hours.*; (1st|2nd) on mid-term activity: \d+\.\d%.*; (1st|2nd) on value per cost: /);
    expect(one!.snap.verdicts.join(' ')).not.toMatch(/\b[AB]\b/);
    // The summary table names both scenarios; the second has its difference to the first.
    const rows = await page.locator('#compare-table tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^c2-smm-respects-managers8.*reference/);
    expect(rows[1]).toMatch(/^c2-smm-competes8/);
    // Bands: the 95% band holds the 90% band, which holds the mean.
    const b = one!.bands[1]!;
    expect(b.n).toBe(8);
    for (let t = 0; t < b.mean.length; t += 50) expect(b.lo90[t]!).toBeLessThanOrEqual(b.mean[t]!);
    await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancel stops the workers at once and keeps the finished runs', async () => {
    const { page, errors } = await openPage(app);
    await setUp(page, [['mid', ''], ['mid', 'smm.count=6']], 100, 2);
    await page.click('#compare-run');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.compare!.done >= 2, null, { timeout: 60_000 });
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
    await setUp(page, [['small', ''], ['small', 'smm.count=-2']], 4, 2);
    await page.click('#compare-run');
    await page.waitForSelector('#compare-error:not([hidden])');
    expect(await page.locator('#compare-error').textContent()).toMatch(/^Scenario B: .*smm\.count = -2 is not allowed; expected from 0 to \d+/);
    await setUp(page, [['small', ''], ['small', 'smm.cont=2']], 4, 2);
    await page.click('#compare-run');
    expect(await page.locator('#compare-error').textContent()).toBe('Scenario B: changes: unknown parameter "smm.cont"; did you mean "smm.count"?');
    await page.fill('#compare-runs', '1');
    await page.fill('#compare-changes-1', '');
    await page.click('#compare-run');
    expect(await page.locator('#compare-error').textContent()).toBe('Replications = 1 is not allowed; expected a whole number from 2 to 200');
    expect((await snapshot(page)).alive).toBe(0);
    await page.close();
  });
});

describe('story mode', () => {
  it('a step quotes its seed sentence, loads and runs its pair, and states the difference; keys move between steps', async () => {
    const { page, errors } = await openPage(app);
    await page.keyboard.press('s');
    await waitEnd(page);
    let story = await page.evaluate(() => (window as unknown as Hook).__orgsim.story);
    expect(story).toMatchObject({ active: true, index: 0, length: 10 });
    expect(await page.locator('#story-quote-text').textContent()).toBe('“he relies on an ecosystem of relays that is made of social media managers and managers”');
    let snap = await snapshot(page);
    expect(snap.arms.map((a) => a.name)).toEqual(['no governance', 'a CM with relays']);
    expect(snap.arms[0]!.outcomes.filter(Boolean)).toHaveLength(10);
    await page.waitForFunction(() => /^(“a CM with relays”|No clear)/.test(document.getElementById('story-verdict')!.textContent!));
    const verdict = (await page.locator('#story-verdict').textContent())!;
    expect(verdict).toMatch(/^“a CM with relays”: .* long-term value .*“no governance” \([\d.]+k? vs [\d.]+k? hours\)$|^No clear difference in long-term value between “a CM with relays” and “no governance”/);
    // The measured difference is marked on the focus chart: the window and a bracket between the means,
    // labelled with the step's one number, which the verdict and the status line say too.
    expect(await page.locator('#compare-focus .highlight rect').count()).toBe(1);
    expect((await page.locator('#compare-focus .highlight path.bracket').getAttribute('d'))!.length).toBeGreaterThan(5);
    const headline = (await page.locator('#compare-focus .bracket-label').textContent())!;
    expect(headline).toMatch(/^([\d.]+×|[+−]\d+%|no clear difference)$/);
    if (headline !== 'no clear difference') expect(verdict).toContain(headline.replace(/^\+/, '').replace(/^−(\d+%)/, '$1 less'));
    expect(await page.locator('#compare-status').textContent()).toContain(verdict);
    await page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true });

    // Page Down (what a presentation remote sends): step 2, its pair, its verdict.
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.index === 1);
    await waitEnd(page);
    snap = await snapshot(page);
    expect(snap.arms.map((a) => a.name)).toEqual(['SMMs respect managers', 'SMMs compete with managers']);
    await page.waitForFunction(() => /^(“SMMs compete with managers”|No clear)/.test(document.getElementById('story-verdict')!.textContent!));
    expect(await page.locator('#story-verdict').textContent()).toMatch(/^“SMMs compete with managers”: .*value in team groups .*“SMMs respect managers”|^No clear difference in value in team groups/);
    // Left arrow goes back; Escape leaves the story and returns to the live run.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.story.index === 0);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.mode === 'live' && !(window as unknown as Hook).__orgsim.story.active);
    expect((await snapshot(page)).alive).toBe(0);
    expect(await page.locator('main.layout').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a facilitator\'s story file is validated; markup in it stays text', async () => {
    const { page } = await openPage(app);
    const story = {
      title: 'Mine',
      steps: [{ title: '<img src=x onerror="window.__pwned=1">', quote: '<b>bold?</b>', source: 'workshop', arms: [{ scenario: 'small', label: 'small' }, { scenario: 'small', label: 'small, 3 SMMs', changes: 'smm.count=3' }], runs: 3, measure: { metric: 'participation:all', reduce: 'mean', noun: 'participation', verb: 'gets' } }],
    };
    await page.keyboard.press('s');
    await page.setInputFiles('#story-file', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
    await page.waitForFunction(() => document.getElementById('story-title')!.textContent!.startsWith('<img'));
    await waitEnd(page);
    expect(await page.locator('#story-quote-text').textContent()).toBe('“<b>bold?</b>”');
    expect(await page.locator('#story-bar img, #story-bar b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // A broken one is refused with the field named; the current story stays.
    await page.setInputFiles('#story-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...story, steps: [{ ...story.steps[0], runs: 0 }] })) });
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.locator('#error').textContent()).toBe('bad.json: steps[0].runs = 0 is not allowed; expected at least 2');
    expect(await page.locator('#story-title').textContent()).toMatch(/^<img/);
    await page.close();
  });
});
