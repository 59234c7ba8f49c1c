/**
 * The CSV module (src/csv.ts): quoting, and text cells that a spreadsheet would run as formulas (issue 11,
 * finding 10: names starting with =, +, - or @ went unescaped into CSVs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, csvNumber, csvRecords, parseCsv } from '../src/csv.ts';
import { cli } from './sweep-helpers.ts';

describe('csvCell', () => {
  it('defuses formulas with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('valueCum')).toBe('valueCum');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('reads back what it writes', () => {
    const cells = ['=1+1', 'a,b', 'x"y', 'plain', '-', '@'];
    expect(parseCsv(`${cells.map(csvCell).join(',')}\n`)).toEqual([
      cells.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c)),
    ]);
    expect(csvRecords('a,b\n1,2\n')).toEqual([{ a: '1', b: '2' }]);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvNumber(-1.5)).toBe('-1.5');
    expect(csvNumber(-0)).toBe('-0');
  });
});

describe('compare --out file.csv', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgsim-csv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes a scenario named like a formula', async () => {
    const file = join(dir, '=cmd()+1.json');
    writeFileSync(file, JSON.stringify({ organization: { employees: 50 }, external: { customers: 10 }, ticks: 10 }));
    const out = join(dir, 'cmp.csv');
    const r = await cli(
      ['compare', '=cmd()+1.json', '=cmd()+1.json', '--runs', '2', '--workers', '1', '--out', out],
      {},
      (args) => {
        const cwd = process.cwd();
        process.chdir(dir);
        return import('../cli/main.ts').then(({ main }) => main(args)).finally(() => process.chdir(cwd));
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(rows.length).toBe(2 * 2 * 3);
    for (const row of rows) expect(row.startsWith("'=cmd()+1.json,")).toBe(true);
  });
});
