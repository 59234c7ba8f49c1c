/**
 * The web app in real Chromium (Debian's, driven by playwright-core): it plays, its controls do what they
 * say, bad and hostile input is contained, exports parse, shared links reproduce Node's numbers bit for bit,
 * and the main thread stays responsive while the model runs in the worker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, SHOTS, startApp, tick, waitTick, type App } from './page.ts';
import { validate } from '../../src/scenario/load.ts';
import { runScenario } from '../../src/run.ts';
import { SERIES_NAMES } from '../../src/metrics/series.ts';

let app: App;
beforeAll(async () => {
  app = await startApp(4311);
}, 120_000);
afterAll(async () => app?.close());

type Hook = {
  __orgsim: {
    tick: number;
    done: boolean;
    playing: boolean;
    markers: { tick: number; label: string }[];
    value(n: string, t: number): number;
    series(n: string): number[];
  };
};
const markers = (page: Page) => page.evaluate(() => (window as unknown as Hook).__orgsim.markers);
const value = (page: Page, name: string, t: number) =>
  page.evaluate(([n, k]) => (window as unknown as Hook).__orgsim.value(n as string, k as number), [name, t] as const);

async function download(page: Page, button: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await dl.path();
  return readFileSync(path!, 'utf8');
}

describe('web app', () => {
  it('loads with no console error, plays the baseline by itself, and the charts hold data', async () => {
    const { page, errors } = await openPage(app);
    await waitTick(page, 40);
    expect(await page.locator('#scenario').inputValue()).toBe('baseline');
    // Every time chart has drawn non-empty paths; the Lorenz curve too.
    for (const id of ['participation', 'value', 'roles', 'conflicts', 'lorenz']) {
      const d = await page
        .locator(`#chart-${id} svg path[d]`)
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')!.length));
      expect(d.length, id).toBeGreaterThan(0);
      expect(Math.max(...d), id).toBeGreaterThan(50);
    }
    await page.screenshot({ path: `${SHOTS}/main.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pause, step and reset do what they say', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 10);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !(window as unknown as Hook).__orgsim.playing);
    const paused = await tick(page);
    await page.waitForTimeout(400);
    // At most one chunk that was already in flight lands after the pause.
    const after = await tick(page);
    expect(after - paused).toBeLessThanOrEqual(1);
    await page.click('#step');
    await page.waitForFunction((n) => (window as unknown as Hook).__orgsim.tick === n + 1, after);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => (window as unknown as Hook).__orgsim.tick === n + 2, after);
    await page.keyboard.press('r');
    await page.waitForFunction(
      () => (window as unknown as Hook).__orgsim.tick < 5 && (window as unknown as Hook).__orgsim.playing,
    );
    await waitTick(page, 5);
    await page.close();
  });

  it('a live parameter change appears as a marker and changes the series from the next tick', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 20);
    await page.fill('#param-cm-speakShare', '0.9');
    await page.press('#param-cm-speakShare', 'Enter');
    await page.waitForFunction(() =>
      (window as unknown as Hook).__orgsim.markers.some((m) => m.label === 'cm.speakShare = 0.9'),
    );
    const marker = (await markers(page)).find((m) => m.label === 'cm.speakShare = 0.9')!;
    await waitTick(page, marker.tick + 2);
    // The CM's posts a day are his speaking habit x hours a day x posts an hour; the habit moves towards the new
    // speakShare by 1/habitDays of the gap each day (so the change shows from the next tick, gradually).
    const habitDays = validate({}).cm.habitDays;
    expect(await value(page, 'cmPosts', marker.tick - 1)).toBeCloseTo(0.1 * 7.5 * 3, 10);
    expect(await value(page, 'cmPosts', marker.tick)).toBeCloseTo((0.1 + 0.8 / habitDays) * 7.5 * 3, 10);
    expect(await page.locator('#chart-roles g.marker text').allTextContents()).toContain('cm.speakShare = 0.9');
    await page.screenshot({ path: `${SHOTS}/intervention.png` });
    await page.close();
  });

  it('live intervention buttons change parameters as recorded interventions; presenter shortcuts work', async () => {
    const { page, errors } = await openPage(app);
    await waitTick(page, 10);
    await page.click('#event-cm-speaks');
    await page.waitForFunction(() =>
      (window as unknown as Hook).__orgsim.markers.some((m) => m.label === 'Let the CM speak more'),
    );
    const marker = (await markers(page)).find((m) => m.label === 'Let the CM speak more')!;
    await waitTick(page, marker.tick + 1);
    // The baseline's CM speaks 10% of his time; the button adds 30 points, which his habit moves towards by
    // 1/habitDays of the gap a day: (0.1 + 0.3 / habitDays) x 7.5 h x 3 posts an hour on the first day.
    expect(await value(page, 'cmPosts', marker.tick)).toBeCloseTo(
      (0.1 + 0.3 / validate({}).cm.habitDays) * 7.5 * 3,
      10,
    );
    await page.click('#event-hire-smm');
    await page.waitForFunction(() =>
      (window as unknown as Hook).__orgsim.markers.some((m) => m.label === 'Hire an SMM'),
    );
    const hire = (await markers(page)).find((m) => m.label === 'Hire an SMM')!;
    await waitTick(page, hire.tick + 1);
    expect(await value(page, 'smmCount', hire.tick)).toBe(3);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(true);
    expect(await page.locator('.panel').isVisible()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/presenter.png` });
    await page.keyboard.press('2');
    await page.waitForFunction(() => (document.getElementById('scenario') as HTMLSelectElement).selectedIndex === 1);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a broken scenario file shows an inline error naming the field, and the page keeps working', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 5);
    await page.setInputFiles('#file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"smm": {"cont": 2}}'),
    });
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toBe('broken.json: unknown field "smm.cont"; did you mean "smm.count"?');
    const before = await tick(page);
    await waitTick(page, before + 5);
    await page.setInputFiles('#file', {
      name: 'syntax.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"ticks": 10,,}'),
    });
    await page.waitForFunction(() =>
      document.getElementById('error')!.textContent!.startsWith('syntax.json: not valid JSON'),
    );
    await page.screenshot({ path: `${SHOTS}/error.png` });
    await page.close();
  });

  it('shows a hostile scenario name and description as text, never as markup', async () => {
    const { page } = await openPage(app);
    const hostile = {
      name: '<img src=x onerror="window.__pwned=1">',
      description: '<script>window.__pwned=2</script><b>bold</b>',
      organization: { employees: 100 },
      ticks: 50,
    };
    await page.setInputFiles('#file', {
      name: '<svg onload=alert(1)>.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostile)),
    });
    await page.waitForFunction(() =>
      document.getElementById('scenario-description')!.textContent!.includes('<script>'),
    );
    expect(await page.textContent('#scenario-description')).toBe(hostile.description);
    expect(await page.locator('#scenario-description b, #scenario-description script, img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('exports the run as CSV and JSON, every agent as CSV, and charts as SVG and PNG', async () => {
    const { page } = await openPage(app);
    await waitTick(page, 30);
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    const ticks = await tick(page);
    const csv = (await download(page, '#export-csv')).trimEnd().split('\n');
    expect(csv[0]).toBe('tick,series,value');
    expect(csv.length - 1).toBe(ticks * SERIES_NAMES.length);
    const json = JSON.parse(await download(page, '#export-json')) as {
      seed: number;
      ticks: number;
      series: Record<string, number[]>;
      scenario: { name: string; organization: { employees: number }; external: { customers: number } };
    };
    expect(json.ticks).toBe(ticks);
    expect(json.series.valueCum).toHaveLength(ticks);
    expect(Number(csv.find((l) => l.startsWith(`${ticks - 1},valueCum,`))!.split(',')[2])).toBe(
      json.series.valueCum![ticks - 1],
    );
    // The per-agent table: the same columns as `orgsim run --agents`, one row per agent.
    const [agentsFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-agents')]);
    // Named after the scenario and the day it shows.
    expect(agentsFile.suggestedFilename()).toBe(`orgsim-agents-baseline-day-${ticks}.csv`);
    const agents = readFileSync((await agentsFile.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    const header = agents[0]!.split(',');
    for (const name of [
      'run',
      'seed',
      'agent',
      'role',
      'team',
      'riskAversion',
      'needForSense',
      'webSociability',
      'statusSeeking',
      'timeBudget',
      'voice',
      'contributions',
      'reads',
      'memberships',
      'engagement',
    ])
      expect(header).toContain(name);
    expect(agents.length - 1).toBe(json.scenario.organization.employees + json.scenario.external.customers);
    expect(agents[1]!.split(',')[header.indexOf('seed')]).toBe(String(json.seed));
    const svg = await download(page, '#chart-value button[aria-label$="as SVG"]');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(new DOMParserLike(svg).ok).toBe(true);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#chart-value button[aria-label$="as PNG"]'),
    ]);
    const png = readFileSync((await dl.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(2000);
    await page.close();
  });

  it('a shared link reproduces the same numbers, bit for bit, as Node running the same scenario', async () => {
    const { page } = await openPage(app);
    await page.selectOption('#scenario', 'small');
    await page.waitForFunction(() =>
      document.getElementById('scenario-description')!.textContent!.includes('200 employees'),
    );
    await waitTick(page, 30);
    await page.fill('#param-smm-count', '3');
    await page.press('#param-smm-count', 'Enter');
    await page.waitForFunction(() => (window as unknown as Hook).__orgsim.markers.length > 0);
    await page.click('#share');
    await page.waitForFunction(() => location.hash.startsWith('#run='));
    const link = await page.evaluate(() => location.href);
    await page.close();

    const { page: again, errors } = await openPage(app, link.slice(app.url.length));
    await again.selectOption('#speed', 'max');
    await again.waitForFunction(() => (window as unknown as Hook).__orgsim.done, null, { timeout: 60_000 });
    const json = JSON.parse(await download(again, '#export-json')) as {
      scenario: Record<string, unknown>;
      series: Record<string, number[]>;
    };
    const node = runScenario(validate(json.scenario));
    for (const [k, name] of SERIES_NAMES.entries()) {
      const diff = json.series[name]!.findIndex((v, t) => !Object.is(v, node.series[k]![t]));
      if (diff >= 0) console.log(name, diff, json.series[name]![diff], node.series[k]![diff]);
    }
    for (const [k, name] of SERIES_NAMES.entries())
      expect(json.series[name], name).toEqual(Array.from(node.series[k]!));
    expect(node.interventions.map((i) => i.label)).toContain('smm.count = 3');
    // A reset replays the same run: the link's interventions stay.
    await again.keyboard.press('r');
    await again.waitForFunction(() => (window as unknown as Hook).__orgsim.tick < 400);
    expect((await markers(again)).map((m) => m.label)).toContain('smm.count = 3');
    expect(errors).toEqual([]);
    await again.close();
  });

  it("opens a sweep's files and draws the same charts as orgsim report", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-web-sweep-'));
    writeFileSync(
      join(dir, 'tiny.json'),
      JSON.stringify({
        name: 'tiny <b>sweep</b>',
        organization: { employees: 100 },
        external: { customers: 0 },
        ticks: 30,
      }),
    );
    execFileSync(
      process.execPath,
      [
        'bin/orgsim.mjs',
        'sweep',
        join(dir, 'tiny.json'),
        '--param',
        'smm.count=0:2:2',
        '--param',
        'cm.speakShare=0:1:2',
        '--workers',
        '1',
        '--out',
        join(dir, 'out'),
      ],
      { stdio: 'pipe' },
    );
    const { page, errors } = await openPage(app);
    await page.setInputFiles('#sweep-files', [join(dir, 'out', 'manifest.json'), join(dir, 'out', 'runs.csv')]);
    await page.waitForSelector('#sweep-view:not([hidden])');
    expect(await page.locator('#sweep-report h1').textContent()).toBe('Sweep of tiny <b>sweep</b>');
    expect(await page.locator('#sweep-report svg').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('#sweep-report b').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/sweep.png`, fullPage: true });
    // Without the manifest: an inline error, nothing drawn.
    await page.click('#sweep-close');
    await page.setInputFiles('#sweep-files', [join(dir, 'out', 'runs.csv')]);
    await page.waitForFunction(() =>
      document.getElementById('error')!.textContent!.includes('manifest.json and runs.csv together'),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Minimal well-formedness check of the exported SVG in Node (no DOM): balanced root element. */
class DOMParserLike {
  readonly ok: boolean;
  constructor(text: string) {
    this.ok = text.startsWith('<svg') && text.trimEnd().endsWith('</svg>') && !text.includes('<script');
  }
}
