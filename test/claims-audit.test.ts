import { describe, expect, it } from 'vitest';
import {
  auditDesign,
  auditParameters,
  effectRange,
  flips,
  leads,
  premiseFlip,
  premiseSteps,
  quantile,
  robustShareText,
  wilson,
  type AuditParameter,
} from '../src/claims-audit.ts';
import { readPosterior, SHIPPED_POSTERIOR } from '../cli/posterior-file.ts';
import { CLAIMS } from '../src/claims.ts';
import { readScenario } from '../cli/scenarios.ts';
import { parameterInfo } from '../src/scenario/paths.ts';
import { atSize } from '../src/scenario/scale.ts';
import { seedList } from '../src/rng.ts';

const claim = (id: string) => CLAIMS.find((c) => c.id === id)!;

describe('assumption audit', () => {
  const posterior = readPosterior(SHIPPED_POSTERIOR);

  it('varies assumptions over their whole plausible range, never the premise or what the arms compare', () => {
    const c = claim('C3');
    const arms = c.arms.map((a) => readScenario(a).scenario);
    const params = auditParameters(c, arms, posterior);
    const paths = params.map((p) => p.path);
    expect(paths).not.toContain('knowledge.outsiderCodes'); // the premise
    expect(paths).not.toContain('smm.coDrivingDays'); // set differently by the arms (and a scenario choice)
    expect(paths).toContain('behaviour.riskWeight');
    for (const p of params.filter((q) => q.kind === 'assumption')) {
      const info = parameterInfo(p.path)!;
      expect(info.source?.startsWith('assumption')).toBe(true);
      expect(p.lo).toBeGreaterThanOrEqual(info.minimum ?? -Infinity);
      expect(p.hi).toBeLessThanOrEqual(info.maximum ?? Infinity);
      // Not +-30% of the default: the plausible range as documented.
      expect([p.lo, p.hi]).toEqual(info.plausible);
    }
    // The calibrated parameters come from the posterior, over the calibration's prior box.
    const calibrated = params.filter((q) => q.kind === 'posterior');
    expect(calibrated.map((q) => q.path)).toEqual(posterior.parameters.map((q) => q.path));
    const design = auditDesign(params, 16, 2026, 'C3', posterior);
    expect(design.rows).toHaveLength(16);
    design.rows.forEach((row) =>
      row.forEach((x, j) => expect(x >= params[j]!.lo - 1e-9 && x <= params[j]!.hi + 1e-9).toBe(true)),
    );
    expect(auditDesign(params, 16, 2026, 'C3', posterior)).toEqual(design);
  });

  it('draws whole posterior particles (the joint posterior), never each parameter on its own', () => {
    const c = claim('C1');
    const params = auditParameters(
      c,
      c.arms.map((a) => readScenario(a).scenario),
      posterior,
    );
    const design = auditDesign(params, 40, 7, 'C1', posterior);
    const cols = params.map((p, j) => [p, j] as const).filter(([p]) => p.kind === 'posterior');
    design.rows.forEach((row, i) => {
      const particle = posterior.particles[design.particles[i]!]!;
      // Every calibrated value of an organization is its particle's: the row is one particle, whole.
      cols.forEach(([p, j]) => expect(row[j]).toBe(particle[posterior.parameters.findIndex((q) => q.path === p.path)]));
    });
    // The same calibrated organizations for every claim (one stream), whatever the claim's assumptions.
    expect(
      auditDesign(
        auditParameters(
          claim('C2'),
          claim('C2').arms.map((a) => readScenario(a).scenario),
          posterior,
        ),
        40,
        7,
        'C2',
        posterior,
      ).particles,
    ).toEqual(design.particles);
  });

  it('without a posterior, varies the assumptions only', () => {
    const c = claim('C8');
    const params = auditParameters(
      c,
      c.arms.map((a) => readScenario(a).scenario),
    );
    expect(params.every((p) => p.kind === 'assumption')).toBe(true);
    expect(auditDesign(params, 8, 1, 'C8').particles).toEqual(new Array(8).fill(null));
  });

  it('gives percentiles as R and numpy do (type 7), and the 90% range of an effect', () => {
    expect(quantile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([7], 0.95)).toBe(7);
    const xs = Array.from({ length: 101 }, (_, i) => i / 100);
    const r = effectRange(xs.slice().reverse());
    expect(r.p5).toBeCloseTo(0.05, 12);
    expect(r.p50).toBeCloseTo(0.5, 12);
    expect(r.p95).toBeCloseTo(0.95, 12);
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
    // Known answer (Wilson 1927; e.g. R's prop.test without continuity correction): 8 of 10 -> [0.490, 0.943].
    expect(wilson(8, 10).lo).toBeCloseTo(0.4901624, 6);
    expect(wilson(8, 10).hi).toBeCloseTo(0.9433178, 6);
    expect(wilson(0, 10).lo).toBe(0);
    expect(wilson(10, 10).hi).toBe(1);
  });

  it('finds the parameter that flips a claim, and where', () => {
    const params: AuditParameter[] = [
      { path: 'a', base: 1, lo: 0.7, hi: 1.3, integer: false, kind: 'assumption' },
      { path: 'b', base: 1, lo: 0.7, hi: 1.3, integer: false, kind: 'assumption' },
    ];
    const design = auditDesign(params, 200, 7, 'synthetic').rows;
    // The claim holds while a stays below 1.1, whatever b.
    const held = design.map((row) => row[0]! < 1.1);
    const found = flips(params, design, held);
    expect(found[0]!.path).toBe('a');
    expect(found[0]!.holdsWhen).toBe('below');
    expect(found[0]!.at!).toBeGreaterThan(1.05);
    expect(found[0]!.at!).toBeLessThan(1.15);
    expect(found.some((f) => f.path === 'b')).toBe(false);
    expect(
      flips(
        params,
        design,
        design.map(() => true),
      ),
    ).toEqual([]);
  });

  it("names no flip among 60 parameters that do nothing, where |z| >= 2 alone would name some (Holm's \
correction)", () => {
    const params: AuditParameter[] = Array.from({ length: 60 }, (_, j) => ({
      path: `p${j}`,
      base: 1,
      lo: 0.5,
      hi: 1.5,
      integer: false,
      kind: 'assumption' as const,
    }));
    const design = auditDesign(params, 64, 11, 'synthetic').rows;
    // Holding is a coin that reads no parameter: about 80% of the points hold.
    const coin = seedList(99, 64);
    const held = coin.map((s) => s % 5 !== 0);
    const chance = leads(params, design, held).filter((f) => Math.abs(f.z) >= 2);
    expect(chance.length).toBeGreaterThan(0);
    expect(flips(params, design, held)).toEqual([]);
    // The same points with a real cause (p0 below 1.2) still name it.
    const caused = design.map((row) => row[0]! < 1.2);
    expect(flips(params, design, caused)[0]!.path).toBe('p0');
  });

  it('says a share of organizations so that it never rounds across the robustness threshold', () => {
    expect(robustShareText(51 / 64)).toBe('79.7%');
    expect(robustShareText(0.797)).toBe('79.7%');
    expect(robustShareText(0.8)).toBe('80%');
    expect(robustShareText(52 / 64)).toBe('81%');
    expect(robustShareText(1)).toBe('100%');
    expect(robustShareText(0.7)).toBe('70%');
  });

  it('interpolates the premise flip point between the last step that holds and the first that does not', () => {
    const steps = [{ x: 0 }, { x: 0.25 }, { x: 0.5 }, { x: 0.75 }, { x: 1 }];
    const effects = [0.4, 0.2, 0.1, -0.1, -0.3];
    const flip = premiseFlip(
      steps,
      effects,
      effects.map((e) => e > 0),
    );
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

describe('the audit in words (orgsim claims --audit)', () => {
  it('names the comparison an ablation fails on when it is not the main one, whose effect is shown', async () => {
    const { summary } = await import('../cli/claims-summary.ts');
    const range = { p5: 0.1, p50: 0.2, p95: 0.3 };
    const ablation = (label: string, held: boolean, failsOn: number | null) => ({
      label,
      held,
      effect: 0.62,
      lo: 0.49,
      hi: 0.75,
      verdicts: ['main: +62%', 'co-driving vs alone: +0.0%', 'second year: close'],
      failsOn,
    });
    const audit = {
      claim: 'C3',
      employees: 2000,
      premise: 'an outsider does not know the codes',
      robustness: { held: 51, points: 64, share: 51 / 64, lo: 0.68, hi: 0.88 },
      robust: false,
      effects: [],
      field: { contributors: range, posts: range },
      posterior: null,
      flips: [],
      weakestLead: null,
      premiseFlip: null,
      premiseSteps: [],
      ablations: [
        ablation('as it is', true, null),
        ablation('co-driving without introductions', false, 1),
        ablation('no premise', false, 0),
      ],
      points: [],
      parameters: [],
    };
    const text = summary({ claims: ['C3'] } as never, [], [audit] as never, null);
    expect(text).toContain('holds in 51 of 64 plausible organizations (79.7% [68%, 88%])');
    expect(text).toContain('NOT ROBUST');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('fails co-driving without introductions'));
    expect(lines[at + 1]).toBe('    fails on: co-driving vs alone: +0.0%');
    // When the main comparison is the one that fails, its effect is already on the line.
    const main = lines.findIndex((l) => l.includes('fails no premise'));
    expect(lines[main + 1] ?? '').not.toMatch(/fails on/);
  });
});
