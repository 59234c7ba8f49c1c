/**
 * Fuzzing the command line with fast-check: random and mutated scenario files, and random --set values,
 * through `validate` and `run` (in this process through main(), and a few as real processes). Whatever the
 * input: exit 0 or 2, never 1 (an internal error) nor a crash; a refusal is one line with no stack trace and
 * no raw control character; every case ends within a bound (a hang fails).
 *
 * The seed is fixed so that `npm test` is reproducible; FUZZ_SEED=<n> FUZZ_RUNS=<factor> explores further
 * (a failure prints the seed and the shrunk counterexample to replay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parameterList } from '../src/scenario/paths.ts';
import { BIN, ROOT, cli, type Result } from './sweep-helpers.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const FACTOR = Number(process.env.FUZZ_RUNS ?? 1);
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Per case: far above what a case takes (milliseconds), far below a hang. */
const CASE_BOUND_MS = 20_000;
/** Runs refuse anything that would need more: fuzzed sizes stay small. */
const SMALL_MEMORY = { ORGSIM_MAX_MEMORY_MB: '48' };

const PATHS = parameterList().map((p) => p.path);
const SHIPPED = ['small', 'baseline', 'c7-star-campaign', 'claim-base'].map(
  (id) => JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')) as Record<string, unknown>,
);
/** Keys an attacker tries, and near-misses of real ones. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'extends',
  'metrics',
  'interventions',
  'organization',
  'employees',
  'ticks',
  'seed',
  'name',
  '',
  'a.b',
  '\u001b[2J',
  'smm',
  'cm',
];

let dir: string;
let generated = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-fuzz-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (process.env.ORGSIM_HOSTILE_TALLY) process.stderr.write(`fuzz: ${generated} generated cases\n`);
});

// ---------------------------------------------------------------------------------------------------------
// Generators

/** Values of every JSON type, with the edges that break parsers and validators. */
const edgeNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  1e-300,
  1e300,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  10_000,
  100_000,
  2_000_000,
  3.000000001,
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'internal',
      'outsourced',
      'valueCum / costCum',
      'round(valueCum, t)',
      'constructor',
      '{}',
      '[]',
      'true',
    ),
  },
);

const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

function setDeep(obj: Record<string, unknown>, keys: string[], value: unknown): void {
  let cur = obj;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      Object.defineProperty(cur, k, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.hasOwn(cur, k) ? cur[k] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next))
      Object.defineProperty(cur, k, { value: {}, enumerable: true, writable: true, configurable: true });
    cur = cur[k] as Record<string, unknown>;
  });
}

/** One change to a scenario object. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path, value: anyValue }),
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({
    kind: fc.constant('intervention' as const),
    at: fc.oneof(fc.integer({ min: -2, max: 600 }), edgeNumber),
    path,
    value: anyValue,
  }),
  fc.record({
    kind: fc.constant('metric' as const),
    name: fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[a-z_]\w{0,8}$/)),
    expr: fc.oneof(
      fc.constantFrom(
        'valueCum / costCum',
        'round(valueCum, t)',
        'max(value, 0)',
        't > 10 ? value : 0',
        'constructor',
        'a.b',
        'import(1)',
        'min()',
        'log(-1)',
        '1/0',
      ),
      fc.string({ maxLength: 30 }),
    ),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(base: Record<string, unknown>, changes: Mutation[]): Record<string, unknown> {
  const s = structuredClone(base);
  for (const m of changes) {
    if (m.kind === 'set') setDeep(s, m.path.split('.'), m.value);
    else if (m.kind === 'delete') {
      const keys = m.path.split('.');
      const parent = keys
        .slice(0, -1)
        .reduce<unknown>(
          (n: unknown, k: string) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined),
          s,
        );
      if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[keys.at(-1)!];
    } else if (m.kind === 'intervention') {
      const list = Array.isArray(s.interventions) ? s.interventions : (s.interventions = []);
      (list as unknown[]).push({ at: m.at, set: { [m.path]: m.value } });
    } else {
      const metrics = (s.metrics && typeof s.metrics === 'object' ? s.metrics : (s.metrics = {})) as Record<
        string,
        unknown
      >;
      Object.defineProperty(metrics, m.name, { value: m.expr, enumerable: true, writable: true, configurable: true });
    }
  }
  return s;
}

/** A scenario file's text: a mutated shipped scenario, sometimes damaged as text. */
const scenarioText = fc
  .record({
    base: fc.constantFrom(...SHIPPED),
    changes: fc.array(mutation, { maxLength: 6 }),
    text: fc.option(
      fc.record({ at: fc.nat(), cut: fc.boolean(), insert: fc.string({ unit: 'binary', maxLength: 4 }) }),
      { freq: 4 },
    ),
  })
  .map(({ base, changes, text }) => {
    const json = JSON.stringify(mutate(base, changes));
    if (!text) return json;
    const at = text.at % (json.length + 1);
    return text.cut ? json.slice(0, at) : json.slice(0, at) + text.insert + json.slice(at);
  });

/** A --set argument: a path and a value's text, sometimes without "=". */
const setArg = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        path,
        fc.oneof(
          anyValue.map((v) => JSON.stringify(v) ?? 'x'),
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.constantFrom('1e999', '-1e999', 'NaN', '0x10', '', ' 3 ', '[[[[1]]]]'),
        ),
      )
      .map(([p, v]) => `${p}=${v}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

// ---------------------------------------------------------------------------------------------------------
// Checks

function check(r: Result, elapsed: number): void {
  expect([0, 2], `exit ${r.code}: ${r.stderr}`).toContain(r.code);
  expect(elapsed).toBeLessThan(CASE_BOUND_MS);
  if (r.code === 2) {
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^orgsim: /);
  }
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
  expect(r.stdout).not.toMatch(RAW_CONTROL);
}

async function timed(run: () => Promise<Result>): Promise<void> {
  const started = performance.now();
  const r = await run();
  check(r, performance.now() - started);
  generated++;
}

let n = 0;
function writeCase(text: string): string {
  const file = join(dir, `case-${n++}.json`);
  writeFileSync(file, text);
  return file;
}

const params = (runs: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(runs * FACTOR)), endOnFailure: true });

describe('fuzzing the command line', () => {
  it('validate: mutated scenario files', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioText, fc.array(setArg, { maxLength: 2 }), async (text, sets) => {
        const file = writeCase(text);
        await timed(() => cli(['validate', file, ...sets.flatMap((s) => ['--set', s])]));
      }),
      params(400),
    );
  });

  it('validate: random --set values on a valid scenario', { timeout: 300_000 }, async () => {
    const file = writeCase(JSON.stringify(SHIPPED[0]));
    await fc.assert(
      fc.asyncProperty(fc.array(setArg, { minLength: 1, maxLength: 4 }), async (sets) => {
        await timed(() => cli(['validate', file, ...sets.flatMap((s) => ['--set', s])]));
      }),
      params(300),
    );
  });

  it('run: mutated scenarios, 3 ticks, small memory budget', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioText,
        fc.array(setArg, { maxLength: 1 }),
        fc.constantFrom('1', '2'),
        async (text, sets, runs) => {
          const file = writeCase(text);
          await timed(() =>
            cli(
              ['run', file, '--ticks', '3', '--runs', runs, '--workers', '1', ...sets.flatMap((s) => ['--set', s])],
              SMALL_MEMORY,
            ),
          );
        },
      ),
      params(60),
    );
  });

  it('as real processes: run, with a kill at the bound', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioText, fc.array(setArg, { maxLength: 1 }), async (text, sets) => {
        const file = writeCase(text);
        await timed(() =>
          spawned(['run', file, '--ticks', '3', '--workers', '2', '--runs', '2', ...sets.flatMap((s) => ['--set', s])]),
        );
      }),
      params(8),
    );
  });
});

function spawned(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, timeout: CASE_BOUND_MS, killSignal: 'SIGKILL', env: { ...process.env, CI: '1', ...SMALL_MEMORY } },
      (e, stdout, stderr) => {
        const x = e as (Error & { code?: number; killed?: boolean }) | null;
        resolve({ code: x ? (x.killed ? -1 : (x.code ?? -1)) : 0, stdout, stderr });
      },
    );
  });
}
