/**
 * One golden file per shipped scenario (test/__golden__/<scenario>.json): each scenario of scenarios/, capped at
 * GOLDEN_EMPLOYEES employees (atSize) and GOLDEN_TICKS ticks, run with its own seed; a few series sampled every
 * GOLDEN_EVERY ticks, so that a change that moves a number shows where in review, and a SHA-256 of every
 * series, of the activity trace and of the per-agent table, bit for bit, so that no change of the last bit
 * goes unseen.
 *
 * When the model's numbers change on purpose (a new mechanism, a calibration of the defaults), regenerate the
 * files and review the diff:
 *
 *   npx vitest run test/golden.test.ts -u
 */
import { describe, expect, it } from 'vitest';
import { readScenario, scenarioFiles } from '../cli/scenarios.ts';
import { atSize } from '../src/scenario/scale.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { SERIES, SERIES_INDEX } from '../src/metrics/series.ts';
import { agentTable } from '../src/metrics/agents.ts';
import { digest } from './digest.ts';

const GOLDEN_EMPLOYEES = 2000;
const GOLDEN_TICKS = 150;
const GOLDEN_EVERY = 15;
const SAMPLED = [
  'activeShare',
  'contributors',
  'readers',
  'openMembers',
  'valueCum',
  'costCum',
  'gini',
  'legitimacy',
  'framework',
  'alignment',
  'attentionMinutes',
];

/** The scenario as the golden run plays it: at most GOLDEN_EMPLOYEES employees and GOLDEN_TICKS ticks. */
function goldenScenario(s: Scenario): Scenario {
  const sized = s.organization.employees > GOLDEN_EMPLOYEES ? atSize(s, GOLDEN_EMPLOYEES) : structuredClone(s);
  sized.ticks = Math.min(sized.ticks, GOLDEN_TICKS);
  sized.interventions = sized.interventions.filter((iv) => iv.at < sized.ticks);
  return sized;
}

function golden(name: string): string {
  const scenario = goldenScenario(readScenario(name).scenario);
  const sim = new Simulation(scenario, scenario.seed, { trace: true });
  sim.run();
  const sampled: Record<string, number[]> = {};
  for (const n of SAMPLED)
    sampled[n] = Array.from(sim.series[SERIES_INDEX[n]!]!).filter((_, t) => t % GOLDEN_EVERY === GOLDEN_EVERY - 1);
  const trace = sim.trace!;
  const file = {
    scenario: name,
    employees: scenario.organization.employees,
    customers: scenario.external.customers,
    ticks: scenario.ticks,
    seed: scenario.seed,
    sha256: {
      series: digest(sim.series),
      trace: digest([trace.state, trace.open]),
      agents: digest(agentTable(sim.world).map((c) => c.values)),
    },
    everyTicks: GOLDEN_EVERY,
    sampled,
  };
  // One line per series: the diff of a moved number stays readable.
  const lines = Object.entries(sampled).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const head = JSON.stringify({ ...file, sampled: undefined }, null, 2).replace(/\n}$/, '');
  return `${head},\n  "sampled": {\n${lines.join(',\n')}\n  }\n}\n`;
}

describe('golden files (one per shipped scenario)', () => {
  const names = scenarioFiles().map((f) => f.replace(/\.json$/, ''));

  it('covers every shipped scenario', () => {
    expect(names.length).toBeGreaterThan(20);
    expect(SERIES.length).toBeGreaterThan(40);
  });

  for (const name of names) {
    it(name, async () => {
      await expect(golden(name)).toMatchFileSnapshot(`./__golden__/${name}.json`);
    });
  }
});
