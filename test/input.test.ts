/**
 * The one reader of input files (cli/input.ts) and the JSON nesting check (src/scenario/json.ts):
 * issue 11, findings 1 (unbounded reads: /dev/zero grew to 16 GB, a named pipe hung) and 6 (deep nesting
 * ended in "Maximum call stack size exceeded").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUTS, listInputs, readInput, readJson } from '../cli/input.ts';
import { checkJsonDepth, lineColumn, MAX_JSON_DEPTH, tooDeepAt } from '../src/scenario/json.ts';
import { loadScenario, parseJson, parseValue } from '../src/scenario/load.ts';
import { ScenarioError } from '../src/scenario/errors.ts';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-input-'));
  execFileSync('mkfifo', [path('pipe.json')]);
  symlinkSync('/dev/zero', path('zero.json'));
  mkdirSync(path('folder.json'));
  writeFileSync(path('ok.json'), '{"ticks": 10}');
  writeFileSync(path('six.json'), ' '.repeat(6 * 2 ** 20));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('readInput', () => {
  it('reads a regular file', () => {
    expect(readInput(path('ok.json'), INPUTS.scenario)).toBe('{"ticks": 10}');
    expect(readJson(path('ok.json'), INPUTS.scenario)).toEqual({ ticks: 10 });
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    expect(refusal(() => readInput(path('pipe.json'), INPUTS.scenario))).toMatch(
      /pipe\.json: a named pipe, not a regular file; a scenario file is read from a regular file/,
    );
  });

  it('refuses /dev/zero (directly and through a link) instead of reading forever', () => {
    expect(refusal(() => readInput('/dev/zero', INPUTS.scenario))).toMatch(/\/dev\/zero: a character device/);
    expect(refusal(() => readInput(path('zero.json'), INPUTS.story))).toMatch(
      /zero\.json: a character device, not a regular file; a story file/,
    );
  });

  it('refuses a folder', () => {
    expect(refusal(() => readInput(path('folder.json'), INPUTS.manifest))).toMatch(
      /a folder, not a regular file; a sweep manifest/,
    );
  });

  it('refuses a file over the limit of its kind, before reading it', () => {
    expect(refusal(() => readInput(path('six.json'), INPUTS.scenario))).toMatch(
      /six\.json: 6 MB is too large; the limit for a scenario file is 5 MB/,
    );
    expect(readInput(path('six.json'), INPUTS.manifest)).toHaveLength(6 * 2 ** 20);
  });

  it('stops reading a file that says it is empty but is not (/proc) at the limit', () => {
    const tiny = { what: 'test file', maxBytes: 16 };
    expect(refusal(() => readInput('/proc/self/status', tiny))).toMatch(
      /more than 1 kB; the limit for a test file is 1 kB/,
    );
  });

  it('abandons a read that takes longer than its time limit', () => {
    expect(refusal(() => readInput(path('six.json'), INPUTS.manifest, { timeoutMs: 0 }))).toMatch(
      /reading took more than 0 s/,
    );
  });

  it('names the file and the context; a missing optional file is undefined', () => {
    expect(
      refusal(() => readInput(path('none.json'), INPUTS.scenario, { context: 'a.json: extends: cannot read' })),
    ).toMatch(/^a\.json: extends: cannot read .*none\.json: no such file$/);
    expect(readInput(path('none.json'), INPUTS.scenario, { optional: true })).toBeUndefined();
    expect(readInput(path('ok.json/x'), INPUTS.scenario, { optional: true })).toBeUndefined();
  });
});

describe('listInputs', () => {
  it('lists the regular files of a folder, and refuses what is not one or holds too many', () => {
    expect(listInputs(dir, 'an audit folder', { ext: '.json' }).map((p) => p.slice(dir.length + 1))).toEqual([
      'ok.json',
      'six.json',
    ]);
    expect(refusal(() => listInputs(path('ok.json'), 'an audit folder'))).toMatch(
      /ok\.json: a file, not a folder; an audit folder is a folder/,
    );
    expect(refusal(() => listInputs(dir, 'an audit folder', { maxFiles: 2 }))).toMatch(
      /5 entries; an audit folder holds at most 2/,
    );
  });
});

describe('JSON nesting', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('finds the first bracket past the limit, ignoring brackets in strings', () => {
    expect(tooDeepAt(deep(MAX_JSON_DEPTH))).toBe(-1);
    expect(tooDeepAt(deep(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(tooDeepAt(`["${'['.repeat(1000)}\\"[", 1]`)).toBe(-1);
    expect(lineColumn('a\nbc\nd', 4)).toEqual({ line: 2, column: 3 });
  });

  it('refuses a million nested arrays in one line, where parsing them would overflow the stack later', () => {
    const text = `{"interventions": ${deep(1_000_000)}}`;
    expect(refusal(() => checkJsonDepth(text, 'a.json'))).toBe(
      'a.json: nested deeper than 64 levels at line 1, column 82; expected at most 64 levels of [ ] and { }',
    );
    expect(refusal(() => parseJson(text, 'a.json'))).toMatch(/nested deeper than 64 levels/);
    expect(refusal(() => loadScenario(text, { source: 'a.json' }))).toMatch(/nested deeper than 64 levels/);
  });

  it('refuses an extends pair of 200,000 nested objects each', () => {
    const half = (n: number) => '{"x":'.repeat(n) + '1' + '}'.repeat(n);
    const files: Record<string, string> = { 'b.json': `{"organization": ${half(200_000)}}` };
    const resolve = (name: string) => ({ raw: parseJson(files[name]!, name), source: name });
    expect(
      refusal(() =>
        loadScenario(`{"extends": "b.json", "organization": ${half(200_000)}}`, { source: 'a.json', resolve }),
      ),
    ).toMatch(/^a\.json: nested deeper than 64 levels/);
    expect(refusal(() => loadScenario('{"extends": "b.json"}', { source: 'a.json', resolve }))).toMatch(
      /^b\.json: nested deeper than 64 levels/,
    );
  });

  it('refuses a deep --set value', () => {
    expect(refusal(() => parseValue(deep(100_000)))).toMatch(/^--set: nested deeper than 64 levels/);
    expect(parseValue('[[1]]')).toEqual([[1]]);
  });
});
