/**
 * Stopping long work cleanly: Ctrl-C (SIGINT) or SIGTERM (a scheduler's notice) aborts the work's signal, so
 * it stops handing out runs and terminates its workers; what was saved stays, and the same command resumes.
 * A second signal exits at once (saved files are whole: they are written atomically).
 */

/** 128 + SIGINT, what a shell reports for a program stopped by Ctrl-C (used for SIGTERM too). */
export const EXIT_INTERRUPTED = 130;

export async function interruptible<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ result: T; interrupted: NodeJS.Signals | null }> {
  const controller = new AbortController();
  let interrupted: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (interrupted) {
      process.stderr.write(
        `\norgsim: stopped (${signal}); finished runs are kept; run the same command again to resume\n`,
      );
      process.exit(EXIT_INTERRUPTED);
    }
    interrupted = signal;
    controller.abort();
  };
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    const result = await work(controller.signal);
    return { result, interrupted };
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
