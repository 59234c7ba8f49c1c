/**
 * `npx tsx bench/alloc.ts [size] [warm] [ticks]`: where the model allocates during steady ticks (issue 13: no
 * scavenge in steady ticks). V8's sampling heap profiler, counting objects already collected, over `ticks`
 * ticks after `warm` (default enterprise-100k, 30, 100), after a warm-up run of mid in the same process; prints
 * the 15 largest allocation sites with the three frames above each.
 */
import { Session } from 'node:inspector/promises';
import { loadSize, type SizeName } from './sizes.ts';
import { Simulation } from '../src/model/simulation.ts';
const [name = 'enterprise-100k', warmArg = '30', ticksArg = '100'] = process.argv.slice(2);
const warm = Number(warmArg);
const { scenario } = loadSize(name as SizeName, warm + Number(ticksArg));
{
  const w = new Simulation(loadSize('mid', 50).scenario, 1);
  w.run();
}
const sim = new Simulation(scenario, scenario.seed + 2);
sim.run(warm);
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 64,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
sim.run();
const { profile } = await session.post('HeapProfiler.stopSampling');
type Node = {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
};
const rows: [number, string][] = [];
const walk = (n: Node, path: string[]) => {
  const here =
    `${n.callFrame.functionName || '(anon)'} ` +
    `${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  if (n.selfSize > 0) rows.push([n.selfSize, [...path.slice(-3), here].join(' < ')]);
  for (const c of n.children) walk(c, [...path, here]);
};
walk(profile.head as Node, []);
rows.sort((a, b) => b[0] - a[0]);
for (const [size, where] of rows.slice(0, 15)) console.log((size / 1024).toFixed(0).padStart(8), 'kB', where);
