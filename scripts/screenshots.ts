/**
 * `npm run screenshots`: the page's views at the sizes its users have (a 1920x1080 projector, a 1366x768
 * laptop, a 390 px phone), from the production build in Debian's Chromium, into docs/ for the README and the guides.
 * Every screenshot is of the real page running the real model (nothing staged but the clicks).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type App } from '../test/browser/page.ts';
import { workshopShots } from './workshop-shots.ts';

const DOCS = new URL('../docs/', import.meta.url).pathname;
type Hook = {
  __orgsim?: { tick: number; compare?: { end?: string; running: boolean }; story: { index: number; active: boolean } };
};

const SIZES = { projector: [1920, 1080], laptop: [1366, 768], phone: [390, 844] } as const;
type Size = keyof typeof SIZES;

async function open(app: App, size: Size): Promise<Page> {
  const [width, height] = SIZES[size];
  const page = await app.browser.newPage({
    viewport: { width, height },
    ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}),
  });
  await page.goto(app.url);
  await page.waitForFunction(() => ((window as unknown as Hook).__orgsim?.tick ?? 0) > 0);
  return page;
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(DOCS, `${name}.png`), fullPage });
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const waitCompared = (page: Page) =>
  page.waitForFunction(
    () => {
      const c = (window as unknown as Hook).__orgsim?.compare;
      return c?.end === 'done' && !c.running;
    },
    null,
    { timeout: 300_000 },
  );

async function live(app: App, size: Size): Promise<void> {
  const page = await open(app, size);
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 60);
  await page.click('#event-hire-smm');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 120);
  await blur(page);
  await page.keyboard.press('Space');
  await page.waitForTimeout(400);
  await shot(page, `live-${size}`);
  await page.close();
}

async function presenter(app: App, size: Size): Promise<void> {
  const page = await open(app, size);
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 80);
  await page.click('#event-cm-speaks');
  await blur(page);
  await page.keyboard.press('p');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 200);
  await page.keyboard.press('Space');
  await page.waitForTimeout(400);
  await shot(page, `presenter-${size}`);
  await page.close();
}

/** A story step's runs are in: its verdict is said (story mode runs its own workers, not the compare view's). */
const waitStep = (page: Page, index: number) =>
  page.waitForFunction(
    (k) => {
      const s = (window as unknown as Hook).__orgsim?.story;
      const said = document.getElementById('story-verdict')?.textContent ?? '';
      return s?.index === k && said !== '' && !said.startsWith('Running');
    },
    index,
    { timeout: 600_000 },
  );

/** Story mode in presenter mode (projector, laptop): the introduction, a step, the closing page. */
async function storyPresenter(app: App, size: Size): Promise<void> {
  const page = await open(app, size);
  await blur(page);
  await page.keyboard.press('p');
  await page.keyboard.press('s');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.story.active);
  await page.waitForTimeout(400);
  await shot(page, `story-introduction-presenter-${size}`);
  // Step 3: the claim with three scenarios and a window early in the run.
  for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
  await waitStep(page, 3);
  await page.waitForTimeout(600);
  await shot(page, `story-presenter-${size}`);
  for (let k = 0; k < 9; k++) await page.keyboard.press('PageDown');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.story.index === 11);
  await page.waitForTimeout(400);
  await shot(page, `story-closing-presenter-${size}`);
  await page.close();
}

async function compare(app: App, size: Size): Promise<void> {
  const page = await open(app, size);
  await page.click('#compare-open');
  await page.selectOption('#compare-arm-0', 'c1-no-governance');
  await page.selectOption('#compare-arm-1', 'c1-cm-relays');
  await page.fill('#compare-changes-1', '');
  await page.fill('#compare-runs', '10');
  await page.click('#compare-run');
  await waitCompared(page);
  await page.click('.how-to-read summary');
  await page.waitForTimeout(600);
  await shot(page, `compare-${size}`, true);
  await page.close();
}

async function story(app: App, size: Size): Promise<void> {
  const page = await open(app, size);
  await page.click('#story-open');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.story.active);
  await page.waitForTimeout(300);
  await shot(page, `story-introduction-${size}`);
  await blur(page);
  for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
  await waitStep(page, 3);
  await page.waitForTimeout(600);
  await shot(page, `story-${size}`, size === 'phone');
  await page.close();
}

async function organization(app: App): Promise<void> {
  const page = await open(app, 'laptop');
  await page.fill('#org-employees', '3000');
  await page.fill('#org-smm-count', '5');
  await page.selectOption('#org-smm-sourcing', 'outsourced');
  await page.click('#org-apply');
  await page.waitForFunction(() => document.getElementById('run-name')!.textContent!.includes('3,000 employees'));
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 40);
  await page.click('#event-coach-managers');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 80);
  await blur(page);
  await page.keyboard.press('r');
  await page.waitForSelector('#reset-dialog[open]');
  await shot(page, 'reset-dialog-laptop');
  await page.click('#reset-keep');
  await page.waitForFunction(() => (window as unknown as Hook).__orgsim!.tick > 100);
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  await shot(page, 'organization-laptop');
  await page.close();
}

/** "Your network…" in the form: a synthetic export's statistics.json (orgsim import) beside the run. */
async function network(app: App, size: Size, statistics: string): Promise<void> {
  const page = await open(app, size);
  if (size === 'phone') await page.click('#more-toggle').catch(() => {});
  await page.setInputFiles('#network-files', statistics);
  await page.waitForSelector('.network-table');
  await page.locator('.network-table').scrollIntoViewIfNeeded();
  await blur(page);
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  await shot(page, `network-${size}`);
  await page.close();
}

/** The statistics.json of the synthetic export of docs/import.md's worked example. */
async function exampleStatistics(): Promise<string> {
  const { writeSyntheticExport } = await import('./synthetic-export.ts');
  const { importExport, writeResult } = await import('../cli/import/command.ts');
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-shots-'));
  await writeSyntheticExport(join(dir, 'acme.zip'), {
    format: 'viva-engage',
    zip: true,
    users: 2000,
    months: 12,
    seed: 24,
    writerShare: 0.3,
    writerRate: 4,
    truth: false,
  });
  writeResult(join(dir, 'acme'), await importExport(join(dir, 'acme.zip')));
  return join(dir, 'acme', 'statistics.json');
}

async function panel(app: App): Promise<void> {
  const page = await open(app, 'laptop');
  await page.fill('#param-search', 'speak');
  await page
    .locator('.param', { has: page.locator('#param-cm-speakShare') })
    .locator('button.info')
    .click();
  await page.waitForTimeout(300);
  await shot(page, 'panel-laptop');
  await page.close();
}

async function sweep(app: App): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-shots-'));
  writeFileSync(
    join(dir, 'small-org.json'),
    JSON.stringify({
      name: 'small organization',
      organization: { employees: 200 },
      external: { customers: 100 },
      ticks: 120,
    }),
  );
  execFileSync(
    process.execPath,
    [
      'bin/orgsim.mjs',
      'sensitivity',
      join(dir, 'small-org.json'),
      '--method',
      'morris',
      '--samples',
      '6',
      '--bootstrap',
      '200',
      '--param',
      'smm.count=0:4',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'policies.visibility=0:1',
      '--out',
      join(dir, 'out'),
    ],
    { stdio: 'ignore' },
  );
  const page = await open(app, 'laptop');
  await page.setInputFiles(
    '#sweep-files',
    ['manifest.json', 'runs.csv', 'indices.csv'].map((f) => join(dir, 'out', f)),
  );
  await page.waitForSelector('#sweep-view:not([hidden]) rect.bar-mu_star');
  await page.locator('#sweep-view').screenshot({ path: join(DOCS, 'sweep-laptop.png') });
  await page.close();
}

// `npm run screenshots -- sweep panel` takes only those.
const only = process.argv.slice(2);
const want = (name: string) => !only.length || only.includes(name);
const app = await startApp(4399);
try {
  if (want('live')) for (const size of ['projector', 'laptop', 'phone'] as const) await live(app, size);
  if (want('presenter')) for (const size of ['projector', 'laptop'] as const) await presenter(app, size);
  if (want('compare')) for (const size of ['projector', 'laptop', 'phone'] as const) await compare(app, size);
  if (want('story')) for (const size of ['projector', 'laptop', 'phone'] as const) await story(app, size);
  if (want('story')) for (const size of ['projector', 'laptop'] as const) await storyPresenter(app, size);
  if (want('organization')) await organization(app);
  if (want('panel')) await panel(app);
  if (want('network')) {
    const statistics = await exampleStatistics();
    for (const size of ['projector', 'laptop', 'phone'] as const) await network(app, size, statistics);
  }
  if (want('sweep')) await sweep(app);
  // The workshop's shared screen and phones (orgsim serve), from the same build.
  if (want('workshop')) await workshopShots(app.browser, 'test-results/dist', DOCS);
  process.stdout.write(`screenshots written to ${DOCS}\n`);
} finally {
  await app.close();
}
