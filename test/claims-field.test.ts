/**
 * Effects in field units (src/claims-field.ts): the same statistics as the calibration's, the paired field
 * effect of a claim, which comparisons are value (model figures), and the check that no shipped scenario takes
 * a calibrated organization past the best published network.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS, claimMeasures } from '../src/claims.ts';
import {
  ceilingRow,
  claimRun,
  FIELD_BENCHMARK,
  FIELD_STATISTICS,
  FIELD_WINDOW,
  fieldEffect,
  measuresValue,
  pastTheBest,
  pointFieldEffect,
} from '../src/claims-field.ts';
import { measureRun } from '../src/calibrate/measure.ts';
import { ceilingCheck, shippedScenarios } from '../cli/field-ceiling.ts';
import { readScenario } from '../cli/scenarios.ts';
import { runScenario } from '../src/run.ts';
import { atSize } from '../src/scenario/scale.ts';

const claim = (id: string) => CLAIMS.find((c) => c.id === id)!;

describe('effects in field units', () => {
  it('measure a claim run as the claims and the calibration measure it (one definition each)', () => {
    const c = claim('C10');
    const s = atSize(readScenario('c10-routines').scenario, 200);
    const values = Array.from(claimRun(c, s, 11));
    expect(values).toHaveLength(c.comparisons.length + FIELD_STATISTICS.length);
    expect(values.slice(0, c.comparisons.length)).toEqual(claimMeasures(c, runScenario(s, 11)));
    const requests = FIELD_STATISTICS.map((statistic) => ({ statistic, from: FIELD_WINDOW.from, to: FIELD_WINDOW.to }));
    expect(values.slice(c.comparisons.length)).toEqual(Array.from(measureRun(s, 11, requests)));
    expect(values.at(-2)).toBeGreaterThan(0);
    expect(values.at(-2)).toBeLessThan(1);
  });

  it('give the favoured arm minus the other, paired on the seeds', () => {
    const c = claim('C1'); // favours c1-cm-relays over c1-no-governance; one comparison, then the field measures
    const measures = {
      'c1-no-governance': [
        [100, 0.18, 1.0],
        [110, 0.2, 1.2],
        [90, 0.22, 1.1],
      ],
      'c1-cm-relays': [
        [300, 0.23, 1.5],
        [310, 0.26, 1.6],
        [290, 0.25, 1.6],
      ],
    };
    const f = fieldEffect(c, measures);
    expect(f.favoured).toBe('c1-cm-relays');
    expect(f.other).toBe('c1-no-governance');
    expect(f.arms['c1-cm-relays']!.contributors).toBeCloseTo(0.74 / 3, 12);
    // Paired differences 0.05, 0.06, 0.03: mean 0.046667, sd 0.015275, t(0.975, 2) = 4.302653.
    expect(f.contributors.difference).toBeCloseTo(0.0466667, 6);
    expect(f.contributors.hi - f.contributors.difference).toBeCloseTo((4.302653 * 0.0152753) / Math.sqrt(3), 5);
    expect(f.posts.difference).toBeCloseTo(1.4 / 3, 12);
    expect(f.aboveBest).toEqual([]);
    expect(pointFieldEffect(c, measures).contributors).toBeCloseTo(0.0466667, 6);
    expect(
      fieldEffect(c, {
        ...measures,
        'c1-cm-relays': [
          [1, 0.41, 1],
          [1, 0.45, 1],
          [1, 0.42, 1],
        ],
      }).aboveBest,
    ).toEqual(['c1-cm-relays']);
  });

  it('call value a model figure and participation not', () => {
    const value = CLAIMS.flatMap((c) => c.comparisons.filter(measuresValue).map((x) => `${c.id}: ${x.label}`));
    expect(value).toContain('C1: long-term value (hours)');
    expect(value).toContain('C10: team-group value per contribution (hours)');
    expect(value.some((v) => v.startsWith('C4') || v.startsWith('C6') || v.startsWith('C7'))).toBe(false);
  });
});

describe('no shipped scenario past the best published networks', () => {
  it('flags a mean above 40% of employees contributing in a month, and only that', () => {
    const low = ceilingRow('a', 200, [
      { contributors: 0.38, posts: 1 },
      { contributors: 0.4, posts: 2 },
    ]);
    const high = ceilingRow('b', 2000, [
      { contributors: 0.41, posts: 1 },
      { contributors: 0.43, posts: 1 },
    ]);
    expect(low.contributors).toBeCloseTo(0.39, 12);
    expect(low.posts).toBe(1.5);
    expect(pastTheBest([low, high])).toEqual([high]);
    expect(FIELD_BENCHMARK.best).toBe(0.4);
  });

  it('holds for every shipped scenario at 200 employees (2 runs each)', async () => {
    const names = shippedScenarios();
    expect(names).toContain('baseline');
    const rows = await ceilingCheck(names, [200], 2);
    expect(rows).toHaveLength(names.length);
    for (const r of rows) {
      expect(r.contributors, r.scenario).toBeGreaterThan(0);
      expect(r.contributors, r.scenario).toBeLessThan(1);
    }
    expect(pastTheBest(rows).map((r) => `${r.scenario}: ${(r.contributors * 100).toFixed(1)}%`)).toEqual([]);
  }, 300_000);
});

describe('orgsim claims', () => {
  it('gives each claim in field units beside the published spread, and a value effect as a model figure with its \
audited range', async () => {
    const { cli } = await import('./sweep-helpers.ts');
    const { readShippedAudit } = await import('../cli/claims-audit-file.ts');
    const r = await cli(['claims', 'C10', 'C7', '--sizes', '200', '--runs', '2', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`C10: [^\n]*\n\s+200 employees[^\n]*\n\s+(pass|FAIL|\?)\s+team-group value per ` +
          String.raw`contribution[^\n]*\n\s+\(a model figure: value has no field measure; over the posterior ` +
          `and the assumptions, 90% of plausible organizations: `,
      ),
    );
    const shipped = readShippedAudit()!.claims.find((c) => c.claim === 'C10')!.effects[0]!;
    // (The lower bound is printed with a decimal when under 10%.)
    expect(r.stdout).toContain(` to +${Math.round(shipped.p95 * 100)}%, the shipped audit`);
    // C7 measures participation, not value: no model-figure note; both give field units.
    expect(r.stdout.split('C7:')[1]).not.toContain('a model figure');
    expect(
      r.stdout.match(/field units, last six months: employees contributing in a month \d+\.\d% \([^)]*\) -> \d+\.\d%/g),
    ).toHaveLength(2);
    expect(r.stdout).toContain('30% (Syngenta) to 40% (KFC) in the champions (SWOOP 2018)');
  }, 300_000);
});
