/**
 * The series a run reports, one value per tick each, declared here beside the reporters that fill them
 * (people.ts, groups.ts, cost.ts; recorder.ts writes them into the run's series), as Mesa's DataCollector
 * declares its reporters. Names are stable: they are CSV columns and mathjs symbols. Their order is the order of
 * a run's series (and of CSV columns): a new series goes at the end.
 * Reporters write a series by its typed name (`row[AT.activeShare]`): a misspelt name does not compile.
 */
export interface SeriesInfo<N extends string = string> {
  name: N;
  unit: string;
  description: string;
}

const s = <N extends string>(name: N, unit: string, description: string): SeriesInfo<N> => ({
  name,
  unit,
  description,
});

const perKind = <K extends 'team' | 'open' | 'external'>(kind: K, label: string) =>
  [
    s(
      `contributors_${kind}` as `contributors_${K}`,
      'memberships',
      `Memberships in ${label} that contributed this tick`,
    ),
    s(`readers_${kind}` as `readers_${K}`, 'memberships', `Memberships in ${label} that read without contributing`),
    s(`absent_${kind}` as `absent_${K}`, 'memberships', `Memberships in ${label} absent this tick`),
    s(`posts_${kind}` as `posts_${K}`, 'posts', `Member contributions in ${label}`),
    s(`actionable_${kind}` as `actionable_${K}`, 'conversations', `Actionable conversations in ${label}`),
    s(`value_${kind}` as `value_${K}`, 'hours', `Value created in ${label}`),
  ] as const;

export const SERIES = [
  s('contributors', 'employees', 'Employees who contributed somewhere this tick'),
  s('readers', 'employees', 'Employees who read but did not contribute'),
  s('absent', 'employees', 'Employees absent from every group'),
  s('activeShare', 'share', 'Share of employees who took part (read or contributed)'),
  ...perKind('team', 'team groups'),
  ...perKind('open', 'open communities'),
  ...perKind('external', 'the external community'),
  s('animatorPosts', 'posts', 'Prompts by managers, owners, SMMs and the CM where he leads communities'),
  s('cmPosts', 'posts', 'Posts by the community manager'),
  s(
    'ownerPosts',
    'posts',
    'Prompts by managers and community owners, who are employees (their own contributions; part of animatorPosts)',
  ),
  s(
    'cmShare',
    'share',
    "The share of all internal posts the CM makes when he speaks (his leading prompts count as animators' posts)",
  ),
  s(
    'value',
    'hours',
    'Value created this tick: hours of work saved by acting on conversations (actionable ones turned into value)',
  ),
  s('informedHours', 'hours', 'Hours employees saved by reading this tick (their own payoff; not counted in value)'),
  s('valueCum', 'hours', 'Cumulative value'),
  s('costFte', 'FTE', 'Cost of the roles this tick (CM, SMMs, animation time, platform)'),
  s('costCum', 'hours', 'Cumulative cost of the roles'),
  s('valuePerCost', 'hours / hour', 'Cumulative value per cumulative cost'),
  s('valuePerPost', 'hours / post', 'Value per member contribution this tick'),
  s('gini', 'index', 'Gini of cumulative contributions per employee'),
  s('top1Share', 'share', 'Share of all contributions made by the top 1% of employees'),
  s('top10Share', 'share', 'Share of all contributions made by the top 10% of employees'),
  s('legitimacy', '0-1', 'Mean legitimacy of animators, over animated groups'),
  s('competition', 'groups', 'Team groups where an SMM competes with the manager'),
  s('overlap', 'communities', 'Active duplicate communities'),
  s('quarrels', 'events', 'Quarrels between departments over time allocation'),
  s('managerEngagement', '0-1', "Managers' mean animation effort"),
  s('routinesShare', 'share', 'Share of team groups with social routines'),
  s('coachedManagers', 'share', 'Share of managers coached'),
  s('coachedOwners', 'share', 'Share of community owners coached'),
  s('framework', '0-1', 'Progress of the global framework'),
  s('processes', '0-1', 'Progress of the processes co-built with managers'),
  s('expertiseCenter', '0-1', 'Progress of the internal expertise center'),
  s('alignment', '0-1', 'Mean alignment of employees'),
  s('smmCount', 'people', 'Social media managers'),
  s('smmIntegration', '0-1', "SMMs' mean knowledge of the organization's codes and people (integration)"),
  s('cmKnowledge', '0-1', "The CM's knowledge of the organization's codes and people (0 without a CM)"),
  s('ownerEngagement', '0-1', "Community owners' mean animation effort"),
  s('openMembers', 'memberships', 'Joined memberships in open communities'),
  s('joins_open', 'memberships', 'Members who joined an open community this tick'),
  s('leaves_open', 'memberships', 'Members who left an open community this tick'),
  s('attentionMinutes', 'minutes / day', 'Minutes a day employees spend on social tools lately (mean)'),
  s('adopters', 'employees', 'Employees who have taken part at least once'),
  s('active_riskAverse', 'share', 'Share of the most risk-averse third who took part'),
  s('active_riskTolerant', 'share', 'Share of the least risk-averse third who took part'),
  s('contrib_riskAverse', 'share', 'Share of the most risk-averse third who contributed'),
  s('open_riskTolerant', 'share', 'Share of the least risk-averse third who took part in an open community'),
  s('open_riskAverse', 'share', 'Share of the most risk-averse third who took part in an open community'),
  s('contrib_riskTolerant', 'share', 'Share of the least risk-averse third who contributed'),
  s('active_expertise', 'share', 'Share of expertise-community memberships that took part'),
  s('active_manager', 'share', 'Share of managers who took part as members'),
  s('active_owner', 'share', 'Share of community owners who took part as members'),
  s('active_member', 'share', 'Share of other employees who took part'),
] as const;

/** A series' name: one of SERIES. */
export type SeriesName = (typeof SERIES)[number]['name'];

export const SERIES_NAMES: readonly string[] = SERIES.map((x) => x.name);

/** Index of each series, by name looked up at run time (derived metrics, statistics, CSV). */
/** Null prototype: a name such as "constructor" or "__proto__" is not a series. */
export const SERIES_INDEX: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(SERIES.map((x, i) => [x.name, i])),
);

/** Index of each series by its typed name: what the reporters write. */
export const AT = SERIES_INDEX as { readonly [K in SeriesName]: number };
