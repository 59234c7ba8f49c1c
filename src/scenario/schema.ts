/**
 * The one scenario schema: it gives the TypeScript type, the defaults, the documentation of every field
 * (unit, source of the default value, seed sentence, whether it acts live) and the error messages.
 * Seeds: R = "33 things to know about those who make your online social spaces live"
 *        I = "Internal and external community managers are not the same".
 */
import { z } from 'zod';

export interface FieldMeta {
  description: string;
  unit: string;
  /** Where the default comes from: a published figure or "assumption". */
  source: string;
  /** The seed sentence behind the parameter, when there is one. */
  seed?: string;
  /** True when a change during a run takes effect at the next tick; false when it needs a reset. */
  live: boolean;
  /** Panel group in the UI. */
  group: 'organization' | 'roles' | 'policies' | 'agents' | 'behaviour' | 'value' | 'run';
}

const A = 'assumption';
/** Fitted to published figures by `npm run calibrate` (scenarios/calibration/mid.json, src/MODEL.md section 9). */
const CALIBRATED = 'calibrated: scenarios/calibration/mid.json';

function num(def: number, min: number, max: number, meta: FieldMeta) {
  return z
    .number({ error: `expected a number from ${min} to ${max}` })
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta });
}
function int(def: number, min: number, max: number, meta: FieldMeta) {
  return z
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta });
}
function bool(def: boolean, meta: FieldMeta) {
  return z
    .boolean({ error: 'expected true or false' })
    .default(def)
    .meta({ ...meta });
}
function choice<T extends readonly [string, ...string[]]>(values: T, def: T[number], meta: FieldMeta) {
  return z
    .enum(values, { error: `expected one of ${values.map((v) => `"${v}"`).join(', ')}` })
    .default(def as never)
    .meta({ ...meta });
}
/** A Beta(a, b) distribution of an agent attribute on [0, 1]. */
function beta(a: number, b: number, meta: Omit<FieldMeta, 'unit' | 'group' | 'live'>) {
  const m: FieldMeta = { ...meta, unit: 'Beta shape', group: 'agents', live: false };
  return z
    .object({
      a: num(a, 0.05, 100, { ...m, description: `${meta.description}: Beta shape a` }),
      b: num(b, 0.05, 100, { ...m, description: `${meta.description}: Beta shape b` }),
    })
    .strict()
    .prefault({} as never);
}
function section<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .strict()
    .prefault({} as never);
}

const org = (d: Omit<FieldMeta, 'group' | 'live'>, live = false): FieldMeta => ({ ...d, group: 'organization', live });
const roles = (d: Omit<FieldMeta, 'group' | 'live'>, live = true): FieldMeta => ({ ...d, group: 'roles', live });
const pol = (d: Omit<FieldMeta, 'group' | 'live'>, live = true): FieldMeta => ({ ...d, group: 'policies', live });
const agents = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'agents', live: false });
const beh = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'behaviour', live: true });
const val = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'value', live: true });

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

export const MembersSchema = section({
  riskAversion: beta(2, 2, {
    description: 'Risk aversion: fear for evaluation, image, exposure',
    source: A,
    seed:
      'Don\u2019t even think of making them do anything that put him into dangers regarding to his evaluation, ' +
      'image, exposure.',
  }),
  needForSense: beta(2, 2, {
    description: 'Need for sense: how much a member needs to know the purpose, rules and limits',
    source: A,
    seed: 'he needs to know the rules, the limits to his autonomy, the purpose of each group he\u2019s in',
  }),
  alignment: beta(2, 2.5, {
    description: "Alignment with the organization's strategy at the start",
    source: A,
    seed: 'his drivers are less complicated than we often think ; sense and alignment',
  }),
  webSociability: beta(2, 2, {
    description: 'Sociability on the public web',
    source: A,
    seed: 'there is no link between his social practcies on the web and in the workplace',
  }),
  statusSeeking: beta(1.2, 6, {
    description: 'Wish to be seen and recognized in the organization (low for most: members do not dream of stardom)',
    source: 'assumption (premise of claim C7)',
    seed: 'he\u2019s not dreaming of becoming a star in the organization',
  }),
  timeBudgetMinutes: num(
    6.94,
    1,
    240,
    agents({
      description: 'Median minutes a day a member can give to social tools (lognormal)',
      unit: 'minutes / day',
      source: CALIBRATED,
    }),
  ),
  timeBudgetSigma: num(
    0.7333,
    0,
    3,
    agents({
      description: 'Spread (lognormal sigma) of the minutes a day members can give to social tools',
      unit: 'lognormal sigma',
      source: CALIBRATED,
    }),
  ),
  writerShare: num(
    0.2036,
    0.001,
    1,
    agents({
      description: 'Share of people disposed to write (the others mostly read: lurking is a stable disposition)',
      unit: 'share',
      source: CALIBRATED,
    }),
  ),
  lurkerVoice: num(
    0.1046,
    0,
    1,
    agents({
      description: 'Propensity to write of those not disposed to (relative to a mean voice of 1)',
      unit: 'relative voice',
      source: CALIBRATED,
    }),
  ),
  voiceSigma: num(
    0.3718,
    0,
    3,
    agents({
      description:
        'Spread (lognormal sigma) of the propensity to write among those disposed to write; gives ' +
        'heavy-tailed contributions',
      unit: 'lognormal sigma',
      source: CALIBRATED,
    }),
  ),
});

export const BehaviourSchema = section({
  baseline: num(
    -2.075,
    -10,
    5,
    beh({
      description: 'Baseline log-odds of taking part in a group on a given day',
      unit: 'logit',
      source: CALIBRATED,
    }),
  ),
  teamBonus: num(
    1.153,
    0,
    5,
    beh({
      description: 'Extra log-odds in the team group: it is his work',
      unit: 'logit',
      source: CALIBRATED,
      seed: 'In one case because it\u2019s his work, in the other because he\u2019s interested',
    }),
  ),
  externalOffset: num(
    -0.8,
    -5,
    5,
    beh({ description: 'Log-odds offset for customers in the external community', unit: 'logit', source: A }),
  ),
  senseWeight: num(
    2.0,
    0,
    10,
    beh({
      description: 'Weight of need for sense times (purpose clarity - 0.5)',
      unit: 'logit',
      source: A,
      seed: 'his drivers are less complicated than we often think ; sense and alignment',
    }),
  ),
  alignmentWeight: num(
    1.2,
    0,
    10,
    beh({
      description: 'Weight of (alignment - 0.5)',
      unit: 'logit',
      source: A,
      seed: 'his drivers are less complicated than we often think ; sense and alignment',
    }),
  ),
  riskWeight: num(
    2.0,
    0,
    10,
    beh({
      description: 'Weight of risk aversion times the exposure of the group',
      unit: 'logit',
      source: A,
      seed:
        'Don\u2019t even think of making them do anything that put him into dangers regarding to his ' +
        'evaluation, image, exposure.',
    }),
  ),
  exposureAudience: num(
    100,
    2,
    1_000_000,
    beh({
      description: 'Audience at which a contribution is fully exposed (exposure = ln(1 + audience) / ln(1 + this))',
      unit: 'people',
      source: A,
    }),
  ),
  efficiencyWeight: num(
    1.5,
    0,
    10,
    beh({
      description: 'Weight of efficiency experienced (hours gained lately, relative to the reference)',
      unit: 'logit',
      source: A,
      seed: 'he needs to understand how it will make him more efficient today',
    }),
  ),
  efficiencyReference: num(
    0.1,
    0.001,
    5,
    beh({
      description: 'Daily hours gained at which a member feels fully more efficient today',
      unit: 'hours / day',
      source: A,
    }),
  ),
  noveltyWeight: num(
    0.6,
    0,
    10,
    beh({
      description: 'Barrier of doing new things, lifted by efficiency experienced',
      unit: 'logit',
      source: A,
      seed: 'before being ready to make new things',
    }),
  ),
  animationWeight: num(
    2.522,
    0,
    10,
    beh({
      description: "Weight of the group's animation (prompts weighted by the legitimacy of who makes them)",
      unit: 'logit',
      source: CALIBRATED,
    }),
  ),
  socialProofWeight: num(
    0.5242,
    0,
    10,
    beh({
      description: "Weight of the group's recent activity (share of members taking part)",
      unit: 'logit',
      source: CALIBRATED,
    }),
  ),
  timePressureWeight: num(
    4.723,
    0,
    10,
    beh({
      description:
        'Weight of attention pressure: (minutes a day spent lately on social tools + one more visit) over ' +
        "the member's time budget",
      unit: 'logit',
      source: CALIBRATED,
    }),
  ),
  readMinutes: num(
    4,
    0.1,
    120,
    beh({ description: 'Minutes one visit to a group takes (reading)', unit: 'minutes', source: A }),
  ),
  writeMinutes: num(
    10,
    0.1,
    240,
    beh({ description: 'Extra minutes a contribution takes', unit: 'minutes', source: A }),
  ),
  webFamiliarityWeight: num(
    0.8113,
    0,
    1,
    beh({
      description:
        'Share of the barrier of doing new things that familiarity with social tools on the web lifts, for ' +
        'the most web-social',
      unit: 'share',
      source: CALIBRATED,
    }),
  ),
  webProtectWeight: num(
    0.5,
    0,
    5,
    beh({
      description:
        'How much web sociability adds to the risk a member sees at work (a "facebook addict" protects himself)',
      unit: 'risk aversion',
      source: 'assumption (seed)',
      seed: 'A \u201cfacebook addict\u201d may protect himself in the organization',
    }),
  ),
  webSocializeWeight: num(
    0.5961,
    0,
    5,
    beh({
      description:
        'What socializing at work is worth to those who are not social on the web (times 1 - web sociability)',
      unit: 'logit',
      source: CALIBRATED,
      seed: 'less social people on the web may find helpful to socialize at work',
    }),
  ),
  contributionBase: num(
    0.08421,
    0,
    1,
    beh({
      description: 'Share of participations that are contributions for an average voice',
      unit: 'share',
      source: CALIBRATED,
    }),
  ),
  writerPresence: num(
    2.149,
    0,
    5,
    beh({
      description:
        'Extra log-odds of taking part for those disposed to write: who writes is also more often there (enthusiasts)',
      unit: 'logit',
      source: CALIBRATED,
    }),
  ),
  engagedWriting: num(
    0.8674,
    0,
    5,
    beh({
      description:
        "How much each logit of engagement above a newcomer's raises the share of participations that are " +
        'contributions (the engaged write, the others read)',
      unit: '1 / logit',
      source: CALIBRATED,
    }),
  ),
  teamWriteBonus: num(
    0.7967,
    0,
    20,
    beh({
      description:
        'How much more often a team-group participation is a contribution: micro-coordination is written work',
      unit: 'factor',
      source: CALIBRATED,
      seed:
        'he\u2019s major concern is micro-coordination, problem solving and best practices formalization ' +
        'through day to day conversations',
    }),
  ),
  contributionRisk: num(
    2.0,
    0,
    20,
    beh({
      description:
        'How much more exposing writing is than reading (divides the write share by 1 + risk aversion x this ' +
        'x exposure)',
      unit: 'factor',
      source: A,
    }),
  ),
  broadcastWeight: num(
    3.0,
    0,
    20,
    beh({
      description:
        "How much the organization's voice filling a group's talk turns its members into readers (internal " +
        'groups): members write as they see peers write',
      unit: 'factor',
      source: 'assumption (premise of claim C4: swept over its range by the audit)',
      seed:
        'If your internal community manager speaks a lot, better put your money in an intranet than a ' +
        'social network',
    }),
  ),
  broadcastWeightExternal: num(
    0.3,
    0,
    20,
    beh({
      description: 'The same in the external community, where customers expect the brand to speak',
      unit: 'factor',
      source: A,
      seed: 'The external community manager is more on the forefront and happens to speak frequently to customers',
    }),
  ),
  learningRate: num(
    0.008937,
    0,
    1,
    beh({
      description:
        'How far one participation moves engagement towards what the group gives back (from engagementFloor ' +
        'when it gives nothing to engagementCap)',
      unit: 'share / participation',
      source: CALIBRATED,
      seed: 'he feels like participating and can see some benefits he can take from his participation',
    }),
  ),
  responseReward: num(
    0.9093,
    0,
    1,
    beh({
      description:
        'How far the responses to a contribution draw its writer towards full engagement, times the chance ' +
        'that someone responds (1 - exp(-participants / value.criticalMass))',
      unit: 'share',
      source: CALIBRATED,
    }),
  ),
  worthwhile: num(
    3.26,
    0.01,
    20,
    beh({
      description:
        'What a participation must pay, in reference efficiencies, to lead half-way from disappointment to ' +
        'full engagement (its time and effort)',
      unit: 'reference efficiencies',
      source: CALIBRATED,
    }),
  ),
  animatorPostsPerDay: num(
    0.4506,
    0,
    50,
    beh({
      description: 'Prompts a day by a fully engaged animator (manager, owner, SMM)',
      unit: 'posts / day',
      source: CALIBRATED,
    }),
  ),
  starAppeal: num(
    1.0,
    0,
    10,
    beh({
      description: 'Attraction of a visibility campaign for a member, times his status seeking',
      unit: 'logit',
      source: 'assumption (premise of claim C7, with members.statusSeeking: swept over its range by the audit)',
      seed: 'he\u2019s not dreaming of becoming a star in the organization',
    }),
  ),
  forgetting: num(
    0.01,
    0,
    1,
    beh({
      description:
        'Daily share by which engagement fades back towards behaviour.initialEngagement while a member stays away',
      unit: 'share / day',
      source: A,
    }),
  ),
  initialEngagement: num(
    -1,
    -10,
    10,
    beh({
      description:
        'Engagement of every membership when the platform opens or a member joins: new tools are not yet seen to pay',
      unit: 'logit',
      source: A,
      seed:
        'he needs to understand how it will make him more efficient today (regarding to things and tasks he ' +
        'knows) before being ready to make new things',
    }),
  ),
  engagementFloor: num(
    -3,
    -20,
    0,
    beh({
      description: 'Engagement of a member whose participations give him nothing (disappointment)',
      unit: 'logit',
      source: A,
    }),
  ),
  engagementCap: num(
    1.311,
    0,
    20,
    beh({ description: 'Engagement of a member whose participations pay well', unit: 'logit', source: CALIBRATED }),
  ),
  efficiencyMemory: num(
    0.05,
    0.001,
    1,
    beh({
      description: 'Weight of today in the moving average of efficiency experienced',
      unit: 'share / day',
      source: A,
    }),
  ),
});

export const CommunityManagerSchema = section({
  present: bool(
    false,
    roles({
      description: 'A community manager pilots the whole system',
      unit: 'yes/no',
      source: 'scenario',
      seed: 'he\u2019s in charge of piloting at a systemic level a plan',
    }),
  ),
  sourcing: choice(
    ['internal', 'outsourced'] as const,
    'internal',
    roles({
      description:
        'An internal senior manager, or someone from an outside provider (who starts with knowledge.outsiderCodes)',
      unit: '',
      source: 'scenario',
      seed: 'He can\u2019t be outsourced or externalized.',
    }),
  ),
  profile: choice(
    ['generalist', 'hr'] as const,
    'generalist',
    roles({
      description: 'His own field: a generalist, or an HR person dedicated to the communities (an expert of HR topics)',
      unit: '',
      source: 'scenario',
      seed: 'For example when a member of the HR department is dedicated to HR communities management.',
    }),
  ),
  speakShare: num(
    0.1,
    0,
    1,
    roles({
      description: 'Share of his time he means to speak himself rather than enable others',
      unit: 'share of time',
      source: A,
      seed:
        'he\u2019ll try to make others participate instead of being the most active person on the community ' +
        'platform',
    }),
  ),
  formerEmcee: bool(
    false,
    roles(
      {
        description:
          "He comes from the external community, where he was the brand's emcee: his speaking habit starts " +
          'at external.emceeEffort',
        unit: 'yes/no',
        source: 'scenario',
        seed:
          'The matter was to know if a good external community manager ... could easily turn into a successful ' +
          'internal one',
      },
      false,
    ),
  ),
  habitDays: num(
    60,
    1,
    5000,
    roles({
      description: 'Time constant over which a habit of how much he speaks moves to what he means to do',
      unit: 'working days',
      source:
        'assumption (premise of claim C9); Lally et al. 2010 (Eur. J. Soc. Psychol. 40:998): new daily ' +
        'habits took 18 to 254 days (median 66) to reach 95% of their strength, a time constant of about 4 ' +
        'to 60 working days; an entrenched professional habit is assumed to fade at the slow end',
      seed: 'What will matter is more at which level he\u2019ll act when moving from the one to the other.',
    }),
  ),
  leadsExpertCommunities: bool(
    false,
    roles({
      description: 'He leads the expertise communities himself instead of supporting their owners',
      unit: 'yes/no',
      source: 'scenario',
      seed:
        'thinking that an internal community manager can lead tens or hundreds of business communities makes ' +
        'no sense',
    }),
  ),
  leadShare: num(
    0.4,
    0,
    1,
    roles({
      description: 'Share of his day spent leading expertise communities when he leads them',
      unit: 'share of time',
      source: A,
    }),
  ),
  framework: bool(
    true,
    roles({
      description: 'Lever: a global framework (rules, limits, purpose)',
      unit: 'yes/no',
      source: 'scenario',
      seed: 'he has to provide a global framework',
    }),
  ),
  coBuiltProcesses: bool(
    true,
    roles({
      description: 'Lever: processes co-built with managers that funnel activity into value',
      unit: 'yes/no',
      source: 'scenario',
      seed:
        'co-build, with managers, the processes that will ensure that employees\u2019 activity on social ' +
        'medias ... will be funneled to be turned into value',
    }),
  ),
  expertiseCenter: bool(
    true,
    roles({
      description: 'Lever: an internal expertise center with customized value proposals',
      unit: 'yes/no',
      source: 'scenario',
      seed: 'he has to build an internal expertise center',
    }),
  ),
  relays: bool(
    true,
    roles({
      description: 'Lever: an ecosystem of relays (he coaches the managers and community owners who ask)',
      unit: 'yes/no',
      source: 'scenario',
      seed: 'he relies on an ecosystem of relays that is made of social media managers and managers',
    }),
  ),
  staff: num(
    0,
    0,
    1000,
    roles({
      description: 'Full-time staff working the levers with him (his expertise center), in FTE',
      unit: 'FTE',
      source: 'scenario',
    }),
  ),
  legitimacy: num(
    0.9,
    0,
    1,
    roles({
      description:
        'Standing of a senior manager of the organization towards its departments, once he knows its codes and people',
      unit: '0-1',
      source: A,
      seed: 'legitimate to discuss with a lot of internal departments',
    }),
  ),
  postsPerHour: num(3, 0, 20, roles({ description: 'Posts per hour when he speaks', unit: 'posts / hour', source: A })),
  frameworkHours: num(
    80,
    1,
    100000,
    roles({ description: 'Effective hours of work for the global framework to be in place', unit: 'hours', source: A }),
  ),
  processHoursPerDepartment: num(
    4,
    1,
    10000,
    roles({
      description: 'Effective hours of work per department to co-build its processes with its managers',
      unit: 'hours / department',
      source: A,
    }),
  ),
  coachingHours: num(
    3.404,
    1,
    500,
    roles({
      description: 'Hours to coach one manager or community owner (for the CM and the SMMs alike)',
      unit: 'hours',
      source: CALIBRATED,
    }),
  ),
  costFactorOutsourced: num(
    1.3,
    0.1,
    10,
    roles({ description: 'Cost of an outsourced CM relative to an internal FTE', unit: 'factor', source: A }),
  ),
});

export const SmmSchema = section({
  count: int(
    0,
    0,
    10000,
    roles({
      description: 'Social media managers',
      unit: 'people',
      source: 'scenario',
      seed: 'one social media manager is not enough in large businesses',
    }),
  ),
  sourcing: choice(
    ['internal', 'outsourced'] as const,
    'internal',
    roles({
      description: 'Internal, or from an outside provider (who starts with knowledge.outsiderCodes)',
      unit: '',
      source: 'scenario',
      seed: 'He can be externalized but, in this case, time will be needed to integrate him',
    }),
  ),
  capacity: num(
    12,
    1,
    500,
    roles({ description: 'Communities one SMM can animate well', unit: 'communities', source: A }),
  ),
  coDrivingDays: int(
    0,
    0,
    2000,
    roles({
      description: 'Length of the co-driving period of a newly outsourced SMM (0: none)',
      unit: 'working days',
      source: 'scenario',
      seed: 'He will never be left alone without a co-driving period.',
    }),
  ),
  coDrivingHours: num(
    2,
    0,
    12,
    roles({
      description:
        'Hours a day an internal co-driver spends beside each outsourced SMM during co-driving (paid: ' +
        'counted in the cost)',
      unit: 'hours / day',
      source: A,
      seed:
        'Et il ne sera jamais lanc\u00e9 dans le grand bain seul avant une p\u00e9riode en \u201cdoubles ' +
        'commandes\u201d.',
    }),
  ),
  teamGroupIntervention: num(
    0,
    0,
    1,
    roles({
      description: 'Share of team groups where SMMs step in and animate (competing with the manager)',
      unit: 'share',
      source: 'scenario',
      seed: 'social media managers must not compete with managers to get a group/team\u2019s attention',
    }),
  ),
  helpOnRequest: num(
    0.3252,
    0,
    1,
    roles({
      description: "Share of an SMM's time spent helping managers who ask (coaching)",
      unit: 'share of time',
      source: CALIBRATED,
      seed: 'he also hepls manager who need some accompaniment to implement new practices',
    }),
  ),
  recruitmentRate: num(
    0.004,
    0,
    0.5,
    roles({
      description:
        'Daily probability that an interested non-member is recruited into a community the SMM animates, ' +
        'when he knows its people',
      unit: 'probability / day',
      source: A,
      seed: 'he\u2019s focused on member\u2019s recruitement',
    }),
  ),
  costFactorOutsourced: num(
    1.3,
    0.1,
    10,
    roles({ description: 'Cost of an outsourced SMM relative to an internal FTE', unit: 'factor', source: A }),
  ),
});

const KNOW = 'knowledge 0-1';
const know = (d: Omit<FieldMeta, 'group' | 'live'>): FieldMeta => ({ ...d, group: 'roles', live: true });
export const KnowledgeSchema = section({
  outsiderCodes: num(
    0.15,
    0,
    1,
    know({
      description:
        "What someone from an outside provider knows of the organization's codes and people when he starts " +
        '(an insider knows them: 1)',
      unit: KNOW,
      source: 'assumption (premise of claims C3 and C8)',
      seed:
        'time will be needed to integrate him in order he can \u201clive\u201d the organization, understands ' +
        'its codes and values',
    }),
  ),
  learningDays: num(
    150,
    1,
    5000,
    know({
      description:
        'Working days of full-time interaction for an outsider to learn about 63% of the codes and people he ' +
        'does not know yet',
      unit: 'working days',
      source: A,
    }),
  ),
  introductions: num(
    3,
    0,
    50,
    know({
      description:
        "How many times faster an outsider learns the codes and people from a co-driver's introductions than " +
        'alone, per hour',
      unit: 'factor',
      source:
        'assumption; Rollag, Parise & Cross 2005 (MIT Sloan Management Review 46(2):35): newcomers ' +
        'introduced by insiders to the people who matter get up to speed faster (the size is not ' +
        'measured there)',
      seed: 'He will never be left alone without a co-driving period.',
    }),
  ),
  rotationDays: num(
    0,
    0,
    5000,
    know({
      description:
        'Mean working days before an outside provider replaces the person it placed (his knowledge is lost; 0: never)',
      unit: 'working days',
      source: A,
    }),
  ),
  smmTopic: num(
    0.55,
    0,
    1,
    know({ description: "What an SMM knows of a community's topic (a generalist animator)", unit: KNOW, source: A }),
  ),
  smmTeamWork: num(
    0.1,
    0,
    1,
    know({
      description: "What an SMM knows of a team's own work and objectives",
      unit: KNOW,
      source: 'assumption (premise of claim C2)',
      seed:
        'He has no legitimacy try to get people\u2019s attention and ask them to do such or such things ' +
        'instead of their manager.',
    }),
  ),
  ownerTopic: num(
    0.9,
    0,
    1,
    know({
      description: 'What a community owner knows of his own topic',
      unit: KNOW,
      source: A,
      seed: 'If the matter is an HR one, it will always be better to have an HR person speaking',
    }),
  ),
  cmExpertise: num(
    0.2,
    0,
    1,
    know({
      description: "What the CM knows of an expertise community's matter (outside his own field)",
      unit: KNOW,
      source: 'assumption (premise of claim C5)',
      seed: 'they won\u2019t be legitimate in front of seasoned professionals',
    }),
  ),
  cmProject: num(
    0.3,
    0,
    1,
    know({
      description: "What the CM knows of a project community's matter",
      unit: KNOW,
      source: A,
      seed: 'they can\u2019t replace the managers or project managers',
    }),
  ),
  cmCorporate: num(
    0.5,
    0,
    1,
    know({
      description: 'What the CM knows of a corporate matter outside his own field',
      unit: KNOW,
      source: A,
      seed:
        'a field in which the community manager can become the spokesperson\u00a0 but, once again, with limits ' +
        'related to legitimacy',
    }),
  ),
  cmInterest: num(
    0.4,
    0,
    1,
    know({ description: "What the CM knows of an interest community's matter", unit: KNOW, source: A }),
  ),
  specialist: num(
    0.9,
    0,
    1,
    know({
      description: 'What a CM knows of the matters of his own field (an HR-profiled CM on HR topics)',
      unit: KNOW,
      source: A,
      seed: 'internal community managers can also speak when their profile make them relevant',
    }),
  ),
});

export const ManagersSchema = section({
  coachedShare: num(
    0,
    0,
    1,
    roles(
      {
        description: 'Share of managers coached at the start',
        unit: 'share',
        source: 'scenario',
        seed: 'be himself coached to adapt his management behaviors',
      },
      false,
    ),
  ),
  coachingRequestsPerYear: num(
    4.93,
    0,
    50,
    pol({
      description:
        'Yearly rate at which a fully engaged manager or community owner asks for coaching when someone can ' +
        'coach, times (1 - the response his group gives)',
      unit: '1 / year',
      source: CALIBRATED,
      seed: 'he can request help from the community manager or a social media manager to train his team',
    }),
  ),
  routineAdoptionPerYear: num(
    1.044,
    0,
    50,
    pol({
      description: 'Yearly rate at which a coached manager adopts social routines (raised by co-built processes)',
      unit: '1 / year',
      source: CALIBRATED,
    }),
  ),
  animationHours: num(
    0.25,
    0,
    4,
    roles({
      description: 'Hours a day a fully engaged manager spends animating his team group (prompts and follow-ups)',
      unit: 'hours / day',
      source: A,
    }),
  ),
  routineFollowUpHours: num(
    0.25,
    0,
    4,
    roles({
      description:
        'Hours a day a fully engaged manager with social routines spends, on top of his animation hours, ' +
        "following his team's conversations up by default (his habit; its cost is counted)",
      unit: 'hours / day',
      source:
        "assumption (premise of claim C10): enough to follow up a team's day of conversations (a few, at " +
        'value.followUpMinutes each)',
      seed:
        'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly ' +
        'all interactions and contents actionable by default',
    }),
  ),
  effortRate: num(
    0.05,
    0,
    1,
    beh({
      description: "How fast an owner's (a manager's or a community owner's) animation effort moves towards its target",
      unit: 'share / day',
      source: A,
    }),
  ),
});

export const OwnersSchema = section({
  coachedShare: num(
    0,
    0,
    1,
    roles(
      {
        description: 'Share of community owners coached at the start',
        unit: 'share',
        source: 'scenario',
        seed: 'the role of an internal community manager is rather about supporting actual community owners',
      },
      false,
    ),
  ),
  animationHours: num(
    0.3,
    0,
    4,
    roles({
      description:
        'Hours a day an engaged community owner spends animating; also what leading one community asks of anyone',
      unit: 'hours / day',
      source: A,
    }),
  ),
});

export const PoliciesSchema = section({
  rulesClarity: num(
    0.2,
    0,
    1,
    pol({
      description: 'How clear the rules and the limits of autonomy are in open communities before any framework',
      unit: '0-1',
      source: 'scenario',
      seed: 'he needs to know the rules, the limits to his autonomy',
    }),
  ),
  purposeClarity: num(
    0.25,
    0,
    1,
    pol({
      description: 'How clear the purpose of open communities is before any framework',
      unit: '0-1',
      source: 'scenario',
      seed: 'the purpose of each group he\u2019s in as well as what\u2019s expected from him',
    }),
  ),
  socialRoutines: num(
    0.1,
    0,
    1,
    pol(
      {
        description:
          'Share of team groups with defined usage scenarios (social routines: the manager acts on ' +
          'conversations by default) at the start',
        unit: 'share',
        source: 'scenario',
        seed:
          'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly ' +
          'all interactions and contents actionable by default',
      },
      false,
    ),
  ),
  visibility: num(
    0,
    0,
    1,
    pol({
      description:
        'Strength of a visibility / "star" campaign: the share of contributions shown to the whole organization',
      unit: '0-1',
      source: 'scenario',
      seed: 'he\u2019s not dreaming of becoming a star in the organization',
    }),
  ),
});

export const LegitimacySchema = section({
  emceeExternal: num(
    0.9,
    0,
    1,
    roles({
      description:
        "Presumption of relevance of the brand's emcee in the external community (given by the role, not " +
        'carried inside)',
      unit: 'legitimacy 0-1',
      source: "assumption: the essay's presumption of relevance (given by the role outside, not carried inside)",
      seed:
        'External community managers are made legitimate de facto by their role until their audience decide ' +
        'they\u2019re not.',
    }),
  ),
  audienceJudgement: num(
    0.02,
    0,
    1,
    beh({
      description: "How fast an audience revises its animators' legitimacy from how it responds",
      unit: 'share / day',
      source: A,
      seed: 'until their audience decide they\u2019re not',
    }),
  ),
});

export const ValueSchema = section({
  actionableTeam: num(
    0.2,
    0,
    1,
    val({
      description:
        "Probability that a team-group conversation about the team's work becomes actionable without a follow-up",
      unit: 'probability',
      source: A,
    }),
  ),
  actionableOpen: num(
    0.08,
    0,
    1,
    val({
      description: 'Probability that an open-community contribution becomes actionable without a follow-up',
      unit: 'probability',
      source: A,
    }),
  ),
  actionableExternal: num(
    0.15,
    0,
    1,
    val({ description: 'Probability that a customer contribution becomes actionable', unit: 'probability', source: A }),
  ),
  followUpMinutes: num(
    5,
    0.1,
    240,
    val({
      description:
        "Minutes an animator's follow-up of one conversation takes (finding who can act on it, and handing it over)",
      unit: 'minutes',
      source: A,
      seed: 'turning social activities into business value outside of the social space (made conversations actionable)',
    }),
  ),
  searchShare: num(
    0.5,
    0,
    0.95,
    val({
      description:
        'Share of a follow-up spent searching for who can act on it: a co-built process says where a kind of ' +
        "request goes, the expertise center's directory who knows what; each removes the search for its " +
        'share of requests (minutes x (1 - this x (1 - (1 - processes) x (1 - expertise center))))',
      unit: 'share',
      source:
        'assumption; McKinsey Global Institute 2012 (The social economy): interaction workers spend 19% of ' +
        'their working time searching and gathering information, and finding who can act is most of a ' +
        'follow-up',
      seed:
        'he has to build an internal expertise center in order to provide any unit, department, team with a ' +
        'customized value proposal',
    }),
  ),
  hoursTeam: num(
    1.0,
    0,
    100,
    val({
      description: 'Hours saved by an actionable team-group conversation (micro-coordination)',
      unit: 'hours',
      source: A,
      seed: 'micro-coordination, problem solving and best practices formalization',
    }),
  ),
  hoursExpertise: num(
    3.0,
    0,
    100,
    val({
      description: 'Hours saved by an actionable expertise conversation (problem solved)',
      unit: 'hours',
      source: A,
    }),
  ),
  hoursOther: num(
    1.5,
    0,
    100,
    val({
      description: 'Hours saved by an actionable project, corporate or interest conversation',
      unit: 'hours',
      source: A,
    }),
  ),
  hoursExternal: num(
    0.5,
    0,
    100,
    val({
      description: 'Hours saved by an actionable customer conversation (support, ideas)',
      unit: 'hours',
      source: A,
    }),
  ),
  problemsPerMember: num(
    0.3,
    0.001,
    100,
    val({
      description:
        'Distinct problems a day per joined member of a group: the k-th actionable conversation on the same ' +
        'problems saves less (value = hours x Q x (1 - exp(-A / Q)))',
      unit: 'problems / member / day',
      source: A,
    }),
  ),
  readValue: num(
    0.1754,
    0,
    10,
    val({
      description:
        'Hours a participant saves by reading a community well fed with relevant posts (information found ' +
        'rather than searched for)',
      unit: 'hours',
      source: CALIBRATED,
      seed: 'he feels like participating and can see some benefits he can take from his participation',
    }),
  ),
  contentReference: num(
    5,
    0.1,
    1000,
    val({
      description: 'Relevant posts a day at which a group is well fed (read value x (1 - exp(-posts / this)))',
      unit: 'posts / day',
      source: A,
    }),
  ),
  readReuse: num(
    0.1,
    0,
    10,
    val({
      description: 'Hours a reader saves by reusing an actionable conversation he reads (times solved / contributions)',
      unit: 'hours',
      source: A,
    }),
  ),
  conversion: num(
    0.6,
    0,
    1,
    val({
      description:
        'Share of actionable conversations acted on and turned into value (the same in every scenario: ' +
        'processes work through follow-ups, 7.14)',
      unit: 'share',
      source: A,
    }),
  ),
  criticalMass: num(
    4,
    0.1,
    1000,
    val({
      description:
        'Participants at which a question (in an open community or the external community) is likely to meet ' +
        'the one who can answer, and a contribution anywhere likely to get a response: 1 - ' +
        'exp(-participants / this)',
      unit: 'participants',
      source: A,
    }),
  ),
  platformFte: num(
    0.3,
    0,
    1000,
    val({ description: 'Running the platform, counted in every scenario', unit: 'FTE', source: A }),
  ),
});

export const GovernanceSchema = section({
  quarrelsPerDepartmentYear: num(
    3,
    0,
    100,
    pol({
      description: 'Quarrels over time allocation per department per year when nobody governs',
      unit: '1 / year',
      source: A,
      seed: 'in order to avoid overlapping, internal quarrels about time allocations and (human) resources hijacking',
    }),
  ),
  quarrelAlignmentLoss: num(
    0.04,
    0,
    1,
    pol({ description: 'Alignment lost by the employees of a department in a quarrel', unit: 'alignment', source: A }),
  ),
  alignmentGain: num(
    0.3,
    0,
    1,
    pol({
      description: 'Alignment gained by everyone once the framework and processes are in place',
      unit: 'alignment',
      source: A,
      seed: 'he\u2019s in charge of governance and alignment',
    }),
  ),
  alignmentRate: num(
    0.01618,
    0,
    1,
    pol({ description: 'Daily rate at which alignment moves to its target', unit: 'share / day', source: CALIBRATED }),
  ),
  mergePerYear: num(
    2,
    0,
    50,
    pol({
      description: 'Yearly rate at which a governed duplicate community is merged into the main one (x framework)',
      unit: '1 / year',
      source: A,
    }),
  ),
});

export const InterventionSchema = z
  .object({
    at: z
      .number({ error: 'expected a tick number' })
      .int({ error: 'expected a whole tick number' })
      .min(0, { error: 'a tick is 0 or more' })
      .meta({ description: 'Tick (working day) at which the change applies' }),
    label: z
      .string({ error: 'expected a text' })
      .max(200)
      .default('intervention')
      .meta({ description: 'Label shown on charts' }),
    set: z
      .record(z.string(), z.union([z.number(), z.boolean(), z.string()]), {
        error: 'expected an object of "path": value',
      })
      .meta({ description: 'Parameter paths and their new values, e.g. {"smm.count": 2}' }),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z
      .string({ error: 'expected a text' })
      .min(1)
      .max(120)
      .default('scenario')
      .meta({ description: 'Short name' }),
    description: z
      .string({ error: 'expected a text' })
      .max(4000)
      .default('')
      .meta({ description: 'What the scenario is about' }),
    extends: z.string().optional().meta({ description: 'A scenario file this one overrides (resolved by the loader)' }),
    seed: int(1, 0, 2 ** 31 - 1, {
      description: 'Master seed',
      unit: '',
      source: 'scenario',
      live: false,
      group: 'run',
    }),
    ticks: int(500, 1, 100_000, {
      description: 'Horizon',
      unit: 'working days',
      source: 'two years of 250 working days',
      live: false,
      group: 'run',
    }),
    organization: OrganizationSchema,
    communities: CommunitiesSchema,
    external: ExternalSchema,
    members: MembersSchema,
    behaviour: BehaviourSchema,
    cm: CommunityManagerSchema,
    smm: SmmSchema,
    managers: ManagersSchema,
    owners: OwnersSchema,
    policies: PoliciesSchema,
    governance: GovernanceSchema,
    knowledge: KnowledgeSchema,
    legitimacy: LegitimacySchema,
    value: ValueSchema,
    interventions: z
      .array(InterventionSchema)
      .max(10_000)
      .default([])
      .meta({ description: 'Parameter changes at given ticks' }),
    metrics: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'a metric name is letters, digits and _' }),
        z.string().max(500),
      )
      .default({})
      .meta({
        description: 'Derived series as mathjs expressions over reported series, e.g. {"roi": "valueCum / costCum"}',
      }),
  })
  .strict();

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Intervention = z.output<typeof InterventionSchema>;
