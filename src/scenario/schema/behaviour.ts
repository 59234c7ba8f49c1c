/**
 * The behaviour section of the scenario: the weights of the decision rule (log-odds), engagement learning,
 * contribution and animation.
 */
import { A, CALIBRATED, num, section, beh } from './fields.ts';

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
