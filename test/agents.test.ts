import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { Simulation } from '../src/model/simulation.ts';
import { agentCsv, agentTable } from '../src/metrics/agents.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';

describe('per-agent export', () => {
  const sim = new Simulation(validate({ organization: { employees: 100 }, external: { customers: 20 }, ticks: 30 }), 3);
  sim.run();

  it('has one row per agent with the attributes the seeds name', () => {
    const csv = agentCsv(sim.world).trim().split('\n');
    expect(csv.length).toBe(121);
    const header = csv[0]!.split(',');
    for (const name of ['riskAversion', 'needForSense', 'alignment', 'webSociability', 'expertiseTopic', 'timeBudget']) expect(header).toContain(name);
    const last = csv[120]!.split(',');
    expect(last[header.indexOf('role')]).toBe('customer');
    expect(Number(last[header.indexOf('riskAversion')])).toBe(sim.world.riskAversion[119]);
  });

  it('exports contributions that add up to the reported posts', () => {
    const contributions = agentTable(sim.world).find((c) => c.name === 'contributions')!.values;
    let total = 0;
    for (let i = 0; i < sim.world.agents; i++) total += contributions[i]!;
    let posts = 0;
    // Members' posts, and owners' prompts (managers and community owners are employees).
    for (const name of ['posts_team', 'posts_open', 'posts_external', 'ownerPosts']) {
      const s = sim.series[SERIES_INDEX[name]!]!;
      for (let t = 0; t < sim.ticks; t++) posts += s[t]!;
    }
    expect(total).toBe(posts);
  });
});
