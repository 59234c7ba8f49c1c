/**
 * The audit's results file (cli/claims-audit-file.ts) and what is filled from it
 * (scripts/claims-audit-fill.ts): the claims table of docs/results.md and the story's audit fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/claims.ts';
import { checkAuditFile, type AuditFile } from '../cli/claims-audit-file.ts';
import { scenarioFiles } from '../cli/scenarios.ts';
import { parseStory } from '../src/story.ts';
import { effectCell, fillReadme, fillResults, fillStory, holdsCell } from '../scripts/claims-audit-fill.ts';

const RESULTS = readFileSync(new URL('../docs/results.md', import.meta.url), 'utf8');
const STORY = readFileSync(new URL('../scenarios/stories/claims.json', import.meta.url), 'utf8');
const ids = scenarioFiles().map((f) => f.replace(/\.json$/, ''));

/** An audit where C2 holds in half the organizations, flipped by what an SMM knows of a team's work. */
function audit(): AuditFile {
  return {
    format: 'orgsim-claims-audit',
    version: 1,
    settings: {
      employees: 2000,
      points: 16,
      runs: 2,
      seed: 2026,
      sets: [],
      posterior: { name: 'mid', note: 'a test', particles: 60, ess: 20, targetsSha256: 'a'.repeat(64), stale: null },
      assumptions: 'plausible ranges',
    },
    claims: CLAIMS.map((c) => ({
      claim: c.id,
      premise: c.premise?.text ?? null,
      holds:
        c.id === 'C2'
          ? { held: 8, points: 16, share: 0.5, lo: 0.28, hi: 0.72 }
          : { held: 16, points: 16, share: 1, lo: 0.806, hi: 1 },
      robust: c.id !== 'C2',
      effects: c.comparisons.map((x) => ({
        label: x.label,
        kind: x.kind,
        value: /value/.test(x.label),
        p5: 0.12,
        p50: 0.5,
        p95: 2.5,
      })),
      field: { contributors: { p5: -0.004, p50: 0.01, p95: 0.031 }, posts: { p5: 0, p50: 0.1, p95: 0.2 } },
      flips:
        c.id === 'C2'
          ? [
              {
                path: 'knowledge.smmTopic',
                kind: 'assumption' as const,
                at: 0.6,
                holdsWhen: 'below' as const,
                z: -3,
                words: 'x',
              },
            ]
          : [],
      weakestLead:
        c.id === 'C3'
          ? 'cm.postsPerHour (assumed): holds while below 4.95 (|z| = 1.9, below what 60 parameters tested need)'
          : null,
      premiseFlip: c.id === 'C2' ? 'knowledge.smmTeamWork = 0.84' : null,
    })),
  };
}

describe('the audit file', () => {
  it('reads back what it holds, and refuses a wrong field in one line', () => {
    const a = audit();
    expect(checkAuditFile(JSON.parse(JSON.stringify(a)), 'a.json')).toEqual(a);
    const bad = (edit: (x: AuditFile & Record<string, unknown>) => void) => {
      const x = audit() as AuditFile & Record<string, unknown>;
      edit(x);
      return () => checkAuditFile(x, 'a.json');
    };
    expect(
      bad((x) => {
        x.format = 'x' as never;
      }),
    ).toThrow(/^a\.json: format = "x" is not allowed; expected one of "orgsim-claims-audit"/);
    expect(
      bad((x) => {
        x.claims[0]!.holds.share = 2;
      }),
    ).toThrow(/^a\.json: claims\[0\]\.holds\.share = 2 is not allowed; expected at most 1/);
    expect(
      bad((x) => {
        x.claims[1]!.robust = true;
      }),
    ).toThrow(/claims\[1\]\.robust = true is not allowed; expected false/);
    expect(
      bad((x) => {
        x.claims[1]!.flips[0]!.path = 'no.such';
      }),
    ).toThrow(/claims\[1\]\.flips\[0\]\.path = "no\.such" is not allowed; expected a scenario parameter/);
    expect(
      bad((x) => {
        x.extra = 1;
      }),
    ).toThrow(/^a\.json: unknown field "extra"/);
    expect(
      bad((x) => {
        x.claims[0]!.effects[0]!.p5 = Infinity;
      }),
    ).toThrow(/claims\[0\]\.effects\[0\]\.p5/);
  });
});

describe('filling docs/results.md and the story', () => {
  it('writes every claim row\'s audit columns, "not robust" below 80%, the effect range and what flips it', () => {
    const out = fillResults(RESULTS, audit());
    const row = (id: string) => out.split('\n').find((l) => l.startsWith(`| ${id} `))!;
    expect(out).toContain('| holds in plausible organizations | effect in 90% of them | what flips it |');
    expect(row('C2')).toContain('| 50% [28, 72] **not robust** (below 80%) |');
    expect(row('C1')).toContain(
      '| 100% [81, 100] | +12% to +250% (model figure); contributors \u22120.4 to +3.1 points |',
    );
    expect(row('C2')).toContain(
      "what an SMM knows of a community's topic (assumed): holds while it is below 0.60; it stops holding " +
        'when its premise reaches knowledge.smmTeamWork = 0.84',
    );
    expect(row('C6')).not.toContain('model figure');
    // Eight cells each: a pipe inside a cell ("|z|") is escaped.
    for (const c of CLAIMS) expect(row(c.id).replace(/\\\|/g, '').split(' | ')).toHaveLength(8);
    expect(row('C3')).toContain(
      "no parameter flips it significantly (Holm's correction); the closest: cm.postsPerHour",
    );
    // How the audit ran, from the file, between its markers.
    expect(out).toContain(
      '<!-- claims-audit:settings -->The audit columns come from ' +
        '`orgsim claims --audit --audit-size 2000 --points 16 --audit-runs 2`',
    );
    // Filling again changes nothing.
    expect(fillResults(out, audit())).toBe(out);
  });

  it("writes each claim step's audit, which the story schema accepts", () => {
    const text = fillStory(STORY, audit());
    const story = parseStory(text, 'claims.json', (id) => ids.includes(id), ids);
    const c2 = story.steps.find((s) => s.claim === 'C2')!.audit!;
    expect(c2.holds).toBe(0.5);
    expect(c2.robust).toBe(false);
    expect(c2.effect).toEqual({
      measure: 'team-group value (hours)',
      kind: 'relative',
      lo: 0.12,
      hi: 2.5,
      model: true,
    });
    expect(c2.flips).toEqual([
      "what an SMM knows of a community's topic (assumed): holds while it is below 0.60",
      "what an SMM knows of a team's own work and objectives reaches 0.84",
    ]);
    expect(story.steps.find((s) => s.claim === 'C3')!.audit!.flips).toEqual([
      'no single assumption explains where it fails, over 16 organizations',
    ]);
    expect(story.steps.find((s) => s.claim === 'C1')!.audit!.premise).toBe('nothing beyond the general mechanisms');
    expect(fillStory(text, audit())).toBe(text);
  });

  it('says a value effect is a model figure, and a paired effect as a log ratio', () => {
    const a = audit();
    const c6 = a.claims.find((c) => c.claim === 'C6')!;
    expect(effectCell(c6)).toMatch(/^\+12% to \+250%; contributors/);
    expect(holdsCell(c6)).toBe('100% [81, 100]');
  });
});

describe('the shipped audit', () => {
  it('is what docs/results.md and the story show (scripts/claims-audit-fill.ts --check)', async () => {
    const { readAuditFile, SHIPPED_AUDIT } = await import('../cli/claims-audit-file.ts');
    const shipped = readAuditFile(SHIPPED_AUDIT);
    expect(fillResults(RESULTS, shipped)).toBe(RESULTS);
    expect(fillStory(STORY, shipped)).toBe(STORY);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(fillReadme(readme, shipped)).toBe(readme);
    // A claim that is not robust says so in the README's table, in the words of docs/results.md.
    const c9 = shipped.claims.find((c) => c.claim === 'C9')!;
    const row = readme.split('\n').find((l) => l.startsWith('| C9 |'))!;
    expect(row.endsWith(`| ${holdsCell(c9)} |`)).toBe(true);
    expect(row.includes('not robust')).toBe(!c9.robust);
    expect(shipped.claims.map((c) => c.claim)).toEqual(CLAIMS.map((c) => c.id));
  });

  it('was drawn from the shipped posterior (a recalibration without a new audit is seen)', async () => {
    const { readAuditFile, SHIPPED_AUDIT } = await import('../cli/claims-audit-file.ts');
    const posterior = JSON.parse(
      readFileSync(new URL('../scenarios/calibration/mid.posterior.json', import.meta.url), 'utf8'),
    );
    const drawn = readAuditFile(SHIPPED_AUDIT).settings.posterior;
    expect(drawn, 'the shipped audit names no posterior').not.toBeNull();
    expect(drawn!.note).toBe(posterior.calibration.note);
    expect(drawn!.ess).toBeCloseTo(posterior.calibration.ess, 6);
    expect(drawn!.targetsSha256).toBe(posterior.calibration.targetsSha256);
  });
});
