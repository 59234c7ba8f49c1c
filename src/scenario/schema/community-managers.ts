/**
 * The roles that animate: the community manager (cm) and the social media managers (smm).
 */
import { A, CALIBRATED, num, int, bool, choice, section, roles } from './fields.ts';

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
