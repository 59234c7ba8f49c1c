/**
 * What test/cli.test.ts and test/cli-run.test.ts share: a temporary folder of small scenario files (good,
 * malformed, unknown field, out of range, wrong type, too big, missing base), created before a file's tests
 * and removed after them, and a CSV reader.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SMALL = { organization: { employees: 100 }, external: { customers: 50 } };
export const STACK = /\n\s+at /;

export function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

/**
 * Creates the folder of scenario files around the calling test file's tests; gives the path of a file in it
 * and the folder's own path.
 */
export function useScenarioFolder(): { file: (name: string) => string; folder: () => string } {
  let dir = '';
  const file = (name: string) => join(dir, name);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgsim-cli-'));
    writeFileSync(file('small.json'), JSON.stringify(SMALL));
    writeFileSync(
      file('more-smm.json'),
      JSON.stringify({ extends: 'small.json', name: 'more SMMs', smm: { count: 3 } }),
    );
    writeFileSync(file('malformed.json'), '{\n  "organization": { "employees": 100 },\n  "ticks": 30,,\n}');
    writeFileSync(file('unknown.json'), JSON.stringify({ organization: { employes: 100 } }));
    writeFileSync(file('range.json'), JSON.stringify({ organization: { employees: 5 } }));
    writeFileSync(file('type.json'), JSON.stringify({ organization: { employees: 'many' } }));
    writeFileSync(file('huge.json'), JSON.stringify({ organization: { employees: 2_000_000 } }));
    writeFileSync(file('orphan.json'), JSON.stringify({ extends: 'missing.json' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { file, folder: () => dir };
}
