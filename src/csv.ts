/**
 * The CSV of orgsim, written and read: one module for the command line, the workers and the page.
 *
 * Text cells come from files that travel between people (a scenario's file name, a metric's name...). A
 * spreadsheet runs a cell that starts with =, +, - or @ as a formula (and some also after a tab or a
 * carriage return): such a cell is written with a leading apostrophe, which spreadsheets show as text, as
 * OWASP recommends for CSV injection. Numbers are not text cells: a negative number keeps its sign.
 */

/** A text cell: quoted when it holds a comma, a quote or a line break; defused when it starts a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell at full precision: the shortest text that reads back as the same double, -0 included. */
export function csvNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Rows of fields (RFC 4180 quoting); a trailing newline does not make an empty last row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Header-keyed records. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
