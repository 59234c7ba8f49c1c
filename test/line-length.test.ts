/**
 * No line over 120 characters in the code folders (scripts/line-length.ts says which files). Biome's formatter
 * wraps code but leaves comments and strings as they are: `npx tsx scripts/wrap-long-lines.ts` rewraps those.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedFiles, longLines, MAX_LINE } from '../scripts/line-length.ts';

describe('line length', () => {
  it(`no line over ${MAX_LINE} characters in the code folders`, () => {
    const files = checkedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('src/model/simulation.ts');
    expect(files).toContain('viz/style.css');
    const found = longLines(undefined, files).map((l) => `${l.file}:${l.line} (${l.length} characters)`);
    expect(found, 'lines to wrap (npx tsx scripts/wrap-long-lines.ts)').toEqual([]);
  });

  const root = mkdtempSync(join(tmpdir(), 'orgsim-lines-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds a long line and names its file and line, and skips the data folders', () => {
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'test/__golden__'), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), `const a = 1;\n// ${'x'.repeat(MAX_LINE - 2)}\n`);
    writeFileSync(join(root, 'src/b.ts'), `// ${'x'.repeat(MAX_LINE - 3)}\n`);
    writeFileSync(join(root, 'test/__golden__/g.ts'), `// ${'x'.repeat(500)}\n`);
    expect(checkedFiles(root)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(longLines(root)).toEqual([{ file: 'src/a.ts', line: 2, length: MAX_LINE + 1 }]);
  });
});
