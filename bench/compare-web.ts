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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, openPage, startApp, type App } from '../test/browser/page.ts';
import type { CompareSnapshot, CompareState } from '../viz/compare/view.ts';
import { median } from './measure.ts';
import { fmt, table } from './table.ts';

/** The comparison: scenario and changes per arm (paths from src/scenario/schema.ts; mid has cm.present=true, smm.count=3). */
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
  longTasks: { count: number; longestMs: number; totalMs: number };
  /** Per comparison, as `seconds`: share of all cores that other processes (not this one, its Chromium, its workers) used meanwhile. */
  others: Record<1 | 2, number[]>;
}

/** CPU time (ms) of this process and all its descendants (Chromium's processes, whose threads run the web workers), from /proc; undefined elsewhere. */
function treeCpuMs(): Map<number, number> | undefined {
  try {
    const parent = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), ((Number(f[11]) + Number(f[12])) * 1000) / 100); // utime + stime, at USER_HZ = 100
    }
    const out = new Map<number, number>();
    const mine = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
      return false;
    };
    for (const [pid, ms] of cpu) if (mine(pid)) out.set(pid, ms);
    return out;
  } catch {
    return undefined;
  }
}

function machineCpuMs(): { busy: number; all: number } {
  let busy = 0;
  let all = 0;
  for (const c of cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    all += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, all };
}

/** Run `fn`; also the share of all cores that processes other than this one and its descendants used meanwhile (NaN without /proc). */
async function meterOthers<T>(fn: () => Promise<T>): Promise<{ result: T; others: number }> {
  const tree0 = treeCpuMs();
  const m0 = machineCpuMs();
  const result = await fn();
  const m1 = machineCpuMs();
  const tree1 = treeCpuMs();
  if (!tree0 || !tree1) return { result, others: NaN };
  let own = 0;
  for (const [pid, ms] of tree1) own += ms - (tree0.get(pid) ?? 0);
  const all = m1.all - m0.all;
  return { result, others: all > 0 ? Math.max(0, (m1.busy - m0.busy - own) / all) : 0 };
}

type Hook = { __orgsim: { mode: string; compare: CompareState; compareResults(): CompareSnapshot }; __benchLongTasks?: number[] };

const TIMEOUT = 30 * 60_000;
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');

async function setUp(page: Page, runs: number, seed: number): Promise<void> {
  await page.locator('body').focus();
  await page.keyboard.press('c');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim.mode === 'compare');
  // The view opens with 2 rows; add the others.
  for (let i = await page.locator('#compare-arms > li').count(); i < WEB_ARMS.length; i++) await page.click('#compare-add');
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
  await page.waitForFunction(() => {
    const c = (window as unknown as Hook).__orgsim.compare;
    return c.running || c.end !== 'done';
  }, undefined, { timeout: 30_000 });
  await page.waitForFunction(() => !(document.getElementById('compare-run') as HTMLButtonElement).disabled, undefined, { timeout: TIMEOUT, polling: 250 });
  const snap = await page.evaluate(() => (window as unknown as Hook).__orgsim.compareResults());
  if (snap.end !== 'done') {
    const shown = await page.locator('#compare-error').textContent().catch(() => '');
    throw new Error(`the ${workers}-worker comparison ended '${snap.end}' after ${snap.done} of ${snap.total} runs${shown ? `: ${shown.trim()}` : ''}`);
  }
  if (snap.done !== snap.total || snap.workers !== workers) throw new Error(`the ${workers}-worker comparison reports ${snap.done} of ${snap.total} runs on ${snap.workers} workers`);
  return snap;
}

export async function benchCompareWeb(options: CompareWebOptions = {}): Promise<CompareWebResult | undefined> {
  const { runs = 30, repeats = 3, seed = 1, port = 4391 } = options;
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(`\nbrowser benchmark (compare view) skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
    return undefined;
  }
  process.stderr.write(`compare view in Chromium: ${WEB_ARMS.length} scenarios x ${runs} runs, 1 vs 2 workers, ${repeats} each...\n`);
  let app: App | undefined;
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const others: Record<1 | 2, number[]> = { 1: [], 2: [] };
  let reference: string | undefined;
  let identical = true;
  const mismatches: string[] = [];
  let longTasks = { count: 0, longestMs: 0, totalMs: 0 };
  let hardwareConcurrency = 0;
  let totalRuns = 0;
  try {
    app = await startApp(port);
    const { page, errors } = await openPage(app);
    hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
    await setUp(page, runs, seed);
    const offered = await page.locator('#compare-workers option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (!offered.includes('2')) throw new Error(`the page offers ${offered.join(', ')} worker(s) (navigator.hardwareConcurrency = ${hardwareConcurrency}): no 2-worker run possible`);
    let observed = false;
    for (let r = 0; r < repeats; r++) {
      for (const workers of [1, 2] as const) {
        const watch = workers === 2 && !observed;
        if (watch) {
          await page.evaluate(() => {
            const w = window as unknown as Hook;
            w.__benchLongTasks = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) w.__benchLongTasks?.push(e.duration);
            }).observe({ type: 'longtask' });
          });
        }
        const { result: snap, others: busy } = await meterOthers(() => compareOnce(page, workers));
        others[workers].push(busy);
        if (watch) {
          observed = true;
          const tasks = await page.evaluate(() => {
            const w = window as unknown as Hook;
            const t = w.__benchLongTasks ?? [];
            w.__benchLongTasks = undefined; // the observer stays but records nothing more
            return t;
          });
          const long = tasks.filter((d) => d > 50);
          longTasks = { count: long.length, longestMs: Math.max(0, ...tasks), totalMs: long.reduce((a, b) => a + b, 0) };
        }
        totalRuns = snap.total;
        seconds[workers].push(snap.elapsedMs / 1000);
        const json = JSON.stringify({ seeds: snap.seeds, arms: snap.arms });
        if (reference === undefined) reference = json;
        else if (json !== reference) {
          identical = false;
          mismatches.push(`repetition ${r + 1}, ${workers} worker(s)`);
        }
        process.stderr.write(`  ${workers} worker(s): ${snap.total} runs in ${(snap.elapsedMs / 1000).toFixed(1)} s; other processes used ${pct(busy)} of the cores\n`);
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
    return [String(w), m.toFixed(1), Math.min(...s).toFixed(1), Math.max(...s).toFixed(1), (totalRuns / m).toFixed(2), `${(median(seconds[1]) / m).toFixed(2)}x`, others[w].map(pct).join(' ')];
  };
  process.stdout.write(table(
    `Compare view in Chromium: ${WEB_ARMS.length} scenarios x ${runs} replications of mid (${totalRuns} runs, seed ${seed}; ${WEB_ARMS.slice(1).map((a) => a.changes).join(', ')} against mid), page's elapsedMs, ${repeats} alternating runs each`,
    ['workers', 'median s', 'min s', 'max s', 'runs/s', '1-worker median / this', 'other processes, per run'],
    [row(1), row(2)],
  ));
  process.stdout.write(`\nspeed-up of 2 workers over 1 (ratio of medians): ${(median(seconds[1]) / median(seconds[2])).toFixed(2)}x; navigator.hardwareConcurrency = ${hardwareConcurrency}\n`);
  process.stdout.write(`same outcomes with 1 and 2 workers (JSON of every arm's runs, all ${2 * repeats} comparisons): ${identical ? 'yes' : `NO, differs at ${mismatches.join('; ')}`}\n`);
  process.stdout.write(`main thread during a 2-worker run: ${longTasks.count} long task(s) > 50 ms, longest ${fmt.ms(longTasks.longestMs)}, ${fmt.ms(longTasks.totalMs)} in all\n`);
  const busiest = Math.max(...others[1], ...others[2]);
  if (busiest > 0.1) process.stdout.write(`other processes used up to ${pct(busiest)} of all cores during a comparison: the machine was busy, timings and the 2-worker speed-up are not trustworthy; run again on a quiet machine\n`);
  if (!identical) throw new Error(`the compare view's outcomes differ between 1 and 2 workers (${mismatches.join('; ')})`);
  return { skipped: false, hardwareConcurrency, totalRuns, seconds, identical, longTasks, others };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await benchCompareWeb();
  } catch (e) {
    process.stderr.write(`\nbench:web FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
