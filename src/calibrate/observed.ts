/**
 * An observed series: a CSV of an organization's own figures, one period per line (e.g. `month,activeShare`
 * from an analytics export). A header line naming the period column and the series (the target's own: the
 * column says what the values are), then `period,value` lines in time order. A period is a whole number
 * (1, 2, ...), a month (2024-01) or a quarter (2024-Q1); it places its value on the run's clock, so a missing
 * period leaves a gap (allowed, and stated) instead of shifting every later value. A value is a finite number
 * within the series' range (a share from 0 to 1...). Anything else is refused naming the line and the
 * column. Pure: the command line reads the file.
 */
import { ScenarioError, show } from '../scenario/errors.ts';
import { parseCsv } from '../csv.ts';
import { parseStatistic } from '../metrics/statistics.ts';
import { SERIES } from '../metrics/series.ts';

export interface Observed {
  /** The header's names of the two columns. */
  columns: [string, string];
  periods: string[];
  values: number[];
}

export const MAX_OBSERVED_PERIODS = 100_000;

type PeriodKind = 'number' | 'month' | 'quarter';
const KIND_TEXT: Record<PeriodKind, string> = {
  number: 'a whole number',
  month: 'a month (2024-01)',
  quarter: 'a quarter (2024-Q1)',
};
const PERIOD_RULE = 'expected a whole number (1, 2, ...), a month (2024-01) or a quarter (2024-Q1)';

/** A period label as a position on its own clock (numbers, months or quarters), or undefined when it is none. */
export function periodPosition(label: string): { kind: PeriodKind; at: number } | undefined {
  if (/^\d{1,9}$/.test(label)) return { kind: 'number', at: Number(label) };
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return { kind: 'month', at: Number(month[1]) * 12 + Number(month[2]) - 1 };
  const quarter = /^(\d{4})-?[Qq]([1-4])$/.exec(label);
  if (quarter) return { kind: 'quarter', at: Number(quarter[1]) * 4 + Number(quarter[2]) - 1 };
  return undefined;
}

/** Each period's place after the first, in periods: [0, 1, 2, 5] when periods 3 and 4 are missing. */
export function periodOffsets(obs: Observed): number[] {
  const at = obs.periods.map((p) => periodPosition(p)?.at ?? NaN);
  return at.map((x) => x - at[0]!);
}

/** The missing periods, said in one phrase ("periods 3 to 4 and 7 are missing"), or undefined when none is. */
export function describeGaps(obs: Observed): string | undefined {
  const offsets = periodOffsets(obs);
  const gaps: string[] = [];
  let missing = 0;
  for (let p = 1; p < offsets.length; p++) {
    const n = offsets[p]! - offsets[p - 1]! - 1;
    if (n <= 0) continue;
    missing += n;
    gaps.push(
      n === 1
        ? `1 between ${obs.periods[p - 1]} and ${obs.periods[p]}`
        : `${n} between ${obs.periods[p - 1]} and ${obs.periods[p]}`,
    );
  }
  if (!gaps.length) return undefined;
  return (
    `${missing} period${missing > 1 ? 's are' : ' is'} missing ` +
    `(${gaps.slice(0, 5).join(', ')}${gaps.length > 5 ? ', ...' : ''}): the ${obs.periods.length} given are ` +
    `compared on their own days, the missing ones are left out`
  );
}

/** The values a statistic or a reported series can take, and how to say it. */
export function statisticRange(name: string): { lo: number; hi: number; text: string } {
  const s = parseStatistic(name);
  const unitRange = (unit: string) =>
    unit === 'share' || unit === '0-1' || unit === 'index'
      ? { lo: 0, hi: 1, text: `a ${unit === 'share' ? 'share' : 'value'} from 0 to 1` }
      : unit === 'correlation'
        ? { lo: -1, hi: 1, text: 'a correlation from -1 to 1' }
        : { lo: 0, hi: Infinity, text: `a number of ${unit}, 0 or more` };
  if ('error' in s) {
    const series = SERIES.find((x) => x.name === name);
    return series ? unitRange(series.unit) : { lo: -Infinity, hi: Infinity, text: 'a number' };
  }
  if ('named' in s) return unitRange(s.named.unit);
  const r = unitRange(SERIES.find((x) => x.name === s.series)!.unit);
  if (s.reduction === 'mean' || s.reduction === 'last') return r;
  if (s.reduction === 'sum')
    return r.lo >= 0
      ? { lo: 0, hi: Infinity, text: 'a sum, 0 or more' }
      : { lo: -Infinity, hi: Infinity, text: 'a number' };
  return r.lo >= 0
    ? { lo: -1, hi: Infinity, text: 'a growth of -1 (-100%) or more' }
    : { lo: -Infinity, hi: Infinity, text: 'a number' };
}

/** The names a value column may have for a target's series: the name itself, or for r:series the series. */
function columnNames(series: string): string[] {
  const s = parseStatistic(series);
  return 'reduction' in s ? [series, s.series] : [series];
}

type Row = { cells: string[]; line: number };
type Bad = (line: number, message: string) => ScenarioError;
type Previous = { kind: PeriodKind; at: number; period: string; line: number };

/** The header line: two columns, names rather than numbers, and the value column naming `series` when given. */
function checkHeader(head: Row, bad: Bad, series: string | undefined): void {
  if (head.cells.length !== 2)
    throw bad(
      head.line,
      `${head.cells.length} column${head.cells.length === 1 ? '' : 's'} in the header; expected 2 ` +
        `(period,value), e.g. month,activeShare`,
    );
  if (head.cells[1]!.trim() !== '' && Number.isFinite(Number(head.cells[1]))) {
    throw bad(
      head.line,
      `no header: expected a first line naming the two columns (period,value), e.g. month,activeShare`,
    );
  }
  if (series !== undefined) {
    const names = columnNames(series);
    const column = head.cells[1]!.trim();
    if (!names.includes(column)) {
      throw bad(
        head.line,
        `column 2 is ${show(column)}; expected ${names.map((n) => show(n)).join(' or ')}, the series of the ` +
          `target (the column names what its values are)`,
      );
    }
  }
}

/**
 * A line's period placed on its clock: allowed, of the same kind as the line before, not already given and
 * after the one before.
 */
function placePeriod(
  period: string,
  line: number,
  previous: Previous | undefined,
  seen: Map<number, { line: number; period: string }>,
  bad: Bad,
): { kind: PeriodKind; at: number } {
  if (period === '') throw bad(line, 'column 1 (period) is empty');
  const place = periodPosition(period);
  if (!place) throw bad(line, `column 1: period ${show(period)} is not allowed; ${PERIOD_RULE}`);
  if (previous && place.kind !== previous.kind)
    throw bad(
      line,
      `column 1: period ${show(period)} is not allowed; expected ${KIND_TEXT[previous.kind]}, as on line ` +
        `${previous.line} (one kind of period in a file)`,
    );
  const before = seen.get(place.at);
  if (before)
    throw bad(
      line,
      `column 1: period ${show(period)} is already on line ` +
        `${before.line}${before.period !== period ? ` (as ${show(before.period)})` : ''}; expected one line ` +
        `per period`,
    );
  if (previous && place.at < previous.at)
    throw bad(
      line,
      `column 1: period ${show(period)} comes after period ${show(previous.period)} (line ` +
        `${previous.line}); expected the periods in time order`,
    );
  return place;
}

/**
 * `series`: the target's series (its "series" field): the value column must name it, and each value must be
 * within its range. Without it (tests of the format alone) neither is checked.
 */
export function parseObserved(textIn: string, where: string, series?: string): Observed {
  const text = textIn.replace(/^\uFEFF/, ''); // a byte-order mark, as spreadsheets write
  const rows = parseCsv(text);
  // Blank lines (a trailing one, or between blocks) carry nothing.
  const lines = rows
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  if (lines.length === 0)
    throw new ScenarioError(
      `${where}: the file is empty; expected a header line (period,value) and one line per period`,
    );
  const [head, ...body] = lines;
  const bad: Bad = (line, message) => new ScenarioError(`${where}: line ${line}: ${message}`);
  checkHeader(head!, bad, series);
  const range = series === undefined ? undefined : statisticRange(series);
  if (body.length === 0) throw new ScenarioError(`${where}: no data: expected one line per period after the header`);
  if (body.length > MAX_OBSERVED_PERIODS)
    throw new ScenarioError(`${where}: ${body.length} periods; at most ${MAX_OBSERVED_PERIODS} are allowed`);
  const periods: string[] = [];
  const values: number[] = [];
  const seen = new Map<number, { line: number; period: string }>();
  let previous: Previous | undefined;
  for (const { cells, line } of body) {
    if (cells.length !== 2)
      throw bad(line, `${cells.length} column${cells.length === 1 ? '' : 's'}; expected 2 (period,value)`);
    const period = cells[0]!.trim();
    const cell = cells[1]!.trim();
    const place = placePeriod(period, line, previous, seen, bad);
    const value = Number(cell);
    if (cell === '' || !Number.isFinite(value)) throw bad(line, `column 2: ${show(cells[1])} is not a number`);
    if (range && (value < range.lo || value > range.hi))
      throw bad(line, `column 2: ${cell} is not allowed; ${show(series)} is ${range.text}`);
    seen.set(place.at, { line, period });
    previous = { ...place, period, line };
    periods.push(period);
    values.push(value);
  }
  const span = previous!.at - periodPosition(periods[0]!)!.at + 1;
  if (span > MAX_OBSERVED_PERIODS)
    throw new ScenarioError(
      `${where}: the periods run from ${show(periods[0])} to ${show(previous!.period)}, ${span} periods; at ` +
        `most ${MAX_OBSERVED_PERIODS} are allowed`,
    );
  return { columns: [head!.cells[0]!.trim(), head!.cells[1]!.trim()], periods, values };
}
