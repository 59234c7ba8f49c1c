/**
 * `npx tsx bench/kernel.ts <kernel.ts> <size> [warm] [ticks]`: one Simulation in this process, its decisions made by
 * the `decide` exported by <kernel.ts> (a copy of src/model/decide.ts beside it, to try a change on, or the file
 * itself); prints one JSON line: the decisions' time and the whole ticks' time over `ticks` ticks after `warm`, and the
 * decisions. <size>: a reference size (small, mid, enterprise-100k) or a number of employees (mid's organization at
 * that size). Compare two kernels in alternating fresh processes, several of each, and take medians: the spread between
 * processes is +-15% at 100,000 employees on a shared machine, and two Simulations side by side in one process double
 * the memory and overstate cache effects.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Simulation } from '../src/model/simulation.ts';
import { atSize } from '../src/scenario/scale.ts';
import { loadSize, SIZES, type SizeName } from './sizes.ts';
import { countDecisions } from './measure.ts';
import { DecisionScratch, decisionRule, type decide as Decide } from '../src/model/decide.ts';

const [file, sizeArg = 'mid', warmArg = '30', ticksArg = '100'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx bench/kernel.ts <kernel.ts> <size> [warm] [ticks]\n');
  process.exit(2);
}
const kernel = ((await import(pathToFileURL(resolve(file)).href)) as { decide: typeof Decide }).decide;
const warm = Number(warmArg);
const ticks = Number(ticksArg);
const base = (SIZES as readonly string[]).includes(sizeArg)
  ? loadSize(sizeArg as SizeName).scenario
  : atSize(loadSize('mid').scenario, Number(sizeArg));
const sim = new Simulation({ ...base, ticks: warm + ticks }, base.seed);
let decideMs = 0;
const scratch = new DecisionScratch();
// The kernel in place of the Simulation's own call (simulation.ts: decide), with the same arguments.
(sim as unknown as { decide(): void }).decide = function (this: Simulation) {
  const rng = (this as unknown as { decisions: { state: Float64Array } }).decisions.state;
  const t = performance.now();
  kernel(this.world, this.state.groups, rng, decisionRule(this.params), scratch);
  if (this.state.tick >= warm) decideMs += performance.now() - t;
};
sim.run(warm);
const t0 = performance.now();
sim.run();
const tickMs = performance.now() - t0;
const decisions = countDecisions(sim.series, sim.ticks) - countDecisions(sim.series, warm);
process.stdout.write(
  `${JSON.stringify({
    kernel: file,
    size: sizeArg,
    warm,
    ticks,
    decisions,
    decideMs: Math.round(decideMs),
    tickMs: Math.round(tickMs),
    decideNs: +((decideMs * 1e6) / decisions).toFixed(1),
    tickNs: +((tickMs * 1e6) / decisions).toFixed(1),
  })}\n`,
);
