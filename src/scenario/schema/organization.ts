/**
 * The organization section of the scenario: its size and structure, its topics and communities at the start,
 * and the external community.
 */
import { A, CALIBRATED, num, int, section, org, roles, pol, beh } from './fields.ts';

export const MAX_AGENTS = 2_000_000;

export const OrganizationSchema = section({
  employees: int(
    200,
    10,
    MAX_AGENTS,
    org({ description: 'Number of employees (every one is a member)', unit: 'people', source: 'scenario' }),
  ),
  teamSize: num(
    8,
    3,
    30,
    org({
      description: 'Mean size of a formal team, manager included (one team group per team)',
      unit: 'people',
      source: 'assumption, within the usual span of control of 5 to 10',
      seed: 'he manages a closed social group, a given team',
    }),
  ),
  teamsPerDepartment: int(
    6,
    1,
    100,
    org({ description: 'Teams per department (departments quarrel over time allocation)', unit: 'teams', source: A }),
  ),
  topicsPerThousand: num(
    40,
    1,
    500,
    org({
      description: 'Narrow topics (one open community each, plus duplicates) per 1,000 employees',
      unit: 'topics / 1,000 employees',
      source: A,
      seed:
        'internal communities involve much less people than external ones but are about much more different ' +
        'narrow matters',
    }),
  ),
  interestsPerEmployee: num(
    2.5,
    1,
    10,
    org({
      description: 'Mean number of topics an employee is interested in (his expertise topic included)',
      unit: 'topics',
      source: A,
    }),
  ),
  topicPopularity: num(
    1.0,
    0,
    3,
    org({
      description: 'Zipf exponent of topic popularity (a few topics attract many people)',
      unit: 'exponent',
      source: 'assumption; Zipf-like popularity is common in online communities',
    }),
  ),
  hoursPerDay: num(
    7.5,
    4,
    12,
    org({
      description: 'Working hours in one FTE day (converts FTE to hours)',
      unit: 'hours / day',
      source: 'assumption (35-40 h week)',
    }),
  ),
});

export const CommunitiesSchema = section({
  expertiseShare: num(
    0.45,
    0,
    1,
    org({
      description: 'Share of topics that are expertise communities',
      unit: 'share',
      source: A,
      seed: 'Communities are often focused on specific expertise matters or on projects',
    }),
  ),
  projectShare: num(
    0.2,
    0,
    1,
    org({ description: 'Share of topics that are project communities', unit: 'share', source: A }),
  ),
  corporateShare: num(
    0.1,
    0,
    1,
    org({
      description: 'Share of topics that are corporate communities (HR, sustainability...)',
      unit: 'share',
      source: A,
      seed: 'more \u201ccorporate\u201d communities aiming at engaging employees on corporate matters and issues',
    }),
  ),
  hrShare: num(
    0.4,
    0,
    1,
    org({
      description: 'Share of corporate topics that are HR matters (where an HR-profiled CM is an expert)',
      unit: 'share',
      source: A,
      seed: 'If the matter is an HR one, it will always be better to have an HR person speaking',
    }),
  ),
  ownerShare: num(
    0.6,
    0,
    1,
    org({
      description: 'Share of expertise and corporate topics that have a community owner (an expert or business owner)',
      unit: 'share',
      source: A,
      seed: 'supporting actual community owners',
    }),
  ),
  maxDuplicates: int(
    2,
    0,
    5,
    org({
      description: 'Most duplicate communities a topic can have (overlapping initiatives)',
      unit: 'communities',
      source: A,
    }),
  ),
  initialDuplicates: num(
    0.5,
    0,
    5,
    org({
      description: 'Mean number of duplicate communities per topic at the start (earlier uncoordinated initiatives)',
      unit: 'communities / topic',
      source: A,
      seed: 'in order to avoid overlapping, internal quarrels about time allocations',
    }),
  ),
  duplicateSpawnPerYear: num(
    0.3,
    0,
    5,
    pol({
      description: 'New duplicate initiatives per topic per year when nobody governs (scaled down by the framework)',
      unit: 'communities / topic / year',
      source: A,
    }),
  ),
  initialJoinShare: num(
    0.25,
    0,
    1,
    org({
      description: "Share of interested employees who are members of the topic's main community at the start",
      unit: 'share',
      source: A,
    }),
  ),
  spontaneousJoin: num(
    0.03228,
    0,
    0.2,
    pol({
      description:
        'Daily probability that an interested non-member joins a community on his own, at full visible activity',
      unit: 'probability / day',
      source: CALIBRATED,
    }),
  ),
  driftPerDay: num(
    0.0007,
    0,
    1,
    beh({
      description:
        'Daily probability that a member who stayed away today drifts out of an open community, times (1 + ' +
        'his attention pressure)',
      unit: 'probability / day',
      source: CALIBRATED,
    }),
  ),
  leaveThreshold: num(
    -1.8,
    -10,
    10,
    beh({
      description:
        'Engagement at the middle of the disappointment ramp: an absent member leaves at up to ' +
        'communities.leaveHazard a day, half of it at this engagement',
      unit: 'logit',
      source: A,
    }),
  ),
  leaveHazard: num(
    0.05,
    0,
    1,
    beh({
      description:
        'Extra daily probability that a fully disappointed member who stayed away today leaves an open community',
      unit: 'probability / day',
      source: A,
    }),
  ),
});

export const ExternalSchema = section({
  customers: int(
    400,
    0,
    MAX_AGENTS,
    org({
      description: 'Customers in the external community (0: no external community)',
      unit: 'people',
      source: 'scenario',
      seed: 'internal communities involve much less people than external ones',
    }),
  ),
  emceeEffort: num(
    0.6,
    0,
    1,
    roles({
      description:
        'Share of his day the external emcee (brand community manager) spends speaking in the external ' +
        'community (posts at cm.postsPerHour)',
      unit: 'share of a day',
      source: A,
      seed: 'On external facing activities, the community manager will be more often like an emcee',
    }),
  ),
});
