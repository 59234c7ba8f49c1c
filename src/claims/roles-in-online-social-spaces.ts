/**
 * The claims drawn from the essay "Roles in online social spaces" (seedFile roles-in-online-social-spaces): C1,
 * C2, C3, C6, C7, C8 and C10. src/claims.ts lists every claim in order.
 */
import type { Claim } from '../claims.ts';
import { longValue, riskGap, windowMean, windowSum } from './measures.ts';

export const C1: Claim = {
  id: 'C1',
  seedFile: 'roles-in-online-social-spaces',
  text:
    'A CM with a network of relays (SMMs, coached managers) yields more long-term value than deploying the ' +
    'tools with no governance',
  seed: 'he relies on an ecosystem of relays that is made of social media managers and managers',
  arms: ['c1-no-governance', 'c1-cm-relays'],
  comparisons: [
    {
      kind: 'higher',
      label: 'long-term value (hours)',
      measure: longValue,
      lower: 'c1-no-governance',
      higher: 'c1-cm-relays',
    },
  ],
  mechanism:
    'A CM builds a framework (clearer purpose and rules: more sense, less risk), co-builds processes (a ' +
    'kind of request goes to whoever acts on it) and an expertise center (a directory of who knows what): ' +
    "animators' follow-ups find who can act sooner, so more conversations are followed within their hours; " +
    'he coaches the managers and owners who ask; coached managers adopt routines and follow more ' +
    'conversations up; SMMs animate and recruit; duplicates get merged and quarrels settled. Without a ' +
    'pilot, initiatives overlap and departments quarrel.',
  premise: null,
  ablations: [
    {
      label: 'no framework, processes or expertise center (relays only)',
      set: { 'cm.framework': false, 'cm.coBuiltProcesses': false, 'cm.expertiseCenter': false },
    },
    { label: 'no coaching (relays off, SMMs coach nobody)', set: { 'cm.relays': false, 'smm.helpOnRequest': 0 } },
  ],
};

export const C2: Claim = {
  id: 'C2',
  seedFile: 'roles-in-online-social-spaces',
  text: "An SMM who competes with managers for their team's attention lowers team-group value and manager engagement",
  seed: 'social media managers must not compete with managers to get a group/team\u2019s attention',
  arms: ['c2-smm-respects-managers', 'c2-smm-competes'],
  comparisons: [
    {
      kind: 'higher',
      label: 'team-group value (hours)',
      measure: (r) => windowSum(r, 'value_team'),
      lower: 'c2-smm-competes',
      higher: 'c2-smm-respects-managers',
    },
    {
      kind: 'higher',
      label: 'manager engagement, second year',
      measure: (r) => windowMean(r, 'managerEngagement', -250),
      lower: 'c2-smm-competes',
      higher: 'c2-smm-respects-managers',
    },
  ],
  mechanism:
    "Prompts compete for members' attention: an SMM's prompts in a team group draw responses as far as " +
    'members grant him legitimacy, and the manager, whose effort follows the response to his own prompts, ' +
    "animates less; the SMM's requests are not about the team's work, so answers to them are not " +
    'actionable for the team, and they blur its purpose and rules and are new things to do.',
  premise: {
    text: "An SMM does not know a team's own work and objectives",
    parameters: ['knowledge.smmTeamWork'],
    neutral: { 'knowledge.smmTeamWork': 1 },
  },
  ablations: [
    {
      label: "managers' effort frozen (no response to their share of the prompts)",
      set: { 'managers.effortRate': 0 },
    },
  ],
  unreproduced: [
    {
      label: 'team-group value (hours)',
      below: 2000,
      reason:
        'the effect is small (+2.4% [+0.6%, +4.3%] at 2,000 employees): members grant an SMM little ' +
        'legitimacy in a team (he does not know its work: the premise), so his prompts draw few of its ' +
        "responses, and what he takes from the manager's effort and from the answers about the team's work " +
        'is about 2% of team-group value; at 200 employees that is inside the run-to-run spread (+0.4% ' +
        "[-2.4%, +3.2%] over 60 runs; about 6,800 would be needed). An SMM who knew the team's work would " +
        'draw more of its attention, and team-group value would then rise',
    },
  ],
};

export const C3: Claim = {
  id: 'C3',
  seedFile: 'roles-in-online-social-spaces',
  text:
    'An outsourced SMM without co-driving underperforms early; with co-driving he approaches an internal SMM ' +
    'after integration',
  seed:
    'He can be externalized but, in this case, time will be needed to integrate him ... He will never be ' +
    'left alone without a co-driving period.',
  arms: ['c3-smm-internal', 'c3-smm-outsourced-alone', 'c3-smm-outsourced-codriving'],
  comparisons: [
    {
      kind: 'higher',
      label: 'open-community value, first 125 days',
      measure: (r) => windowSum(r, 'value_open', 0, 125),
      lower: 'c3-smm-outsourced-alone',
      higher: 'c3-smm-internal',
    },
    {
      kind: 'higher',
      label: 'open-community value, first 125 days',
      measure: (r) => windowSum(r, 'value_open', 0, 125),
      lower: 'c3-smm-outsourced-alone',
      higher: 'c3-smm-outsourced-codriving',
    },
    {
      kind: 'close',
      label: 'open-community value, second year (after integration)',
      measure: (r) => windowSum(r, 'value_open', -250),
      reference: 'c3-smm-internal',
      other: 'c3-smm-outsourced-codriving',
      margin: 0.2,
    },
  ],
  mechanism:
    "What an SMM knows of the organization's codes and people sets his legitimacy, his follow-ups and his " +
    "recruiting; an outsider learns them by working, faster with a co-driver's introductions, and the " +
    'co-driver beside him lends his own for the hours he is there.',
  premise: {
    text: "Someone from an outside provider does not know the organization's codes and people when he starts",
    parameters: ['knowledge.outsiderCodes'],
    neutral: { 'knowledge.outsiderCodes': 1 },
  },
  ablations: [
    {
      label: 'co-driving without introductions or hours beside him',
      set: { 'knowledge.introductions': 0, 'smm.coDrivingHours': 0 },
    },
  ],
};

export const C6: Claim = {
  id: 'C6',
  seedFile: 'roles-in-online-social-spaces',
  text: 'Clear rules, limits and purpose raise participation, most of all among risk-averse members',
  seed: 'he needs to know the rules, the limits to his autonomy, the purpose of each group he\u2019s in',
  arms: ['c6-unclear-rules', 'c6-clear-rules'],
  comparisons: [
    {
      kind: 'higher',
      label: 'participation of the most risk-averse third in open communities',
      measure: (r) => windowMean(r, 'open_riskAverse'),
      lower: 'c6-unclear-rules',
      higher: 'c6-clear-rules',
    },
    {
      kind: 'paired',
      label:
        'relative rise in open-community participation, most risk-averse third over least risk-averse ' +
        'third (log ratio)',
      arms: ['c6-unclear-rules', 'c6-clear-rules'],
      measure: riskGap,
    },
  ],
  mechanism:
    "Clear rules and limits lower the risk of taking part, weighed by each member's risk aversion; a clear " +
    'purpose meets his need for sense.',
  premise: {
    text: 'Members differ in risk aversion (fear for their evaluation, image, exposure)',
    parameters: ['members.riskAversion.a', 'members.riskAversion.b'],
    neutral: { 'members.riskAversion.a': 100, 'members.riskAversion.b': 100 },
  },
  ablations: [{ label: 'risk does not weigh on decisions', set: { 'behaviour.riskWeight': 0 } }],
};

export const C7: Claim = {
  id: 'C7',
  seedFile: 'roles-in-online-social-spaces',
  text: 'A visibility or "star" campaign does not raise, and can lower, the participation of risk-averse members',
  seed: 'he\u2019s not dreaming of becoming a star in the organization',
  arms: ['c7-no-campaign', 'c7-star-campaign'],
  comparisons: [
    {
      kind: 'higher',
      label: 'participation of the most risk-averse third after the campaign starts',
      measure: (r) => windowMean(r, 'active_riskAverse', 100),
      lower: 'c7-star-campaign',
      higher: 'c7-no-campaign',
    },
  ],
  mechanism:
    'A campaign shows a share of contributions to the whole organization: the exposure of taking part ' +
    'grows with that audience, weighed by risk aversion; its pull is felt only by those who seek status.',
  premise: {
    text:
      'Members do not dream of being stars: few seek status in the organization, and being shown pulls only ' +
      'those who do',
    parameters: ['members.statusSeeking.a', 'members.statusSeeking.b', 'behaviour.starAppeal'],
    neutral: { 'members.statusSeeking.a': 6, 'members.statusSeeking.b': 1.2 },
  },
  ablations: [
    {
      label: "nobody weighs exposure (risk weight 0): only the campaign's pull is left",
      set: { 'behaviour.riskWeight': 0 },
    },
  ],
};

export const C8: Claim = {
  id: 'C8',
  seedFile: 'roles-in-online-social-spaces',
  text: 'An outsourced CM underperforms an internal one',
  seed: 'He can\u2019t be outsourced or externalized.',
  arms: ['c8-cm-internal', 'c8-cm-outsourced'],
  comparisons: [
    {
      kind: 'higher',
      label: 'long-term value (hours)',
      measure: longValue,
      lower: 'c8-cm-outsourced',
      higher: 'c8-cm-internal',
    },
  ],
  mechanism:
    "The CM's levers progress at the pace of his standing with the departments, which needs knowing the " +
    "organization's codes and people; an outsider learns them by working, alone; he also costs more.",
  premise: {
    text: "Someone from an outside provider does not know the organization's codes and people when he starts",
    parameters: ['knowledge.outsiderCodes'],
    neutral: { 'knowledge.outsiderCodes': 1 },
  },
  ablations: [
    {
      label: 'an outsider learns the codes within days (knowledge.learningDays = 1)',
      set: { 'knowledge.learningDays': 1 },
    },
  ],
};

export const C10: Claim = {
  id: 'C10',
  seedFile: 'roles-in-online-social-spaces',
  text: 'Social routines in team groups make interactions actionable: more value per contribution',
  seed:
    'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly all ' +
    'interactions and contents actionable by default',
  arms: ['c10-no-routines', 'c10-routines'],
  comparisons: [
    {
      kind: 'higher',
      label: 'team-group value per contribution (hours)',
      measure: (r) => windowSum(r, 'value_team') / Math.max(1, windowSum(r, 'posts_team')),
      lower: 'c10-no-routines',
      higher: 'c10-routines',
    },
  ],
  mechanism:
    "Every manager follows some of his team's conversations up in his animation hours; a routine is his " +
    'habit of following them up by default, in time of his own (counted in the cost of the roles); it also ' +
    'says what is expected (clarity, rules, less novelty), which draws more contributions. A followed-up ' +
    'conversation reaches someone who can act: more value per contribution as long as his hours cover ' +
    'them, less when more contributions meet the same problems.',
  premise: {
    text: "A manager with routines follows his team's conversations up by default, in time of his own (a habit)",
    parameters: ['managers.routineFollowUpHours'],
    neutral: { 'managers.routineFollowUpHours': 0 },
  },
  ablations: [
    {
      label: 'a follow-up takes half a day (value.followUpMinutes = 240): almost nothing is followed up',
      set: { 'value.followUpMinutes': 240 },
    },
  ],
};
