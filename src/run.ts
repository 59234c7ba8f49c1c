/** Run one replication of a scenario to its horizon: the unit of work of the CLI, the workers and the tests. */
import type { Scenario } from './scenario/schema.ts';
import { Simulation, type InterventionRecord } from './model/simulation.ts';
import { compileMetrics, evaluateMetrics } from './metrics/derived.ts';

export interface RunOutput {
  seed: number;
  ticks: number;
  /** One Float64Array per series, in SERIES order. */
  series: Float64Array[];
  interventions: InterventionRecord[];
  /** The scenario's derived metrics (`metrics`), one series each, by name. */
  derived: Record<string, Float64Array>;
}

export function runScenario(scenario: Scenario, seed: number = scenario.seed): RunOutput {
  const sim = new Simulation(scenario, seed);
  sim.run();
  const metrics = Object.keys(scenario.metrics).length ? compileMetrics(scenario.metrics) : [];
  const derived = evaluateMetrics(metrics, sim.series, sim.ticks);
  return { seed, ticks: sim.ticks, series: sim.series, interventions: sim.interventions, derived };
}
