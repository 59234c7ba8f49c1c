/**
 * One config for the web app (npm start / build / preview) and for vitest. Unit tests and browser tests are
 * two projects; the browser tests run after the unit tests (groupOrder), one file at a time, so that their
 * responsiveness measurements do not compete with the claims suite for the CPU.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';
import { shippedPlugin } from './viz/build/shipped-plugin.ts';

/**
 * The browser tests drive Debian's Chromium (test/browser/page.ts: CHROMIUM_PATH, else /usr/bin/chromium).
 * Without it they are left out with one line saying how to get them, rather than failing with
 * "executable doesn't exist"; in CI (.ci/run installs it) they always run.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = existsSync(CHROMIUM) || !!process.env.CI;
// Said once: vitest reads this file more than once (and its workers inherit the environment).
if (!browserTests && process.argv.some((a) => a.includes('vitest')) && !process.env.ORGSIM_BROWSER_SKIP_SAID) {
  process.env.ORGSIM_BROWSER_SKIP_SAID = '1';
  process.stderr.write(
    `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
  );
}

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of any static server, offline.
  base: './',
  plugins: [shippedPlugin()],
  server: { host: '127.0.0.1', port: 5173, open: false },
  preview: { host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  // The live page, and the workshop's two pages (orgsim serve): the shared screen and the phones'.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { input: { main: 'index.html', room: 'room.html', join: 'join.html' } },
  },
  test: {
    // dist-node/, what bin/orgsim.mjs runs, built from the sources under test (test/build.global.ts).
    globalSetup: ['test/build.global.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/browser/**'],
          sequence: { groupOrder: 0 },
        },
      },
      ...(browserTests
        ? [
            {
              extends: true,
              test: {
                name: 'browser',
                include: ['test/browser/**/*.test.ts'],
                fileParallelism: false,
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
    ],
  },
} as never);
