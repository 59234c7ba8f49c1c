/**
 * Per-agent export: where each agent sits, the attributes the seeds name (drawn once), and what he did and
 * where he ended up. One row per agent; columns are typed arrays (copied out of the world, so they can cross a
 * thread boundary as transferred buffers), so the table costs nothing until it is written.
 */
import { ROLES, type World } from '../model/world.ts';

export interface AgentColumn {
  name: string;
  description: string;
  values: Float64Array | Int32Array | Uint8Array;
  /** Labels for coded columns (role). */
  labels?: readonly string[];
}

/** Mean engagement over each agent's joined memberships (NaN for an agent in no group). */
function meanEngagement(w: World): Float64Array {
  const sum = new Float64Array(w.agents);
  const n = new Float64Array(w.agents);
  for (let m = 0; m < w.memberships; m++) {
    if (!w.joined[m]) continue;
    const i = w.memberAgent[m]!;
    sum[i]! += w.engagement[m]!;
    n[i]!++;
  }
  for (let i = 0; i < w.agents; i++) sum[i] = n[i]! > 0 ? sum[i]! / n[i]! : NaN;
  return sum;
}

/** The per-agent table's columns after run, seed and agent: what each is, and how it is read from the world. */
export const AGENT_COLUMNS: readonly {
  name: string;
  description: string;
  of: (w: World) => AgentColumn['values'];
  labels?: readonly string[];
}[] = [
  { name: 'role', description: 'member, manager, owner or customer', of: (w) => w.role.slice(), labels: ROLES },
  { name: 'team', description: 'Team index (-1 for customers)', of: (w) => w.team.slice() },
  { name: 'department', description: 'Department index (-1 for customers)', of: (w) => w.department.slice() },
  {
    name: 'expertiseTopic',
    description: 'Topic of his expertise (-1 for customers)',
    of: (w) => w.expertiseTopic.slice(),
  },
  {
    name: 'riskAversion',
    description: 'Fear for evaluation, image, exposure (0-1)',
    of: (w) => w.riskAversion.slice(),
  },
  {
    name: 'needForSense',
    description: 'Need to know purpose, rules and limits (0-1)',
    of: (w) => w.needForSense.slice(),
  },
  { name: 'alignmentStart', description: 'Alignment at the start (0-1)', of: (w) => w.alignmentStart.slice() },
  { name: 'webSociability', description: 'Sociability on the public web (0-1)', of: (w) => w.webSociability.slice() },
  {
    name: 'statusSeeking',
    description: 'Wish to be seen and recognized in the organization (0-1)',
    of: (w) => w.statusSeeking.slice(),
  },
  { name: 'timeBudget', description: 'Minutes a day he can give to social tools', of: (w) => w.timeBudget.slice() },
  { name: 'writer', description: '1 if disposed to write, 0 if he mostly reads', of: (w) => w.writer.slice() },
  { name: 'voice', description: 'Propensity to write rather than read (mean 1)', of: (w) => w.voice.slice() },
  { name: 'contributions', description: 'Contributions (all groups)', of: (w) => w.contributions.slice() },
  {
    name: 'openContributions',
    description: 'Contributions in open communities',
    of: (w) => w.openContributions.slice(),
  },
  { name: 'reads', description: 'Visits without contributing (all groups)', of: (w) => w.reads.slice() },
  { name: 'activeDays', description: 'Days on which he took part somewhere', of: (w) => w.activeDays.slice() },
  {
    name: 'contributionDays',
    description: 'Days on which he contributed somewhere',
    of: (w) => w.contributionDays.slice(),
  },
  { name: 'memberships', description: 'Groups joined at the end', of: (w) => w.joinedCount.slice() },
  {
    name: 'engagement',
    description: 'Mean engagement over the groups joined at the end (logit; empty for none)',
    of: (w) => meanEngagement(w),
  },
  { name: 'alignment', description: 'Alignment at the end (0-1)', of: (w) => w.alignment.slice() },
  {
    name: 'efficiency',
    description: 'Efficiency experienced at the end: moving average of hours gained a day',
    of: (w) => w.efficiency.slice(),
  },
  {
    name: 'attentionMinutes',
    description: 'Minutes a day spent on social tools lately, at the end',
    of: (w) => w.load.slice(),
  },
];

export function agentTable(w: World): AgentColumn[] {
  return AGENT_COLUMNS.map((c) => ({
    name: c.name,
    description: c.description,
    values: c.of(w),
    ...(c.labels ? { labels: c.labels } : {}),
  }));
}

/** How many agents a table has, saying who they are: "3,000 agents (2,000 employees + 1,000 customers)". */
export function agentsWords(columns: readonly AgentColumn[]): string {
  const role = columns.find((c) => c.name === 'role')!.values;
  const customer = ROLES.indexOf('customer');
  let customers = 0;
  for (let i = 0; i < role.length; i++) if (role[i] === customer) customers++;
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(role.length)} agents (${n(role.length - customers)} employees + ${n(customers)} customers)`;
}

/** The columns in words, for `orgsim help run` and the README: "run: ...", one a line. */
export function agentColumnsText(indent = ''): string {
  const all = [
    { name: 'run', description: 'Replication (from 0)' },
    { name: 'seed', description: "The run's seed" },
    { name: 'agent', description: 'Agent index: employees first, then customers' },
    ...AGENT_COLUMNS,
  ];
  return all.map((c) => `${indent}${c.name.padEnd(18)}${c.description}`).join('\n');
}

const cell = (c: AgentColumn, i: number): string => {
  const v = c.values[i]!;
  if (c.labels) return c.labels[v]!;
  return Number.isNaN(v) ? '' : String(v);
};

export const AGENT_CSV_PREFIX = ['run', 'seed', 'agent'];

/** The header of the per-agent CSV (run, seed, agent, then one column each). */
export function agentCsvHeader(columns: readonly AgentColumn[]): string {
  return `${[...AGENT_CSV_PREFIX, ...columns.map((c) => c.name)].join(',')}\n`;
}

/** The rows of one run's table. */
export function agentCsvRows(run: number, seed: number, columns: readonly AgentColumn[]): string {
  const n = columns[0]?.values.length ?? 0;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`${run},${seed},${i},${columns.map((c) => cell(c, i)).join(',')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** One run's table as CSV text, header included. */
export function agentCsv(w: World, run = 0, seed = 0): string {
  const cols = agentTable(w);
  return agentCsvHeader(cols) + agentCsvRows(run, seed, cols);
}
