/**
 * CPU time of this thread, in milliseconds: what a busy machine does not inflate the way it inflates wall time.
 * On Linux from /proc/thread-self/schedstat (the scheduler's run time of this thread alone: not the compiler's
 * or the garbage collector's helper threads, not worker threads); it advances at the scheduler's tick (a few
 * milliseconds), so time intervals of at least ~100 ms. Elsewhere, the process's user + system time.
 */
import { readFileSync } from 'node:fs';

let schedstat = true;

export function cpuMs(): number {
  if (schedstat) {
    try {
      return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
    } catch {
      schedstat = false;
    }
  }
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Which clock cpuMs reads, for the bench's header. */
export function cpuClock(): string {
  cpuMs();
  return schedstat ? 'main-thread CPU time (/proc/thread-self/schedstat)' : 'process CPU time (process.cpuUsage)';
}
