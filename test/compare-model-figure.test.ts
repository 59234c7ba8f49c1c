/**
 * The compare view's label for value figures (viz/compare/model-figure.ts): a model figure, with the claims'
 * audit range when the scenarios are a claim's arms as shipped, else the run-to-run interval.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../src/story.ts';
import { CLAIMS } from '../src/claims.ts';
import { auditEffectRange, auditFigure, claimOfArms, RUN_TO_RUN } from '../viz/compare/model-figure.ts';

const ids = readdirSync(new URL('../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const story = parseStory(
  readFileSync(new URL('../scenarios/stories/claims.json', import.meta.url), 'utf8'),
  'claims.json',
  (id) => ids.includes(id),
  ids,
);
const specs = (sources: string[], changes = '') => sources.map((source) => ({ source, changes }));

describe('the label of value figures in the compare view', () => {
  it("names the claim whose arms are compared as shipped, in the claim's order, and no other", () => {
    const c1 = CLAIMS.find((c) => c.id === 'C1')!;
    expect(claimOfArms(specs(c1.arms))?.id).toBe('C1');
    expect(claimOfArms(specs([...c1.arms].reverse()))).toBeUndefined();
    expect(claimOfArms(specs(c1.arms, 'smm.count=3'))).toBeUndefined();
    expect(claimOfArms(specs(['current', 'current']))).toBeUndefined();
  });

  it("gives the claims' audit range of a claim whose audited effect is on value, the run-to-run \
interval otherwise", () => {
    for (const claim of CLAIMS) {
      const effect = story.steps.find((s) => s.claim === claim.id)?.audit?.effect;
      const figure = auditFigure(claim, story.steps);
      expect(figure.text).toMatch(/^Value is a model figure/);
      if (effect?.model) {
        expect(figure.claim).toBe(claim.id);
        expect(figure.text).toContain(`in 90% of plausible organizations: ${auditEffectRange(effect)}`);
      } else expect(figure).toEqual(RUN_TO_RUN);
    }
    // The shipped story audits at least one claim on value: the range is not always the fallback.
    expect(CLAIMS.some((c) => auditFigure(c, story.steps).claim)).toBe(true);
    expect(auditEffectRange({ kind: 'relative', lo: 0.3554, hi: 3.2291 })).toBe('+36% to +323%');
    expect(auditEffectRange({ kind: 'log ratio', lo: -0.05, hi: 0.5 })).toBe('\u22120.050 to +0.50');
  });
});
