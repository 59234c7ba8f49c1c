/**
 * The statistics of the compare view: bands are the t intervals of the mean at each tick, verdicts say
 * what the interval says, and the compact measures agree with the run's own series.
 */
import { describe, expect, it } from 'vitest';
import {
  band,
  contrast,
  reduceWindow,
  summarize,
  verdict,
  OUTCOME_WORDING,
  type ArmResults,
} from '../src/compare/summary.ts';
import { compactRun, measureOf, metricById, METRICS, type CompactRun } from '../src/compare/metrics.ts';
import { ci95, tQuantile, mean, sd } from '../src/stats/index.ts';
import { runScenario } from '../src/run.ts';
import { readScenario } from '../cli/scenarios.ts';
import { seedList } from '../src/rng.ts';

const fake = (seed: number, values: number[][]): CompactRun => {
  const ticks = values[0]!.length;
  return {
    seed,
    ticks,
    outcomes: { midActivity: values[0]![0]!, longValue: values[0]![ticks - 1]!, valuePerCost: 1 },
    data: Float64Array.from(values.flat()),
  };
};

describe('bands', () => {
  it('are the mean and its 90% and 95% t intervals at each tick', () => {
    const runs = [fake(1, [[1, 10, 5]]), fake(2, [[2, 14, 5]]), fake(3, [[4, 9, 5]]), fake(4, [[3, 11, 5]])];
    const b = band(runs, 0);
    expect(b.n).toBe(4);
    for (let t = 0; t < 3; t++) {
      const xs = runs.map((r) => r.data[t]!);
      const ci = ci95(xs);
      expect(b.mean[t]).toBeCloseTo(ci.mean, 12);
      expect(b.lo95[t]).toBeCloseTo(ci.lo, 12);
      expect(b.hi95[t]).toBeCloseTo(ci.hi, 12);
      const half90 = (tQuantile(0.95, 3) * sd(xs)) / 2;
      expect(b.hi90[t]! - b.mean[t]!).toBeCloseTo(half90, 12);
      expect(b.hi90[t]!).toBeLessThanOrEqual(b.hi95[t]!);
    }
    // No spread at tick 2: the bands collapse on the mean.
    expect(b.lo95[2]).toBe(5);
    expect(b.hi95[2]).toBe(5);
  });

  it('collapse onto the line with a single run', () => {
    const b = band([fake(1, [[3, 4]])], 0);
    expect(Array.from(b.lo90)).toEqual([3, 4]);
    expect(Array.from(b.hi95)).toEqual([3, 4]);
  });
});

describe("a story step's measure over a window", () => {
  const xs = Float64Array.from([1, 2, 3, 4, 5]);
  it('is the mean over [from, to) or the value on the last day, clamped to the run', () => {
    expect(reduceWindow(xs, 1, 3, 'mean')).toBe(2.5);
    expect(reduceWindow(xs, 0, 3, 'last')).toBe(3);
    expect(reduceWindow(xs, 2, 99, 'mean')).toBe(4);
    expect(reduceWindow(xs, 0, 99, 'last')).toBe(5);
    expect(reduceWindow(xs, 9, 99, 'mean')).toBe(5);
  });
});

describe('verdicts', () => {
  const w = OUTCOME_WORDING.longValue;
  it('name the direction and the relative difference with its 95% interval when it excludes 0', () => {
    const c = contrast([118, 120, 116, 119, 117], [100, 101, 99, 100, 100]);
    expect(c.clear).toBe(true);
    expect(c.relative!.diff).toBeCloseTo(0.18, 10);
    expect(verdict('B', 'A', w, c)).toMatch(
      /^B yields more long-term value than A: \+18\.0% \[\+1\d\.\d%, \+\d\d\.\d%\]$/,
    );
    expect(verdict('A', 'B', w, contrast([100, 101, 99, 100, 100], [118, 120, 116, 119, 117]))).toMatch(
      /^A yields less long-term value than B: -15\.3%/,
    );
  });

  it('say "no clear difference" when the interval straddles 0', () => {
    const c = contrast([100, 110, 90, 105], [101, 95, 108, 99]);
    expect(c.clear).toBe(false);
    expect(verdict('B', 'A', w, c)).toMatch(/^No clear difference in long-term value between B and A: [+-]\d/);
  });

  it('fall back to points of activity when the reference is 0', () => {
    const c = contrast([0.1, 0.12, 0.11], [0, 0, 0]);
    expect(c.relative).toBeUndefined();
    expect(verdict('B', 'A', OUTCOME_WORDING.midActivity, c)).toMatch(
      /^B has more mid-term activity than A: \+11\.0 points \[/,
    );
  });
});

describe('summary table', () => {
  it('compares each scenario with the first, from the runs finished so far, in replication order', () => {
    const runs = (base: number) => [0, 1, 2, 3].map((i) => fake(i, [[base + i, base + 2 * i]]));
    const a: ArmResults = { label: 'A', name: 'a', runs: runs(10) };
    const partial: ArmResults = { label: 'B', name: 'b', runs: [runs(100)[0], undefined, runs(100)[2], undefined] };
    const [ra, rb] = summarize([a, partial]);
    expect(ra!.n).toBe(4);
    expect(ra!.outcomes[0]!.contrast).toBeUndefined();
    expect(rb!.n).toBe(2);
    const lv = rb!.outcomes.find((o) => o.outcome === 'longValue')!;
    expect(lv.interval.mean).toBe(mean([100, 104]));
    expect(lv.contrast!.diff).toBe(mean([100, 104]) - mean([10, 12, 14, 16]));
    expect(lv.verdict).toMatch(/^B yields more long-term value than A/);
    // One finished run is not enough for an interval: no verdict yet.
    const [, early] = summarize([a, { ...partial, runs: [runs(100)[0]] }]);
    expect(early!.outcomes[1]!.verdict).toBeUndefined();
  });
});

describe('compact runs', () => {
  const scenario = readScenario('small').scenario;
  const run = runScenario(scenario, seedList(5, 1)[0]!);
  const ids = METRICS.map((m) => m.id);
  const compact = compactRun(run, ids);
  const m = (id: string) => measureOf(compact, ids.indexOf(id));
  const last = run.ticks - 1;

  it('carry the outcomes and every measure over the whole horizon', () => {
    expect(compact.data.length).toBe(ids.length * run.ticks);
    expect(m('value:all')[last]).toBe(compact.outcomes.longValue);
    expect(m('valuePerCost:all')[last]).toBe(compact.outcomes.valuePerCost);
    for (const id of ids) expect(m(id).every(Number.isFinite), id).toBe(true);
  });

  it('agree with the series: value by kind adds up, shares stay in [0, 1]', () => {
    const byKind = m('value:team')[last]! + m('value:open')[last]! + m('value:external')[last]!;
    expect(byKind).toBeCloseTo(m('value:all')[last]!, 6);
    for (const id of ids.filter((i) => metricById(i).format === 'share')) {
      expect(
        m(id).every((x) => x >= 0 && x <= 1),
        id,
      ).toBe(true);
    }
    expect(Math.max(...m('participation:team'))).toBeGreaterThan(0);
  });

  it('refuse an unknown measure, naming the ones allowed', () => {
    expect(() => compactRun(run, ['value:everything'])).toThrow(
      /unknown measure "value:everything"; allowed: participation:all, /,
    );
  });
});
