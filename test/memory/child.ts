/**
 * One run in a fresh process, for test/memory-estimate.test.ts: prints the peak RSS the run added to the
 * process, what the run keeps live, and estimateMemory's figure.
 * `node --expose-gc --single-threaded-gc --import tsx test/memory/child.ts '<scenario JSON>'`
 *
 * Made robust to the timing of garbage collection, which a busy machine changes (issue 22: a peak of 49 MB
 * was once measured against 62 MB): with --single-threaded-gc, collections run on the main thread at the
 * points the allocations decide, not when background threads get a core; and the RSS before the run is the
 * lowest of several full collections a moment apart, so that memory freed but not yet returned to the system
 * is not counted as the baseline (which made the peak look smaller).
 *
 * - peak: maxRSS at the end over that baseline;
 * - live: V8's own count of what the finished run keeps (heap used + external memory, typed arrays
 *   included) after a full collection, over the same count before: exact, whatever the machine's load.
 */
import { validate } from '../../src/scenario/load.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { estimateMemory } from '../../src/model/world.ts';
import { SERIES } from '../../src/metrics/series.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const pause = () => new Promise((r) => setTimeout(r, 20));
const liveBytes = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

const scenario = validate(JSON.parse(process.argv[2]!));
let before = Infinity;
let liveBefore = Infinity;
for (let k = 0; k < 4; k++) {
  gc();
  await pause();
  before = Math.min(before, process.memoryUsage().rss);
  liveBefore = Math.min(liveBefore, liveBytes());
}
const sim = new Simulation(scenario, scenario.seed);
sim.run();
const peak = process.resourceUsage().maxRSS * 1024;
gc();
const live = liveBytes() - liveBefore;
const estimate = estimateMemory(scenario, SERIES.length);
process.stdout.write(`${JSON.stringify({ measured: peak - before, live, estimate, ticks: sim.tick })}\n`);
