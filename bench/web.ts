/**
 * `npm run bench:web`: the page in real Chromium on the production build: start-up time, time to first
 * data and long tasks while playing (bench/page-web.ts), then the compare view's speed on 1 and 2 workers
 * and its long tasks while comparing (bench/compare-web.ts). `--quick` for a short smoke run; `--busy N` runs
 * N busy loops beside the start-up loads (the machine's load is printed beside the figures either way).
 */
import { benchPageWeb } from './page-web.ts';
import { benchCompareWeb } from './compare-web.ts';

const quick = process.argv.includes('--quick');
// `--busy N`: N busy loops beside the page's start-up, as on a machine with other work.
const at = process.argv.indexOf('--busy');
const busy = at > 0 ? Number(process.argv[at + 1]) : 0;
if (!Number.isInteger(busy) || busy < 0 || busy > 64) {
  process.stderr.write(`--busy = ${process.argv[at + 1]} is not allowed; expected a whole number from 0 to 64\n`);
  process.exit(2);
}
try {
  await benchPageWeb(quick ? 2 : 5, 4392, busy);
  await benchCompareWeb(quick ? { runs: 4, repeats: 1 } : {});
} catch (e) {
  process.stderr.write(`\nbench:web FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
