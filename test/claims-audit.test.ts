import { describe, expect, it } from 'vitest';
import { auditDesign, auditParameters, flips, premiseFlip, premiseSteps, wilson, type AuditParameter } from '../src/claims-audit.ts';
import { CLAIMS } from '../src/claims.ts';
import { readScenario } from '../src/cli/scenarios.ts';
import { parameterInfo } from '../src/scenario/paths.ts';
import { atSize } from '../src/scenario/scale.ts';
import { seedList } from '../src/rng.ts';

const claim = (id: string) => CLAIMS.find((c) => c.id === id)!;

describe('assumption audit', () => {
  it('varies assumptions only, within +-30% and the schema bounds, never the premise or what the arms compare', () => {
    const c = claim('C3');
    const arms = c.arms.map((a) => readScenario(a).scenario);
    const params = auditParameters(c, arms);
    const paths = params.map((p) => p.path);
    expect(paths).not.toContain('knowledge.outsiderCodes'); // the premise
    expect(paths).not.toContain('smm.coDrivingDays'); // set differently by the arms (and a scenario choice)
    expect(paths).toContain('behaviour.riskWeight');
    for (const p of params) {
      const info = parameterInfo(p.path)!;
      expect(info.source?.startsWith('assumption')).toBe(true);
      expect(p.lo).toBeGreaterThanOrEqual(info.minimum ?? -Infinity);
      expect(p.hi).toBeLessThanOrEqual(info.maximum ?? Infinity);
      expect(p.lo).toBeGreaterThanOrEqual(Math.min(p.base * 0.7, p.base * 1.3) - 1e-12);
      expect(p.hi).toBeLessThanOrEqual(Math.max(p.base * 0.7, p.base * 1.3) + 1e-12);
    }
    const design = auditDesign(params, 16, 2026, 'C3');
    expect(design).toHaveLength(16);
    design.forEach((row) => row.forEach((x, j) => expect(x >= params[j]!.lo - 1e-9 && x <= params[j]!.hi + 1e-9).toBe(true)));
    expect(auditDesign(params, 16, 2026, 'C3')).toEqual(design);
  });

  it('moves the premise in equal steps to its neutral value', () => {
    const c = claim('C8');
    const base = readScenario(c.arms[0]!).scenario;
    const steps = premiseSteps(c, base, 5);
    expect(steps.map((s) => s['knowledge.outsiderCodes'])).toEqual([0.15, 0.3625, 0.575, 0.7875, 1]);
  });

  it('gives a Wilson interval that contains the share and stays in [0, 1]', () => {
    const w = wilson(87, 100);
    expect(w.share).toBe(0.87);
    expect(w.lo).toBeGreaterThan(0.78);
    expect(w.hi).toBeLessThan(0.93);
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(10, 10).hi).toBe(1);
  });

  it('finds the parameter that flips a claim, and where', () => {
    const params: AuditParameter[] = [
      { path: 'a', base: 1, lo: 0.7, hi: 1.3, integer: false },
      { path: 'b', base: 1, lo: 0.7, hi: 1.3, integer: false },
    ];
    const design = auditDesign(params, 200, 7, 'synthetic');
    // The claim holds while a stays below 1.1, whatever b.
    const held = design.map((row) => row[0]! < 1.1);
    const found = flips(params, design, held);
    expect(found[0]!.path).toBe('a');
    expect(found[0]!.holdsWhen).toBe('below');
    expect(found[0]!.at!).toBeGreaterThan(1.05);
    expect(found[0]!.at!).toBeLessThan(1.15);
    expect(found.some((f) => f.path === 'b')).toBe(false);
    expect(flips(params, design, design.map(() => true))).toEqual([]);
  });

  it('interpolates the premise flip point between the last step that holds and the first that does not', () => {
    const steps = [{ x: 0 }, { x: 0.25 }, { x: 0.5 }, { x: 0.75 }, { x: 1 }];
    const effects = [0.4, 0.2, 0.1, -0.1, -0.3];
    const flip = premiseFlip(steps, effects, effects.map((e) => e > 0));
    expect(flip!.values.x).toBeCloseTo(0.625, 12);
    expect(premiseFlip(steps, [1, 1, 1, 1, 1], [true, true, true, true, true])).toBeNull();
  });
});

describe('organizations of other sizes', () => {
  it('scale customers and SMMs with employees, and give the CM staff beyond 5,000 employees', () => {
    const c2 = readScenario('c2-smm-competes').scenario;
    const big = atSize(c2, 20_000);
    expect(big.organization.employees).toBe(20_000);
    expect(big.external.customers).toBe(Math.round((c2.external.customers * 20_000) / c2.organization.employees));
    expect(big.smm.count).toBe(Math.round((c2.smm.count * 20_000) / c2.organization.employees));
    expect(big.cm.staff).toBe(3);
    expect(big.smm.teamGroupIntervention).toBe(c2.smm.teamGroupIntervention);
    const none = atSize(readScenario('c1-no-governance').scenario, 2000);
    expect(none.smm.count).toBe(0);
    expect(none.cm.staff).toBe(0);
    expect(atSize(c2, 200).smm.count).toBe(1);
  });

  it('uses the same seeds for every arm (common random numbers)', () => {
    expect(seedList(2026, 3)).toEqual(seedList(2026, 3));
  });
});
