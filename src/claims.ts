/**
 * The claims of ../shared/MODEL.md as data: which scenarios each compares, what it measures and which
 * direction the seeds predict, the mechanism that produces it, the one premise it rests on and the ablations
 * that switch its mechanisms off. The claims suite (test/claims-*.test.ts) and `orgsim claims` run each arm
 * with replications and apply a statistical test; the story mode quotes the same list.
 */
import { SERIES_INDEX } from './metrics/series.ts';
import { seriesMean, seriesSum } from './metrics/outcomes.ts';
import type { RunOutput } from './run.ts';

// How a claim's comparisons are tested and said (src/claims-verdict.ts).
export * from './claims-verdict.ts';

/** [from, to) with negative bounds counted from the horizon. */
const span = (run: RunOutput, from: number, to: number): [number, number] => [
  from < 0 ? run.ticks + from : from,
  to < 0 ? run.ticks + to : to,
];

/** Sum of a series over [from, to) ticks; negative `from`/`to` count from the horizon. */
export function windowSum(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesSum(run.series, name, ...span(run, from, to));
}

export function windowMean(run: RunOutput, name: string, from = 0, to = run.ticks): number {
  return seriesMean(run.series, name, ...span(run, from, to));
}

export type Measure = (run: RunOutput) => number;

/**
 * One testable prediction of a claim:
 * - `higher`: the measure is higher in arm `higher` than in arm `lower` (95% CI of the paired difference on the
 *   common seeds above 0);
 * - `paired`: measure(second arm) - measure(first arm) on the same seed is positive (one-sample 95% CI above 0),
 *   e.g. a difference-in-differences between risk-averse and risk-tolerant members;
 * - `close`: arm `other` is within `margin` (relative) of arm `reference` (90% CI inside the margin: two
 *   one-sided tests at 5%).
 */
export type Comparison =
  | { kind: 'higher'; label: string; measure: Measure; lower: string; higher: string }
  | { kind: 'paired'; label: string; arms: [string, string]; measure: Measure }
  | { kind: 'close'; label: string; measure: Measure; reference: string; other: string; margin: number };

type WithoutMeasure<C> = C extends unknown ? Omit<C, 'measure'> : never;
/**
 * A comparison without the measure that fills it: what evaluateMeasures reads (the catalogue of src/patterns.ts fills
 * its own).
 */
export type ComparisonShape = WithoutMeasure<Comparison>;

/**
 * The one premise a claim may rest on: a property of individuals taken from the seeds (what someone knows,
 * can do, has time for), with the parameters that state it. `neutral` sets it to where it would no longer
 * distinguish the arms (the premise ablation).
 */
export interface Premise {
  text: string;
  parameters: string[];
  neutral: Record<string, number | boolean | string>;
}

/** A mechanism switched off by parameters, to show that it matters (src/MODEL.md names each). */
export interface Ablation {
  label: string;
  set: Record<string, number | boolean | string>;
}

/**
 * Where a claim stops holding, as the mechanisms say and the claims suite measures: in organizations smaller
 * than `from` employees it does not hold (its test is then expected not to pass), for the reason given.
 */
export interface Scope {
  /** The smallest size at which it holds. */
  from: number;
  /** Where set, it no longer holds at this size (the mechanisms that carry it fade in larger organizations). */
  to?: number;
  reason: string;
}

/**
 * A comparison the model does not reproduce at any size measured (its label), with the reason its mechanisms
 * give. Reported as such, never rescued: its test is expected not to pass, so that a change of the model that
 * makes it pass is seen.
 */
export interface Unreproduced {
  label: string;
  reason: string;
  /** Not reproduced in organizations smaller than this (absent: at every size). */
  below?: number;
}

export interface Claim {
  id: string;
  text: string;
  seedFile: string;
  seed: string;
  arms: string[];
  comparisons: Comparison[];
  /** How the result comes about, in the model's terms (src/MODEL.md, section "Claims"). */
  mechanism: string;
  premise: Premise | null;
  ablations: Ablation[];
  /** Absent: the claim holds at every size measured. */
  scope?: Scope;
  /** Comparisons the model does not reproduce (absent: it reproduces them all). */
  unreproduced?: Unreproduced[];
}

/** Whether a claim is expected to hold in an organization of `employees`. */
export function inScope(claim: Claim, employees: number): boolean {
  return (
    !claim.scope || (employees >= claim.scope.from && (claim.scope.to === undefined || employees < claim.scope.to))
  );
}

/** Why a claim is not expected to hold at a size outside its scope, in words (the command line and the report). */
export function outOfScopeWords(claim: Claim, employees: number): string {
  const s = claim.scope!;
  const n = (x: number) => x.toLocaleString('en-US');
  return employees < s.from
    ? `below its scope of ${n(s.from)} employees: ${s.reason}`
    : `above its scope, which ends before ${n(s.to!)} employees: ${s.reason}`;
}

/** Why the model does not reproduce a comparison of a claim (by its label) at a size, or null when it does. */
export function unreproduced(claim: Claim, label: string, employees: number): string | null {
  const u = claim.unreproduced?.find((x) => x.label === label);
  return u && (u.below === undefined || employees < u.below) ? u.reason : null;
}

/**
 * How much the most risk-averse third takes part in open communities (where the rules, limits and purpose of
 * the policies apply) relative to the least risk-averse third, as a log ratio: a paired difference of it
 * between two arms compares their relative rises (participation is low, so a group taking part less gains fewer
 * points for the same relative rise).
 */
const riskGap: Measure = (r) => Math.log(windowMean(r, 'open_riskAverse') / windowMean(r, 'open_riskTolerant'));
const memberPosts: Measure = (r) => windowSum(r, 'posts_team') + windowSum(r, 'posts_open');
const longValue: Measure = (r) => r.series[SERIES_INDEX.valueCum!]![r.ticks - 1]!;

export const CLAIMS: readonly Claim[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 'C5',
    seedFile: 'internal-vs-external-community-managers',
    text: 'An internal CM leading expert communities gets less participation than community owners coached by the CM',
    seed:
      'thinking that an internal community manager can lead tens or hundreds of business communities makes ' +
      'no sense',
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

/**
 * How `orgsim claims` runs a claim unless told otherwise (--runs, --seed), and so how a story step that names a
 * claim runs it: the same replications on the same seeds give the same verdict.
 */
export const CLAIM_RUNS = 20;
export const CLAIM_SEED = 2026;
