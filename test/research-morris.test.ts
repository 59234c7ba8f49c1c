import { describe, expect, it } from 'vitest';
import { elementaryEffects, morris, morrisDelta, morrisTrajectories } from '../src/research/morris.ts';
import { designStream } from '../src/research/random.ts';
import { ishigamiUnit } from './research-ishigami.ts';

const LEVELS = 4;

/**
 * The exact mu, mu* and sigma of a Morris design on L levels, by enumeration: in a trajectory every
 * coordinate is uniform over the L levels, independently, and the moved one starts on the lower half (the
 * sign of a downward move is undone by dividing by -delta). So the elementary effect of x_i is uniform over
 * (lower level of x_i) x (levels of the others).
 */
function exact(
  f: (u: number[]) => number,
  dims: number,
  levels: number,
): { mu: number[]; muStar: number[]; sigma: number[] } {
  const delta = morrisDelta(levels);
  const grid = Array.from({ length: levels }, (_, k) => k / (levels - 1));
  const lower = grid.slice(0, levels / 2);
  const mu: number[] = [];
  const muStar: number[] = [];
  const sigma: number[] = [];
  for (let i = 0; i < dims; i++) {
    const effects: number[] = [];
    const others = Array.from({ length: levels ** (dims - 1) }, (_, code) =>
      Array.from({ length: dims - 1 }, (_, k) => grid[Math.floor(code / levels ** k) % levels]!),
    );
    for (const xi of lower) {
      for (const rest of others) {
        const x = [...rest.slice(0, i), xi, ...rest.slice(i)];
        const moved = x.slice();
        moved[i] = xi + delta;
        effects.push((f(moved) - f(x)) / delta);
      }
    }
    const m = effects.reduce((s, e) => s + e, 0) / effects.length;
    mu.push(m);
    muStar.push(effects.reduce((s, e) => s + Math.abs(e), 0) / effects.length);
    sigma.push(Math.sqrt(effects.reduce((s, e) => s + (e - m) ** 2, 0) / effects.length));
  }
  return { mu, muStar, sigma };
}

/**
 * Tolerance: 5% of the exact value (absolute 0.25 for mu, whose exact value is 0 for x2 and x3), with
 * r = 2000 trajectories (8000 evaluations): the standard error of mu* is then about 0.1 (1.5%).
 */
const R = 2000;
const REL = 0.05;

describe('Morris elementary effects', () => {
  const truth = exact(ishigamiUnit, 3, LEVELS);
  const result = morris(ishigamiUnit, 3, { trajectories: R, levels: LEVELS, seed: 1, bootstrap: 200 });

  it('has the published ordering on 4 levels: mu* of x2 > x1 > x3 (SALib example: 7.9, 7.7, 6.3)', () => {
    expect(truth.muStar[1]!).toBeGreaterThan(truth.muStar[0]!);
    expect(truth.muStar[0]!).toBeGreaterThan(truth.muStar[2]!);
    [7.7, 7.875, 6.25].forEach((v, i) => expect(truth.muStar[i]).toBeCloseTo(v, 2));
    const est = result.mu_star.map((e) => e.estimate);
    expect(est[1]!).toBeGreaterThan(est[0]!);
    expect(est[0]!).toBeGreaterThan(est[2]!);
  });

  it('estimates mu*, mu and sigma within 5% of their exact values', () => {
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(result.mu_star[i]!.estimate - truth.muStar[i]!)).toBeLessThan(REL * truth.muStar[i]!);
      expect(Math.abs(result.sigma[i]!.estimate - truth.sigma[i]!)).toBeLessThan(REL * truth.sigma[i]!);
      expect(Math.abs(result.mu[i]!.estimate - truth.mu[i]!)).toBeLessThan(
        Math.max(0.25, REL * Math.abs(truth.mu[i]!)),
      );
    }
  });

  it('gives bootstrap intervals that contain the estimate', () => {
    for (const k of ['mu', 'mu_star', 'sigma'] as const) {
      for (const e of result[k]) {
        expect(e.lo).toBeLessThanOrEqual(e.estimate + 1e-12);
        expect(e.hi).toBeGreaterThanOrEqual(e.estimate - 1e-12);
      }
    }
  });

  it('builds trajectories on the grid that move one parameter at a time by delta', () => {
    const levels = 6;
    const delta = morrisDelta(levels);
    const rows = morrisTrajectories(50, 4, levels, designStream(3, 'morris'));
    expect(rows).toHaveLength(50 * 5);
    const onGrid = (x: number) => Math.abs(x * (levels - 1) - Math.round(x * (levels - 1))) < 1e-12 && x >= 0 && x <= 1;
    const counts = new Array<number>(levels).fill(0);
    for (let t = 0; t < 50; t++) {
      const moved = new Set<number>();
      for (let k = t * 5; k < t * 5 + 4; k++) {
        const changed = rows[k]!.map((x, j) => (x !== rows[k + 1]![j] ? j : -1)).filter((j) => j >= 0);
        expect(changed).toHaveLength(1);
        expect(Math.abs(Math.abs(rows[k + 1]![changed[0]!]! - rows[k]![changed[0]!]!) - delta)).toBeLessThan(1e-12);
        moved.add(changed[0]!);
      }
      expect(moved.size).toBe(4); // every parameter moves once
      for (const row of rows.slice(t * 5, t * 5 + 5))
        row.forEach((x) => {
          expect(onGrid(x)).toBe(true);
          counts[Math.round(x * (levels - 1))]!++;
        });
    }
    expect(counts.every((c) => c > 0)).toBe(true); // every level visited
  });

  it('reads the effects from the points: a linear model gives its slopes exactly, sigma 0', () => {
    const unit = morrisTrajectories(5, 3, 4, designStream(2, 'morris'));
    const effects = elementaryEffects(
      unit,
      unit.map(([a, b, c]) => 2 * a! - 3 * b! + 0 * c!),
      3,
    );
    for (const ee of effects) {
      expect(ee[0]).toBeCloseTo(2, 12);
      expect(ee[1]).toBeCloseTo(-3, 12);
      expect(ee[2]).toBeCloseTo(0, 12);
    }
  });
});
