/**
 * Validation time against input size (issue 11: 10,000 interventions took 496 s; the target is under 1 s
 * in Node): `loadScenario` on scenario texts of 500 to 10,000 interventions (the schema's maximum), each
 * setting three live parameters, plus one with 100 derived metrics. Medians of a few repeats, in this
 * process (warm JIT). The tests check that validation is right; the time is measured here only.
 */
import { loadScenario } from '../src/scenario/load.ts';
import { median } from './measure.ts';

export interface ValidationTiming {
  what: string;
  bytes: number;
  ms: number;
}

function interventionsText(n: number): string {
  const interventions = Array.from({ length: n }, (_, i) => ({
    at: i % 500,
    label: `change ${i}`,
    set: { 'smm.count': i % 4, 'cm.speakShare': (i % 10) / 10, 'policies.visibility': (i % 7) / 7 },
  }));
  return JSON.stringify({ name: `${n} interventions`, interventions });
}

function metricsText(n: number, salt = 0): string {
  const metrics = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`m${i}`, `valueCum / (costCum + ${i + salt * n}) + round(value, ${i % 10})`]),
  );
  return JSON.stringify({ name: `${n} metrics`, metrics });
}

export function benchValidation(repeats = 3): ValidationTiming[] {
  const inputs: [string, (r: number) => string][] = [
    ...[500, 2_000, 4_000, 10_000].map((n): [string, (r: number) => string] => [
      `${n.toLocaleString('en-US')} interventions`,
      () => interventionsText(n),
    ]),
    // New expressions each time: the metrics' trial is cached per expression (as a sweep re-validates them).
    ['100 derived metrics, 500 ticks', (r) => metricsText(100, r + 1)],
  ];
  return inputs.map(([what, make]) => {
    const times: number[] = [];
    let bytes = 0;
    for (let r = 0; r < repeats; r++) {
      const fresh = make(r);
      bytes = fresh.length;
      const t0 = performance.now();
      loadScenario(fresh, { source: what });
      times.push(performance.now() - t0);
    }
    return { what, bytes, ms: median(times) };
  });
}
