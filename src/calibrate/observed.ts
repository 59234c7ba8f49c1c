/**
 * An observed series: a CSV of an organization's own figures, one period per line (e.g. `month,activeShare`
 * from an analytics export). A header line, then `period,value` lines in time order: the period is a label
 * (a number or a text such as 2024-01), the value a finite number. Anything else is refused naming the line
 * and the column. Pure: the command line reads the file.
 */
import { ScenarioError, show } from '../scenario/errors.ts';
import { parseCsv } from '../csv.ts';

export interface Observed {
  /** The header's names of the two columns. */
  columns: [string, string];
  periods: string[];
  values: number[];
}

export const MAX_OBSERVED_PERIODS = 100_000;

export function parseObserved(textIn: string, where: string): Observed {
  const text = textIn.replace(/^\uFEFF/, ''); // a byte-order mark, as spreadsheets write
  const rows = parseCsv(text);
  // Blank lines (a trailing one, or between blocks) carry nothing.
  const lines = rows.map((cells, i) => ({ cells, line: i + 1 })).filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  if (lines.length === 0) throw new ScenarioError(`${where}: the file is empty; expected a header line (period,value) and one line per period`);
  const [head, ...body] = lines;
  const bad = (line: number, message: string) => new ScenarioError(`${where}: line ${line}: ${message}`);
  if (head!.cells.length !== 2) throw bad(head!.line, `${head!.cells.length} column${head!.cells.length === 1 ? '' : 's'} in the header; expected 2 (period,value), e.g. month,activeShare`);
  if (head!.cells[1]!.trim() !== '' && Number.isFinite(Number(head!.cells[1]))) {
    throw bad(head!.line, `no header: expected a first line naming the two columns (period,value), e.g. month,activeShare`);
  }
  if (body.length === 0) throw new ScenarioError(`${where}: no data: expected one line per period after the header`);
  if (body.length > MAX_OBSERVED_PERIODS) throw new ScenarioError(`${where}: ${body.length} periods; at most ${MAX_OBSERVED_PERIODS} are allowed`);
  const periods: string[] = [];
  const values: number[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of body) {
    if (cells.length !== 2) throw bad(line, `${cells.length} column${cells.length === 1 ? '' : 's'}; expected 2 (period,value)`);
    const period = cells[0]!.trim();
    const cell = cells[1]!.trim();
    if (period === '') throw bad(line, 'column 1 (period) is empty');
    if (seen.has(period)) throw bad(line, `column 1: period ${show(period)} is already on line ${seen.get(period)}; expected one line per period`);
    const value = Number(cell);
    if (cell === '' || !Number.isFinite(value)) throw bad(line, `column 2: ${show(cells[1])} is not a number`);
    seen.set(period, line);
    periods.push(period);
    values.push(value);
  }
  return { columns: [head!.cells[0]!.trim(), head!.cells[1]!.trim()], periods, values };
}
