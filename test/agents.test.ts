import { describe, expect, it } from 'vitest';
import { validate } from '../src/scenario/load.ts';
import { Simulation } from '../src/model/simulation.ts';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_COLUMNS, agentCsv, agentCsvHeader, agentTable, agentsWords } from '../src/metrics/agents.ts';
import { cli } from './sweep-helpers.ts';
import { SERIES_INDEX } from '../src/metrics/series.ts';

describe('per-agent export', () => {
  const sim = new Simulation(validate({ organization: { employees: 100 }, external: { customers: 20 }, ticks: 30 }), 3);
  sim.run();

  it('has one row per agent with the attributes the seeds name', () => {
    const csv = agentCsv(sim.world).trim().split('\n');
    expect(csv.length).toBe(121);
    const header = csv[0]!.split(',');
    for (const name of ['riskAversion', 'needForSense', 'alignment', 'webSociability', 'expertiseTopic', 'timeBudget'])
      expect(header).toContain(name);
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

describe('orgsim run --agents, as a researcher finds it', () => {
  const sim = new Simulation(validate({ organization: { employees: 100 }, external: { customers: 20 }, ticks: 5 }), 3);

  it('says that customers are counted among the agents', () => {
    expect(agentsWords(agentTable(sim.world))).toBe('120 agents (100 employees + 20 customers)');
  });

  it('is documented, with every column, in orgsim help run and in docs/reference.md', async () => {
    const help = (await cli(['help', 'run'])).stdout;
    const reference = readFileSync(new URL('../docs/reference.md', import.meta.url), 'utf8');
    expect(help).toMatch(/--agents FILE {7}also write every agent/);
    const columns = agentCsvHeader(agentTable(sim.world)).trim().split(',');
    expect(columns.slice(3)).toEqual(AGENT_COLUMNS.map((c) => c.name));
    for (const c of columns) {
      expect(help, c).toMatch(new RegExp(`\\n  ${c} +\\S`));
      expect(reference, c).toContain(`| \`${c}\` |`);
    }
  });

  it('names the employees and the customers when it writes the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgsim-agents-'));
    try {
      const r = await cli([
        'run',
        'baseline',
        '--ticks',
        '3',
        '--set',
        'organization.employees=200',
        '--set',
        'external.customers=70',
        '--agents',
        join(dir, 'a.csv'),
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/wrote .*a\.csv \(1 run x 270 agents \(200 employees \+ 70 customers\), /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
