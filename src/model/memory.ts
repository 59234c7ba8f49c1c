/** What a run will need, before it allocates anything (the CLI and the page refuse runs that would not fit). */
import type { Scenario } from '../scenario/schema.ts';

/**
 * Bytes a run needs at its peak (the world, the simulation's state, the garbage of building them, and the
 * series), estimated before allocating anything. The costs per item are measured, not summed from the
 * typed arrays: the peak RSS of one run over the process's RSS before it, fitted at 20,000 to 1,000,000
 * employees and up to 800,000 customers (test/memory-estimate.test.ts checks it stays within 20% at three
 * sizes). Update them when the world's layout changes.
 */
export function estimateMemory(s: Scenario, seriesCount: number): number {
  const employees = s.organization.employees;
  const customers = s.external.customers;
  const topics = Math.max(1, Math.round((employees * s.organization.topicsPerThousand) / 1000));
  const slots = 1 + s.communities.maxDuplicates;
  const memberships = employees + customers + employees * s.organization.interestsPerEmployee * slots;
  const groups = employees / s.organization.teamSize + topics * slots + 1;
  const PER_EMPLOYEE = 230;
  const PER_CUSTOMER = 185;
  const PER_MEMBERSHIP = 12.5;
  const PER_GROUP = 400;
  /** Compiled code and heap growth of a first run, whatever its size. */
  const FIXED = 18 * 2 ** 20;
  return (
    employees * PER_EMPLOYEE +
    customers * PER_CUSTOMER +
    memberships * PER_MEMBERSHIP +
    groups * PER_GROUP +
    s.ticks * seriesCount * 8 +
    FIXED
  );
}
