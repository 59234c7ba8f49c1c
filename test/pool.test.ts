import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { validate } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runEnsemble, runJobs, runMeasureJobs, ThreadPool } from '../workers/pool.ts';
import { runScenario } from '../src/run.ts';
import { SERIES, SERIES_INDEX } from '../src/metrics/series.ts';
import type { SimApi } from '../workers/api.ts';

const small = validate({ organization: { employees: 200 }, external: { customers: 100 }, ticks: 60 });
const seeds = [11, 7, 2024, 3, 99];

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('runEnsemble', () => {
  it('gives bit-identical series, in seed order, with 1 and 2 workers', async () => {
    const progress: number[] = [];
    const one = await runEnsemble(small, seeds, { workers: 1 });
    const two = await runEnsemble(small, seeds, {
      workers: 2,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(one.map((r) => r.seed)).toEqual(seeds);
    expect(two.map((r) => r.seed)).toEqual(seeds);
    for (let i = 0; i < seeds.length; i++) {
      expect(two[i]!.series).toHaveLength(SERIES.length);
      for (let k = 0; k < SERIES.length; k++) {
        expect(two[i]!.series[k]).toBeInstanceOf(Float64Array);
        expect(bytes(two[i]!.series[k]!).equals(bytes(one[i]!.series[k]!))).toBe(true);
      }
    }
    // Different seeds really give different runs (so "in order" means something).
    expect(two[0]!.series[SERIES_INDEX.valueCum!]![59]).not.toBe(two[1]!.series[SERIES_INDEX.valueCum!]![59]);
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('matches a direct run of the seed', async () => {
    const [r] = await runEnsemble(small, [5], { workers: 2 });
    const direct = runScenario(small, 5);
    for (let k = 0; k < SERIES.length; k++) expect(bytes(r!.series[k]!).equals(bytes(direct.series[k]!))).toBe(true);
  });

  it('brings derived metrics back from the workers', async () => {
    const withMetrics = validate({
      organization: { employees: 200 },
      external: { customers: 100 },
      ticks: 60,
      metrics: { roi: 'valueCum / costCum' },
    });
    const [one] = await runEnsemble(withMetrics, [8], { workers: 1 });
    const [a, b] = await runEnsemble(withMetrics, [8, 9], { workers: 2 });
    expect(a!.derived.roi).toBeInstanceOf(Float64Array);
    expect(bytes(a!.derived.roi!).equals(bytes(one!.derived.roi!))).toBe(true);
    expect(a!.derived.roi![59]).toBe(a!.series[SERIES_INDEX.valueCum!]![59]! / a!.series[SERIES_INDEX.costCum!]![59]!);
    expect(b!.derived.roi).toHaveLength(60);
  });

  it('returns nothing for no seeds', async () => {
    expect(await runEnsemble(small, [], { workers: 2 })).toEqual([]);
  });

  it('rejects with a message naming the run when a worker throws', async () => {
    const broken = { ...small, organization: undefined } as unknown as Scenario;
    await expect(runEnsemble(broken, [1, 2, 3], { workers: 2 })).rejects.toThrow(
      /run \d \(seed \d\) failed in a worker: .+/,
    );
  });
});

describe('ThreadPool', () => {
  it('starts its threads once and reuses them across ensembles, sweeps and calibration runs', async () => {
    const pool = new ThreadPool();
    try {
      const first = await runEnsemble(small, seeds.slice(0, 3), { workers: 2, pool });
      const ids = pool.threadIds;
      expect(ids).toHaveLength(2);
      let jobs = 0;
      await runJobs(3, (i) => ({ scenario: small, seed: seeds[i]! }), { workers: 2, pool, onResult: () => jobs++ });
      const stats: Float64Array[] = [];
      await runMeasureJobs(
        2,
        (i) => ({ scenario: small, seed: seeds[i]!, requests: [{ statistic: 'mean:activeShare', from: 0, to: 60 }] }),
        {
          workers: 2,
          pool,
          onResult: (i, values) => (stats[i] = values),
        },
      );
      expect(jobs).toBe(3);
      expect(stats.every((v) => v.length === 1 && Number.isFinite(v[0]!))).toBe(true);
      expect(pool.threadIds).toEqual(ids);
      // The reused threads give the numbers of a fresh run.
      expect(
        bytes(first[2]!.series[SERIES_INDEX.valueCum!]!).equals(
          bytes(runScenario(small, seeds[2]!).series[SERIES_INDEX.valueCum!]!),
        ),
      ).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('terminates its threads when a batch fails, and starts fresh ones for the next', async () => {
    const pool = new ThreadPool();
    try {
      await runEnsemble(small, [1, 2], { workers: 2, pool });
      const before = pool.threadIds;
      const broken = { ...small, organization: undefined } as unknown as Scenario;
      await expect(runEnsemble(broken, [1, 2, 3], { workers: 2, pool })).rejects.toThrow(/failed in a worker/);
      expect(pool.size).toBe(0);
      const [r] = await runEnsemble(small, [5, 6], { workers: 2, pool });
      expect(r!.seed).toBe(5);
      expect(pool.threadIds.some((id) => before.includes(id))).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('does not keep a process alive once its work is done', async () => {
    // A child process runs an ensemble on 2 threads of the shared pool and must end by itself.
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-pool-'));
    const script = join(dir, 'ensemble.mts');
    const root = new URL('..', import.meta.url);
    writeFileSync(
      script,
      `import { runEnsemble, sharedPool } from ${JSON.stringify(new URL('workers/pool.ts', root).href)};
      import { validate } from ${JSON.stringify(new URL('src/scenario/load.ts', root).href)};
      const out = await runEnsemble(validate({ organization: { employees: 100 }, external: { customers: 0 }, ticks: ` +
        `5 }), [1, 2, 3], { workers: 2 });
      console.log(out.length, sharedPool().size);`,
    );
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
        cwd: fileURLToPath(root),
      });
      expect(stdout.trim()).toBe('3 2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('worker API over a thread', () => {
  const worker = new Worker(new URL('../workers/node-worker.mjs', import.meta.url));
  const sim = wrap<SimApi>(nodeEndpoint(worker));
  afterAll(() => worker.terminate());

  it('streams frames that add up to the full run, and applies interventions', async () => {
    const full = runScenario(small, 4);
    const id = await sim.open(small, 4);
    const a = await sim.advance(id, 25);
    const b = await sim.advance(id, 100);
    expect([a.from, a.to, a.done, b.from, b.to, b.done]).toEqual([0, 25, false, 25, 60, true]);
    expect(a.series).toHaveLength(SERIES.length);
    for (let k = 0; k < SERIES.length; k++) {
      // The views share one transferred buffer.
      expect(b.series[k]!.buffer).toBe(b.data.buffer);
      const joined = Float64Array.from([...a.series[k]!, ...b.series[k]!]);
      expect(bytes(joined).equals(bytes(full.series[k]!))).toBe(true);
    }
    await sim.close(id);
    await expect(sim.advance(id, 1)).rejects.toThrow(/no open simulation/);
  });

  it('refuses an intervention on an unknown or fixed parameter', async () => {
    const id = await sim.open(small, 1);
    await expect(sim.intervene(id, { 'smm.cont': 2 }, 'x')).rejects.toThrow(
      /unknown parameter "smm.cont"; did you mean "smm.count"/,
    );
    await expect(sim.intervene(id, { 'organization.employees': 10 }, 'x')).rejects.toThrow(
      /cannot change during a run/,
    );
    await sim.intervene(id, { 'smm.count': 2 }, 'hire');
    expect((await sim.advance(id, 3)).series[SERIES_INDEX.smmCount!]![2]).toBe(2);
    await sim.close(id);
  });
});
