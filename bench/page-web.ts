/**
 * `npm run bench:web` (first part): the live page in real Chromium, on the production build.
 *
 * - Start-up, 5 fresh loads at 1366x768: time to the first chart holding data (the clock shows day 1 or
 *   more and the participation chart has drawn a path), and every main-thread task over 50 ms from
 *   navigation to 2 s after the first data (targets: first data within 1 s, no start-up task over 200 ms).
 * - Playing `mid` as fast as it can for 5 s: main-thread tasks over 50 ms, frames per second, ticks per second
 *   (target: no task over 50 ms).
 * These are timings: they live here, not in `npm test`, which must pass on a busy machine.
 * Without Chromium (/usr/bin/chromium or CHROMIUM_PATH) it says so in one line and does nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, startApp, type App } from '../test/browser/page.ts';
import { encodeShared } from '../src/share.ts';
import { median } from './measure.ts';
import { fmt, table } from './table.ts';
import { meterOthersAndChildren } from './load.ts';

type Hook = {
  __orgsim?: { tick: number; done: boolean; longestDraw: number };
  __long?: { start: number; duration: number }[];
  __frames?: number;
};

export interface PageWebResult {
  firstDataMs: number[];
  startupLongTasksMs: number[][];
  /**
   * Per load: share of all cores used meanwhile by other processes (the busy loops included), and the page's
   * main-thread task time (ms).
   */
  others: number[];
  mainThreadMs: number[];
  play: { longTasksMs: number[]; fps: number; ticksPerSecond: number; longestDrawMs: number };
}

/** Records every long task from the very start of the page (before any script of the page runs). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Hook;
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function startup(app: App): Promise<{ firstData: number; long: number[]; mainThreadMs: number }> {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await observeLongTasks(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(app.url);
  // First data: the run has reached day 1 and the participation chart has a drawn area.
  await page.waitForFunction(
    () => {
      const o = (window as unknown as Hook).__orgsim;
      const path = document.querySelector('#chart-participation svg .plot path[d]');
      return !!o && o.tick > 0 && !!path && (path.getAttribute('d') ?? '').length > 20;
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const firstData = await page.evaluate(() => performance.now());
  await page.waitForTimeout(2000);
  const long = await page.evaluate(() => ((window as unknown as Hook).__long ?? []).map((t) => t.duration));
  // The renderer's main thread, busy from navigation to 2 s after the first data (CPU beside the wall times).
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const mainThreadMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
  await context.close();
  return { firstData, long, mainThreadMs };
}

async function play(app: App): Promise<PageWebResult['play']> {
  const context = await app.browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const page = await context.newPage();
  // mid over 10,000 working days, so that it is still playing at full speed for the whole measurement.
  await page.goto(app.url + encodeShared({ scenario: 'mid', sets: ['ticks=10000'], seed: 1, interventions: [] }));
  await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 5, undefined, {
    timeout: 60_000,
  });
  await page.selectOption('#speed', 'max');
  // Steady state: the first second after a switch compiles the new code paths.
  await page.waitForTimeout(1000);
  // As text: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(
    `(() => {
    window.__long = [];
    window.__frames = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ` +
      `duration: e.duration }); }).observe({ type: 'longtask', buffered: false });
    const count = () => { window.__frames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
  })()`,
  );
  const read = () =>
    page.evaluate(() => {
      const w = window as unknown as Hook;
      return {
        frames: w.__frames ?? 0,
        t: performance.now(),
        tick: w.__orgsim!.tick,
        long: (w.__long ?? []).map((x) => x.duration),
        draw: w.__orgsim!.longestDraw,
      };
    });
  const a = await read();
  await page.waitForTimeout(5000);
  const b = await read();
  await context.close();
  const seconds = (b.t - a.t) / 1000;
  return {
    longTasksMs: b.long,
    fps: (b.frames - a.frames) / seconds,
    ticksPerSecond: (b.tick - a.tick) / seconds,
    longestDrawMs: b.draw,
  };
}

/**
 * `busy` loops of pure computation in child processes, beside the page: a machine with other work, as a
 * facilitator's laptop has (`npm run bench:web -- --busy 2`). Stopped by the returned function.
 */
export function busyLoops(busy: number): () => void {
  const children: ChildProcess[] = [];
  for (let k = 0; k < busy; k++)
    children.push(spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' }));
  return () => children.forEach((c) => c.kill());
}

export async function benchPageWeb(loads = 5, port = 4392, busy = 0): Promise<PageWebResult | undefined> {
  if (!existsSync(CHROMIUM)) {
    process.stdout.write(`\nbrowser benchmark (page) skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)\n`);
    return undefined;
  }
  process.stderr.write(`live page in Chromium: ${loads} fresh loads, then mid at full speed for 5 s...\n`);
  let app: App | undefined;
  try {
    app = await startApp(port);
    const firstDataMs: number[] = [];
    const startupLongTasksMs: number[][] = [];
    const others: number[] = [];
    const mainThreadMs: number[] = [];
    const stopBusy = busyLoops(busy);
    const load1 = loadavg()[0]!;
    try {
      for (let k = 0; k < loads; k++) {
        const { result: s, others: o } = await meterOthersAndChildren(() => startup(app!));
        firstDataMs.push(s.firstData);
        startupLongTasksMs.push(s.long);
        mainThreadMs.push(s.mainThreadMs);
        others.push(o);
      }
    } finally {
      stopBusy();
    }
    const p = await play(app);
    const longest = startupLongTasksMs.map((l) => Math.max(0, ...l));
    const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : 'n/a');
    process.stdout.write(
      table(
        `Page start-up, production build, 1366x768, ${loads} fresh ` +
          `loads${busy ? `, beside ${busy} busy loop${busy > 1 ? 's' : ''}` : ''} (targets: first data within ` +
          `1 s, no task over 200 ms)`,
        [
          'load',
          'first data',
          'tasks over 50 ms',
          'longest task',
          'main thread busy',
          'other processes (of all cores)',
        ],
        firstDataMs.map((f, k) => [
          String(k + 1),
          fmt.ms(f),
          String(startupLongTasksMs[k]!.length),
          fmt.ms(longest[k]!),
          fmt.ms(mainThreadMs[k]!),
          pct(others[k]!),
        ]),
      ),
    );
    process.stdout.write(
      `\nmedian time to first data: ${fmt.ms(median(firstDataMs))}; longest start-up task: ` +
        `${fmt.ms(Math.max(...longest))}\n`,
    );
    process.stdout.write(
      `machine load beside them: ${cpus().length} cores, load average ${load1.toFixed(2)} (1 min) at the ` +
        `start; other processes used a median ${pct(median(others))} of all cores during the loads\n`,
    );
    process.stdout.write(
      `mid at full speed, 5 s: ${p.longTasksMs.length} main-thread task(s) over 50 ` +
        `ms${p.longTasksMs.length ? ` (${p.longTasksMs.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}, ` +
        `${p.fps.toFixed(0)} frames/s, ${p.ticksPerSecond.toFixed(0)} ticks/s, longest redraw ` +
        `${p.longestDrawMs.toFixed(1)} ms\n`,
    );
    return { firstDataMs, startupLongTasksMs, others, mainThreadMs, play: p };
  } finally {
    await app?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const at = process.argv.indexOf('--busy');
    await benchPageWeb(5, 4392, at > 0 ? Number(process.argv[at + 1]) : 0);
  } catch (e) {
    process.stderr.write(`\nbench:web FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
}
