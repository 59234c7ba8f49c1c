/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). Sizes: scenarios and runs over the memory or
 * output limits.
 */
import type { HostileCase } from './cases.ts';
import { json, tiny } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// Sizes ---------------------------------------------------------------------------------------------------
add({
  id: 'size: 2,000,000 employees over the memory limit',
  finding: 10,
  files: { 'a.json': json({ organization: { employees: 2_000_000 } }) },
  args: ['run', '@a.json', '--workers', '1'],
  expect: /organization\.employees = 2000000 needs about .* of memory for one run; the limit is 500 MB/,
  env: { ORGSIM_MAX_MEMORY_MB: '500' },
});
add({
  id: 'size: 100,000 ticks x 100,000 runs',
  finding: 0,
  files: { 'a.json': tiny({ ticks: 100_000 }) },
  args: ['run', '@a.json', '--runs', '100000', '--out', '@x.csv'],
  expect: /keeping the series of 100000 runs|the CSV would have/,
});

export const SIZE_CASES: readonly HostileCase[] = cases;
