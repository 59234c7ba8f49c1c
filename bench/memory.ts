/**
 * The memory estimate that refuses oversized runs (src/model/world.ts, estimateMemory) against the peak RSS a
 * run adds to a fresh process (test/memory/child.ts), at three sizes: the median of several children, and its
 * ratio to the estimate (target: within 20%). A peak RSS depends on when garbage is collected and returned to
 * the system, which a busy machine changes, so it is measured here, not in `npm test`; the test checks the
 * estimate against V8's own count of what a run keeps live, which does not move (test/memory-estimate.test.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './measure.ts';
import { fmt, table } from './table.ts';

const CHILD = fileURLToPath(new URL('../test/memory/child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
export const MEMORY_SIZES = [100_000, 300_000, 600_000];

interface Measure {
  measured: number;
  live: number;
  estimate: number;
}

async function once(employees: number): Promise<Measure> {
  const scenario = JSON.stringify({ organization: { employees }, external: { customers: 400 }, ticks: 2 });
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--single-threaded-gc', '--import', 'tsx', CHILD, scenario],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

export async function benchMemory(quick: boolean): Promise<void> {
  const children = quick ? 1 : 5;
  const rows: string[][] = [];
  let worst = 0;
  for (const employees of MEMORY_SIZES) {
    const ms: Measure[] = [];
    for (let k = 0; k < children; k++) ms.push(await once(employees));
    const peak = median(ms.map((m) => m.measured));
    const estimate = ms[0]!.estimate;
    worst = Math.max(worst, Math.abs(estimate - peak) / peak);
    rows.push([
      employees.toLocaleString('en-US'),
      fmt.mb(estimate),
      fmt.mb(peak),
      `${fmt.mb(Math.min(...ms.map((m) => m.measured)))} - ${fmt.mb(Math.max(...ms.map((m) => m.measured)))}`,
      fmt.mb(median(ms.map((m) => m.live))),
      (estimate / peak).toFixed(2),
    ]);
  }
  const title =
    `Memory estimate against the peak RSS a run adds (median of ${children} fresh ` +
    `process${children > 1 ? 'es' : ''}, 2 ticks)`;
  const header = ['employees', 'estimate', 'peak', 'range', 'live after', 'estimate / peak'];
  process.stdout.write(`${table(title, header, rows)}\n`);
  process.stdout.write(
    `largest gap between the estimate and the median peak: ${(worst * 100).toFixed(0)}% (target <= 20%): ` +
      `${fmt.pass(worst <= 0.2)}\n`,
  );
}
