/** How busy the machine is with other work, sampled over a short idle wait: timings read low when it is. */
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Run `fn` and say what share of all cores other processes used meanwhile (ours, worker threads included, is
 * subtracted).
 */
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

/**
 * CPU time (ms) of this process and all its descendants (Chromium's processes, whose threads run the web workers), from
 * /proc; undefined elsewhere.
 */
function treeCpuMs(): Map<number, number> | undefined {
  try {
    const parent = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), ((Number(f[11]) + Number(f[12])) * 1000) / 100); // utime + stime, at USER_HZ = 100
    }
    const out = new Map<number, number>();
    const mine = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++)
        if (p === process.pid) return true;
      return false;
    };
    for (const [pid, ms] of cpu) if (mine(pid)) out.set(pid, ms);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Run `fn`; also the share of all cores that processes other than this one and its descendants used meanwhile (NaN
 * without /proc).
 */
export async function meterOthersAndChildren<T>(fn: () => Promise<T>): Promise<{ result: T; others: number }> {
  const tree0 = treeCpuMs();
  const m0 = totals();
  const result = await fn();
  const m1 = totals();
  const tree1 = treeCpuMs();
  if (!tree0 || !tree1) return { result, others: NaN };
  let own = 0;
  for (const [pid, ms] of tree1) own += ms - (tree0.get(pid) ?? 0);
  const all = m1.all - m0.all;
  return { result, others: all > 0 ? Math.max(0, (m1.busy - m0.busy - own) / all) : 0 };
}

/** CPU time (ms) of this process's main thread alone (worker threads apart), from /proc; undefined elsewhere. */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  } catch {
    return undefined;
  }
}
