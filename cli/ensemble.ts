/** What `run` and `compare` share: their options, the overrides they imply, and running replications. */
import { availableParallelism } from 'node:os';
import type { Scenario } from '../src/scenario/schema.ts';
import type { RunOutput } from '../src/run.ts';
import { runEnsemble } from '../workers/pool.ts';
import { wholeNumber } from './args.ts';
import { isLong, progressBar } from './progress.ts';

export const ENSEMBLE_OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  ticks: { type: 'string' },
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const MAX_RUNS = 100_000;

/**
 * --set first, then --ticks and --seed, which win over a --set of the same field. They go through the
 * scenario loader so that the schema checks them like any other value.
 */
export function overrides(values: { set?: string[]; ticks?: string; seed?: string }): string[] {
  return [
    ...(values.set ?? []),
    ...(values.ticks !== undefined ? [`ticks=${values.ticks}`] : []),
    ...(values.seed !== undefined ? [`seed=${values.seed}`] : []),
  ];
}

/** Where each of overrides() comes from, for the message that refuses it: --set, --ticks or --seed. */
export function overrideLabels(values: { set?: string[]; ticks?: string; seed?: string }): string[] {
  return [
    ...(values.set ?? []).map(() => '--set'),
    ...(values.ticks !== undefined ? ['--ticks'] : []),
    ...(values.seed !== undefined ? ['--seed'] : []),
  ];
}

export function workerCount(command: string, text: string | undefined): number {
  return wholeNumber(command, 'workers', text, 1, 1024) ?? availableParallelism();
}

/** A progress bar over every run of every scenario, for long work only. */
export function ensembleProgress(label: string, scenarios: readonly Scenario[], runs: number) {
  const long = scenarios.some((s) => isLong(runs * scenarios.length, s.organization.employees, s.ticks));
  const bar = progressBar(label, runs * scenarios.length, long);
  let offset = 0;
  return {
    /** Run one scenario's replications, counting them on the shared bar. */
    async run(scenario: Scenario, seeds: readonly number[], workers: number, agents = false): Promise<RunOutput[]> {
      const base = offset;
      const out = await runEnsemble(scenario, seeds, {
        workers,
        agents,
        onProgress: (done) => bar.update(base + done),
      });
      offset += seeds.length;
      return out;
    },
    stop: () => bar.stop(),
  };
}
