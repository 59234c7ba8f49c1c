/**
 * `npm run bench [-- --quick]`: how fast and how big the model runs, printed as tables.
 *
 * - throughput on one core per reference size (membership-decisions/s, employee-ticks/s, ns per decision),
 *   medians over repeated runs in one process, so the JIT is warm;
 * - each size in a fresh child process: cold wall time of a full run and peak RSS, against the targets
 *   for enterprise-100k (two years in < 30 s and < 1 GB);
 * - a bare loop (reads, one exp, one Alea draw) as the floor a decision can cost;
 * - the speed-up of an 8-run ensemble on 2 workers over 1: on mid (short runs, where starting a thread weighs)
 *   and, in a full bench, on a heavier load where that start-up is amortized.
 * - calibration throughput (simulations per minute of orgsim calibrate on mid, 1 and 2 workers, with the main
 *   thread's CPU time beside the wall time), bench/calibrate.ts;
 * - validation time against input size: 500 to 10,000 interventions (target: 10,000 in under 1 s) and
 *   100 derived metrics (bench/validation.ts);
 * - the compare view of the web page in Chromium: 4 scenarios x 30 runs of mid on 1 and 2 web workers
 *   (bench/compare-web.ts, also `npm run bench:web` alone).
 * `--quick` is a smoke run: fewer repeats and enterprise-100k for a few ticks only (its targets are then
 * estimated, and marked so).
 */
import { execFile } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bareLoop } from './bare-loop.ts';
import type { ChildReport } from './child.ts';
import { measureEnsemble } from './ensemble.ts';
import { benchSweep, BENCH_SWEEP } from './sweep.ts';
import { benchCalibrate, BENCH_CALIBRATION } from './calibrate.ts';
import { median } from './measure.ts';
import { loadSize, SIZES, type SizeName } from './sizes.ts';
import { fmt, table } from './table.ts';
import { meterOthers, otherLoad } from './load.ts';
import { benchCompareWeb } from './compare-web.ts';
import { benchPageWeb } from './page-web.ts';
import { benchValidation } from './validation.ts';

const quick = process.argv.includes('--quick');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const TARGET = { enterpriseMs: 30_000, enterpriseBytes: 2 ** 30, decisionsPerSecond: 10e6, flatness: 1.25 };

/** Per size: in-process repeats (one child), or fresh children of one run each (the big one). */
const PLAN: Record<SizeName, { children: number; runs: number; ticks?: number }> = quick
  ? { small: { children: 1, runs: 5 }, mid: { children: 1, runs: 3 }, 'enterprise-100k': { children: 1, runs: 1, ticks: 25 } }
  : { small: { children: 1, runs: 15 }, mid: { children: 1, runs: 7 }, 'enterprise-100k': { children: 3, runs: 1 } };

/** Ensembles of 8 runs timed with 1 and 2 workers: size and ticks. */
const ENSEMBLES: [SizeName, number][] = quick ? [['mid', 100]] : [['mid', 500], ['enterprise-100k', 50]];

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
  buildMs: number;
  /** Build + run of the first run of a fresh process (median over children). */
  coldMs: number;
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
    buildMs: median(runs.map((r) => r.buildMs)),
    coldMs: median(first.map((r) => r.buildMs + r.runMs)),
    processMs: median(reports.map((r) => r.wallMs)),
    peakRss: Math.max(...reports.map((r) => r.report.peakRssFirst)),
    samples: runs.length,
  };
}

function measureBareLoop(): number {
  const repeats = quick ? 1 : 3;
  const rates: number[] = [];
  bareLoop(100_000, 10_000, 2); // warm the JIT
  for (let r = 0; r < repeats; r++) {
    const { iterations, ms } = bareLoop(1_000_000, 120_000, quick ? 4 : 20);
    rates.push(iterations / (ms / 1000));
  }
  return median(rates);
}

async function reportLoad(when: string): Promise<void> {
  const busy = await otherLoad();
  process.stdout.write(`other work on the CPU ${when} the bench: ${(busy * 100).toFixed(0)}% of all cores${busy > 0.15 ? ' (busy machine: timings and the 2-worker speed-up read low)' : ''}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  process.stdout.write(`orgsim bench${quick ? ' (--quick: smoke run, not figures to quote)' : ''}: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores\n`);
  await reportLoad('before');
  process.stderr.write('measuring sizes (one fresh process each)...\n');
  const sizes: SizeResult[] = [];
  for (const size of SIZES) sizes.push(await measureSize(size));
  process.stderr.write('bare loop...\n');
  const bare = measureBareLoop();
  process.stderr.write('ensemble, 1 vs 2 workers...\n');
  // mid as asked (short runs: start-up weighs), and, in a full bench, a heavier load where it is amortized.
  const ensembles = [];
  for (const [size, ticks] of ENSEMBLES) ensembles.push(await meterOthers(() => measureEnsemble(size, 8, ticks)));
  process.stderr.write('sweep, 1 vs 2 workers...\n');
  const sweeps = quick ? [] : [await benchSweep(1), await benchSweep(2)];
  process.stderr.write('calibration, 1 vs 2 workers...\n');
  const calibrations = [await benchCalibrate(1, quick), await benchCalibrate(2, quick)];

  const nsPer = (s: SizeResult) => (s.runMs * 1e6) / s.decisions;
  const nsMin = Math.min(...sizes.map(nsPer));
  process.stdout.write(table(
    'Throughput on one core (median over runs; model time only, world building apart)',
    ['size', 'employees', 'ticks', 'runs', 'decisions/tick', 'run', 'decisions/s', 'employee-ticks/s', 'ns/decision', 'vs fastest'],
    sizes.map((s) => [
      s.size, s.employees.toLocaleString('en'), String(s.ticks), String(s.samples), fmt.si(s.decisions / s.ticks), fmt.ms(s.runMs),
      fmt.si(s.decisions / (s.runMs / 1000)), fmt.si((s.employees * s.ticks) / (s.runMs / 1000)), nsPer(s).toFixed(1), `${(nsPer(s) / nsMin).toFixed(2)}x`,
    ]),
  ));
  const spread = Math.max(...sizes.map(nsPer)) / nsMin;
  process.stdout.write(`\nns per decision, slowest / fastest size: ${spread.toFixed(2)}x (target <= ${TARGET.flatness}x): ${fmt.pass(spread <= TARGET.flatness)}\n`);

  const ent = sizes.find((s) => s.size === 'enterprise-100k')!;
  const partial = ent.ticks < 500;
  // In --quick the big size runs a few ticks: scale its run time to two years, and say it is an estimate.
  const entMs = partial ? ent.buildMs + (ent.runMs * 500) / ent.ticks : ent.coldMs;
  process.stdout.write(table(
    'Fresh process per size (first run: cold JIT; peak RSS of the whole process)',
    ['size', 'ticks', 'build world', 'build + run', 'process wall', 'peak RSS'],
    sizes.map((s) => [s.size, String(s.ticks), fmt.ms(s.buildMs), fmt.ms(s.coldMs), fmt.ms(s.processMs), fmt.mb(s.peakRss)]),
  ));
  process.stdout.write(
    `\nenterprise-100k, 2 years (500 ticks): ${partial ? `estimated from ${ent.ticks} ticks: ` : ''}${fmt.ms(entMs)} (target < 30 s): ${fmt.pass(entMs < TARGET.enterpriseMs)}; ` +
      `peak RSS ${fmt.mb(ent.peakRss)}${partial ? ` after ${ent.ticks} ticks` : ''} (target < 1 GB): ${fmt.pass(ent.peakRss < TARGET.enterpriseBytes)}\n`,
  );

  process.stdout.write(table(
    'Against the bare loop (typed-array reads + one Math.exp + one Alea draw per iteration)',
    ['loop', 'decisions/s', 'ns/decision', 'floor share', 'target >= 10 M/s'],
    [
      ['bare loop', fmt.si(bare), (1e9 / bare).toFixed(1), '100%', ''],
      ...sizes.map((s) => {
        const rate = s.decisions / (s.runMs / 1000);
        return [`model, ${s.size}`, fmt.si(rate), nsPer(s).toFixed(1), `${((1e9 / bare / nsPer(s)) * 100).toFixed(0)}%`, fmt.pass(rate >= TARGET.decisionsPerSecond)];
      }),
    ],
  ));
  process.stdout.write('\n(floor share: the part of a decision\'s time that the bare loop already spends)\n');

  for (const { result: ens, others } of ensembles) {
    process.stdout.write(table(
      `Ensemble: ${ens.runs} runs of ${ens.size} (${ens.ticks} ticks), runEnsemble with 1 worker (in-process) vs 2 worker threads`,
      ['workers', 'wall', 'runs/s', 'speed-up'],
      [
        ['1', fmt.ms(ens.oneMs), (ens.runs / (ens.oneMs / 1000)).toFixed(2), '1.00x'],
        ['2', fmt.ms(ens.twoMs), (ens.runs / (ens.twoMs / 1000)).toFixed(2), `${(ens.oneMs / ens.twoMs).toFixed(2)}x`],
      ],
    ));
    process.stdout.write(`\nsame results with 1 and 2 workers: ${ens.identical ? 'yes' : 'NO (did src/ change during the bench? workers load the sources when they start)'}; starting one worker thread (tsx + modules) takes ${fmt.ms(ens.workerStartMs)}\n`);
    process.stdout.write(`other processes used ${(others * 100).toFixed(0)}% of all cores during this measurement${others > 0.1 ? ': the 2-worker figure is not trustworthy, run the bench again on a quiet machine' : ''}\n`);
  }
  if (sweeps.length) {
    process.stdout.write(table(
      `Sweep: orgsim sweep of ${BENCH_SWEEP.scenario}, ${BENCH_SWEEP.params.join(' ')}, ${BENCH_SWEEP.runsPerPoint} runs per point, ${BENCH_SWEEP.ticks} ticks (end to end, parts and runs.csv written)`,
      ['workers', 'runs/minute', 'speed-up'],
      sweeps.map((r, k) => [String(k + 1), r.runsPerMinute.toFixed(0), `${(r.runsPerMinute / sweeps[0]!.runsPerMinute).toFixed(2)}x`]),
    ));
  }
  {
    const b = BENCH_CALIBRATION;
    const perMinute = (r: (typeof calibrations)[number]) => r.simulations / (r.wallMs / 60_000);
    process.stdout.write(table(
      `Calibration: orgsim calibrate of ${b.scenario} at ${quick ? 60 : b.ticks} ticks, 2 parameters, 4 targets (3 on the activity trace), ${b.generations} generations of ${quick ? 4 : b.particles} particles (keep ${b.keep}), ${b.runs} runs per proposal (end to end: ${calibrations[0]!.simulations} simulations)`,
      ['workers', 'simulations/minute', 'wall', 'main-thread CPU', 'process CPU', 'speed-up'],
      calibrations.map((r, k) => [
        String(k + 1), perMinute(r).toFixed(0), fmt.ms(r.wallMs), r.mainCpuMs === undefined ? 'n/a' : fmt.ms(r.mainCpuMs), fmt.ms(r.processCpuMs),
        `${(perMinute(r) / perMinute(calibrations[0]!)).toFixed(2)}x`,
      ]),
    ));
    process.stdout.write('\n(with 2 workers the runs are on worker threads: the main thread only hands them out, saves their statistics and weighs the populations)\n');
  }
  const validation = benchValidation(quick ? 1 : 3);
  process.stdout.write(table(
    'Validation (loadScenario: parse, schema, interventions in tick order, metrics tried on a synthetic run)',
    ['scenario', 'size', 'time'],
    validation.map((v) => [v.what, `${(v.bytes / 1024).toFixed(0)} kB`, fmt.ms(v.ms)]),
  ));
  const tenThousand = validation.find((v) => v.what.startsWith('10,000'))!;
  process.stdout.write(`
10,000 interventions validated in ${fmt.ms(tenThousand.ms)} (target < 1 s): ${fmt.pass(tenThousand.ms < 1000)}\n`);
  // Last: the web page's compare view in Chromium, 1 vs 2 web workers (skipped, in one line, without Chromium).
  await benchPageWeb(quick ? 2 : 5);
  await benchCompareWeb(quick ? { runs: 4, repeats: 1 } : {});
  process.stdout.write(`\nbench took ${fmt.ms(performance.now() - started)}\n`);
  await reportLoad('after');
}

await main();
