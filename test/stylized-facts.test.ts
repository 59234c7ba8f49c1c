/**
 * Stylized facts of online and enterprise community participation, with default parameters (the baseline
 * scenario), over 20 replications:
 * - participation inequality: a few members make most contributions (Nielsen 2006, "Participation
 *   inequality": 90% lurk, 9% contribute a little, 1% most). Enterprise networks are less extreme because
 *   team groups are written work; we require Gini >= 0.6 and the top 10% >= 50% of contributions.
 * - a majority of readers over writers (Nonnecke & Preece 2000: lurkers are the majority in most groups);
 * - heavy-tailed contributions per person (Wilkinson 2008, "Strong regularities in online peer production":
 *   contributions per person are lognormal / power-law like);
 * - S-shaped adoption of communities (Rogers 2003, Diffusion of Innovations; Bass 1969): slow start,
 *   take-off, saturation.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/model/simulation.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { seedList } from '../src/rng.ts';
import { ci95 } from '../src/stats/index.ts';
import { loadNamed } from './claims-helpers.ts';

const scenario = loadNamed('baseline');
const runs = seedList(99, 20).map((seed) => {
  const sim = new Simulation(scenario, seed);
  sim.run();
  return sim;
});
const last = (sim: Simulation, name: string) => sim.series[SERIES_INDEX[name]!]![sim.ticks - 1]!;
const meanOf = (sim: Simulation, name: string) => sim.series[SERIES_INDEX[name]!]!.reduce((a, b) => a + b, 0) / sim.ticks;

describe('stylized facts of participation (baseline, 20 replications)', () => {
  it('participation inequality: Gini >= 0.6 and the top 10% make at least half the contributions', () => {
    const gini = ci95(runs.map((s) => last(s, 'gini')));
    const top10 = ci95(runs.map((s) => last(s, 'top10Share')));
    const top1 = ci95(runs.map((s) => last(s, 'top1Share')));
    console.log(`Gini ${gini.mean.toFixed(3)} [${gini.lo.toFixed(3)}, ${gini.hi.toFixed(3)}], top 10% ${top10.mean.toFixed(3)}, top 1% ${top1.mean.toFixed(3)}`);
    expect(gini.lo).toBeGreaterThan(0.6);
    expect(top10.lo).toBeGreaterThan(0.5);
    // The top 1% make several times their share.
    expect(top1.lo).toBeGreaterThan(0.05);
  });

  it('readers outnumber writers', () => {
    const ratio = ci95(runs.map((s) => meanOf(s, 'readers') / meanOf(s, 'contributors')));
    console.log(`readers per contributor ${ratio.mean.toFixed(2)} [${ratio.lo.toFixed(2)}, ${ratio.hi.toFixed(2)}]`);
    expect(ratio.lo).toBeGreaterThan(2);
  });

  it('contributions per person are heavy-tailed: the 99th percentile is far above the median', () => {
    const tail = ci95(
      runs.map((s) => {
        const c = Float64Array.from(s.world.contributions.subarray(0, s.world.employees)).sort();
        const median = c[Math.floor(c.length / 2)]!;
        const p99 = c[Math.floor(c.length * 0.99)]!;
        return p99 / Math.max(1, median);
      }),
    );
    console.log(`p99 / median contributions per person: ${tail.mean.toFixed(1)} [${tail.lo.toFixed(1)}, ${tail.hi.toFixed(1)}]`);
    expect(tail.lo).toBeGreaterThan(5);
  });

  it('adoption of open communities is S-shaped: slow start, take-off, slowing down before the horizon', () => {
    const smooth = 50;
    const shape = runs.map((s) => {
      const x = s.series[SERIES_INDEX.readers_open!]!;
      const window: number[] = [];
      for (let t = 0; t + smooth <= s.ticks; t += smooth) {
        let m = 0;
        for (let k = t; k < t + smooth; k++) m += x[k]!;
        window.push(m / smooth);
      }
      const growth = window.slice(1).map((v, i) => v - window[i]!);
      const peak = Math.max(...growth);
      const at = growth.indexOf(peak);
      return { early: growth[0]! / peak, late: growth[growth.length - 1]! / peak, interior: at > 0 && at < growth.length - 1 };
    });
    const early = ci95(shape.map((s) => s.early));
    const late = ci95(shape.map((s) => s.late));
    const interior = shape.filter((s) => s.interior).length;
    console.log(`growth at start / peak ${early.mean.toFixed(2)}, at end / peak ${late.mean.toFixed(2)}, interior peak in ${interior}/20 runs`);
    expect(early.hi).toBeLessThan(0.4);
    expect(late.hi).toBeLessThan(0.9);
    expect(interior).toBeGreaterThanOrEqual(15);
  });

  it('web sociability says nothing about participation at work (weight 0 by default)', () => {
    const sim = runs[0]!;
    const w = sim.world;
    const n = w.employees;
    let mx = 0, my = 0;
    for (let i = 0; i < n; i++) { mx += w.webSociability[i]!; my += w.contributions[i]!; }
    mx /= n; my /= n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      const dx = w.webSociability[i]! - mx, dy = w.contributions[i]! - my;
      sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
    }
    const r = sxy / Math.sqrt(sxx * syy);
    // |r| below 3 standard errors of a null correlation.
    expect(Math.abs(r)).toBeLessThan(3 / Math.sqrt(n));
  });
});
