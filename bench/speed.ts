/**
 * The speed figures of issue 13, each measured in a fresh process (bench/child-speed.ts) or, for worker threads,
 * in this one; every time in main-thread CPU time (bench/cpu.ts) beside wall time, because the machine is shared.
 *
 * - cost per decision from 1,000 to 400,000 employees (mid's organization at each size, scale.ts: atSize);
 * - orgsim's decisions beside its peers (bench/peers.ts: the bare kernel, plain objects, flocc) at small, mid and
 *   enterprise-100k;
 * - no re-warming: 30 short runs of mid in one process;
 * - no scavenge during steady ticks;
 * - 32 runs of mid on one worker (this thread) and on two worker threads of the process's pool.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runEnsemble, sharedPool } from '../workers/pool.ts';
import { seedList } from '../src/rng.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import type { CurveReport, GcReport, PeersReport, RewarmReport } from './child-speed.ts';
import { cpuMs } from './cpu.ts';
import { meterOthers } from './load.ts';
import { loadSize, type SizeName } from './sizes.ts';
import { fmt, table } from './table.ts';
import { median } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child-speed.ts', import.meta.url));
const run = promisify(execFile);

export const TARGETS = {
  flatness: 1.2,
  plainRatio: 3,
  floccRatio: 20,
  bareShare: 0.8,
  rewarm: 0.1,
  speedup: 1.8,
  enterpriseMs: 8000,
};

async function child<T>(...args: (string | number)[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args.map(String)], {
    cwd: ROOT,
    maxBuffer: 1 << 22,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

const ratio = (x: number) => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}x`;

// --- Cost per decision from 1k to 400k ---------------------------------------------------------------------

export interface CurvePoint {
  employees: number;
  ticks: number;
  decisionsPerTick: number;
  cpuNs: number;
  wallNs: number;
}

/** One fresh process per size; the last of its runs is measured (the first ones warm V8 up). */
export async function benchCurve(quick: boolean): Promise<CurvePoint[]> {
  const plan: [number, number, number][] = quick
    ? [
        [1000, 60, 3],
        [5000, 40, 2],
        [20_000, 20, 2],
        [100_000, 10, 2],
        [400_000, 5, 1],
      ]
    : [
        [1000, 200, 4],
        [5000, 150, 3],
        [20_000, 100, 3],
        [100_000, 60, 2],
        [400_000, 40, 2],
      ];
  const out: CurvePoint[] = [];
  for (const [employees, ticks, runs] of plan) {
    process.stderr.write(`  cost per decision at ${employees.toLocaleString('en')} employees...\n`);
    const r = await child<CurveReport>('curve', employees, ticks, runs);
    const last = r.runs[r.runs.length - 1]!;
    out.push({
      employees,
      ticks,
      decisionsPerTick: last.decisions / ticks,
      cpuNs: (last.cpuMs * 1e6) / last.decisions,
      wallNs: (last.wallMs * 1e6) / last.decisions,
    });
  }
  return out;
}

export function renderCurve(points: CurvePoint[]): string {
  const min = Math.min(...points.map((p) => p.cpuNs));
  const spread = Math.max(...points.map((p) => p.cpuNs)) / min;
  return (
    table(
      "Cost per decision from 1,000 to 400,000 employees (mid's organization at each size; whole ticks, " +
        'world building apart; one fresh process each, its last run)',
      ['employees', 'ticks', 'decisions/tick', 'ns/decision (CPU)', 'ns/decision (wall)', 'vs cheapest'],
      points.map((p) => [
        p.employees.toLocaleString('en'),
        String(p.ticks),
        fmt.si(p.decisionsPerTick),
        p.cpuNs.toFixed(1),
        p.wallNs.toFixed(1),
        ratio(p.cpuNs / min),
      ]),
    ) +
    `\ncost per decision, dearest / cheapest size: ${spread.toFixed(2)}x (target <= ${TARGETS.flatness}x): ` +
    `${fmt.pass(spread <= TARGETS.flatness)}\n`
  );
}

// --- Peers ---------------------------------------------------------------------------------------------------

export async function benchPeers(sizes: readonly SizeName[]): Promise<PeersReport[]> {
  const out: PeersReport[] = [];
  for (const size of sizes) {
    process.stderr.write(`  peers at ${size}...\n`);
    out.push(await child<PeersReport>('peers', size));
  }
  return out;
}

/**
 * `wholeTickNs`: orgsim's whole tick per decision at each size (CPU), from the throughput table, so that the
 * peers (decision loop only) are also set against everything orgsim does in a tick.
 */
export function renderPeers(reports: PeersReport[], wholeTickNs: Partial<Record<SizeName, number>>): string {
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const r of reports) {
    const by = Object.fromEntries(r.peers.map((p) => [p.name, p]));
    const orgsim = by['orgsim decision phase']!;
    const whole = wholeTickNs[r.size];
    for (const p of r.peers)
      rows.push([
        r.size,
        p.name,
        p.cpuNs.toFixed(1),
        p.wallNs.toFixed(1),
        ratio(p.cpuNs / orgsim.cpuNs),
        whole ? ratio(p.cpuNs / whole) : 'n/a',
      ]);
    if (whole) rows.push([r.size, 'orgsim whole tick', whole.toFixed(1), '', ratio(whole / orgsim.cpuNs), '1.00x']);
    const plain = by['plain objects']!.cpuNs;
    const bare = by['bare kernel (Math.exp)']!.cpuNs;
    const bareOwn = by['bare kernel (orgsim exp)']!.cpuNs;
    const flocc = by['flocc 0.7']?.cpuNs ?? NaN;
    const floccTarget = ` (target >= ${TARGETS.floccRatio}x): ${fmt.pass(flocc / orgsim.cpuNs >= TARGETS.floccRatio)}`;
    lines.push(
      `${r.size}: orgsim / plain objects = ${ratio(plain / orgsim.cpuNs)} on the decision ` +
        `phase${whole ? `, ${ratio(plain / whole)} on whole ticks` : ''} (target >= ${TARGETS.plainRatio}x): ` +
        `${fmt.pass(plain / orgsim.cpuNs >= TARGETS.plainRatio)}` +
        (by['flocc 0.7']
          ? `; orgsim / flocc = ${ratio(flocc / orgsim.cpuNs)}` +
            `${whole ? ` (${ratio(flocc / whole)} on whole ticks)` : ''}${r.size === 'mid' ? floccTarget : ''}`
          : '') +
        `; orgsim / bare kernel = ${ratio(bare / orgsim.cpuNs)} (with orgsim's exp: ` +
        `${ratio(bareOwn / orgsim.cpuNs)})${whole ? `, ${ratio(bare / whole)} on whole ticks` : ''}` +
        (r.size !== 'small'
          ? ` (target >= ${TARGETS.bareShare}x): ${fmt.pass(bare / orgsim.cpuNs >= TARGETS.bareShare)}`
          : ''),
    );
  }
  return (
    table(
      'The decision loop beside its peers, on the same organization (bench/peers.ts; ns per decision, ' +
        'medians of samples of >= 150 ms CPU; "vs" columns: the peer\'s cost over orgsim\'s, so above 1x ' +
        'orgsim is faster)',
      ['size', 'implementation', 'ns/decision (CPU)', 'ns (wall)', 'vs orgsim decisions', 'vs orgsim whole tick'],
      rows,
    ) +
    `\n${lines.join('\n')}\n(the peers decide only: no terms, value, joining or recording. The bare kernel ` +
    `and plain objects use Math.exp, which orgsim cannot: it must give the same bits in every engine, ` +
    `src/math.ts.)\n`
  );
}

// --- No re-warming --------------------------------------------------------------------------------------------

export async function benchRewarm(quick: boolean): Promise<RewarmReport> {
  process.stderr.write('  30 short runs in one process...\n');
  return child<RewarmReport>('rewarm', 'mid', quick ? 50 : 100, quick ? 12 : 30);
}

export function renderRewarm(r: RewarmReport): string {
  // Judged on wall time (microseconds; the bench is meant for a quiet machine and says how busy it was), CPU time
  // beside it (the kernel's per-thread clock advances in steps of a few milliseconds: +-10% of a 40 ms run).
  const runs = r.wallMs;
  const first = runs[1]!;
  const later = runs.slice(2);
  const med = median(later);
  const within = later.filter((x) => Math.abs(x / first - 1) <= TARGETS.rewarm).length;
  const ok = Math.abs(med / first - 1) <= TARGETS.rewarm && within >= 0.9 * later.length;
  // Re-warming would show as later runs slower than the settled ones: the first run within 10% of the median of
  // the second half, and the slowest run after it.
  const settledMedian = median(runs.slice(runs.length >> 1));
  const settled = runs.findIndex((x, i) => i > 0 && x <= settledMedian * (1 + TARGETS.rewarm));
  const after = runs.slice(settled);
  const slowest = Math.max(...after);
  const steady = after.filter((x) => Math.abs(x / settledMedian - 1) <= TARGETS.rewarm).length;
  return (
    `\nNo re-warming: ${runs.length} runs of ${r.size} (${r.ticks} ticks) in one process, each from a new ` +
    `Simulation (world building included)\n` +
    `  wall ms: ${runs.map((x) => x.toFixed(0)).join(' ')}\n` +
    `  CPU ms:  ${r.cpuMs.map((x) => x.toFixed(0)).join(' ')}\n` +
    `  1st (cold) ${runs[0]!.toFixed(0)} ms; 2nd (first warm) ${first.toFixed(0)} ms; 3rd to last: median ` +
    `${med.toFixed(0)} ms (${ratio(med / first)} the 2nd), ` +
    `${within} of ${later.length} within ${TARGETS.rewarm * 100}% of the 2nd (target: median within 10% and ` +
    `90% of the runs): ${fmt.pass(ok)}\n` +
    `  settled from run ${settled + 1} (median of the second half ${settledMedian.toFixed(0)} ms): ${steady} ` +
    `of ${after.length} runs from there within ${TARGETS.rewarm * 100}% of it, ` +
    `slowest ${ratio(slowest / settledMedian)} (a run slower than the ones before it would be re-warming)\n`
  );
}

// --- No scavenge in steady state ------------------------------------------------------------------------------

export async function benchGc(quick: boolean): Promise<GcReport[]> {
  process.stderr.write('  garbage collections in steady ticks...\n');
  return [
    await child<GcReport>('gc', 'mid', quick ? 100 : 400, 100),
    await child<GcReport>('gc', 'enterprise-100k', quick ? 30 : 100, 30),
  ];
}

export function renderGc(reports: GcReport[]): string {
  return (
    table(
      'Garbage collection during steady ticks (PerformanceObserver("gc"); after a warm-up run in the process ' +
        'and the first ticks of the measured one)',
      [
        'size',
        'steady ticks',
        'scavenges',
        'mark-compacts',
        'target 0',
        'while building the world',
        'during the first ticks',
      ],
      reports.map((r) => [
        r.size,
        `${r.ticks} (after ${r.warm})`,
        String(r.scavenges),
        String(r.markCompacts),
        fmt.pass(r.scavenges === 0),
        String(r.buildScavenges),
        String(r.warmScavenges),
      ]),
    ) + '\n'
  );
}

// --- Workers ---------------------------------------------------------------------------------------------------

export interface WorkersResult {
  runs: number;
  ticks: number;
  oneMs: number;
  oneCpuMs: number;
  twoMs: number;
  twoCpuMs: number;
  /** The first batch on two fresh threads (their start and warm-up included). */
  coldTwoMs: number;
  identical: boolean;
  others: number;
}

/**
 * `runs` runs of mid on one worker (this thread, warmed by a run first) and on two threads of the process's pool
 * (started and warmed by a first batch, timed apart as the cold figure).
 */
export async function benchWorkers(quick: boolean): Promise<WorkersResult> {
  const runs = quick ? 8 : 32;
  const ticks = quick ? 100 : 500;
  const { scenario } = loadSize('mid', ticks);
  const seeds = seedList(scenario.seed, runs);
  process.stderr.write(`  ${runs} runs of mid on 1 worker and on 2...\n`);
  await runEnsemble(scenario, seedList(7, 1), { workers: 1 });
  const { result, others } = await meterOthers(async () => {
    const c0 = cpuMs();
    const t0 = performance.now();
    const one = await runEnsemble(scenario, seeds, { workers: 1 });
    const t1 = performance.now();
    const c1 = cpuMs();
    await sharedPool().close();
    const t2 = performance.now();
    await runEnsemble(scenario, seedList(11, 4), { workers: 2 });
    const t3 = performance.now();
    const c3 = cpuMs();
    const two = await runEnsemble(scenario, seeds, { workers: 2 });
    const t4 = performance.now();
    const c4 = cpuMs();
    const k = SERIES_INDEX.valueCum!;
    return {
      runs,
      ticks,
      oneMs: t1 - t0,
      oneCpuMs: c1 - c0,
      twoMs: t4 - t3,
      twoCpuMs: c4 - c3,
      coldTwoMs: t3 - t2,
      identical: one.every((r, i) => r.series[k]![ticks - 1] === two[i]!.series[k]![ticks - 1]),
    };
  });
  return { ...result, others };
}

export function renderWorkers(r: WorkersResult): string {
  const speedup = r.oneMs / r.twoMs;
  return (
    table(
      `Worker threads: ${r.runs} runs of mid (${r.ticks} ticks), one worker (this thread) vs two threads of ` +
        `the process's pool, started once and reused`,
      ['workers', 'wall', 'main-thread CPU', 'runs/s', 'speed-up'],
      [
        ['1', fmt.ms(r.oneMs), fmt.ms(r.oneCpuMs), (r.runs / (r.oneMs / 1000)).toFixed(2), '1.00x'],
        ['2', fmt.ms(r.twoMs), fmt.ms(r.twoCpuMs), (r.runs / (r.twoMs / 1000)).toFixed(2), ratio(speedup)],
      ],
    ) +
    `\n2 workers over 1: ${ratio(speedup)} (target >= ${TARGETS.speedup}x on a quiet machine): ` +
    `${fmt.pass(speedup >= TARGETS.speedup)}; same numbers: ${r.identical ? 'yes' : 'NO'}; ` +
    `the pool's first batch (4 runs, its 2 threads started and warmed): ${fmt.ms(r.coldTwoMs)}; ` +
    `other processes used ${(r.others * 100).toFixed(0)}% of all cores ` +
    `meanwhile${r.others > 0.1 ? ' (busy machine: the speed-up reads low)' : ''}\n` +
    '(with 2 workers the main thread only hands out runs and gathers their series: its CPU time is the overhead)\n'
  );
}
