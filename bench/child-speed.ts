/**
 * The speed measures that need a fresh process each, one JSON line on stdout:
 *
 *   node --import tsx bench/child-speed.ts curve <employees> <ticks> <runs>   cost per decision at one size
 *   node --import tsx bench/child-speed.ts peers <size>                       orgsim's decisions beside its peers
 *   node --import tsx bench/child-speed.ts rewarm <size> <ticks> <runs>       run after run in one process
 *   node --import tsx bench/child-speed.ts gc <size> <ticks> [warm]           collections during steady ticks
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { atSize } from '../src/scenario/scale.ts';
import { Simulation } from '../src/model/simulation.ts';
import { exp } from '../src/math.ts';
import { loadSize, SIZES, type SizeName } from './sizes.ts';
import { countDecisions, timeRun } from './measure.ts';
import { bareKernel, floccPeer, orgsimDecisions, plainObjects, setup, timePeer, type PeerTiming } from './peers.ts';
import { cpuMs } from './cpu.ts';

export interface CurveReport {
  employees: number;
  ticks: number;
  /** Per run: main-thread CPU ms of the run (world building apart), wall ms, decisions. */
  runs: { cpuMs: number; wallMs: number; decisions: number }[];
}

export interface PeersReport {
  size: SizeName;
  decisionsPerPass: number;
  peers: PeerTiming[];
}

export interface RewarmReport {
  size: SizeName;
  ticks: number;
  /** Main-thread CPU ms of each run (world building included: a user waits for both). */
  cpuMs: number[];
  wallMs: number[];
}

export interface GcReport {
  size: SizeName;
  /** Steady ticks counted, after `warm` ticks left out. */
  ticks: number;
  warm: number;
  /** Collections during the steady ticks. */
  scavenges: number;
  markCompacts: number;
  /** Collections (of any kind) while the world was built and during the warm ticks, for comparison. */
  buildScavenges: number;
  warmScavenges: number;
}

function size(name: string | undefined): SizeName {
  if (!SIZES.includes(name as SizeName))
    throw new Error(`bench/child-speed.ts: unknown size ${name}; expected ${SIZES.join(', ')}`);
  return name as SizeName;
}

function curve(employees: number, ticks: number, runs: number): CurveReport {
  const base = loadSize('mid').scenario;
  const scenario = { ...atSize(base, employees), ticks };
  const out: CurveReport['runs'] = [];
  for (let r = 0; r < runs; r++) {
    const t = timeRun(scenario, scenario.seed + r);
    out.push({ cpuMs: t.runCpuMs, wallMs: t.runMs, decisions: t.decisions });
  }
  return { employees, ticks, runs: out };
}

function peers(name: SizeName): PeersReport {
  const s = setup(loadSize(name).scenario);
  // Every peer is built from the world before any of them runs (orgsim's own decisions change it).
  const list = [
    bareKernel(s),
    bareKernel(s, exp),
    plainObjects(s),
    ...(name === 'enterprise-100k' ? [] : [floccPeer(s)]),
    orgsimDecisions(s),
  ];
  const big = name === 'enterprise-100k';
  return {
    size: name,
    decisionsPerPass: s.decisions,
    peers: list.map((p) => timePeer(p, big ? 3 : 5, 2, big ? 400 : 150)),
  };
}

function rewarm(name: SizeName, ticks: number, runs: number): RewarmReport {
  const { scenario } = loadSize(name, ticks);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    new Simulation(scenario, scenario.seed + r).run();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { size: name, ticks, cpuMs: cpu, wallMs: wall };
}

/**
 * Collections during steady ticks: a warm-up run of the same scenario in this process, then a second run whose
 * first `warm` ticks are left out (V8 compiles the phases meanwhile); its next `ticks` ticks are counted.
 */
async function gc(name: SizeName, ticks: number, warm: number): Promise<GcReport> {
  const { scenario } = loadSize(name, warm + ticks);
  new Simulation(scenario, scenario.seed + 1).run(warm + ticks);
  const entries: { start: number; kind: number | undefined }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      entries.push({ start: e.startTime, kind: (e as unknown as { detail?: { kind?: number } }).detail?.kind });
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  const sim = new Simulation(scenario, scenario.seed + 2);
  const t1 = performance.now();
  sim.run(warm);
  const t2 = performance.now();
  sim.run();
  const t3 = performance.now();
  // Entries arrive after the synchronous run: wait for them, then count each by when it started.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  if (countDecisions(sim.series, sim.ticks) === 0) throw new Error('no decisions');
  const during = (from: number, to: number) => entries.filter((e) => e.start >= from && e.start < to);
  const steady = during(t2, t3);
  return {
    size: name,
    ticks,
    warm,
    scavenges: steady.filter((e) => e.kind === constants.NODE_PERFORMANCE_GC_MINOR).length,
    markCompacts: steady.filter((e) => e.kind !== constants.NODE_PERFORMANCE_GC_MINOR).length,
    buildScavenges: during(t0, t1).length,
    warmScavenges: during(t1, t2).length,
  };
}

const [task, a, b, c] = process.argv.slice(2);
const report =
  task === 'curve'
    ? curve(Number(a), Number(b), Number(c))
    : task === 'peers'
      ? peers(size(a))
      : task === 'rewarm'
        ? rewarm(size(a), Number(b), Number(c))
        : task === 'gc'
          ? await gc(size(a), Number(b), Number(c ?? 20))
          : (() => {
              throw new Error(`bench/child-speed.ts: unknown task ${task}`);
            })();
process.stdout.write(`${JSON.stringify(report)}\n`);
