/**
 * Running the runs of an experiment that are not done yet, on every core, each saved as its part the
 * moment it finishes. Ctrl-C (SIGINT) or SIGTERM stops handing out runs and terminates the workers; the
 * parts already written stay, so the same command picks up from there.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import type { Manifest } from '../src/research/manifest.ts';
import { pointOf, replicateOf } from '../src/research/runs.ts';
import { runJobs } from '../workers/pool.ts';
import { isLong, progressBar } from './progress.ts';
import { makePart, writePart } from './sweep-parts.ts';
import { interruptible } from './interrupt.ts';

export { EXIT_INTERRUPTED } from './interrupt.ts';

export interface Execution {
  /** Runs finished (and saved) in this call. */
  finished: number;
  /** The signal that stopped the runs, if one did. */
  interrupted: NodeJS.Signals | null;
}

/** Runs `pending` (run indices) into `dir`. */
export async function execute(
  dir: string,
  m: Manifest,
  pending: readonly number[],
  workers: number,
  pointScenario: (p: number) => Scenario,
  label: string,
): Promise<Execution> {
  const base = m.validatedScenario as Scenario;
  const bar = progressBar(label, pending.length, isLong(pending.length, base.organization.employees, base.ticks));
  let finished = 0;
  try {
    const { interrupted } = await interruptible((signal) =>
      runJobs(
        pending.length,
        (k) => ({
          scenario: pointScenario(pointOf(pending[k]!, m.runsPerPoint)),
          seed: m.seeds[replicateOf(pending[k]!, m.runsPerPoint)]!,
        }),
        {
          workers,
          signal,
          onResult: (k, out) => {
            writePart(dir, makePart(m, pending[k]!, out));
            bar.update(++finished);
          },
        },
      ),
    );
    return { finished, interrupted };
  } finally {
    bar.stop();
  }
}
