import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { Simulation } from '../src/model/simulation.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';

const small = validate({ organization: { employees: 200 }, external: { customers: 100 }, ticks: 120 });

describe('Simulation', () => {
  it('is deterministic: same scenario and seed give the same series bit for bit', () => {
    const a = new Simulation(small, 7);
    const b = new Simulation(small, 7);
    a.run();
    b.run();
    for (let k = 0; k < a.series.length; k++) expect(Buffer.from(a.series[k]!.buffer).equals(Buffer.from(b.series[k]!.buffer))).toBe(true);
  });

  it('gives different series for different seeds', () => {
    const a = new Simulation(small, 1);
    const b = new Simulation(small, 2);
    a.run();
    b.run();
    expect(a.series[SERIES_INDEX.valueCum!]![119]).not.toBe(b.series[SERIES_INDEX.valueCum!]![119]);
  });

  it('keeps people counts consistent every tick', () => {
    const sim = new Simulation(small, 3);
    sim.run();
    const I = SERIES_INDEX;
    for (let t = 0; t < sim.ticks; t++) {
      const total = sim.series[I.contributors!]![t]! + sim.series[I.readers!]![t]! + sim.series[I.absent!]![t]!;
      expect(total).toBe(200);
    }
  });

  it('stops at the horizon', () => {
    const sim = new Simulation(small, 3);
    expect(sim.run(1000)).toBe(120);
    expect(() => sim.step()).toThrow(/over/);
  });
});
