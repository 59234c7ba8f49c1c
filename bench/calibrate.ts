/**
 * Calibration throughput for `npm run bench`: simulations per minute of `orgsim calibrate` on
 * scenarios/mid.json (2,000 employees, 1,000 customers), end to end as a user gets it (the target file
 * checked, worker threads started, every run's statistics computed in its worker and saved as its part,
 * populations and the final files written), with shorter runs (BENCH_CALIBRATION.ticks working days) so that
 * the bench stays quick. Beside the wall time: the CPU time of the main thread (which only hands out runs,
 * writes parts and computes populations when the runs are on worker threads) and of the whole process.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { mainThreadCpuMs } from './load.ts';

/** What is measured: 2 parameters, 4 targets over the last 100 days (3 need each employee's activity trace). */
export const BENCH_CALIBRATION = {
  scenario: 'mid',
  ticks: 250,
  particles: 8,
  keep: 0.5,
  generations: 2,
  runs: 2,
} as const;

export interface CalibrationBench {
  simulations: number;
  wallMs: number;
  mainCpuMs: number | undefined;
  processCpuMs: number;
}

/** Run `fn` with stdout and stderr swallowed (the command's own report is not the bench's). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

export async function benchCalibrate(workers: number, quick = false): Promise<CalibrationBench> {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-bench-calibrate-'));
  try {
    const b = BENCH_CALIBRATION;
    const ticks = quick ? 60 : b.ticks;
    const window = { from: -Math.min(100, Math.floor(ticks / 2)), to: 0 };
    writeFileSync(
      join(dir, 'targets.json'),
      JSON.stringify({
        name: 'bench',
        scenario: b.scenario,
        set: { ticks },
        runs: b.runs,
        parameters: [
          { path: 'behaviour.baseline', lo: -3, hi: 0 },
          { path: 'members.voiceSigma', lo: 0.5, hi: 2.5 },
        ],
        targets: [
          { statistic: 'activeOnce', window, band: [0.8, 0.85], source: 'bench' },
          { statistic: 'readOnlyShare', window, band: [0.5, 0.7], source: 'bench' },
          { statistic: 'openTop10', window, band: [0.5, 0.9], source: 'bench' },
          { statistic: 'dailyContributors', window, band: [0.02, 0.1], source: 'bench' },
        ],
        method: { particles: quick ? 4 : b.particles, generations: b.generations, keep: b.keep },
      }),
    );
    const main0 = mainThreadCpuMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const code = await quietly(() =>
      main(['calibrate', join(dir, 'targets.json'), '--out', join(dir, 'out'), '--workers', String(workers)]),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const main1 = mainThreadCpuMs();
    if (code !== 0) throw new Error(`bench/calibrate.ts: orgsim calibrate exited with ${code}`);
    const stages = readdirSync(join(dir, 'out')).filter((d) => d.startsWith('gen-') || d === 'final');
    const simulations = stages.reduce(
      (n, d) => n + readdirSync(join(dir, 'out', d, 'parts')).filter((f) => f.endsWith('.json')).length,
      0,
    );
    return {
      simulations,
      wallMs,
      mainCpuMs: main0 !== undefined && main1 !== undefined ? main1 - main0 : undefined,
      processCpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
