/**
 * The claims drawn from the essay "Internal vs external community managers" (seedFile
 * internal-vs-external-community-managers): C4, C5 and C9. src/claims.ts lists every claim in order.
 */
import type { Claim } from '../claims.ts';
import { longValue, memberPosts, windowMean } from './measures.ts';

export const C4: Claim = {
  id: 'C4',
  seedFile: 'internal-vs-external-community-managers',
  text:
    'An internal CM who speaks a lot produces an "intranet" pattern: a high share of posts by the CM, fewer ' +
    'member contributions, than a CM who enables others',
  seed: 'If your internal community manager speaks a lot, better put your money in an intranet than a social network',
  arms: ['c4-cm-enables', 'c4-cm-speaks'],
  comparisons: [
    {
      kind: 'higher',
      label: "CM's share of posts",
      measure: (r) => windowMean(r, 'cmShare'),
      lower: 'c4-cm-enables',
      higher: 'c4-cm-speaks',
    },
    {
      kind: 'higher',
      label: 'member contributions',
      measure: memberPosts,
      lower: 'c4-cm-speaks',
      higher: 'c4-cm-enables',
    },
  ],
  mechanism:
    'Hours the CM spends speaking are not spent on his levers and relays; his posts fill the talk with the ' +
    "organization's voice, and members write as they see peers write.",
  premise: {
    text: "Members write as they see peers write: the organization's voice filling the talk turns them into readers",
    parameters: ['behaviour.broadcastWeight'],
    neutral: { 'behaviour.broadcastWeight': 0 },
  },
  ablations: [
    {
      label: 'no levers (the hours he speaks cost nothing he would have built)',
      set: { 'cm.framework': false, 'cm.coBuiltProcesses': false, 'cm.expertiseCenter': false, 'cm.relays': false },
    },
  ],
  scope: {
    from: 2000,
    to: 20000,
    reason:
      "Speaking more matters only where one CM's posts are a sizeable share of the open communities' talk. " +
      'At 200 employees an enabling CM already posts about four times what members post there (1,125 ' +
      'against 277 in two years): the voice is near its ceiling in both arms, and his hours are not yet ' +
      'scarce. At 20,000 even a CM who speaks a lot makes under 2% of the posts (0.017 against 0.0025): ' +
      'too little to turn members into readers, while his posts still animate (member contributions +4.6% ' +
      '[+1.9%, +7.4%] with him speaking).',
  },
};

export const C5: Claim = {
  id: 'C5',
  seedFile: 'internal-vs-external-community-managers',
  text: 'An internal CM leading expert communities gets less participation than community owners coached by the CM',
  seed:
    'thinking that an internal community manager can lead tens or hundreds of business communities makes ' + 'no sense',
  arms: ['c5-owners-coached', 'c5-cm-leads-experts'],
  comparisons: [
    {
      kind: 'higher',
      label: 'participation in expertise communities',
      measure: (r) => windowMean(r, 'active_expertise'),
      lower: 'c5-cm-leads-experts',
      higher: 'c5-owners-coached',
    },
  ],
  mechanism:
    "Leading a community takes an owner's hours: the CM's leading hours spread over every expertise " +
    "community; where he leads, the owner's share of the prompts falls and so does his effort; members " +
    'grant legitimacy to those who know the matter.',
  premise: {
    text: 'An internal CM does not know expertise matters as their owners do',
    parameters: ['knowledge.cmExpertise'],
    neutral: { 'knowledge.cmExpertise': 0.9 },
  },
  ablations: [
    { label: "owners' effort frozen (no response to their share of the prompts)", set: { 'managers.effortRate': 0 } },
  ],
  scope: {
    from: 2000,
    to: 20000,
    reason:
      'It rests on what leading costs the CM. With a handful of expertise communities (four at 200 ' +
      "employees) his leading hours suffice for each, and his animation adds to the owners': the seed's " +
      'own condition, tens or hundreds of communities, is not met. At 20,000 his own staff (three FTE ' +
      'beyond the first 5,000 employees, 7.27) give the coaching and levers his leading hours would have ' +
      'taken, and those hours, spread over hundreds of expertise communities, lead none of them: the arms ' +
      'no longer differ (-0.5% [-3.3%, +2.4%]; with the staff removed, +22% [+16%, +28%] over 4 runs).',
  },
};

export const C9: Claim = {
  id: 'C9',
  seedFile: 'internal-vs-external-community-managers',
  text:
    'An external-style CM who keeps emceeing after moving to an internal role does worse than one who moves ' +
    'to the background',
  seed:
    'On internal facing ones he\u2019ll often be one level higher, leaving emceeing to subject matter ' +
    'experts or managers.',
  arms: ['c9-internal-cm', 'c9-former-emcee'],
  comparisons: [
    {
      kind: 'higher',
      label: 'long-term value (hours)',
      measure: longValue,
      lower: 'c9-former-emcee',
      higher: 'c9-internal-cm',
    },
  ],
  mechanism:
    'Both have the same job description (speak 10% of the time). The former emcee brings his habit of ' +
    'speaking, which fades over his first months: meanwhile his posts take the hours he would enable ' +
    "others with and fill the talk with the organization's voice, and inside they are worth what he knows " +
    "of each matter (no presumption of relevance). Through the habit, this is C4 for the habit's months.",
  premise: {
    text: "A former emcee's habit of speaking carries over into his internal role and fades slowly",
    parameters: ['cm.habitDays'],
    neutral: { 'cm.habitDays': 1 },
  },
  ablations: [
    {
      label: "members' writing does not follow what they see (no broadcast effect)",
      set: { 'behaviour.broadcastWeight': 0 },
    },
  ],
  scope: {
    from: 2000,
    to: 20000,
    reason:
      "It is C4 for the months of the habit, and has C4's scope: at 200 employees any CM's posts already " +
      "fill the few open communities (value -0.9% [-3.5%, +1.8%]), at 20,000 one CM's posts are too few a " +
      'share of the talk to matter (+0.1% [-0.8%, +0.9%]).',
  },
};
