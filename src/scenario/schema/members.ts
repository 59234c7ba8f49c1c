/**
 * The members section of the scenario: the distributions the agent attributes are drawn from, once, when the
 * world is built.
 */
import { A, CALIBRATED, num, beta, section, agents } from './fields.ts';

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
