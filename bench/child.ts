/**
 * One size in a fresh process, so its peak RSS is its own: `node --import tsx bench/child.ts <size> <runs> [ticks]`.
 * Prints one JSON line: every run's timing, and the peak RSS after the first (cold) run and at the end.
 */
import { SIZES, loadSize, type SizeName } from './sizes.ts';
import { timeRun, type RunTiming } from './measure.ts';

export interface ChildReport {
  size: SizeName;
  source: string;
  runs: RunTiming[];
  /** process.resourceUsage().maxRSS after the first run, in bytes. */
  peakRssFirst: number;
  peakRssEnd: number;
}

const [name, runsArg, ticksArg] = process.argv.slice(2);
if (!SIZES.includes(name as SizeName))
  throw new Error(`bench/child.ts: unknown size ${name}; expected ${SIZES.join(', ')}`);
const { scenario, source } = loadSize(name as SizeName, ticksArg ? Number(ticksArg) : undefined);
const runs: RunTiming[] = [];
let peakRssFirst = 0;
for (let r = 0; r < Math.max(1, Number(runsArg ?? 1)); r++) {
  runs.push(timeRun(scenario));
  if (r === 0) peakRssFirst = process.resourceUsage().maxRSS * 1024;
}
const report: ChildReport = {
  size: name as SizeName,
  source,
  runs,
  peakRssFirst,
  peakRssEnd: process.resourceUsage().maxRSS * 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
