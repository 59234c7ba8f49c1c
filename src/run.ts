/** Run one replication of a scenario to its horizon: the unit of work of the CLI, the workers and the tests. */
import type { Scenario } from './scenario/schema.ts';
import { Simulation, type InterventionRecord } from './model/simulation.ts';
import { agentTable, type AgentColumn } from './metrics/agents.ts';

export interface RunOutput {
  seed: number;
  ticks: number;
  /** One Float64Array per series, in SERIES order. */
  series: Float64Array[];
  interventions: InterventionRecord[];
  /**
   * The scenario's derived metrics (`metrics`), one series each, by name: filled by `withDerived`
   * (src/metrics/derived.ts) where the run's results are gathered, so that workers need no expression parser.
   */
  derived: Record<string, Float64Array>;
  /** The per-agent table at the end of the run (with the `agents` option). */
  agents?: AgentColumn[];
}

export interface RunOptions {
  /** Also return the per-agent table (src/metrics/agents.ts). */
  agents?: boolean;
}

export function runScenario(scenario: Scenario, seed: number = scenario.seed, options: RunOptions = {}): RunOutput {
  const sim = new Simulation(scenario, seed);
  sim.run();
  const out: RunOutput = { seed, ticks: sim.ticks, series: sim.series, interventions: sim.interventions, derived: {} };
  if (options.agents) out.agents = agentTable(sim.world);
  return out;
}
