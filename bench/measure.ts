/** Timing one run and counting its membership-decisions from the series it reports (no hot-loop probes). */
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { cpuMs } from './cpu.ts';

export interface RunTiming {
  buildMs: number;
  runMs: number;
  /** Main-thread CPU time of the build and of the run (bench/cpu.ts). */
  buildCpuMs: number;
  runCpuMs: number;
  ticks: number;
  employees: number;
  /** Joined memberships that decided, summed over ticks: contributors + readers + absent of every group kind. */
  decisions: number;
}

const DECISION_SERIES = ['contributors', 'readers', 'absent'].flatMap((m) =>
  ['team', 'open', 'external'].map((k) => SERIES_INDEX[`${m}_${k}`]!),
);

export function countDecisions(series: readonly Float64Array[], ticks: number): number {
  let n = 0;
  for (const k of DECISION_SERIES) for (let t = 0; t < ticks; t++) n += series[k]![t]!;
  return n;
}

export function timeRun(scenario: Scenario, seed = scenario.seed): RunTiming {
  const c0 = cpuMs();
  const t0 = performance.now();
  const sim = new Simulation(scenario, seed);
  const t1 = performance.now();
  const c1 = cpuMs();
  sim.run();
  const t2 = performance.now();
  const c2 = cpuMs();
  return {
    buildMs: t1 - t0,
    runMs: t2 - t1,
    buildCpuMs: c1 - c0,
    runCpuMs: c2 - c1,
    ticks: sim.ticks,
    employees: scenario.organization.employees,
    decisions: countDecisions(sim.series, sim.ticks),
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
