/**
 * A CSV file of an export, streamed through csv-parse: the header checked against the columns a reader
 * needs (a missing one refused, an unknown one ignored and said once), then one array of cells per record.
 * CRLF or LF, a byte-order mark, quotes and newlines inside quoted cells are csv-parse's business.
 */
import { parse } from 'csv-parse';
import { finished } from 'node:stream/promises';
import { ScenarioError, shorten } from '../../src/scenario/errors.ts';
import { fileProblem, type ExportSource } from './source.ts';
import type { ReadReport } from './report.ts';

const CSV_PROBLEMS: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a record has not as many cells as the header',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'a record has not as many cells as the header',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'characters after the closing quote of a cell',
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is not closed before the end of the file: the file is cut short',
  INVALID_OPENING_QUOTE: 'a quote inside a cell that is not quoted',
  CSV_INVALID_CLOSING_QUOTE: 'characters after the closing quote of a cell',
  CSV_MAX_RECORD_SIZE: 'a record of more than 16 MB',
};

export interface CsvColumns {
  required: readonly string[];
  /** Columns the reader uses when present, or knows and ignores. */
  known: readonly string[];
}

/**
 * Each record of `file` as cells, with `at(name)` giving a column's index (-1 when absent); `line()` the line
 * the parser has reached, for messages. Stops at the first problem with one line naming the file.
 */
export async function readCsv(
  source: ExportSource,
  file: string,
  columns: CsvColumns,
  report: ReadReport,
  onRecord: (cells: string[], line: () => number) => void,
  at: (index: Map<string, number>) => void,
): Promise<number> {
  const where = `${source.shown}: ${file}`;
  const stream = await source.open(file);
  let header: string[] | undefined;
  let rows = 0;
  let line = 1;
  let failure: unknown;
  const onHeader = (cells: string[]) => {
    header = cells.map((c) => c.trim().toLowerCase());
    const index = new Map(header.map((h, i) => [h, i] as [string, number]));
    const present = columns.required.filter((c) => index.has(c));
    if (present.length === 0) {
      throw new ScenarioError(`${where}: unknown column set (${header.length} columns, none of ${columns.required.join(', ')}); expected the file of a Viva Engage network data export`);
    }
    const missing = columns.required.find((c) => !index.has(c));
    if (missing) throw new ScenarioError(`${where}: the required column "${missing}" is missing (required: ${columns.required.join(', ')})`);
    for (const h of header) {
      if (!columns.required.includes(h) && !columns.known.includes(h)) report.noteOnce(`${file}: column "${shorten(h, 40)}" is not known to orgsim: ignored`);
    }
    at(index);
  };
  const here = () => line;
  // Each record is handled as csv-parse meets it (on_record), so that its line is the parser's line then;
  // nothing is pushed downstream.
  const parser = parse({
    bom: true,
    relax_column_count: false,
    skip_empty_lines: true,
    max_record_size: 16 << 20,
    on_record: (cells: string[], context: { lines: number }) => {
      if (failure) return null;
      line = context.lines;
      try {
        if (!header) onHeader(cells);
        else {
          rows++;
          onRecord(cells, here);
        }
      } catch (e) {
        failure = e;
        stream.destroy();
        parser.destroy();
      }
      return null;
    },
  });
  stream.on('error', (e) => parser.destroy(e));
  try {
    stream.pipe(parser);
    parser.resume();
    await finished(parser);
  } catch (e) {
    if (!failure) {
      stream.destroy();
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE') {
        // csv-parse's own message may quote a cell (a message text): only its kind is said.
        const what = CSV_PROBLEMS[code] ?? code.toLowerCase().replace(/^csv_/, '').replace(/_/g, ' ');
        throw new ScenarioError(`${where}: line ${(e as { lines?: number }).lines ?? parser.info.lines}: not valid CSV (${what})`);
      }
      throw fileProblem(source, file, e);
    }
  }
  if (failure) throw failure;
  if (!header) throw new ScenarioError(`${where}: the file is empty; expected a header line and one line per record`);
  report.files.push({ file, rows });
  return rows;
}
