/**
 * What the pattern rows measure (windows in ticks; negative bounds count from the horizon), how they build their
 * tests, and the essays' and arms' short names (rows-roles*.ts, rows-community-managers.ts).
 */
import { windowMean, windowSum, type Measure } from '../claims.ts';
import type { AgentColumn } from '../metrics/agents.ts';
import { outcomes } from '../metrics/outcomes.ts';
import { SERIES_INDEX } from '../metrics/series.ts';
import type { RunOutput } from '../run.ts';
import type { ArmName, Essay, PatternTest, Side } from './types.ts';
export const SECOND_YEAR = -250;
/** The first three months: how soon a kind of group takes off. */
export const EARLY = 60;

export const last =
  (name: string): Measure =>
  (r) =>
    r.series[SERIES_INDEX[name]!]![r.ticks - 1]!;
export const mean =
  (name: string, from = 0, to?: number): Measure =>
  (r) =>
    windowMean(r, name, from, to);
export const sum =
  (name: string, from = 0, to?: number): Measure =>
  (r) =>
    windowSum(r, name, from, to);

type Kind = 'team' | 'open' | 'external';
/** Share of memberships of a kind of group that took part (read or contributed), over a window. */
export const part =
  (kind: Kind, from = SECOND_YEAR, to?: number): Measure =>
  (r) => {
    const on = windowSum(r, `contributors_${kind}`, from, to) + windowSum(r, `readers_${kind}`, from, to);
    const all = on + windowSum(r, `absent_${kind}`, from, to);
    return all > 0 ? on / all : 0;
  };
/** Member contributions per membership of a kind of group, over a window. */
export const postsPerMembership =
  (kind: Kind, from = SECOND_YEAR): Measure =>
  (r) => {
    const all =
      windowSum(r, `contributors_${kind}`, from) +
      windowSum(r, `readers_${kind}`, from) +
      windowSum(r, `absent_${kind}`, from);
    return all > 0 ? windowSum(r, `posts_${kind}`, from) / all : 0;
  };
/** How soon a kind of group takes off: participation in the first three months over the second year's. */
export const takeOff =
  (kind: Kind): Measure =>
  (r) =>
    part(kind, 0, EARLY)(r) / part(kind)(r);
export const longValue = last('valueCum');
export const internalValue: Measure = (r) => windowSum(r, 'value_team') + windowSum(r, 'value_open');
export const memberPosts: Measure = (r) => windowSum(r, 'posts_team') + windowSum(r, 'posts_open');
/** How much the value a day grows from the first year to the second (log ratio). */
export const valueGrowth: Measure = (r) =>
  Math.log(windowSum(r, 'value', SECOND_YEAR) / Math.max(1e-9, windowSum(r, 'value', 0, r.ticks + SECOND_YEAR)));
/** Open over team-group participation, second year (log ratio): where a role's effect falls. */
export const openOverTeam: Measure = (r) => Math.log(part('open')(r) / part('team')(r));
export const midActivity: Measure = (r) => outcomes(r.series, r.ticks).midActivity;

/** The least (`shy`) or most (`social`) web-social third of employees, from the per-agent table. */
export function webThird(r: RunOutput, which: 'shy' | 'social'): number[] {
  const col = (name: string): AgentColumn => {
    const c = r.agents?.find((x) => x.name === name);
    if (!c) throw new Error(`the measure needs the per-agent table's column ${name}`);
    return c;
  };
  const role = col('role');
  const web = col('webSociability').values;
  const customer = role.labels!.indexOf('customer');
  const employees = [...role.values.keys()]
    .filter((i) => role.values[i] !== customer)
    .sort((a, b) => web[a]! - web[b]! || a - b);
  const n = Math.floor(employees.length / 3);
  return which === 'shy' ? employees.slice(0, n) : employees.slice(employees.length - n);
}
export const agentSum = (r: RunOutput, name: string, who: readonly number[]): number => {
  const v = r.agents!.find((c) => c.name === name)!.values;
  let s = 0;
  for (const i of who) s += v[i]!;
  return s;
};
/** Days taking part per employee of a web-sociability third, over the run. */
export const webDays =
  (which: 'shy' | 'social'): Measure =>
  (r) => {
    const who = webThird(r, which);
    return agentSum(r, 'activeDays', who) / who.length;
  };
/** Share of the days taking part on which he contributed, for a web-sociability third: writing, not only reading. */
export const webWriting =
  (which: 'shy' | 'social'): Measure =>
  (r) => {
    const who = webThird(r, which);
    return agentSum(r, 'contributionDays', who) / Math.max(1, agentSum(r, 'activeDays', who));
  };

export const side = (arm: ArmName, label: string, measure: Measure, agents = false): Side =>
  agents ? { arm, label, measure, agents } : { arm, label, measure };
export const higher = (label: string, lower: Side, high: Side): PatternTest => ({
  kind: 'higher',
  label,
  lower,
  higher: high,
});
/** The same measure on two arms: `high` above `low`. */
export const armsHigher = (
  label: string,
  measure: Measure,
  low: [ArmName, string],
  high: [ArmName, string],
): PatternTest => higher(label, side(low[0], low[1], measure), side(high[0], high[1], measure));

export const R: Essay = 'roles-in-online-social-spaces';
export const I: Essay = 'internal-vs-external-community-managers';

export const GOVERNED: [ArmName, string] = ['governed', 'with a CM'];
export const NO_GOVERNANCE: [ArmName, string] = ['noGovernance', 'no governance'];
export const NO_SMM: [ArmName, string] = ['noSmm', 'no SMM'];
export const WITH_SMMS: [ArmName, string] = ['governed', 'SMMs'];
