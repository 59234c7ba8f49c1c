/**
 * One run in a fresh process, for test/memory-estimate.test.ts: prints the peak RSS the run added to the
 * process (its maxRSS at the end over its RSS just before, after a full GC) and estimateMemory's figure.
 * `node --expose-gc --import tsx test/memory/child.ts '<scenario JSON>'`
 */
import { validate } from '../../src/scenario/load.ts';
import { Simulation } from '../../src/model/simulation.ts';
import { estimateMemory } from '../../src/model/world.ts';
import { SERIES } from '../../src/metrics/series.ts';

const scenario = validate(JSON.parse(process.argv[2]!));
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
new Simulation(scenario, scenario.seed).run();
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ measured: peak - before, estimate: estimateMemory(scenario, SERIES.length) })}\n`);
