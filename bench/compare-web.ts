/**
 * `npm run bench:web` (and the end of `npm run bench`): the web page's compare view in real Chromium.
 *
 * A comparison of 4 scenarios x 30 replications (120 runs of mid, two years each) is run with 1 and with 2
 * web workers, alternating (1, 2, 1, 2, 1, 2) so that a slow spell of the machine weighs on both; the time is
 * the page's own `__orgsim.compare.elapsedMs` (from the jobs handed to the pool, after validation, to the
 * last result, worker start-up included). The results must be identical whatever the number of workers: the
 * bench fails if they are not. During the first 2-worker run a PerformanceObserver counts the main thread's
 * long tasks (> 50 ms), which is what a user feels as a stutter while the workers compute.
 * Without Chromium (/usr/bin/chromium or CHROMIUM_PATH) it says so in one line and does nothing.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, openPage, startApp, type App } from '../test/browser/page.ts';
import type { CompareSnapshot, CompareState } from '../viz/compare/view.ts';
import { median } from './measure.ts';
import { fmt, table } from './table.ts';
import { meterOthersAndChildren } from './load.ts';

/**
 * The comparison: scenario and changes per arm (paths from src/scenario/schema.ts; mid has cm.present=true,
 * smm.count=3).
 */
export const WEB_ARMS: { source: string; changes: string }[] = [
  { source: 'mid', changes: '' },
  { source: 'mid', changes: 'smm.count=6' },
  { source: 'mid', changes: 'cm.speakShare=0.6' },
  { source: 'mid', changes: 'cm.present=false' },
];

export interface CompareWebOptions {
  /** Replications per scenario (30). */
  runs?: number;
  /** Runs of the whole comparison per worker count (3). */
  repeats?: number;
  seed?: number;
  port?: number;
}

export interface CompareWebResult {
  skipped: boolean;
  hardwareConcurrency: number;
  totalRuns: number;
  /** Seconds per comparison, in the order run, per worker count. */
  seconds: Record<1 | 2, number[]>;
  identical: boolean;
  /** Per comparison, as `seconds`: main-thread tasks over 50 ms (count and longest, ms). */
  longTasks: Record<1 | 2, { count: number; longestMs: number }[]>;
  /**
   * Per comparison, as `seconds`: share of all cores that other processes (not this one, its Chromium, its workers)
   * used meanwhile.
   */
  others: Record<1 | 2, number[]>;
}

type Hook = {
  __orgsim: { mode: string; compare: CompareState; compareResults(): CompareSnapshot };
  __benchLongTasks?: number[];
};

const TIMEOUT = 30 * 60_000;
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');

async function setUp(page: Page, runs: number, seed: number): Promise<void> {
  await page.locator('body').focus();
  await page.keyboard.press('c');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim.mode === 'compare');
  // The view opens with 2 rows; add the others.
  for (let i = await page.locator('#compare-arms > li').count(); i < WEB_ARMS.length; i++)
    await page.click('#compare-add');
  for (const [i, arm] of WEB_ARMS.entries()) {
    await page.selectOption(`#compare-arm-${i}`, arm.source);
    await page.fill(`#compare-changes-${i}`, arm.changes);
  }
  await page.fill('#compare-runs', String(runs));
  await page.fill('#compare-seed', String(seed));
}

/** One comparison on `workers` workers; returns the page's snapshot once it has ended. */
async function compareOnce(page: Page, workers: number): Promise<CompareSnapshot> {
  await page.selectOption('#compare-workers', String(workers));
  await page.click('#compare-run');
  await page.waitForFunction(
    () => {
      const c = (window as unknown as Hook).__orgsim.compare;
      return c.running || c.end !== 'done';
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => !(document.getElementById('compare-run') as HTMLButtonElement).disabled, undefined, {
    timeout: TIMEOUT,
    polling: 250,
  });
  const snap = await page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
  if (snap.end !== 'done') {
    const shown = await page
      .locator('#compare-error')
      .textContent()
      .catch(() => '');
    throw new Error(
      `the ${workers}-worker comparison ended '${snap.end}' after ${snap.done} of ${snap.total} ` +
        `runs${shown ? `: ${shown.trim()}` : ''}`,
    );
  }
  if (snap.done !== snap.total || snap.workers !== workers)
    throw new Error(
      `the ${workers}-worker comparison reports ${snap.done} of ${snap.total} runs on ${snap.workers} workers`,
    );
  return snap;
}

export async function benchCompareWeb(options: CompareWebOptions = {}): Promise<CompareWebResult | undefined> {
  const { runs = 30, repeats = 3, seed = 1, port = 4391 } = options;
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(
      `\nbrowser benchmark (compare view) skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`,
    );
    return undefined;
  }
  process.stderr.write(
    `compare view in Chromium: ${WEB_ARMS.length} scenarios x ${runs} runs, 1 vs 2 workers, ${repeats} each...\n`,
  );
  let app: App | undefined;
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const others: Record<1 | 2, number[]> = { 1: [], 2: [] };
  let reference: string | undefined;
  let identical = true;
  const mismatches: string[] = [];
  const longTasks: Record<1 | 2, { count: number; longestMs: number }[]> = { 1: [], 2: [] };
  let hardwareConcurrency = 0;
  let totalRuns = 0;
  try {
    app = await startApp(port);
    const { page, errors } = await openPage(app);
    hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
    await setUp(page, runs, seed);
    const offered = await page
      .locator('#compare-workers option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (!offered.includes('2'))
      throw new Error(
        `the page offers ${offered.join(', ')} worker(s) (navigator.hardwareConcurrency = ` +
          `${hardwareConcurrency}): no 2-worker run possible`,
      );
    // Every task over 50 ms of the page's main thread, per comparison (the page's drawing included).
    await page.evaluate(() => {
      const w = window as unknown as Hook;
      w.__benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__benchLongTasks?.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    for (let r = 0; r < repeats; r++) {
      for (const workers of [1, 2] as const) {
        await page.evaluate(() => ((window as unknown as Hook).__benchLongTasks = []));
        const { result: snap, others: busy } = await meterOthersAndChildren(() => compareOnce(page, workers));
        others[workers].push(busy);
        const tasks = await page.evaluate(() => (window as unknown as Hook).__benchLongTasks ?? []);
        longTasks[workers].push({ count: tasks.filter((d) => d > 50).length, longestMs: Math.max(0, ...tasks) });
        totalRuns = snap.total;
        seconds[workers].push(snap.elapsedMs / 1000);
        const json = JSON.stringify({ seeds: snap.seeds, arms: snap.arms });
        if (reference === undefined) reference = json;
        else if (json !== reference) {
          identical = false;
          mismatches.push(`repetition ${r + 1}, ${workers} worker(s)`);
        }
        process.stderr.write(
          `  ${workers} worker(s): ${snap.total} runs in ${(snap.elapsedMs / 1000).toFixed(1)} s; other ` +
            `processes used ${pct(busy)} of the cores\n`,
        );
      }
    }
    if (errors.length) throw new Error(`the page logged errors: ${errors.join(' | ')}`);
    await page.close();
  } finally {
    await app?.close();
  }

  const row = (w: 1 | 2) => {
    const s = seconds[w];
    const m = median(s);
    return [
      String(w),
      m.toFixed(1),
      Math.min(...s).toFixed(1),
      Math.max(...s).toFixed(1),
      (totalRuns / m).toFixed(2),
      `${(median(seconds[1]) / m).toFixed(2)}x`,
      others[w].map(pct).join(' '),
    ];
  };
  process.stdout.write(
    table(
      `Compare view in Chromium: ${WEB_ARMS.length} scenarios x ${runs} replications of mid (${totalRuns} runs, ` +
        `seed ${seed}; ${WEB_ARMS.slice(1)
          .map((a) => a.changes)
          .join(', ')} against mid), page's elapsedMs, ${repeats} alternating runs each`,
      ['workers', 'median s', 'min s', 'max s', 'runs/s', '1-worker median / this', 'other processes, per run'],
      [row(1), row(2)],
    ),
  );
  process.stdout.write(
    `\nspeed-up of 2 workers over 1 (ratio of medians): ` +
      `${(median(seconds[1]) / median(seconds[2])).toFixed(2)}x; navigator.hardwareConcurrency = ` +
      `${hardwareConcurrency}\n`,
  );
  process.stdout.write(
    `same outcomes with 1 and 2 workers (JSON of every arm's runs, all ${2 * repeats} comparisons): ` +
      `${identical ? 'yes' : `NO, differs at ${mismatches.join('; ')}`}\n`,
  );
  for (const w of [1, 2] as const) {
    const l = longTasks[w];
    process.stdout.write(
      `main-thread tasks over 50 ms, ${w} worker(s), per comparison: ${l.map((x) => x.count).join(', ')} ` +
        `(longest ${l.map((x) => fmt.ms(x.longestMs)).join(', ')})\n`,
    );
  }
  const busiest = Math.max(...others[1], ...others[2]);
  if (busiest > 0.1)
    process.stdout.write(
      `other processes used up to ${pct(busiest)} of all cores during a comparison: the machine was busy, ` +
        `timings and the 2-worker speed-up are not trustworthy; run again on a quiet machine\n`,
    );
  if (!identical)
    throw new Error(`the compare view's outcomes differ between 1 and 2 workers (${mismatches.join('; ')})`);
  return { skipped: false, hardwareConcurrency, totalRuns, seconds, identical, longTasks, others };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await benchCompareWeb();
  } catch (e) {
    process.stderr.write(`\nbench:web FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
}
