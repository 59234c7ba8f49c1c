/**
 * An organization of the network's size and shape, as a scenario file: as many employees as the export has
 * accounts, team groups of its teams' mean size (when the export lists members), as many open communities per 1,000
 * employees as it has open and large closed groups, its departments when it has them, and its horizon (its full months,
 * 21 working days each). Everything else keeps the schema's defaults: the governance is what the user then compares.
 */
import { MAX_AGENTS, OrganizationSchema } from '../scenario/schema.ts';
import { WORKING_DAYS_PER_MONTH } from './calendar.ts';
import type { Statistics } from './statistics.ts';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The schema's default team size, used when the export does not list team members. */
const DEFAULT_TEAM_SIZE: number = OrganizationSchema.parse({}).teamSize;

const FORMAT_NAME = { 'viva-engage': 'Viva Engage', slack: 'Slack' } as const;

/** The months the horizon covers: from the first full month to the last, missing ones included. */
export function horizonMonths(stats: Statistics): number {
  const at = (label: string) => Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;
  return at(stats.span.last) - at(stats.span.first) + 1;
}

export function buildScenario(stats: Statistics): Record<string, unknown> {
  const employees = clamp(stats.accounts.counted, 10, MAX_AGENTS);
  const g = stats.groups;
  const organization: Record<string, number> = { employees };
  if (g.meanTeamSize !== null) organization.teamSize = round(clamp(g.meanTeamSize, 3, 30), 2);
  // Teams per department: the export's teams when it lists their members; else as many teams as the
  // employees make at the model's team size (a team group's contributors are fewer than its members).
  const teams = g.meanTeamSize !== null ? g.team : employees / (organization.teamSize ?? DEFAULT_TEAM_SIZE);
  if (stats.accounts.departments > 0)
    organization.teamsPerDepartment = clamp(Math.round(teams / stats.accounts.departments), 1, 100);
  const communities = g.open + g.closed;
  if (communities > 0) organization.topicsPerThousand = round(clamp((communities / employees) * 1000, 1, 500), 2);
  const months = horizonMonths(stats);
  return {
    name: `imported ${FORMAT_NAME[stats.format]} network`,
    description:
      `An organization of the size and shape of a ${FORMAT_NAME[stats.format]} export (orgsim import): ` +
      `${stats.accounts.counted} accounts, ` +
      `${g.team} team groups, ${g.open} open and ${g.closed} closed communities, ${months} months ` +
      `(${stats.span.first} to ${stats.span.last}). ` +
      "The network's own figures are in statistics.json beside this file; targets.json fits the model's " +
      'behaviour to them (orgsim calibrate).',
    ticks: months * WORKING_DAYS_PER_MONTH,
    organization,
    external: { customers: 0 },
  };
}
