/**
 * Results in plain words: names instead of letters, ratios with absolute figures, points for shares, one line
 * per scenario with its rank, the trade-off, "provisional" until all runs are in, grammatical whatever the names.
 */
import { describe, expect, it } from 'vitest';
import { contrast } from '../src/compare/summary.ts';
import {
  compact,
  contrastSentence,
  costWords,
  effectLabel,
  rangeWords,
  rankingLines,
  type Ranked,
} from '../src/compare/words.ts';
import { kindOutcomes, kindMetricIds, outcomeNouns } from '../src/compare/kind.ts';
import type { CompactRun } from '../src/compare/metrics.ts';

const hours = { noun: 'long-term value', format: 'hours' as const, unit: 'hours' };
const share = { noun: 'mid-term activity', format: 'share' as const };

describe('numbers and differences', () => {
  it('reads large and small numbers the way people say them', () => {
    expect([
      compact(68_412),
      compact(1_234_567),
      compact(3_400),
      compact(940.2),
      compact(3.456),
      compact(0.0523),
      compact(0),
    ]).toEqual(['68k', '1.2M', '3.4k', '940', '3.46', '0.052', '0']);
  });
  it('gives ratios from 1.5x, percentages below, and points for shares', () => {
    expect(effectLabel(68_000, 33_000, 'hours')).toBe('2.1×');
    expect(effectLabel(118, 100, 'hours')).toBe('+18%');
    expect(effectLabel(77, 100, 'ratio')).toBe('−23%');
    expect(effectLabel(0.681, 0.595, 'share')).toBe('+8.6 points');
    expect(effectLabel(0.5, 0.595, 'share')).toBe('−9.5 points');
    expect(effectLabel(12, 0, 'hours')).toBe('+12');
  });
  it('gives a range in the notation of its difference, and never ends one in "+0.0"', () => {
    const c = (other: number, reference: number, lo: number, hi: number) => ({
      diff: other - reference,
      lo,
      hi,
      se: 1,
      df: 10,
      t: 1,
      p: 0.1,
      other,
      reference,
      relative: { diff: (other - reference) / reference, lo: lo / reference, hi: hi / reference },
      clear: lo > 0 || hi < 0,
    });
    // A ratio's range in ratios: "2.3× (from 2× to 2.6×)", not "(from +100% to +155%)".
    expect(effectLabel(2300, 1000, 'hours')).toBe('2.3×');
    expect(rangeWords(c(2300, 1000, 1000, 1600), 'hours')).toBe('from 2× to 2.6×');
    expect(rangeWords(c(1180, 1000, 100, 260), 'hours')).toBe('from +10% to +26%');
    // Shares in points; a bound that would round to 0.0 gets the decimals that show its sign and size.
    expect(rangeWords(c(0.5, 0.52, -0.031, 0.0004), 'share')).toBe('from −3.1 to +0.04 points');
    expect(rangeWords(c(0.5, 0.52, -0.031, -0.00004), 'share')).toBe('from −3.1 to −0.004 points');
    expect(rangeWords(c(0.5, 0.52, -0.031, 0), 'share')).toBe('from −3.1 to 0.0 points');
    expect(rangeWords(c(99, 100, -3, 0.2), 'ratio')).toBe('from −3% to +0.2%');
  });
  it('says that below 1 hour per hour the roles cost more than they return', () => {
    expect(
      costWords([
        { name: 'no governance', valuePerCost: 0.31 },
        { name: 'relays', valuePerCost: 1.4 },
        { name: 'C8 outsourced CM', valuePerCost: 0.7 },
      ]),
    ).toBe(
      'Below 1 hour of value per hour of cost, the roles cost more than they return: “no governance” (0.31), ' +
        '“C8 outsourced CM” (0.7).',
    );
    expect(costWords([{ name: 'relays', valuePerCost: 1.4 }])).toBeUndefined();
  });
});

describe('one scenario against the reference', () => {
  const more = contrast([68_000, 69_000, 67_500, 68_500], [33_000, 33_500, 32_800, 33_200]);
  const less = contrast([77, 78, 76, 77], [100, 101, 99, 100]);
  const shares = contrast([0.68, 0.69, 0.675, 0.685], [0.59, 0.6, 0.595, 0.595]);
  const none = contrast([100, 104, 97, 101], [99, 103, 100, 98]);

  it('names both scenarios and gives the ratio with both figures', () => {
    expect(contrastSentence('a CM with relays', 'no governance', hours, more)).toBe(
      '“a CM with relays”: 2.1× the long-term value of “no governance” (68k vs 33k hours)',
    );
    expect(
      contrastSentence(
        'SMMs compete with managers',
        'SMMs respect managers',
        { ...hours, noun: 'value in team groups' },
        less,
      ),
    ).toBe(
      '“SMMs compete with managers”: 23% less value in team groups than “SMMs respect managers” (77 vs 100 hours)',
    );
  });
  it('compares shares in percentage points', () => {
    expect(contrastSentence('B', 'A', share, shares)).toBe(
      '“B”: mid-term activity 68.3%, against 59.5% for “A” (+8.8 points)',
    );
  });
  it('says when the runs do not settle it, with the range the difference could take', () => {
    expect(none.clear).toBe(false);
    expect(contrastSentence('B', 'A', hours, none)).toMatch(
      new RegExp(
        String.raw`^No clear difference in long-term value between “B” and “A” \(\d+ vs \d+ hours; the ` +
          String.raw`difference could be anywhere from −\d+% to \+\d+%\)$`,
      ),
    );
  });
  it('stays a sentence whatever the names: no verb agrees with a name', () => {
    for (const name of ['SMMs compete with managers', 'the CM', 'Baseline, modified: 3,000 employees, 5 SMMs']) {
      const s = contrastSentence(name, 'reference', hours, more);
      expect(s.startsWith(`“${name}”: `)).toBe(true);
      expect(s).not.toMatch(/ (yields?|gets?|has|have) /);
    }
  });
});

describe('the ranking', () => {
  const nouns = outcomeNouns('all');
  const arm = (name: string, v: number, a: number, c: number, ref?: Ranked): Ranked => ({
    name,
    means: { longValue: v, midActivity: a, valuePerCost: c },
    contrasts: ref
      ? {
          longValue: contrast(
            [v, v * 1.01, v * 0.99],
            [ref.means.longValue!, ref.means.longValue! * 1.01, ref.means.longValue! * 0.99],
          ),
          midActivity: contrast(
            [a, a + 0.005, a - 0.005],
            [ref.means.midActivity!, ref.means.midActivity! + 0.005, ref.means.midActivity! - 0.005],
          ),
          valuePerCost: contrast(
            [c, c * 1.01, c * 0.99],
            [ref.means.valuePerCost!, ref.means.valuePerCost! * 1.01, ref.means.valuePerCost! * 0.99],
          ),
        }
      : {},
  });
  const a = arm('no governance', 33_000, 0.52, 2.0);
  const b = arm('a CM with relays', 68_000, 0.61, 1.5, a);

  it('gives one line per scenario, best first, with its rank and its difference to the reference', () => {
    const r = rankingLines([a, b], { outcomes: nouns, done: 20, total: 20 });
    expect(r.provisional).toBe(false);
    expect(r.lines).toEqual([
      '“a CM with relays”: 1st on long-term value: 68k hours (2.1× against the reference); 1st on mid-term ' +
        'activity: 61.0% (+9.0 points against the reference); 2nd on value per cost: 1.5 hours per hour (−25% ' +
        'against the reference).',
      '“no governance” (reference): 2nd on long-term value: 33k hours; 2nd on mid-term activity: 52.0%; 1st ' +
        'on value per cost: 2 hours per hour.',
    ]);
  });
  it('states the trade-off when the best scenario differs by outcome, and none when it does not', () => {
    expect(rankingLines([a, b], { outcomes: nouns, done: 20, total: 20 }).tradeOff).toBe(
      'Trade-off: the most long-term value comes with “a CM with relays”, but the best value per cost with ' +
        '“no governance”.',
    );
    const c = arm('a CM with relays', 68_000, 0.61, 2.5, a);
    expect(rankingLines([a, c], { outcomes: nouns, done: 20, total: 20 }).tradeOff).toBeUndefined();
  });
  it('is marked provisional until every run is in', () => {
    const r = rankingLines([a, b], { outcomes: nouns, done: 11, total: 30 });
    expect(r.provisional).toBe(true);
    for (const l of [...r.lines, r.tradeOff!]) expect(l.startsWith('Provisional (11 of 30 runs): ')).toBe(true);
  });
});

describe('outcomes by group kind', () => {
  it("are the run's own outcomes for all groups, and the same reductions of the kind's measures otherwise", () => {
    const ticks = 60;
    const ids = kindMetricIds('team');
    const p = Array.from({ length: ticks }, (_, t) => t / 100);
    const v = Array.from({ length: ticks }, (_, t) => t * 10);
    const c = Array.from({ length: ticks }, (_, t) => t / 10);
    const run: CompactRun = {
      seed: 1,
      ticks,
      outcomes: { midActivity: 0.5, longValue: 7, valuePerCost: 3 },
      data: Float64Array.from([...p, ...v, ...c]),
    };
    expect(kindOutcomes(run, ids, 'all')).toBe(run.outcomes);
    const o = kindOutcomes(run, ids, 'team');
    // Mid-horizon is day 30: the mean over days 10..29.
    expect(o.midActivity).toBeCloseTo((10 + 29) / 2 / 100, 12);
    expect(o.longValue).toBe(590);
    expect(o.valuePerCost).toBeCloseTo(5.9, 12);
    expect(() => kindOutcomes(run, ids, 'open')).toThrow(/participation:open/);
  });
});
