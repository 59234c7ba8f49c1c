/**
 * The plausible range of every numeric parameter whose default is an assumption: where the value could
 * reasonably lie in a real organization, as far as anyone knows, which is narrower than what the schema
 * allows (what the model can run) and wider than a guess around the default. `orgsim claims --audit` draws
 * each assumption uniformly over its whole range (a Latin hypercube), crossed with the calibration's posterior;
 * src/PARAMETERS.md shows the range with its reason. test/plausible.test.ts checks that every assumption has
 * one, inside the schema's bounds, around its default.
 *
 * Kept apart from src/scenario/schema.ts (and joined to each parameter by parameterList()) so that a range and
 * its reason read together, in one table. Where nothing is known but an order of magnitude, the range is
 * "half to twice the default" (HALF_TO_TWICE); bounded shares and knowledge levels get the range the seeds'
 * words allow.
 */

export interface Plausible {
  range: [number, number];
  why: string;
}

const HALF_TO_TWICE = 'no published figure: half to twice the default';
const SHAPE = 'unimodal Beta shapes (both above 1): a mean between about 0.3 and 0.7 and a spread from wide to narrow';

export const PLAUSIBLE: Readonly<Record<string, Plausible>> = {
  'organization.teamSize': { range: [5, 12], why: 'spans of control of 5 to 10, plus the manager; a few larger teams' },
  'organization.teamsPerDepartment': { range: [3, 12], why: 'a department of 20 to 100 people' },
  'organization.topicsPerThousand': { range: [10, 100], why: 'one open community for 10 to 100 employees' },
  'organization.interestsPerEmployee': { range: [1.5, 5], why: 'his own expertise plus one to four other interests' },
  'organization.topicPopularity': {
    range: [0.6, 1.4],
    why: 'Zipf exponents of popularity in online communities lie near 1',
  },
  'organization.hoursPerDay': { range: [7, 8.4], why: 'a working week of 35 to 42 hours' },
  'communities.expertiseShare': {
    range: [0.3, 0.55],
    why: 'the seed: communities are often about expertise matters; the four kinds sum to at most 1',
  },
  'communities.projectShare': {
    range: [0.1, 0.3],
    why: 'the seed: or about projects; the four kinds sum to at most 1',
  },
  'communities.corporateShare': {
    range: [0.05, 0.15],
    why: 'a few corporate matters (HR, sustainability...); the four kinds sum to at most 1',
  },
  'communities.hrShare': { range: [0.2, 0.6], why: 'HR is one of a few corporate functions' },
  'communities.ownerShare': {
    range: [0.3, 0.9],
    why: 'most but not all expertise and corporate topics have someone who owns them',
  },
  'communities.maxDuplicates': { range: [1, 3], why: 'a topic seldom has more than a few overlapping initiatives' },
  'communities.initialDuplicates': {
    range: [0, 1.5],
    why: 'from a clean start to a platform left to itself for years',
  },
  'communities.duplicateSpawnPerYear': {
    range: [0.1, 1],
    why: 'from rare to one new overlapping initiative a topic a year',
  },
  'communities.initialJoinShare': {
    range: [0.1, 0.5],
    why: 'a tenth to a half of those interested are members at the start',
  },
  'communities.leaveThreshold': {
    range: [-2.5, -1],
    why: "between the floor of disappointment (-3) and a newcomer's engagement (-1)",
  },
  'communities.leaveHazard': {
    range: [0.01, 0.1],
    why: 'a fully disappointed member leaves within 10 to 100 working days',
  },
  'external.emceeEffort': {
    range: [0.3, 0.8],
    why: 'the seed: the external community manager speaks frequently; his other work takes the rest',
  },
  'members.riskAversion.a': { range: [1.5, 4], why: SHAPE },
  'members.riskAversion.b': { range: [1.5, 4], why: SHAPE },
  'members.needForSense.a': { range: [1.5, 4], why: SHAPE },
  'members.needForSense.b': { range: [1.5, 4], why: SHAPE },
  'members.alignment.a': { range: [1.5, 4], why: SHAPE },
  'members.alignment.b': { range: [1.5, 4], why: SHAPE },
  'members.webSociability.a': { range: [1.5, 4], why: SHAPE },
  'members.webSociability.b': { range: [1.5, 4], why: SHAPE },
  'members.statusSeeking.a': {
    range: [0.8, 2],
    why: 'the seed: few dream of stardom (a mean wish for status of about 0.1 to 0.3)',
  },
  'members.statusSeeking.b': {
    range: [4, 9],
    why: 'the seed: few dream of stardom (a mean wish for status of about 0.1 to 0.3)',
  },
  'behaviour.externalOffset': {
    range: [-1.5, 0],
    why: 'customers take part less often than employees in their own groups, or as often',
  },
  'behaviour.senseWeight': { range: [1, 4], why: HALF_TO_TWICE },
  'behaviour.alignmentWeight': { range: [0.6, 2.4], why: HALF_TO_TWICE },
  'behaviour.riskWeight': { range: [1, 4], why: HALF_TO_TWICE },
  'behaviour.exposureAudience': {
    range: [30, 300],
    why: 'a team to a department: the audience at which one feels fully exposed',
  },
  'behaviour.efficiencyWeight': { range: [0.75, 3], why: HALF_TO_TWICE },
  'behaviour.efficiencyReference': {
    range: [0.05, 0.2],
    why: 'three to twelve minutes saved a day feel like being more efficient',
  },
  'behaviour.noveltyWeight': { range: [0.3, 1.2], why: HALF_TO_TWICE },
  'behaviour.readMinutes': { range: [2, 8], why: 'a visit to a group to read takes a few minutes' },
  'behaviour.writeMinutes': { range: [5, 20], why: 'a post or a considered reply takes five to twenty minutes' },
  'behaviour.webProtectWeight': { range: [0.25, 1], why: HALF_TO_TWICE },
  'behaviour.contributionRisk': { range: [1, 4], why: HALF_TO_TWICE },
  'behaviour.broadcastWeight': {
    range: [0, 6],
    why: "claim C4's premise, no measured value: from no effect to twice the default",
  },
  'behaviour.broadcastWeightExternal': {
    range: [0, 1],
    why: 'customers expect the brand to speak: from no effect to a third of the internal default',
  },
  'behaviour.starAppeal': {
    range: [0, 2],
    why: "part of claim C7's premise, no measured value: from no pull to twice the default",
  },
  'behaviour.forgetting': { range: [0.005, 0.02], why: 'engagement fades over 50 to 200 working days away' },
  'behaviour.initialEngagement': {
    range: [-2, 0],
    why: 'new tools are not yet seen to pay: between the floor of disappointment and neutral',
  },
  'behaviour.engagementFloor': {
    range: [-4.5, -2],
    why: 'no published figure: two-thirds to one and a half times the default',
  },
  'behaviour.efficiencyMemory': { range: [0.025, 0.1], why: 'efficiency remembered over 10 to 40 working days' },
  'cm.speakShare': {
    range: [0.05, 0.25],
    why: "the seed: he makes others participate rather than speak (a claim's arms set it otherwise)",
  },
  'cm.habitDays': {
    range: [4, 120],
    why:
      'Lally et al. 2010: new daily habits settle with a time constant of about 4 to 60 working days; an ' +
      'entrenched one may take twice as long',
  },
  'cm.leadShare': { range: [0.2, 0.6], why: 'leading communities takes a fifth to more than half of his day' },
  'cm.legitimacy': { range: [0.7, 1], why: 'the seed: an experienced, legitimate manager' },
  'cm.postsPerHour': { range: [1.5, 6], why: HALF_TO_TWICE },
  'cm.frameworkHours': { range: [40, 160], why: HALF_TO_TWICE },
  'cm.processHoursPerDepartment': { range: [2, 8], why: HALF_TO_TWICE },
  'cm.costFactorOutsourced': { range: [1.1, 2], why: "an outside provider's day costs 10% to twice an internal one" },
  'smm.capacity': { range: [6, 24], why: HALF_TO_TWICE },
  'smm.coDrivingHours': { range: [1, 4], why: 'an hour to half a day beside him' },
  'smm.recruitmentRate': { range: [0.002, 0.008], why: HALF_TO_TWICE },
  'smm.costFactorOutsourced': { range: [1.1, 2], why: "an outside provider's day costs 10% to twice an internal one" },
  'managers.routineFollowUpHours': {
    range: [0.1, 0.5],
    why: "claim C10's premise: from a few follow-ups a day to half an hour",
  },
  'managers.animationHours': { range: [0.1, 0.5], why: 'six to thirty minutes a day on his team group' },
  'managers.effortRate': { range: [0.025, 0.1], why: 'effort follows the response within 10 to 40 working days' },
  'owners.animationHours': { range: [0.15, 0.6], why: HALF_TO_TWICE },
  'governance.quarrelsPerDepartmentYear': { range: [1, 6], why: HALF_TO_TWICE.replace('half', 'a third') },
  'governance.quarrelAlignmentLoss': { range: [0.02, 0.08], why: HALF_TO_TWICE },
  'governance.alignmentGain': {
    range: [0.15, 0.45],
    why: 'alignment on a 0-1 scale: a framework moves it by a sixth to a half',
  },
  'governance.mergePerYear': { range: [1, 4], why: HALF_TO_TWICE },
  'knowledge.outsiderCodes': {
    range: [0.05, 0.4],
    why: 'the seed: time is needed to integrate him (he knows little of the codes on day one)',
  },
  'knowledge.learningDays': { range: [60, 250], why: 'integrating into an organization takes three months to a year' },
  'knowledge.introductions': { range: [1.5, 6], why: HALF_TO_TWICE },
  'knowledge.rotationDays': {
    range: [0, 0],
    why: 'providers may rotate their people, but no figure: kept at never (0), not varied',
  },
  'knowledge.smmTopic': { range: [0.35, 0.75], why: 'a generalist animator knows something of most topics' },
  'knowledge.smmTeamWork': {
    range: [0, 0.3],
    why: 'the seed: he has no legitimacy to direct a team in place of its manager',
  },
  'knowledge.ownerTopic': { range: [0.75, 1], why: 'an owner is an expert of his topic' },
  'knowledge.cmExpertise': { range: [0.1, 0.4], why: 'the seed: not legitimate in front of seasoned professionals' },
  'knowledge.cmProject': { range: [0.15, 0.5], why: 'the seed: he cannot replace the managers or project managers' },
  'knowledge.cmCorporate': {
    range: [0.3, 0.7],
    why: 'the seed: he can become the spokesperson, with limits related to legitimacy',
  },
  'knowledge.cmInterest': { range: [0.2, 0.6], why: HALF_TO_TWICE.replace('twice', '1.5 times') },
  'knowledge.specialist': { range: [0.75, 1], why: 'an HR person knows HR matters as an owner knows his topic' },
  'legitimacy.emceeExternal': { range: [0.7, 1], why: 'the seed: legitimate de facto by his role' },
  'legitimacy.audienceJudgement': { range: [0.01, 0.04], why: HALF_TO_TWICE },
  'value.actionableTeam': {
    range: [0.1, 0.35],
    why: "a tenth to a third of a team's work conversations lead somewhere on their own",
  },
  'value.actionableOpen': { range: [0.04, 0.15], why: HALF_TO_TWICE },
  'value.actionableExternal': { range: [0.08, 0.25], why: HALF_TO_TWICE },
  'value.followUpMinutes': { range: [2, 15], why: 'finding who can act on a conversation takes minutes' },
  'value.hoursTeam': { range: [0.5, 2], why: HALF_TO_TWICE },
  'value.hoursExpertise': { range: [1.5, 6], why: HALF_TO_TWICE },
  'value.hoursOther': { range: [0.75, 3], why: HALF_TO_TWICE },
  'value.hoursExternal': { range: [0.25, 1], why: HALF_TO_TWICE },
  'value.problemsPerMember': { range: [0.15, 0.6], why: HALF_TO_TWICE },
  'value.contentReference': { range: [2.5, 10], why: HALF_TO_TWICE },
  'value.readReuse': { range: [0.05, 0.2], why: HALF_TO_TWICE },
  'value.conversion': { range: [0.4, 0.8], why: 'most of what is actionable is acted on, not all of it' },
  'value.searchShare': {
    range: [0.2, 0.8],
    why: 'from the share of working time spent searching (MGI 2012: 19%) to most of a follow-up',
  },
  'value.criticalMass': { range: [2, 8], why: HALF_TO_TWICE },
  'value.platformFte': { range: [0.1, 1], why: 'running a platform takes a tenth to one full-time person' },
};

export function plausibleOf(path: string): Plausible | undefined {
  return Object.hasOwn(PLAUSIBLE, path) ? PLAUSIBLE[path] : undefined;
}
