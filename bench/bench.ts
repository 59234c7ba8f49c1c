/**
 * `npm run bench [-- --quick]`: how fast and how big the model runs, printed as tables. Every time is given as the
 * main thread's CPU time (bench/cpu.ts) beside the wall time: the machine is shared, and CPU time is what a busy
 * machine inflates least.
 *
 * - throughput on one core per reference size (membership-decisions/s, employee-ticks/s, ns per decision),
 *   medians over repeated runs in one process, so the JIT is warm;
 * - each size in a fresh child process: cold build + run of a full run and peak RSS, against the targets for
 *   enterprise-100k (two years in < 8 s of CPU on one core, < 1 GB);
 * - cost per decision from 1,000 to 400,000 employees (bench/speed.ts);
 * - the decision loop beside its peers (bench/peers.ts: the bare kernel, plain objects, flocc), with the ratios;
 * - no re-warming (30 short runs in one process) and no scavenge in steady ticks;
 * - 32 runs of mid on 1 worker and on 2 threads of the process's pool (workers/pool.ts), started once and reused;
 * - sweep runs per minute and calibration simulations per minute on 1 and 2 workers (bench/sweep.ts,
 *   bench/calibrate.ts);
 * - validation time against input size: 500 to 10,000 interventions (target: 10,000 in under 1 s) and
 *   100 derived metrics (bench/validation.ts);
 * - the memory estimate against the peak RSS a run adds to a fresh process, at three sizes (bench/memory.ts);
 * - the workshop server's message latency (p50/p99) with 60 participants on loopback (bench/room.ts);
 * - the web page: start-up, playing mid, and the compare view on 1 and 2 web workers (also `npm run bench:web`).
 * `--quick` is a smoke run: fewer repeats, shorter runs, enterprise-100k for a few ticks only (its targets are
 * then estimated, and marked so). Speed measures of the model that need a fresh process are in
 * bench/child-speed.ts; bench/fingerprint.ts checks that a speed change left every number alone.
 */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChildReport } from './child.ts';
import { benchSweep, BENCH_SWEEP } from './sweep.ts';
import { benchCalibrate, BENCH_CALIBRATION } from './calibrate.ts';
import { median } from './measure.ts';
import { SIZES, type SizeName } from './sizes.ts';
import { fmt, table } from './table.ts';
import { cpuClock } from './cpu.ts';
import {
  benchCurve,
  benchGc,
  benchPeers,
  benchRewarm,
  benchWorkers,
  renderCurve,
  renderGc,
  renderPeers,
  renderRewarm,
  renderWorkers,
  TARGETS as SPEED,
} from './speed.ts';
import { otherLoad } from './load.ts';
import { benchCompareWeb } from './compare-web.ts';
import { benchPageWeb } from './page-web.ts';
import { benchValidation } from './validation.ts';
import { benchRoom } from './room.ts';
import { benchMemory } from './memory.ts';

const quick = process.argv.includes('--quick');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const TARGET = { enterpriseCpuMs: SPEED.enterpriseMs, enterpriseBytes: 2 ** 30 };

/** Per size: in-process repeats (one child), or fresh children of one run each (the big one). */
const PLAN: Record<SizeName, { children: number; runs: number; ticks?: number }> = quick
  ? {
      small: { children: 1, runs: 5 },
      mid: { children: 1, runs: 3 },
      'enterprise-100k': { children: 1, runs: 1, ticks: 25 },
    }
  : { small: { children: 1, runs: 15 }, mid: { children: 1, runs: 7 }, 'enterprise-100k': { children: 3, runs: 1 } };

const run = promisify(execFile);

async function child(size: SizeName, runs: number, ticks?: number): Promise<{ report: ChildReport; wallMs: number }> {
  const args = ['--import', 'tsx', CHILD, size, String(runs), ...(ticks ? [String(ticks)] : [])];
  const t0 = performance.now();
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
  return { report: JSON.parse(stdout.trim().split('\n').pop()!) as ChildReport, wallMs: performance.now() - t0 };
}

interface SizeResult {
  size: SizeName;
  ticks: number;
  employees: number;
  decisions: number;
  runMs: number;
  /** Main-thread CPU time of a run (median). */
  runCpuMs: number;
  buildMs: number;
  /** Build + run of the first run of a fresh process (median over children), wall and main-thread CPU. */
  coldMs: number;
  coldCpuMs: number;
  processMs: number;
  peakRss: number;
  samples: number;
}

async function measureSize(size: SizeName): Promise<SizeResult> {
  const plan = PLAN[size];
  const reports: { report: ChildReport; wallMs: number }[] = [];
  for (let c = 0; c < plan.children; c++) reports.push(await child(size, plan.runs, plan.ticks));
  const runs = reports.flatMap((r) => r.report.runs);
  const first = reports.map((r) => r.report.runs[0]!);
  process.stderr.write(`  ${size}: ${runs.length} run(s) from ${reports[0]!.report.source}\n`);
  return {
    size,
    ticks: runs[0]!.ticks,
    employees: runs[0]!.employees,
    decisions: runs[0]!.decisions,
    runMs: median(runs.map((r) => r.runMs)),
    runCpuMs: median(runs.map((r) => r.runCpuMs)),
    buildMs: median(runs.map((r) => r.buildMs)),
    coldMs: median(first.map((r) => r.buildMs + r.runMs)),
    coldCpuMs: median(first.map((r) => r.buildCpuMs + r.runCpuMs)),
    processMs: median(reports.map((r) => r.wallMs)),
    peakRss: Math.max(...reports.map((r) => r.report.peakRssFirst)),
    samples: runs.length,
  };
}

async function reportLoad(when: string): Promise<void> {
  const busy = await otherLoad();
  process.stdout.write(
    `other work on the CPU ${when} the bench: ${(busy * 100).toFixed(0)}% of all ` +
      `cores${busy > 0.15 ? ' (busy machine: timings and the 2-worker speed-up read low)' : ''}\n`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  process.stdout.write(
    `orgsim bench${quick ? ' (--quick: smoke run, not figures to quote)' : ''}: node ${process.version}, ` +
      `${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores; times: ${cpuClock()} beside wall time\n`,
  );
  await reportLoad('before');
  process.stderr.write('measuring sizes (one fresh process each)...\n');
  const sizes: SizeResult[] = [];
  for (const size of SIZES) sizes.push(await measureSize(size));
  process.stderr.write('cost per decision from 1k to 400k employees...\n');
  const curve = await benchCurve(quick);
  process.stderr.write('peers...\n');
  const peers = await benchPeers(SIZES);
  process.stderr.write('re-warming and garbage collection...\n');
  const rewarm = await benchRewarm(quick);
  const gcs = await benchGc(quick);
  process.stderr.write('workers, 1 vs 2...\n');
  const workers = await benchWorkers(quick);
  process.stderr.write('sweep, 1 vs 2 workers...\n');
  const sweeps = quick ? [] : [await benchSweep(1), await benchSweep(2)];
  process.stderr.write('calibration, 1 vs 2 workers...\n');
  const calibrations = [await benchCalibrate(1, quick), await benchCalibrate(2, quick)];

  const cpuNs = (s: SizeResult) => (s.runCpuMs * 1e6) / s.decisions;
  const wallNs = (s: SizeResult) => (s.runMs * 1e6) / s.decisions;
  process.stdout.write(
    table(
      'Throughput on one core (median over runs in one process, so the JIT is warm; model time only, world ' +
        'building apart)',
      [
        'size',
        'employees',
        'ticks',
        'runs',
        'decisions/tick',
        'run (CPU)',
        'run (wall)',
        'decisions/s (CPU)',
        'employee-ticks/s (CPU)',
        'ns/decision (CPU)',
        'ns/decision (wall)',
      ],
      sizes.map((s) => [
        s.size,
        s.employees.toLocaleString('en'),
        String(s.ticks),
        String(s.samples),
        fmt.si(s.decisions / s.ticks),
        fmt.ms(s.runCpuMs),
        fmt.ms(s.runMs),
        fmt.si(s.decisions / (s.runCpuMs / 1000)),
        fmt.si((s.employees * s.ticks) / (s.runCpuMs / 1000)),
        cpuNs(s).toFixed(1),
        wallNs(s).toFixed(1),
      ]),
    ),
  );
  process.stdout.write('\n');

  const ent = sizes.find((s) => s.size === 'enterprise-100k')!;
  const partial = ent.ticks < 500;
  // In --quick the big size runs a few ticks: scale its run time to two years, and say it is an estimate.
  const entCpu = partial ? ent.coldCpuMs + (ent.runCpuMs * (500 - ent.ticks)) / ent.ticks : ent.coldCpuMs;
  const entWall = partial ? ent.coldMs + (ent.runMs * (500 - ent.ticks)) / ent.ticks : ent.coldMs;
  process.stdout.write(
    table(
      'Fresh process per size (first run: cold JIT; peak RSS of the whole process)',
      ['size', 'ticks', 'build world', 'build + run (CPU)', 'build + run (wall)', 'process wall', 'peak RSS'],
      sizes.map((s) => [
        s.size,
        String(s.ticks),
        fmt.ms(s.buildMs),
        fmt.ms(s.coldCpuMs),
        fmt.ms(s.coldMs),
        fmt.ms(s.processMs),
        fmt.mb(s.peakRss),
      ]),
    ),
  );
  process.stdout.write(
    `\nenterprise-100k, 2 years (500 ticks) on one core, world building included: ` +
      `${partial ? `estimated from ${ent.ticks} ticks: ` : ''}${fmt.ms(entCpu)} of CPU (${fmt.ms(entWall)} ` +
      `wall) (target < ${TARGET.enterpriseCpuMs / 1000} s): ${fmt.pass(entCpu < TARGET.enterpriseCpuMs)}; ` +
      `peak RSS ${fmt.mb(ent.peakRss)}${partial ? ` after ${ent.ticks} ticks` : ''} (target < 1 GB): ` +
      `${fmt.pass(ent.peakRss < TARGET.enterpriseBytes)}\n`,
  );
  process.stdout.write(renderCurve(curve));
  process.stdout.write(renderPeers(peers, Object.fromEntries(sizes.map((s) => [s.size, cpuNs(s)]))));
  process.stdout.write(renderRewarm(rewarm));
  process.stdout.write(renderGc(gcs));
  process.stdout.write(renderWorkers(workers));
  if (sweeps.length) {
    process.stdout.write(
      table(
        `Sweep: orgsim sweep of ${BENCH_SWEEP.scenario}, ${BENCH_SWEEP.params.join(' ')}, ` +
          `${BENCH_SWEEP.runsPerPoint} runs per point, ${BENCH_SWEEP.ticks} ticks (end to end, parts and ` +
          `runs.csv written)`,
        ['workers', 'runs/minute', 'speed-up'],
        sweeps.map((r, k) => [
          String(k + 1),
          r.runsPerMinute.toFixed(0),
          `${(r.runsPerMinute / sweeps[0]!.runsPerMinute).toFixed(2)}x`,
        ]),
      ),
    );
  }
  {
    const b = BENCH_CALIBRATION;
    const perMinute = (r: (typeof calibrations)[number]) => r.simulations / (r.wallMs / 60_000);
    process.stdout.write(
      table(
        `Calibration: orgsim calibrate of ${b.scenario} at ${quick ? 60 : b.ticks} ticks, 2 parameters, 4 ` +
          `targets (3 on the activity trace), ${b.generations} generations of ${quick ? 4 : b.particles} ` +
          `particles (keep ${b.keep}), ${b.runs} runs per proposal (end to end: ` +
          `${calibrations[0]!.simulations} simulations)`,
        ['workers', 'simulations/minute', 'wall', 'main-thread CPU', 'process CPU', 'speed-up'],
        calibrations.map((r, k) => [
          String(k + 1),
          perMinute(r).toFixed(0),
          fmt.ms(r.wallMs),
          r.mainCpuMs === undefined ? 'n/a' : fmt.ms(r.mainCpuMs),
          fmt.ms(r.processCpuMs),
          `${(perMinute(r) / perMinute(calibrations[0]!)).toFixed(2)}x`,
        ]),
      ),
    );
    process.stdout.write(
      '\n(with 2 workers the runs are on worker threads: the main thread only hands them out, saves their ' +
        'statistics and weighs the populations)\n',
    );
  }
  const validation = benchValidation(quick ? 1 : 3);
  process.stdout.write(
    table(
      'Validation (loadScenario: parse, schema, interventions in tick order, metrics tried on a synthetic run)',
      ['scenario', 'size', 'time'],
      validation.map((v) => [v.what, `${(v.bytes / 1024).toFixed(0)} kB`, fmt.ms(v.ms)]),
    ),
  );
  const tenThousand = validation.find((v) => v.what.startsWith('10,000'))!;
  process.stdout.write(`
10,000 interventions validated in ${fmt.ms(tenThousand.ms)} (target < 1 s): ${fmt.pass(tenThousand.ms < 1000)}\n`);
  // The memory estimate that refuses oversized runs, against the peak RSS of fresh processes.
  await benchMemory(quick);
  // The workshop server's message latency with 60 participants (orgsim serve).
  await benchRoom(quick);
  // Last: the web page's compare view in Chromium, 1 vs 2 web workers (skipped, in one line, without Chromium).
  await benchPageWeb(quick ? 2 : 5);
  await benchCompareWeb(quick ? { runs: 4, repeats: 1 } : {});
  process.stdout.write(`\nbench took ${fmt.ms(performance.now() - started)}\n`);
  await reportLoad('after');
}

await main();
