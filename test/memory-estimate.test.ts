/**
 * The memory estimate that refuses oversized runs (src/model/world.ts, estimateMemory) is within 20% of the
 * peak memory a run adds to its process, at three sizes (issue 11: at 2 M employees a run measured 44% above
 * the old estimate). Each size runs 2 ticks in a fresh process: what the world and the state need does not
 * depend on the horizon, and the series' share is exact arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./memory/child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const exec = promisify(execFile);

async function measure(scenario: object): Promise<{ measured: number; estimate: number }> {
  const { stdout } = await exec(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, JSON.stringify(scenario)], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('estimateMemory', () => {
  for (const employees of [100_000, 300_000, 600_000]) {
    it(`is within 20% of the measured peak at ${employees.toLocaleString('en-US')} employees`, async () => {
      const { measured, estimate } = await measure({ organization: { employees }, external: { customers: 400 }, ticks: 2 });
      const mb = (x: number) => `${Math.round(x / 2 ** 20)} MB`;
      expect(Math.abs(estimate - measured) / measured, `estimate ${mb(estimate)}, measured ${mb(measured)}`).toBeLessThanOrEqual(0.2);
    });
  }
});
