/**
 * Per-agent export: the attributes the seeds name (drawn once) and where each agent ended up. One row per
 * agent; columns are typed arrays, so the table costs nothing until it is written.
 */
import { ROLES, type World } from '../model/world.ts';

export interface AgentColumn {
  name: string;
  description: string;
  values: ArrayLike<number>;
  /** Labels for coded columns (role). */
  labels?: readonly string[];
}

export function agentTable(w: World): AgentColumn[] {
  return [
    { name: 'role', description: 'member, manager, owner or customer', values: w.role, labels: ROLES },
    { name: 'team', description: 'Team index (-1 for customers)', values: w.team },
    { name: 'department', description: 'Department index (-1 for customers)', values: w.department },
    { name: 'expertiseTopic', description: 'Topic of his expertise (-1 for customers)', values: w.expertiseTopic },
    { name: 'riskAversion', description: 'Fear for evaluation, image, exposure (0-1)', values: w.riskAversion },
    { name: 'needForSense', description: 'Need to know purpose, rules and limits (0-1)', values: w.needForSense },
    { name: 'alignmentStart', description: 'Alignment at the start (0-1)', values: w.alignmentStart },
    { name: 'alignment', description: 'Alignment now (0-1)', values: w.alignment },
    { name: 'webSociability', description: 'Sociability on the public web (0-1)', values: w.webSociability },
    { name: 'timeBudget', description: 'Minutes a day for social tools', values: w.timeBudget },
    { name: 'voice', description: 'Propensity to write rather than read (lognormal, mean 1)', values: w.voice },
    { name: 'memberships', description: 'Groups joined now', values: w.joinedCount },
    { name: 'contributions', description: 'Contributions so far', values: w.contributions },
    { name: 'efficiency', description: 'Efficiency experienced: moving average of hours gained a day', values: w.efficiency },
  ];
}

/** The table as CSV text: agent, then one column each. */
export function agentCsv(w: World): string {
  const cols = agentTable(w);
  const lines = [['agent', ...cols.map((c) => c.name)].join(',')];
  for (let i = 0; i < w.agents; i++) {
    const row = [String(i)];
    for (const c of cols) {
      const v = c.values[i]!;
      row.push(c.labels ? c.labels[v]! : String(v));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
