/**
 * Part of the hostile corpus (test/hostile/cases.ts, issue 11). The compare command: arms that cannot be compared.
 */
import type { HostileCase } from './cases.ts';
import { json, tiny } from './common.ts';

const cases: HostileCase[] = [];
const add = (c: HostileCase) => cases.push(c);

// 4. compare ----------------------------------------------------------------------------------------------
add({
  id: 'compare: different horizons',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 20 }), 'b.json': tiny({ ticks: 10 }) },
  args: ['compare', '@a.json', '@b.json', '--runs', '2'],
  expect:
    /scenario B \(.*b\.json\): ticks = 10, but A \(.*a\.json\) runs 20 ticks; compared scenarios need the same horizon/,
});
add({
  id: 'compare: different horizons through extends',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 20 }), 'b.json': json({ extends: 'a.json', ticks: 19 }) },
  args: ['compare', '@a.json', '@a.json', '@b.json', '--runs', '2'],
  expect: /scenario C .*ticks = 19, but A .* runs 20 ticks/,
});
add({
  id: 'compare: 500 days against 100 days',
  finding: 4,
  files: { 'a.json': tiny({ ticks: 500 }), 'b.json': tiny({ ticks: 100 }) },
  args: ['compare', '@a.json', '@b.json'],
  expect: /need the same horizon \(set "ticks": 500 in .*b\.json, or run all with --ticks 500\)/,
});
add({
  id: 'compare: one scenario',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['compare', '@a.json'],
  expect: /compare needs at least two/,
});
add({
  id: 'compare: one run',
  finding: 0,
  files: { 'a.json': tiny() },
  args: ['compare', '@a.json', '@a.json', '--runs', '1'],
  expect: /--runs must be at least 2/,
});

export const COMPARE_CASES: readonly HostileCase[] = cases;
