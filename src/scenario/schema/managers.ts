/**
 * The managers and community owners, and the legitimacy of each role by kind of group.
 */
import { A, CALIBRATED, num, section, roles, pol, beh } from './fields.ts';

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
