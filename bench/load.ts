/** How busy the machine is with other work, sampled over a short idle wait: timings read low when it is. */
import { cpus } from 'node:os';

function totals(): { busy: number; all: number } {
  let busy = 0;
  let all = 0;
  for (const c of cpus()) {
    const t = c.times;
    busy += t.user + t.nice + t.sys + t.irq;
    all += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, all };
}

/** Fraction of all cores busy during the next `ms` milliseconds, while this process sleeps. */
export async function otherLoad(ms = 1000): Promise<number> {
  const a = totals();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = totals();
  return b.all > a.all ? (b.busy - a.busy) / (b.all - a.all) : 0;
}

/** Run `fn` and say what share of all cores other processes used meanwhile (ours, worker threads included, is subtracted). */
export async function meterOthers<T>(fn: () => Promise<T>): Promise<{ result: T; others: number }> {
  const a = totals();
  const own0 = process.cpuUsage();
  const result = await fn();
  const own = process.cpuUsage(own0);
  const b = totals();
  const ownMs = (own.user + own.system) / 1000;
  const all = b.all - a.all;
  return { result, others: all > 0 ? Math.max(0, (b.busy - a.busy - ownMs) / all) : 0 };
}
