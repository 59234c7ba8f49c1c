import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../src/research/lhs.ts';
import { gridDesign, gridSize } from '../src/research/grid.ts';
import { checkDesign, designSize, makeDesign } from '../src/research/design.ts';
import { parseParam, parseParams, type ParamRange } from '../src/research/params.ts';
import { levelValue, sampledValue } from '../src/research/scale.ts';
import { designStream } from '../src/research/random.ts';
import { inShard, pointMeans, shardRuns } from '../src/research/runs.ts';
import { canonicalJson } from '../src/research/canonical.ts';
import { manifestDifferences, type Manifest } from '../src/research/manifest.ts';
import { parseCsv } from '../src/csv.ts';

const range = (path: string, lo: number, hi: number, steps: number | null, integer = false): ParamRange => ({
  path,
  lo,
  hi,
  steps,
  integer,
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the K strata of every parameter', () => {
    for (const [k, d] of [
      [10, 3],
      [37, 5],
      [1, 2],
    ] as const) {
      const rows = latinHypercube(k, d, designStream(7, 'lhs'));
      expect(rows).toHaveLength(k);
      for (let j = 0; j < d; j++) {
        const strata = rows.map((r) => Math.floor(r[j]! * k)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: k }, (_, i) => i));
      }
    }
  });

  it('keeps the strata in parameter values, and pairs them differently across parameters', () => {
    const params = [range('cm.speakShare', 0.2, 0.6, null), range('policies.visibility', 0, 1, null)];
    const d = makeDesign(params, { method: 'lhs', samples: 20, levels: null }, 3);
    const strata = d.values.map((v) => Math.floor(((v[0]! - 0.2) / 0.4) * 20)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const order = (j: number) =>
      d.unit
        .map((r, i) => [r[j]!, i] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, i]) => i);
    expect(order(0)).not.toEqual(order(1));
  });

  it('depends only on the master seed', () => {
    const params = [range('cm.speakShare', 0, 1, null)];
    const spec = { method: 'lhs', samples: 5, levels: null } as const;
    expect(makeDesign(params, spec, 1)).toEqual(makeDesign(params, spec, 1));
    expect(makeDesign(params, spec, 1)).not.toEqual(makeDesign(params, spec, 2));
  });
});

describe('grid', () => {
  it('has the product of the steps as its size, every combination once, the first parameter slowest', () => {
    const params = [
      range('smm.count', 0, 4, 3, true),
      range('cm.speakShare', 0, 1, 2),
      range('policies.visibility', 0, 0.5, 4),
    ];
    expect(gridSize(params)).toBe(24);
    expect(designSize(params, { method: 'grid', samples: null, levels: null })).toBe(24);
    const { values } = makeDesign(params, { method: 'grid', samples: null, levels: null }, 1);
    expect(values).toHaveLength(24);
    expect(new Set(values.map((v) => v.join())).size).toBe(24);
    expect(values.slice(0, 5)).toEqual([
      [0, 0, 0],
      [0, 0, 0.5 / 3],
      [0, 0, 1 / 3],
      [0, 0, 0.5],
      [0, 1, 0],
    ]);
    expect(values[23]).toEqual([4, 1, 0.5]);
    expect(gridDesign(params)[8]).toEqual([0.5, 0, 0]);
  });

  it('reaches hi exactly and rounds whole-number parameters', () => {
    expect(levelValue(range('x', 0.1, 0.3, 3), 1)).toBe(0.3);
    expect(levelValue(range('smm.count', 0, 5, 3, true), 0.5)).toBe(3);
  });
});

describe('sampled whole numbers', () => {
  it('give every value of lo..hi an equal share of [0, 1)', () => {
    const p = range('smm.count', 1, 3, null, true);
    const counts = [0, 0, 0];
    for (let i = 0; i < 300; i++) counts[sampledValue(p, (i + 0.5) / 300) - 1]!++;
    expect(counts).toEqual([100, 100, 100]);
    expect(sampledValue(p, 0.9999999)).toBe(3);
  });
});

describe('--param', () => {
  it('reads path=lo:hi[:steps] against the schema', () => {
    expect(parseParam('smm.count=0:4:5', true)).toEqual(range('smm.count', 0, 4, 5, true));
    expect(parseParam('cm.speakShare=0.1:0.9', true)).toEqual(range('cm.speakShare', 0.1, 0.9, 3));
    expect(parseParam('cm.speakShare=0.1:0.9', false)).toEqual(range('cm.speakShare', 0.1, 0.9, null));
    // default 3 steps, or fewer values
    expect(parseParam('smm.count=0:1', true)).toEqual(range('smm.count', 0, 1, 2, true));
  });

  it.each([
    ['smm.cont=0:4', /unknown parameter "smm.cont"; did you mean "smm.count"\?/],
    ['cm.present=0:1', /"cm.present" is not numeric \(true or false\)/],
    ['cm.sourcing=0:1', /is not numeric \(one of internal, outsourced\)/],
    ['seed=0:10', /the seed is not a model parameter/],
    ['cm.speakShare=0:1.5', /hi = 1.5 is above the maximum \(cm.speakShare goes from 0 to 1/],
    ['organization.employees=5:100', /lo = 5 is below the minimum/],
    ['cm.speakShare=0.8:0.2', /lo \(0.8\) must be below hi \(0.2\)/],
    ['cm.speakShare=0.5:0.5', /lo \(0.5\) must be below hi/],
    ['cm.speakShare=0:1:1', /steps = 1 is not allowed; expected a whole number from 2/],
    ['cm.speakShare=0:1:2.5', /steps = 2.5 is not allowed/],
    ['cm.speakShare=a:1', /lo "a" is not a number/],
    ['cm.speakShare=0:1:2:3', /expected path=lo:hi\[:steps\]/],
    ['cm.speakShare', /expected path=lo:hi/],
    ['smm.count=0.5:3', /takes whole numbers/],
    ['smm.count=0:2:4', /0..2 has 3 values, fewer than 4 steps/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseParam(spec, true)).toThrow(message);
  });

  it('refuses steps outside a grid, a parameter given twice, and no parameter at all', () => {
    expect(() => parseParam('cm.speakShare=0:1:3', false)).toThrow(/steps are for --design grid/);
    expect(() => parseParams(['smm.count=0:2', 'smm.count=1:3'], true)).toThrow(/given twice/);
    expect(() => parseParams([], true)).toThrow(/no --param given/);
  });
});

describe('design sizes', () => {
  const two = [range('a', 0, 1, null), range('b', 0, 1, null)];
  it('refuses sizes a method cannot use', () => {
    expect(() => checkDesign(two, 'sobol', 8, undefined)).toThrow(
      /--samples 8 is too small for Sobol indices: at least 32 base samples/,
    );
    expect(() => checkDesign(two, 'morris', 1, undefined)).toThrow(
      /--samples 1 is too small for Morris: at least 2 trajectories/,
    );
    expect(() => checkDesign(two, 'morris', 4, 3)).toThrow(/--levels 3 is not allowed for Morris: an even number/);
    expect(() => checkDesign(two, 'lhs', 1, undefined)).toThrow(/too small for a Latin hypercube/);
    expect(() => checkDesign(two, 'grid', 5, undefined)).toThrow(/--samples is for --design lhs/);
    expect(() => checkDesign(two, 'sobol', 64, 4)).toThrow(/--levels is for --method morris/);
  });

  it('fills in defaults and counts points', () => {
    expect(checkDesign(two, 'lhs', undefined, undefined)).toEqual({ method: 'lhs', samples: 20, levels: null });
    expect(designSize(two, checkDesign(two, 'morris', undefined, undefined))).toBe(10 * 3);
    expect(designSize(two, checkDesign(two, 'sobol', 64, undefined))).toBe(64 * 4);
  });
});

describe('runs, shards and manifests', () => {
  it('splits runs into disjoint shards that cover every run', () => {
    const all = [0, 1, 2, 3].flatMap((k) => shardRuns(10, { index: k, count: 4 }));
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(shardRuns(10, { index: 1, count: 4 })).toEqual([1, 5, 9]);
    expect(inShard(6, { index: 2, count: 4 })).toBe(true);
    expect(shardRuns(3, null)).toEqual([0, 1, 2]);
  });

  it('averages each point over its replicates', () => {
    expect(Array.from(pointMeans([1, 3, 10, 20], 2))).toEqual([2, 15]);
  });

  it('hashes scenarios by canonical JSON, whatever the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('names what differs between two manifests, the scenario field by field', () => {
    const base = {
      orgsim: '1',
      git: 'abc',
      command: 'sweep',
      scenario: { file: 'a.json', name: 'a', sha256: 'x' },
      seed: 1,
      ticks: 30,
      runsPerPoint: 2,
      seeds: [1, 2],
      perTick: false,
      design: { method: 'grid', samples: null, levels: null, bootstrap: null },
      parameters: [range('smm.count', 0, 2, 3, true)],
      outcomes: [],
      totalRuns: 6,
      shard: null,
      runOrder: '',
      points: [[0], [1], [2]],
      validatedScenario: { organization: { employees: 100 }, seed: 1 },
    } as Manifest;
    expect(manifestDifferences(base, structuredClone(base))).toEqual([]);
    const other = {
      ...structuredClone(base),
      runsPerPoint: 3,
      validatedScenario: { organization: { employees: 120 }, seed: 1 },
      shard: { index: 0, count: 2 },
    };
    expect(manifestDifferences(base, other)).toEqual([
      'runs per point: 2 there, 3 here',
      'scenario: organization.employees 100 there, 120 here',
      'shard: none there, 0/2 here',
    ]);
    expect(manifestDifferences(base, other, true)).toHaveLength(2);
    // Derived fields are named when nothing explains them (the code that derives them changed).
    expect(manifestDifferences(base, { ...structuredClone(base), points: [[0], [1], [3]] })).toEqual([
      'points: [[0],[1],[2]] there, [[0],[1],[3]] here',
    ]);
  });

  it('reads CSV with quoted fields', () => {
    expect(parseCsv('a,b\n"x,""y""",2\n')).toEqual([
      ['a', 'b'],
      ['x,"y"', '2'],
    ]);
  });
});
