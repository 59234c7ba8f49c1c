/**
 * Issue 22, family 4: observed series taken on trust. The period column was ignored (periods 0 and 5 were
 * fitted as consecutive months), a value column naming another series was taken, and an impossible share
 * (-5). Periods are now read and aligned (gaps allowed and stated; duplicates, disorder and unreadable
 * periods refused), the value column must name the target's series, and values must lie in its range.
 * Each case is the example target file of the tests (60 working days, a series every 20 days) with one
 * observed CSV of its own; each is refused before the calibration folder is made.
 */
import { readFileSync } from 'node:fs';
import type { HostileCase } from './cases.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/calibrate/${name}`, import.meta.url), 'utf8');
const TINY = fixture('tiny.json');
const TARGETS = JSON.parse(fixture('targets.json')) as { targets: Record<string, unknown>[] };

/** The example target file with its series target (targets.3) changed: another CSV, series or period length. */
function targets(series: Record<string, unknown>): string {
  const t = structuredClone(TARGETS);
  t.targets[3] = { ...t.targets[3], csv: 'obs.csv', ...series };
  return JSON.stringify(t);
}

const cases: HostileCase[] = [];
/** A CSV for the activeOnce target (a share), refused with `expect`; `series` changes the target's series. */
const add = (id: string, csv: string, expect: RegExp, series: Record<string, unknown> = {}) =>
  cases.push({
    id: `observed: ${id}`,
    finding: 0,
    family: 4,
    files: { 'tiny.json': TINY, 'targets.json': targets(series), 'obs.csv': csv },
    args: ['calibrate', '@targets.json', '--out', '@cal'],
    expect,
  });
const line = (n: number, what: string) => new RegExp(`targets\\.3\\.csv \\(.*obs\\.csv\\): line ${n}: ${what}`);

// Periods read and aligned: a gap is a gap, never a shift.
add(
  'periods 0 and 5: aligned, their span is past the horizon',
  'month,activeOnce\n0,0.6\n5,0.7\n',
  new RegExp(
    String.raw`targets\.3\.from = 0 is not allowed; the 6 periods \(2 given, 4 missing\) of 20 ticks of ` +
      String.raw`obs\.csv run from tick 0 to tick 120, outside the 60-tick horizon`,
  ),
);
add(
  'months 2024-01 and 2024-05: aligned, past the horizon',
  'month,activeOnce\n2024-01,0.6\n2024-05,0.7\n',
  /the 5 periods \(2 given, 3 missing\) of 20 ticks .* run from tick 0 to tick 100/,
);
add(
  'quarters with one missing, past the horizon',
  'quarter,activeOnce\n2024-Q1,0.6\n2024-Q2,0.6\n2024-Q4,0.7\n',
  /the 4 periods \(3 given, 1 missing\)/,
);
add(
  'a period twice',
  'month,activeOnce\n1,0.5\n1,0.6\n',
  line(3, 'column 1: period "1" is already on line 2; expected one line per period'),
);
add(
  'a period twice, as 1 and 01',
  'month,activeOnce\n1,0.5\n01,0.6\n',
  line(3, 'column 1: period "01" is already on line 2 \\(as "1"\\)'),
);
add(
  'a month twice',
  'month,activeOnce\n2024-01,0.5\n2024-02,0.5\n2024-01,0.6\n',
  line(4, 'column 1: period "2024-01" is already on line 2'),
);
add(
  'a quarter twice, written two ways',
  'quarter,activeOnce\n2024-Q1,0.5\n2024Q1,0.6\n',
  line(3, 'column 1: period "2024Q1" is already on line 2 \\(as "2024-Q1"\\)'),
);
add(
  'periods out of order',
  'month,activeOnce\n2,0.5\n1,0.6\n',
  line(3, 'column 1: period "1" comes after period "2" \\(line 2\\); expected the periods in time order'),
);
add(
  'months out of order',
  'month,activeOnce\n2024-03,0.5\n2024-02,0.6\n',
  line(3, 'column 1: period "2024-02" comes after period "2024-03"'),
);
add(
  'a number, then a month',
  'month,activeOnce\n1,0.5\n2024-02,0.6\n',
  line(
    3,
    'column 1: period "2024-02" is not allowed; expected a whole number, as on line 2 \\(one kind of period ' +
      'in a file\\)',
  ),
);
add(
  'a month name',
  'month,activeOnce\nJanuary,0.5\nFebruary,0.6\n',
  line(
    2,
    'column 1: period "January" is not allowed; expected a whole number \\(1, 2, ...\\), a month ' +
      '\\(2024-01\\) or a quarter \\(2024-Q1\\)',
  ),
);
add('a date', 'day,activeOnce\n2024-01-15,0.5\n', line(2, 'column 1: period "2024-01-15" is not allowed'));
add('a negative period', 'month,activeOnce\n-1,0.5\n0,0.6\n', line(2, 'column 1: period "-1" is not allowed'));
add('a fractional period', 'month,activeOnce\n1,0.5\n1.5,0.6\n', line(3, 'column 1: period "1\\.5" is not allowed'));
add('month 13', 'month,activeOnce\n2024-12,0.5\n2024-13,0.6\n', line(3, 'column 1: period "2024-13" is not allowed'));
add('quarter 5', 'quarter,activeOnce\n2024-Q5,0.5\n', line(2, 'column 1: period "2024-Q5" is not allowed'));
add(
  'a period with an escape sequence',
  'month,activeOnce\n\u001b[2J1,0.5\n',
  line(2, 'column 1: period "\\\\u001b\\[2J1" is not allowed'),
);
add(
  'a period span of a million',
  'month,activeOnce\n1,0.5\n1000001,0.6\n',
  /the periods run from "1" to "1000001", 1000001 periods; at most 100000 are allowed/,
);
// The value column names the target's series.
add(
  'a value column naming another series',
  'month,activeShare\n1,0.62\n2,0.75\n',
  line(
    1,
    'column 2 is "activeShare"; expected "activeOnce", the series of the target \\(the column names what its ' +
      'values are\\)',
  ),
);
add('a value column named value', 'month,value\n1,0.62\n', line(1, 'column 2 is "value"; expected "activeOnce"'));
add(
  'a value column named like the series in capitals',
  'month,ACTIVEONCE\n1,0.62\n',
  line(1, 'column 2 is "ACTIVEONCE"; expected "activeOnce"'),
);
add(
  'a value column naming another series of a mean: target',
  'month,gini\n1,0.3\n',
  line(1, 'column 2 is "gini"; expected "mean:activeShare" or "activeShare"'),
  { series: 'mean:activeShare' },
);
// Values within the series' range.
add(
  'an impossible share: -5',
  'month,activeOnce\n1,0.5\n2,-5\n',
  line(3, 'column 2: -5 is not allowed; "activeOnce" is a share from 0 to 1'),
);
add(
  'a share above 1',
  'month,activeOnce\n1,1.5\n',
  line(2, 'column 2: 1\\.5 is not allowed; "activeOnce" is a share from 0 to 1'),
);
add('a share as a percentage', 'month,activeOnce\n1,62\n', line(2, 'column 2: 62 is not allowed'));
add(
  'a negative count of contributors',
  'month,contributors\n1,12\n2,-3\n',
  line(3, 'column 2: -3 is not allowed; "contributors" is a number of employees, 0 or more'),
  { series: 'contributors' },
);
add(
  'a mean share above 1',
  'month,activeShare\n1,2\n',
  line(2, 'column 2: 2 is not allowed; "mean:activeShare" is a share from 0 to 1'),
  { series: 'mean:activeShare' },
);
add(
  'a 0-1 index above 1',
  'month,legitimacy\n1,0.5\n2,1.01\n',
  line(3, 'column 2: 1\\.01 is not allowed; "legitimacy" is a value from 0 to 1'),
  { series: 'legitimacy' },
);

export const OBSERVED_CASES: readonly HostileCase[] = cases;
