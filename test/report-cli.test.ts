/**
 * What `orgsim report` and a sensitivity analysis tell a researcher (issue 21, item 17): a parameter whose role
 * the scenario lacks is named before the runs (its effect will be exactly 0, which is no finding); the claims
 * report names each comparison with its arms (C3's two rows of one measure no longer read alike) and says each
 * size's verdict in claimVerdict's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { absentRoles } from '../src/research/absent.ts';
import { validate } from '../src/scenario/load.ts';
import { claimsReport } from '../src/research/report/claims.ts';
import { CLAIMS, evaluateMeasures } from '../src/claims.ts';
import { cli } from './sweep-helpers.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orgsim-report-cli-'));
  writeFileSync(
    join(dir, 'nocm.json'),
    JSON.stringify({
      name: 'no CM',
      organization: { employees: 60 },
      external: { customers: 0 },
      ticks: 20,
      cm: { present: false },
      smm: { count: 0 },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a parameter whose role the scenario lacks', () => {
  const s = validate({
    organization: { employees: 60 },
    external: { customers: 0 },
    ticks: 20,
    cm: { present: false },
    smm: { count: 0 },
  });
  it("is found: the CM's without a CM, the SMMs' without SMMs, the external community's without customers", () => {
    expect(
      absentRoles(s, ['cm.speakShare', 'smm.helpOnRequest', 'external.emceeEffort', 'policies.visibility']),
    ).toEqual([
      { path: 'cm.speakShare', missing: 'no community manager (cm.present = false)' },
      { path: 'smm.helpOnRequest', missing: 'no social media manager (smm.count = 0)' },
      { path: 'external.emceeEffort', missing: 'no external community (external.customers = 0)' },
    ]);
  });
  it('is not, when the role comes in: varied itself, or brought by an intervention', () => {
    expect(absentRoles(s, ['cm.speakShare', 'cm.present'])).toEqual([]);
    const hired = validate({
      organization: { employees: 60 },
      ticks: 20,
      smm: { count: 0 },
      interventions: [{ at: 5, label: 'hire', set: { 'smm.count': 2 } }],
    });
    expect(absentRoles(hired, ['smm.helpOnRequest'])).toEqual([]);
  });
  it('is named by orgsim sensitivity before it runs, in one line', async () => {
    const r = await cli([
      'sensitivity',
      join(dir, 'nocm.json'),
      '--method',
      'morris',
      '--samples',
      '2',
      '--param',
      'cm.speakShare=0:1',
      '--param',
      'policies.visibility=0:1',
      '--workers',
      '1',
      '--out',
      join(dir, 's'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('orgsim sensitivity: warning: --param cm.speakShare: ');
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`nocm\.json has no community manager \(cm\.present = false\), so this parameter acts on ` +
          String.raw`nothing and its effect will be exactly 0\n`,
      ),
    );
    expect(r.stderr).not.toContain('--param policies.visibility:');
  });
});

describe('the claims report', () => {
  it("names each comparison with its arms and says each size's verdict as orgsim claims does", () => {
    const c3 = CLAIMS.find((c) => c.id === 'C3')!;
    const m = (x: number) => [x, x, x];
    const results = evaluateMeasures(c3, {
      'c3-smm-internal': [m(100), m(104), m(96)],
      'c3-smm-outsourced-alone': [m(90), m(120), m(70)],
      'c3-smm-outsourced-codriving': [m(101), m(103), m(95)],
    });
    const r = claimsReport({
      sizes: [{ claim: 'C3', employees: 200, results, field: undefined as never }],
      audits: [],
    });
    const labels = r.claims[0]!.sizes[0]!.comparisons.map((e) => e.label);
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toBe('open-community value, first 125 days: c3-smm-internal over c3-smm-outsourced-alone');
    expect(labels[1]).toBe(
      'open-community value, first 125 days: c3-smm-outsourced-codriving over c3-smm-outsourced-alone',
    );
    expect(r.claims[0]!.sizes[0]!.verdict).toMatch(/^inconclusive with 3 runs/);
    expect(r.claims[0]!.sizes[0]!.comparisons[0]!.outcome).toBe('inconclusive');
  });
});
