/**
 * `npm run bench:web`: the page in real Chromium on the production build: start-up time, time to first
 * data and long tasks while playing (bench/page-web.ts), then the compare view's speed on 1 and 2 workers
 * and its long tasks while comparing (bench/compare-web.ts). `--quick` for a short smoke run.
 */
import { benchPageWeb } from './page-web.ts';
import { benchCompareWeb } from './compare-web.ts';

const quick = process.argv.includes('--quick');
try {
  await benchPageWeb(quick ? 2 : 5);
  await benchCompareWeb(quick ? { runs: 4, repeats: 1 } : {});
} catch (e) {
  process.stderr.write(`\nbench:web FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
}
