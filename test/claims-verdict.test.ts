/**
 * How a claim's result is said (issue 21, item 15): an underpowered test is "inconclusive with N runs; about M
 * needed", not a refutation; "does not hold" is kept for an interval on the wrong side. One function
 * (claimVerdict) decides the words for `orgsim claims`, its report and the story.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS, MAX_NEEDED, claimVerdict, evaluateMeasures, replicationsNeeded, type Claim } from '../src/claims.ts';

const c1 = CLAIMS.find((c) => c.id === 'C1')!;
const c3 = CLAIMS.find((c) => c.id === 'C3')!;

/** C1's two arms with these per-seed values (higher arm = lower arm + difference). */
function c1With(lower: number[], diffs: number[]) {
  return evaluateMeasures(c1, {
    'c1-no-governance': lower.map((x) => [x]),
    'c1-cm-relays': lower.map((x, i) => [x + diffs[i]!]),
  });
}

describe('replicationsNeeded', () => {
  it("is the t test's sample size for 80% power: about 10 for an effect of one standard deviation, 4x for \
half of it", () => {
    // The normal approximation gives (1.96 + 0.84)^2 = 7.8; with t quantiles a few more.
    expect(replicationsNeeded(1, 1)).toBeGreaterThanOrEqual(9);
    expect(replicationsNeeded(1, 1)).toBeLessThanOrEqual(11);
    const half = replicationsNeeded(0.5, 1);
    expect(half / replicationsNeeded(1, 1)).toBeGreaterThan(3.3);
    expect(half / replicationsNeeded(1, 1)).toBeLessThan(4.2);
    expect(replicationsNeeded(1e-9, 1)).toBe(MAX_NEEDED + 1);
  });
});

describe('claimVerdict', () => {
  it('holds when every interval lies on the predicted side', () => {
    const r = c1With([100, 110, 90, 105], [50, 52, 48, 51]);
    expect(r[0]!.outcome).toBe('holds');
    expect(claimVerdict(r)).toEqual({ outcome: 'holds', words: 'holds' });
  });

  it('does not hold when an interval lies wholly on the wrong side', () => {
    const r = c1With([100, 110, 90, 105], [-50, -52, -48, -51]);
    expect(r[0]!.outcome).toBe('fails');
    expect(claimVerdict(r)).toEqual({ outcome: 'fails', words: 'does not hold' });
  });

  it('is inconclusive when the interval straddles 0, and says about how many runs would decide', () => {
    // A positive effect with a wide spread over 4 runs: like C1 at 200 employees (+311% [-71%, +694%]).
    const diffs = [300, -100, 600, 200];
    const r = c1With([100, 100, 100, 100], diffs);
    expect(r[0]!.outcome).toBe('inconclusive');
    const mean = diffs.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
    expect(r[0]!.needed).toBe(replicationsNeeded(mean, sd));
    expect(claimVerdict(r).words).toBe(`inconclusive with 4 runs; about ${r[0]!.needed} needed`);
    // With that many runs of the same effect and spread (an even number: half above the mean, half below), it decides.
    const n = r[0]!.needed! + (r[0]!.needed! % 2);
    const a = sd * Math.sqrt((n - 1) / n);
    const more = Array.from({ length: n }, (_, i) => mean + (i % 2 ? a : -a));
    expect(
      c1With(
        more.map(() => 100),
        more,
      )[0]!.outcome,
    ).toBe('holds');
  });

  it('an estimate pointing the other way without deciding is inconclusive, with no number of runs', () => {
    const r = c1With([100, 100, 100, 100], [-300, 100, -600, -200]);
    expect(r[0]!.outcome).toBe('inconclusive');
    expect(r[0]!.needed).toBeNull();
    expect(claimVerdict(r).words).toBe('inconclusive with 4 runs; the estimate points the other way');
  });

  it('a "close" comparison fails only when its 90% interval lies wholly outside the margin', () => {
    const claim: Claim = c3;
    const arms = (internal: number[], codriving: number[]) => ({
      'c3-smm-internal': internal.map((x) => [x, x, x]),
      'c3-smm-outsourced-alone': internal.map((x) => [x / 2, x / 2, x / 2]),
      'c3-smm-outsourced-codriving': codriving.map((x) => [x, x, x]),
    });
    const near = evaluateMeasures(claim, arms([100, 102, 98, 101], [97, 103, 99, 100]));
    expect(near[2]!.outcome).toBe('holds');
    const far = evaluateMeasures(claim, arms([100, 102, 98, 101], [50, 52, 49, 51]));
    expect(far[2]!.outcome).toBe('fails');
    expect(claimVerdict(far).words).toBe('does not hold');
    const wide = evaluateMeasures(claim, arms([100, 102, 98, 101], [60, 140, 80, 125]));
    expect(wide[2]!.outcome).toBe('inconclusive');
    expect(wide[2]!.needed).toBeGreaterThan(4);
  });
});
