/** Shared by the browser tests: build the app, serve it with `vite preview`, drive Debian's Chromium. */
import { mkdirSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = 'test-results/screenshots';

export interface App {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startApp(port: number): Promise<App> {
  // Built apart from the user's own dist/.
  await build({ logLevel: 'error', build: { outDir: 'test-results/dist', emptyOutDir: true } });
  const server: PreviewServer = await preview({
    preview: { port, host: '127.0.0.1', strictPort: false },
    build: { outDir: 'test-results/dist' },
    logLevel: 'silent',
  });
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    url: address,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page that records console errors and uncaught exceptions. */
export async function openPage(app: App, path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.url + path);
  await page.waitForFunction(() => (window as unknown as { __orgsim?: { tick: number } }).__orgsim !== undefined);
  return { page, errors };
}

export const tick = (page: Page) =>
  page.evaluate(() => (window as unknown as { __orgsim: { tick: number } }).__orgsim.tick);

export async function waitTick(page: Page, atLeast: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as { __orgsim: { tick: number } }).__orgsim.tick >= n, atLeast, {
    timeout,
  });
}
