/**
 * The memory estimate that refuses oversized runs (src/model/world.ts, estimateMemory) holds what a run keeps,
 * at three sizes: it is never below V8's count of the memory a finished run keeps live (heap and typed arrays,
 * after a full collection), and the run's own share of it is large (the rest is the transient garbage and
 * the compiled code of a first run, which the estimate adds on purpose). Each size runs 2 ticks in a fresh
 * process (test/memory/child.ts): what the world and the state need does not depend on the horizon.
 *
 * V8's live count does not depend on when garbage is collected nor on the machine's load (measured: within 1%
 * from run to run). The peak RSS does (issue 22: 49 MB measured once against an estimate of 62 MB, under
 * parallel load), so its comparison with the estimate (target: within 20%) is in `npm run bench`
 * (bench/memory.ts), as medians of fresh processes. Issue 11's finding (an estimate 44% below the peak at 2 M
 * employees) would fail here too: the live memory alone is about 90% of the peak at large sizes.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./memory/child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const exec = promisify(execFile);

async function measure(scenario: object): Promise<{ live: number; estimate: number }> {
  const { stdout } = await exec(
    process.execPath,
    ['--expose-gc', '--single-threaded-gc', '--import', 'tsx', CHILD, JSON.stringify(scenario)],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('estimateMemory', () => {
  for (const employees of [100_000, 300_000, 600_000]) {
    it(`covers what a run keeps live at ${employees.toLocaleString('en-US')} employees, and not \
twice over`, async () => {
      const { live, estimate } = await measure({ organization: { employees }, external: { customers: 400 }, ticks: 2 });
      const mb = (x: number) => `${Math.round(x / 2 ** 20)} MB`;
      const why = `estimate ${mb(estimate)}, live ${mb(live)}`;
      expect(live, why).toBeGreaterThan(0);
      expect(estimate, why).toBeGreaterThanOrEqual(live);
      expect(live / estimate, why).toBeGreaterThanOrEqual(0.5);
    });
  }
});
