/**
 * A progress bar on stderr, only for a person watching: never when stderr is a file or a pipe, never in CI
 * (logs fill with redraws), and only when the work is long enough to wonder whether it is stuck.
 */
import cliProgress from 'cli-progress';
import { oneLine } from './terminal.ts';

export interface Progress {
  /** Completed `done` of `total` units of work. */
  update(done: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/** Long work: several runs, or one run of more than 5 million employee-ticks. */
export function isLong(runs: number, employees: number, ticks: number): boolean {
  return runs > 1 || employees * ticks > 5e6;
}

export function progressBar(label: string, total: number, long: boolean): Progress {
  if (!process.stderr.isTTY || process.env.CI || !long) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        `${oneLine(label).replace(/[{}]/g, '')} [{bar}] {value}/{total} runs | {duration_formatted} elapsed | ` +
        `eta {eta_formatted}`,
      hideCursor: false, // a hidden cursor would stay hidden after Ctrl-C
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
