/**
 * Every statement of the two essays (../shared/seeds/) as data: the pattern it implies in the model's terms and
 * how it is measured, or why it is not modelled (pattern-oriented modelling: Grimm et al. 2005, Science
 * 310:987). The ten claims of src/claims.ts stay the headline: a statement that is a claim points to it. The
 * others are measured here, on arms that are shipped scenarios with levers a user has (roles, policies),
 * replicated on common seeds and tested with the claims' paired intervals (evaluateMeasures).
 *
 * test/patterns.test.ts runs every measured row at 2,000 employees and checks that its measured status is the
 * documented one; `orgsim claims --patterns` prints each row with its effect; src/PATTERNS.md is generated from
 * this file (scripts/patterns-doc.ts).
 */
import { evaluateMeasures, windowMean, windowSum, type ComparisonResult, type ComparisonShape, type Measure } from './claims.ts';
import type { AgentColumn } from './metrics/agents.ts';
import { outcomes } from './metrics/outcomes.ts';
import { SERIES_INDEX } from './metrics/series.ts';
import type { RunOutput } from './run.ts';

export type Essay = 'roles-in-online-social-spaces' | 'internal-vs-external-community-managers';

/**
 * An organization the rows compare: a shipped scenario (scenarios/NAME.json) scaled to the catalogue's size
 * (src/scenario/scale.ts), then levers set. A lever is a parameter of the roles or policies groups, which a
 * user chooses (who is hired, what each role does, rules and campaigns), never a weight of behaviour:
 * test/patterns.test.ts checks it. Arms that come out identical are run once.
 */
export interface PatternArm {
  scenario: string;
  set: Record<string, number | boolean | string>;
  text: string;
}

export const PATTERN_ARMS = {
  noGovernance: { scenario: 'c1-no-governance', set: {}, text: 'the tools with no CM and no SMM' },
  governed: { scenario: 'c1-cm-relays', set: {}, text: 'an internal CM with his four levers, one SMM per 400 employees' },
  cmEnables: { scenario: 'c4-cm-enables', set: {}, text: 'an internal CM who speaks 10% of his time' },
  cmSpeaks: { scenario: 'c4-cm-speaks', set: {}, text: 'an internal CM who speaks 70% of his time' },
  cmSpeaksHr: { scenario: 'c4-cm-speaks', set: { 'cm.profile': 'hr' }, text: 'the same, an HR person dedicated to the communities' },
  oneSmm: { scenario: 'c1-cm-relays', set: { 'smm.count': 1 }, text: 'the governed organization with one SMM whatever its size' },
  noSmm: { scenario: 'c1-cm-relays', set: { 'smm.count': 0 }, text: 'the governed organization without SMMs' },
  noSmmNoCoaching: { scenario: 'c1-cm-relays', set: { 'smm.count': 0, 'cm.relays': false }, text: 'the same, the CM coaching nobody' },
  smmWithoutCm: { scenario: 'c1-cm-relays', set: { 'cm.present': false }, text: 'the same SMMs with no CM to articulate their work' },
  noFramework: { scenario: 'c1-cm-relays', set: { 'cm.framework': false }, text: 'the governed organization, the CM without a framework' },
  noProcesses: { scenario: 'c1-cm-relays', set: { 'cm.coBuiltProcesses': false }, text: 'the governed organization, no processes co-built with managers' },
  noExpertiseCenter: { scenario: 'c1-cm-relays', set: { 'cm.expertiseCenter': false }, text: 'the governed organization, no expertise center' },
  noValueProposal: { scenario: 'c1-cm-relays', set: { 'cm.coBuiltProcesses': false, 'cm.expertiseCenter': false }, text: 'the governed organization, neither co-built processes nor expertise center' },
  juniorCm: { scenario: 'c1-cm-relays', set: { 'cm.legitimacy': 0.5 }, text: 'the governed organization, a CM with half the standing of a senior manager' },
  smmHelpsNobody: { scenario: 'c1-cm-relays', set: { 'smm.helpOnRequest': 0 }, text: 'the governed organization, SMMs who help no manager' },
  quietEmcee: { scenario: 'c1-cm-relays', set: { 'external.emceeEffort': 0.1 }, text: 'the governed organization, the brand\u2019s emcee speaking 10% of his day' },
  smmRespects: { scenario: 'c2-smm-respects-managers', set: {}, text: 'two SMMs per 400 employees who stay out of team groups' },
  smmCompetes: { scenario: 'c2-smm-competes', set: {}, text: 'the same SMMs stepping into 60% of team groups' },
  noCampaign: { scenario: 'c7-no-campaign', set: {}, text: 'a governed network, no campaign' },
  campaign: { scenario: 'c7-star-campaign', set: {}, text: 'the same, a visibility campaign from day 100' },
  cmInternal: { scenario: 'c8-cm-internal', set: {}, text: 'a senior internal manager as CM' },
  emceeMovesBack: { scenario: 'c9-former-emcee', set: {}, text: 'the brand\u2019s former emcee as internal CM, meaning to stay in the background' },
  noRoutines: { scenario: 'c10-no-routines', set: {}, text: 'no CM, no SMM, no team group with routines' },
  routines: { scenario: 'c10-routines', set: {}, text: 'the same, 80% of team groups with routines' },
  clearPurpose: { scenario: 'c1-no-governance', set: { 'policies.purposeClarity': 0.75 }, text: 'no governance, the purpose of open communities clear (0.75)' },
  noQuarrels: { scenario: 'c1-no-governance', set: { 'governance.quarrelsPerDepartmentYear': 0 }, text: 'no governance, departments that never quarrel over time' },
} as const satisfies Record<string, PatternArm>;

export type ArmName = keyof typeof PATTERN_ARMS;

/** One side of a comparison: a measure of the runs of one arm (two sides may read the same arm). */
export interface Side {
  arm: ArmName;
  label: string;
  measure: Measure;
  /** The measure reads the per-agent table (RunOutput.agents). */
  agents?: boolean;
}

/**
 * One testable prediction, with the claims' statistics (src/claims.ts, Comparison): `higher` (95% CI of the
 * paired difference above 0), `paired` (95% CI of second - first above 0, for a difference in differences),
 * `close` (90% CI of the paired relative difference within the margin).
 */
export type PatternTest =
  | { kind: 'higher'; label: string; lower: Side; higher: Side }
  | { kind: 'paired'; label: string; first: Side; second: Side }
  | { kind: 'close'; label: string; reference: Side; other: Side; margin: number };

interface Statement {
  id: string;
  essay: Essay;
  /** Verbatim; ' ... ' joins parts quoted from the same passage (a French twin included). */
  quote: string;
}

/** A statement that is one of the ten claims: measured by the claims suite at 200, 2,000 and 20,000 employees. */
export interface ClaimRow extends Statement {
  kind: 'claim';
  claim: string;
  note?: string;
}

export interface MeasuredRow extends Statement {
  kind: 'measured';
  /** The pattern in the model's terms. */
  pattern: string;
  tests: PatternTest[];
  /** As measured at PATTERN_EMPLOYEES on PATTERN_RUNS replications per arm: test/patterns.test.ts checks it. */
  status: 'holds' | 'does not hold';
  /** Why it holds or not, in the model's terms; and what part of the statement is left out. */
  note?: string;
}

export interface UnmodelledRow extends Statement {
  kind: 'not modelled';
  reason: string;
}

export type PatternRow = ClaimRow | MeasuredRow | UnmodelledRow;

/** The size at which the documented statuses are measured, and the replications per arm. */
export const PATTERN_EMPLOYEES = 2000;
export const PATTERN_RUNS = 16;
/** The master seed of their seed list (the claims'). */
export const PATTERN_SEED = 2026;

// ---- Measures (windows in ticks; negative bounds count from the horizon) ----

const SECOND_YEAR = -250;
/** The first three months: how soon a kind of group takes off. */
const EARLY = 60;

const last = (name: string): Measure => (r) => r.series[SERIES_INDEX[name]!]![r.ticks - 1]!;
const mean = (name: string, from = 0, to?: number): Measure => (r) => windowMean(r, name, from, to);
const sum = (name: string, from = 0, to?: number): Measure => (r) => windowSum(r, name, from, to);

type Kind = 'team' | 'open' | 'external';
/** Share of memberships of a kind of group that took part (read or contributed), over a window. */
const part = (kind: Kind, from = SECOND_YEAR, to?: number): Measure => (r) => {
  const on = windowSum(r, `contributors_${kind}`, from, to) + windowSum(r, `readers_${kind}`, from, to);
  const all = on + windowSum(r, `absent_${kind}`, from, to);
  return all > 0 ? on / all : 0;
};
/** Member contributions per membership of a kind of group, over a window. */
const postsPerMembership = (kind: Kind, from = SECOND_YEAR): Measure => (r) => {
  const all = windowSum(r, `contributors_${kind}`, from) + windowSum(r, `readers_${kind}`, from) + windowSum(r, `absent_${kind}`, from);
  return all > 0 ? windowSum(r, `posts_${kind}`, from) / all : 0;
};
/** How soon a kind of group takes off: participation in the first three months over the second year's. */
const takeOff = (kind: Kind): Measure => (r) => part(kind, 0, EARLY)(r) / part(kind)(r);
const longValue = last('valueCum');
const internalValue: Measure = (r) => windowSum(r, 'value_team') + windowSum(r, 'value_open');
const memberPosts: Measure = (r) => windowSum(r, 'posts_team') + windowSum(r, 'posts_open');
/** How much the value a day grows from the first year to the second (log ratio). */
const valueGrowth: Measure = (r) => Math.log(windowSum(r, 'value', SECOND_YEAR) / Math.max(1e-9, windowSum(r, 'value', 0, r.ticks + SECOND_YEAR)));
/** Open over team-group participation, second year (log ratio): where a role's effect falls. */
const openOverTeam: Measure = (r) => Math.log(part('open')(r) / part('team')(r));
const midActivity: Measure = (r) => outcomes(r.series, r.ticks).midActivity;

/** The least (`shy`) or most (`social`) web-social third of employees, from the per-agent table. */
function webThird(r: RunOutput, which: 'shy' | 'social'): number[] {
  const col = (name: string): AgentColumn => {
    const c = r.agents?.find((x) => x.name === name);
    if (!c) throw new Error(`the measure needs the per-agent table's column ${name}`);
    return c;
  };
  const role = col('role');
  const web = col('webSociability').values;
  const customer = role.labels!.indexOf('customer');
  const employees = [...role.values.keys()].filter((i) => role.values[i] !== customer).sort((a, b) => web[a]! - web[b]! || a - b);
  const n = Math.floor(employees.length / 3);
  return which === 'shy' ? employees.slice(0, n) : employees.slice(employees.length - n);
}
const agentSum = (r: RunOutput, name: string, who: readonly number[]): number => {
  const v = r.agents!.find((c) => c.name === name)!.values;
  let s = 0;
  for (const i of who) s += v[i]!;
  return s;
};
/** Days taking part per employee of a web-sociability third, over the run. */
const webDays = (which: 'shy' | 'social'): Measure => (r) => {
  const who = webThird(r, which);
  return agentSum(r, 'activeDays', who) / who.length;
};
/** Share of the days taking part on which he contributed, for a web-sociability third: writing, not only reading. */
const webWriting = (which: 'shy' | 'social'): Measure => (r) => {
  const who = webThird(r, which);
  return agentSum(r, 'contributionDays', who) / Math.max(1, agentSum(r, 'activeDays', who));
};

const side = (arm: ArmName, label: string, measure: Measure, agents = false): Side => (agents ? { arm, label, measure, agents } : { arm, label, measure });
const higher = (label: string, lower: Side, high: Side): PatternTest => ({ kind: 'higher', label, lower, higher: high });
/** The same measure on two arms: `high` above `low`. */
const armsHigher = (label: string, measure: Measure, low: [ArmName, string], high: [ArmName, string]): PatternTest =>
  higher(label, side(low[0], low[1], measure), side(high[0], high[1], measure));

const R: Essay = 'roles-in-online-social-spaces';
const I: Essay = 'internal-vs-external-community-managers';

const GOVERNED: [ArmName, string] = ['governed', 'with a CM'];
const NO_GOVERNANCE: [ArmName, string] = ['noGovernance', 'no governance'];
const NO_SMM: [ArmName, string] = ['noSmm', 'no SMM'];
const WITH_SMMS: [ArmName, string] = ['governed', 'SMMs'];

export const PATTERNS: readonly PatternRow[] = [
  // ---- [R] 33 things to know about those who make your online social spaces live ----
  {
    id: 'R01', essay: R, kind: 'not modelled',
    quote: 'there’s so much confusion about a topic that’s said being strategic that heading for disaster and throwing the baby with the bathwater is a really actual risk ... it seems to me that some guidelines are slowly emerging',
    reason: 'The author’s view of the field, no behaviour.',
  },
  {
    id: 'R02', essay: R, kind: 'not modelled',
    quote: 'That’s not because there are social medias in the workplace and that employees use them to do their work that the person in charge of managing their use is a community manager.',
    reason: 'A definition of a title, no behaviour.',
  },
  {
    id: 'R03', essay: R, kind: 'not modelled',
    quote: 'A group of people doing things and interacting through social is not necessarily a community or a social network. ... Ca n’est pas parce qu’il y a échange entre des individus en utilisant les médias sociaux qu’on à affaire à des communautés. Ni à des réseaux sociaux d’ailleurs.',
    reason: 'A definition of what counts as a community, no behaviour: the model’s groups are team groups, open communities and the external community by construction (section 2.2).',
  },
  {
    id: 'R04', essay: R, kind: 'measured',
    quote: 'A corporate social media strategy has to be driven at several levels which are often embodied by different people who have specific roles, responsabilities and objectives. These individual works has to be coordinated and articulated.',
    pattern: 'The same SMMs create more value when a CM articulates their work (framework, merges, processes, coaching) than without one.',
    tests: [armsHigher('long-term value (hours)', longValue, ['smmWithoutCm', 'SMMs alone'], ['governed', 'SMMs with a CM'])],
    status: 'holds',
  },
  {
    id: 'R05', essay: R, kind: 'claim', claim: 'C8',
    quote: 'he’s a true manager, an experienced person who knows the company, its products, its culture',
    note: 'A CM from outside does not know the organization’s codes and people: C8.',
  },
  {
    id: 'R06', essay: R, kind: 'not modelled',
    quote: 'has also a deep understanding of collaboration tools (of any generation)',
    reason: 'No skill with tools in the model: the CM’s work is his levers’ hours at his standing (7.16).',
  },
  {
    id: 'R07', essay: R, kind: 'measured',
    quote: 'is legitimate to discuss with a lot of internal departments',
    pattern: 'A CM with the standing of a senior manager builds his framework faster and creates more value than one with half of it.',
    tests: [
      armsHigher('framework progress, first year (mean)', mean('framework', 0, 250), ['juniorCm', 'junior CM'], ['governed', 'senior CM']),
      armsHigher('long-term value (hours)', longValue, ['juniorCm', 'junior CM'], ['governed', 'senior CM']),
    ],
    status: 'holds',
    note: 'The lever is whom the organization makes its CM (`cm.legitimacy`, a role parameter), not a weight of behaviour.',
  },
  {
    id: 'R08', essay: R, kind: 'measured',
    quote: 'he’s in charge of piloting at a systemic level a plan that aims at helping the organization to create value through social-media-based initiatives both internaly and externally (and cross-boundaries).',
    pattern: 'A CM raises value both inside (team groups and open communities) and outside (the external community of customers).',
    tests: [
      armsHigher('internal value, two years (hours)', internalValue, NO_GOVERNANCE, GOVERNED),
      armsHigher('external value, two years (hours)', sum('value_external'), NO_GOVERNANCE, GOVERNED),
    ],
    status: 'holds',
    note: 'Cross-boundary initiatives (customers and employees in one group) are not modelled.',
  },
  {
    id: 'R09', essay: R, kind: 'measured',
    quote: 'He has to articulate the organization’s social and traditional activities, the in-the-flow and the above-the-flow in order to avoid overlapping',
    pattern: 'With a CM, fewer duplicate communities split a topic’s members.',
    tests: [armsHigher('active duplicate communities (mean over two years)', mean('overlap'), GOVERNED, NO_GOVERNANCE)],
    status: 'holds',
    note: 'Traditional (offline) activities are not modelled: only overlaps between communities are.',
  },
  {
    id: 'R10', essay: R, kind: 'measured',
    quote: 'internal quarrels about time allocations and (human) resources hijacking',
    pattern: 'With a CM, departments quarrel less over time allocation.',
    tests: [armsHigher('quarrels between departments, two years', sum('quarrels'), GOVERNED, NO_GOVERNANCE)],
    status: 'holds',
    note: 'Resources hijacking is read as the same quarrels; no resource other than time is modelled.',
  },
  {
    id: 'R11', essay: R, kind: 'measured',
    quote: 'he’s in charge of governance and alignment',
    pattern: 'With a CM, employees are more aligned with the organization’s strategy.',
    tests: [armsHigher('mean alignment, second year', mean('alignment', SECOND_YEAR), NO_GOVERNANCE, GOVERNED)],
    status: 'holds',
  },
  {
    id: 'R12', essay: R, kind: 'measured',
    quote: 'he has to provide a global framework',
    pattern: 'A framework (clear purpose, rules and limits) raises participation in open communities.',
    tests: [armsHigher('participation in open communities, second year', part('open'), ['noFramework', 'no framework'], ['governed', 'framework'])],
    status: 'holds',
  },
  {
    id: 'R13', essay: R, kind: 'measured',
    quote: 'co-build, with managers, the processes that will ensure that employees’ activity on social medias (as well as partners’ and clients’) will be funneled to be turned into value and tangible benefits.',
    pattern: 'Processes co-built with managers turn more of employees’ and customers’ activity into value.',
    tests: [
      armsHigher('internal value, two years (hours)', internalValue, ['noProcesses', 'no processes'], ['governed', 'co-built processes']),
      armsHigher('external value, two years (hours)', sum('value_external'), ['noProcesses', 'no processes'], ['governed', 'co-built processes']),
    ],
    status: 'holds',
  },
  {
    id: 'R14', essay: R, kind: 'claim', claim: 'C8',
    quote: 'He can’t be outsourced or externalized.',
  },
  {
    id: 'R15', essay: R, kind: 'measured',
    quote: 'He’s evaluated on mid-term (activity) and long term (value) criterias.',
    pattern: 'A CM’s effect shows in activity by mid-term, and his value keeps growing from the first year to the second faster than without him.',
    tests: [
      armsHigher('mid-term activity (share of employees taking part, 20 days before mid-horizon)', midActivity, NO_GOVERNANCE, GOVERNED),
      { kind: 'paired', label: 'growth of value a day, second year over first (log ratio), with a CM minus without', first: side('noGovernance', 'no governance', valueGrowth), second: side('governed', 'with a CM', valueGrowth) },
    ],
    status: 'holds',
  },
  {
    id: 'R16', essay: R, kind: 'not modelled',
    quote: 'he has to build a strategical plan that includes human and technical sides, budget and align it with the organization’s strategy.',
    reason: 'No plan, budget or strategy in the model: the CM’s levers stand for his plan, the roles’ cost is counted (7.24) but bounds nothing, and alignment is measured in R11.',
  },
  {
    id: 'R17', essay: R, kind: 'measured',
    quote: 'he has to build an internal expertise center in order to provide any unit, department, team with a customized value proposal and help them to implement it.',
    pattern: 'An expertise center raises the value of team groups and open communities.',
    tests: [
      armsHigher('team-group value, two years (hours)', sum('value_team'), ['noExpertiseCenter', 'no expertise center'], ['governed', 'expertise center']),
      armsHigher('open-community value, two years (hours)', sum('value_open'), ['noExpertiseCenter', 'no expertise center'], ['governed', 'expertise center']),
    ],
    status: 'does not hold',
    note: 'Building the expertise center takes a quarter of the CM’s enabling hours (7.16): without it, his framework and processes progress faster (first-year mean 0.85 and 0.65 against 0.80 and 0.56), which offsets what it makes actionable.',
  },
  {
    id: 'R18', essay: R, kind: 'measured',
    quote: 'he does not push social medias in the workplace but adapts a value and usage proposition that’s co-built with business people on these medias.',
    pattern: 'A value proposition co-built with the business (processes and an expertise center) draws more employees to take part: what pays is taken up.',
    tests: [armsHigher('share of employees taking part a day, second year', mean('activeShare', SECOND_YEAR), ['noValueProposal', 'no value proposition'], ['governed', 'co-built proposition'])],
    status: 'holds',
    note: 'Pushing is not a lever of its own; a visibility campaign is the closest (C7, R44).',
  },
  {
    id: 'R19', essay: R, kind: 'claim', claim: 'C1',
    quote: 'he relies on an ecosystem of relays that is made of social media managers and managers.',
  },
  {
    id: 'R20', essay: R, kind: 'not modelled',
    quote: 'he’s the interface between the community manager and the groups, communities, social spaces.',
    reason: 'A position between roles: nothing passes through the SMM in the model but what he does himself (R22-R26, R30-R32).',
  },
  {
    id: 'R21', essay: R, kind: 'measured',
    quote: 'I should say “they are” because one social media manager is not enough in large businesses.',
    pattern: 'In an organization of 2,000 employees, one SMM animates few of its communities: five (one per 400 employees) raise open-community participation and value.',
    tests: [
      armsHigher('participation in open communities, second year', part('open'), ['oneSmm', 'one SMM'], ['governed', 'one SMM per 400 employees']),
      armsHigher('open-community value, two years (hours)', sum('value_open'), ['oneSmm', 'one SMM'], ['governed', 'one SMM per 400 employees']),
    ],
    status: 'holds',
  },
  {
    id: 'R22', essay: R, kind: 'measured',
    quote: 'he’s in charge of managing, piloting and sometimes enliven the social spaces (in fact nearly all these spaces….more details in the next points…)',
    pattern: 'SMMs who animate open communities raise their participation.',
    tests: [armsHigher('participation in open communities, second year', part('open'), NO_SMM, WITH_SMMS)],
    status: 'holds',
  },
  {
    id: 'R23', essay: R, kind: 'measured',
    quote: 'he also hepls manager who need some accompaniment to implement new practices within their team in the context of their management activities.',
    pattern: 'SMMs who help the managers who ask get more managers coached, and more team groups with routines.',
    tests: [
      armsHigher('share of managers coached, at two years', last('coachedManagers'), ['smmHelpsNobody', 'SMMs help nobody'], ['governed', 'SMMs help']),
      armsHigher('share of team groups with routines, at two years', last('routinesShare'), ['smmHelpsNobody', 'SMMs help nobody'], ['governed', 'SMMs help']),
    ],
    status: 'holds',
  },
  {
    id: 'R24', essay: R, kind: 'claim', claim: 'C2',
    quote: 'he must not invade the manager’s area when the social group is a formal entity with known and shared objectives, with in-the-flow activities. ... In one word : social media managers must not compete with managers to get a group/team’s attention.',
  },
  {
    id: 'R25', essay: R, kind: 'measured',
    quote: 'He has no legitimacy try to get people’s attention and ask them to do such or such things instead of their manager.',
    pattern: 'Where SMMs step into team groups, animation there carries less legitimacy.',
    tests: [armsHigher('mean legitimacy of animators, second year', mean('legitimacy', SECOND_YEAR), ['smmCompetes', 'SMMs in team groups'], ['smmRespects', 'SMMs stay out'])],
    status: 'holds',
  },
  {
    id: 'R26', essay: R, kind: 'measured',
    quote: 'If needed, he can request help from the community manager or any manager at any level to face difficult issues.',
    pattern: 'Duplicates an SMM sees in the communities he animates are escalated to the CM and merged sooner: fewer duplicates with SMMs.',
    tests: [armsHigher('active duplicate communities (mean over two years)', mean('overlap'), WITH_SMMS, NO_SMM)],
    status: 'holds',
    note: 'Duplicates are the only difficult issue modelled (7.21); an SMM asking managers for help is not.',
  },
  {
    id: 'R27', essay: R, kind: 'claim', claim: 'C3',
    quote: 'He can be externalized but, in this case, time will be needed to integrate him in order he can “live” the organization, understands its codes and values. ... Il peut être “outsourcé” mais dans ce cas il faudra prendre garde à l’intégrer au mieux dans l’entreprise afin qu’il la “vive”, en comprenne les codes et les valeur.',
  },
  {
    id: 'R28', essay: R, kind: 'claim', claim: 'C3',
    quote: 'He will never be left alone without a co-driving period. ... Et il ne sera jamais lancé dans le grand bain seul avant une période en “doubles commandes”.',
  },
  {
    id: 'R29', essay: R, kind: 'not modelled',
    quote: 'he reports to community managers and, when relevant, to the manager/department who requested his help to run a social space.',
    reason: 'Reporting lines are not represented: an SMM’s work does not depend on whom he reports to.',
  },
  {
    id: 'R30', essay: R, kind: 'measured',
    quote: 'he’s focused on member’s recruitement',
    pattern: 'SMMs recruit: open communities have more members with them.',
    tests: [armsHigher('open-community memberships, second year (mean)', mean('openMembers', SECOND_YEAR), NO_SMM, WITH_SMMS)],
    status: 'does not hold',
    note: 'SMMs do bring members in (more joins), but members who take part more spend more of their attention and drift out more (7.3, 7.4): more leave, and memberships end level. Joining on one’s own (`communities.spontaneousJoin`) is five times the SMMs’ recruiting rate (`smm.recruitmentRate`).',
  },
  {
    id: 'R31', essay: R, kind: 'measured',
    quote: 'turning social activities into business value outside of the social space (made conversations actionable)',
    pattern: 'SMMs follow conversations up: a larger share of open-community contributions becomes actionable.',
    tests: [armsHigher('actionable conversations per open-community contribution, second year', (r) => windowSum(r, 'actionable_open', SECOND_YEAR) / Math.max(1, windowSum(r, 'posts_open', SECOND_YEAR)), NO_SMM, WITH_SMMS)],
    status: 'holds',
    note: 'Communities enlivenment, the middle of the sentence, is R22.',
  },
  {
    id: 'R32', essay: R, kind: 'measured',
    quote: 'he’s mainly in charge of “open” communities (anyone can join, sometimes with approval). ... Il s’occupe en général de communautés “ouvertes” (n’importe qui peut les rejoindre, éventuellement en remplissant certains critères)',
    pattern: 'SMMs raise participation in open communities more than in team groups.',
    tests: [{ kind: 'paired', label: 'open over team-group participation, second year (log ratio), with SMMs minus without', first: side('noSmm', 'no SMM', openOverTeam), second: side('governed', 'SMMs', openOverTeam) }],
    status: 'holds',
  },
  {
    id: 'R33', essay: R, kind: 'not modelled',
    quote: 'he does not care about recruiting members because his social space is “organically” made (it’s a formal group that relies on the the organization’s formal structure) but about accelerating the way things are done within the group.',
    reason: 'Structure, not behaviour: a team group’s members are its team, fixed by construction (7.23); what the manager does for his group is measured in R35 and C10.',
  },
  {
    id: 'R34', essay: R, kind: 'not modelled',
    quote: 'he thinks “in the flow”',
    reason: 'A way of thinking; its behavioural content, team work done in the group, is R35 and R40.',
  },
  {
    id: 'R35', essay: R, kind: 'measured',
    quote: 'he’s major concern is micro-coordination, problem solving and best practices formalization through day to day conversations',
    pattern: 'Team groups carry more written day-to-day conversation per member than open communities.',
    tests: [higher('member contributions per membership, second year', side('governed', 'open communities', postsPerMembership('open')), side('governed', 'team groups', postsPerMembership('team')))],
    status: 'does not hold',
    note: 'Per membership, team groups carry no more member contributions than open communities: writing concentrates on the few disposed to write, who write where they take part, and open communities gather them.',
  },
  {
    id: 'R36', essay: R, kind: 'not modelled',
    quote: 'he manages a closed social group, a given team. That does not prevent members from participating into open social groups.',
    reason: 'Structure: every employee is in his team group and may join the open communities of his interests (2.2, 7.23). Whether team activity draws attention from open communities is measured in R46.',
  },
  {
    id: 'R37', essay: R, kind: 'claim', claim: 'C10',
    quote: 'he relies, at least at the beginning, on defined usage scenarios (social routine) that makes nearly all interactions and contents actionable by default.',
  },
  {
    id: 'R38', essay: R, kind: 'measured',
    quote: 'he can request help from the community manager or a social media manager to train his team, to teach “good practices” and be himself coached to adapt his management behaviors.',
    pattern: 'Managers who can ask the CM for coaching adopt routines, and their team groups create more value.',
    tests: [
      armsHigher('share of team groups with routines, at two years', last('routinesShare'), ['noSmmNoCoaching', 'CM coaches nobody'], ['noSmm', 'CM coaches on request']),
      armsHigher('team-group value, two years (hours)', sum('value_team'), ['noSmmNoCoaching', 'CM coaches nobody'], ['noSmm', 'CM coaches on request']),
    ],
    status: 'does not hold',
    note: 'Without SMMs in both arms, so that the CM is the only coach; SMMs’ help is R23. Routines spread (+141%), but team-group value rises by a share these runs cannot tell from nothing (+8.6% [-2.1%, +19.2%]): a routine\'s follow-ups take the manager\'s own hours (7.18), and every manager already follows up part of his team\'s conversations (7.14).',
  },
  {
    id: 'R39', essay: R, kind: 'measured',
    quote: 'But no external person has the legitimacy to speak in front of the group and take leadership instead of him.',
    pattern: 'Where an outsider to the team (an SMM) takes the lead in team groups, fewer of the team take part.',
    tests: [armsHigher('participation in team groups, second year', part('team'), ['smmCompetes', 'SMMs in team groups'], ['smmRespects', 'SMMs stay out'])],
    status: 'does not hold',
    note: 'The SMM draws little of a team\'s attention: members grant him little legitimacy there (knowledge.smmTeamWork), so his prompts pull little (7.10), and the animation he adds offsets what he takes: team participation differs by -0.7% [-1.1%, -0.2%], the wrong way but small.',
  },
  {
    id: 'R40', essay: R, kind: 'measured',
    quote: 'unlike social media managers who often start from scratch and have to make usages and conversations emerge into groups that have to be built, he often starts by making his staff doing things they were already doings but with new tools and channels.',
    pattern: 'Team groups take off sooner than open communities: their first three months are closer to their second-year level.',
    tests: [higher('participation in the first 60 days over the second year’s', side('governed', 'open communities', takeOff('open')), side('governed', 'team groups', takeOff('team')))],
    status: 'holds',
  },
  {
    id: 'R41', essay: R, kind: 'measured',
    quote: 'he can participate into one or the other kind of social groups. In one case because it’s his work',
    pattern: 'Members take part more in their team group (their work) than in open communities.',
    tests: [higher('participation, second year', side('governed', 'open communities', part('open')), side('governed', 'team groups', part('team')))],
    status: 'holds',
    note: 'Also a calibration target (`teamOverOpen`, section 9).',
  },
  {
    id: 'R42', essay: R, kind: 'measured',
    quote: 'in the other because he’s interested, he feels like participating and can see some benefits he can take from his participation.',
    pattern: 'Participation in open communities follows what they give back: an expertise center, which makes more of their conversations pay, raises it.',
    tests: [armsHigher('participation in open communities, second year', part('open'), ['noExpertiseCenter', 'no expertise center'], ['governed', 'expertise center'])],
    status: 'does not hold',
    note: 'The expertise center’s gain in what pays is offset by the CM’s hours it takes from his other levers (R17).',
  },
  {
    id: 'R43', essay: R, kind: 'measured',
    quote: 'his drivers are less complicated than we often think ; sense and alignment.',
    pattern: 'Participation rises with sense (a clear purpose) and with alignment (departments that do not quarrel).',
    tests: [
      armsHigher('participation in open communities, second year', part('open'), ['noGovernance', 'purpose unclear'], ['clearPurpose', 'purpose clear']),
      armsHigher('mean alignment, second year', mean('alignment', SECOND_YEAR), ['noGovernance', 'quarrels'], ['noQuarrels', 'no quarrels']),
      armsHigher('share of employees taking part a day, second year', mean('activeShare', SECOND_YEAR), ['noGovernance', 'quarrels'], ['noQuarrels', 'no quarrels']),
    ],
    status: 'holds',
    note: '“Less complicated than we often think” is an opinion.',
  },
  {
    id: 'R44', essay: R, kind: 'measured',
    quote: 'Don’t even think of making them do anything that put him into dangers regarding to his evaluation, image, exposure.',
    pattern: 'Exposing contributions to the whole organization makes the risk-averse write less.',
    tests: [armsHigher('share of the most risk-averse third who contribute, after day 100', mean('contrib_riskAverse', 100), ['campaign', 'campaign'], ['noCampaign', 'no campaign'])],
    status: 'holds',
    note: 'C7 measures their participation under the same campaign; this row their writing.',
  },
  {
    id: 'R45', essay: R, kind: 'claim', claim: 'C6',
    quote: 'he needs to know the rules, the limits to his autonomy, the purpose of each group he’s in as well as what’s expected from him in terms of behaviors and actions.',
  },
  {
    id: 'R46', essay: R, kind: 'measured',
    quote: 'he needs to understand how it will make him more efficient today (regarding to things and tasks he knows) before being ready to make new things.',
    pattern: 'Where team groups pay for known tasks (routines), members are readier for new things: they take part more in open communities.',
    tests: [armsHigher('participation in open communities, second year', part('open'), ['noRoutines', 'no routines'], ['routines', 'routines'])],
    status: 'does not hold',
    note: 'No measurable spillover: routines raise what team groups pay, but the efficiency experienced there stays far below what lifts the barrier of new things (7.5), and open communities without governance barely live.',
  },
  {
    id: 'R47', essay: R, kind: 'claim', claim: 'C7',
    quote: 'he’s not dreaming of becoming a star in the organization.',
  },
  {
    id: 'R48', essay: R, kind: 'measured',
    quote: 'there is no link between his social practcies on the web and in the workplace.',
    pattern: 'The most and the least web-social thirds of employees take part on about as many days (within 10%).',
    tests: [{ kind: 'close', label: 'days taking part per employee, two years', reference: side('governed', 'least web-social third', webDays('shy'), true), other: side('governed', 'most web-social third', webDays('social'), true), margin: 0.1 }],
    status: 'does not hold',
    note: 'A weak negative link: the most web-social third take part on about 12% fewer days, as protection outweighs familiarity (7.6); the calibrated correlation, -0.04, is inside its band of ±0.1 (section 9), a test this row makes stricter.',
  },
  {
    id: 'R49', essay: R, kind: 'measured',
    quote: 'A “facebook addict” may protect himself in the organization while less social people on the web may find helpful to socialize at work.',
    pattern: 'The most web-social protect themselves: on the days they take part, they write less often than the least web-social.',
    tests: [higher('share of days taking part with a contribution, two years', side('governed', 'most web-social third', webWriting('social'), true), side('governed', 'least web-social third', webWriting('shy'), true))],
    status: 'does not hold',
    note: 'Reversed: the most web-social write more often when they take part; familiarity with the tools, which lifts the novelty barrier, outweighs the protection that weighs on writing (7.6).',
  },
  {
    id: 'R50', essay: R, kind: 'claim', claim: 'C1',
    quote: 'we need to make all these players live and work togetger, each one having his goals and constraints. So it’s necessary to articulate their work, border their field.',
    note: 'Articulated roles: C1 and R04; a bordered field: C2.',
  },
  {
    id: 'R51', essay: R, kind: 'not modelled',
    quote: 'The way we call them does not matter, community manager can be used instead of social media manager and the highest position can be a “Social initiatives manager’ (I found the word this morning and I love it)…it does not matter. ... What matters is to understand and articulate these roles.',
    reason: 'About the roles’ names, no behaviour; articulating the roles is R04.',
  },

  // ---- [I] Internal and external community managers are not the same ----
  {
    id: 'I01', essay: I, kind: 'not modelled',
    quote: 'As time goes, businesses are getting better at understanding what a community manager is. ... evidence that we hear less land less nonsense over time',
    reason: 'An observation about businesses over the years, outside one organization’s run.',
  },
  {
    id: 'I02', essay: I, kind: 'claim', claim: 'C9',
    quote: 'The matter was to know if a good external community manager, interface between a company and its customers, could easily turn into a successful internal one, interface with employees.',
  },
  {
    id: 'I03', essay: I, kind: 'not modelled',
    quote: 'Internal and external community managers are not the same ... Internal and external community managers don’t have the same role ... Experience shows that both don’t necessarily have the same role.',
    reason: 'A summary: its behavioural content is I04, I06, I08 and C9.',
  },
  {
    id: 'I04', essay: I, kind: 'measured',
    quote: 'The external community manager is more on the forefront and happens to speak frequently to customers (which are not always communities).',
    pattern: 'Outside, the brand’s emcee speaking frequently draws customers in: more of them take part than beside a quiet emcee.',
    tests: [armsHigher('participation in the external community, second year', part('external'), ['quietEmcee', 'emcee speaks 10%'], ['governed', 'emcee speaks 60%'])],
    status: 'holds',
    note: 'Customers grant the emcee legitimacy by his role (7.8); more of his posts pull more of them in, until what he feels saturates (7.10).',
  },
  {
    id: 'I05', essay: I, kind: 'not modelled',
    quote: 'He’s supposed to represent the brand, be legitimate to do so.',
    reason: 'A definition of the external role: the emcee’s legitimacy is an input (`legitimacy.emceeExternal`), not an outcome.',
  },
  {
    id: 'I06', essay: I, kind: 'claim', claim: 'C4',
    quote: 'Internal community managers, as we see them, are less on the forefront and more in the background.',
  },
  {
    id: 'I07', essay: I, kind: 'not modelled',
    quote: 'External community managers are made legitimate de facto by their role until their audience decide they’re not.',
    reason: 'The audience’s judgement is a mechanism (7.9), but no lever turns an audience away from the emcee, and no series isolates his legitimacy.',
  },
  {
    id: 'I08', essay: I, kind: 'measured',
    quote: 'Their legitimacy can be questioned towards the community but not towards the company and the matter. They start with  a presumption of relevance.',
    pattern: 'With a presumption of relevance, the external community takes off sooner than internal open communities, whose animators earn their legitimacy.',
    tests: [higher('participation in the first 60 days over the second year’s', side('governed', 'open communities', takeOff('open')), side('governed', 'external community', takeOff('external')))],
    status: 'holds',
  },
  {
    id: 'I09', essay: I, kind: 'not modelled',
    quote: 'Internal community managers are facing other problems. Communities are often focused on specific expertise matters or on projects.',
    reason: 'A description of the communities’ mix, an input (`communities.expertiseShare`, `communities.projectShare`).',
  },
  {
    id: 'I10', essay: I, kind: 'claim', claim: 'C5',
    quote: 'In the first case they won’t be legitimate in front of seasoned professionals and won’t even think to joining their discussions so thinking that an internal community manager can lead tens or hundreds of business communities makes no sense.',
  },
  {
    id: 'I11', essay: I, kind: 'not modelled',
    quote: 'In the second case they can’t replace the managers or project managers.',
    reason: 'No lever makes the CM lead project communities or team groups in place of their managers (`cm.leadsExpertCommunities` covers expertise communities only).',
  },
  {
    id: 'I12', essay: I, kind: 'measured',
    quote: 'Consequently, the role of an internal community manager is rather about supporting actual community owners and help/coach managers towards new postures and practices.',
    pattern: 'A CM who coaches the owners and managers who ask gets owners coached and more participation in expertise communities.',
    tests: [
      armsHigher('share of community owners coached, at two years', last('coachedOwners'), ['noSmmNoCoaching', 'CM coaches nobody'], ['noSmm', 'CM coaches on request']),
      armsHigher('participation in expertise communities, second year', mean('active_expertise', SECOND_YEAR), ['noSmmNoCoaching', 'CM coaches nobody'], ['noSmm', 'CM coaches on request']),
    ],
    status: 'holds',
  },
  {
    id: 'I13', essay: I, kind: 'not modelled',
    quote: 'How wrong translations made community management a mess (at least in France) ... At this point I have to mention a big mistake that leads to many misunderstandings that often surprise foreign people talking about community management with french organizations. ... The english term “community manager” has been used in french for both the person that manages the whole system, in charge of the big picture, and the activity leader (the french conception being more about “emcee” in fact), which are roles that need different skills and seniority levels.',
    reason: 'About a word and its translation; the two roles it confuses are the model’s CM and emcee (C9).',
  },
  {
    id: 'I14', essay: I, kind: 'not modelled',
    quote: 'On external facing activities, the community manager will be more often like an emcee while the manager of the system will be a project manager reporting to the communication, marketing or customer service department.',
    reason: 'Reporting lines, and the manager of the external system, are not represented: the emcee is a full-time role (7.24).',
  },
  {
    id: 'I15', essay: I, kind: 'claim', claim: 'C9',
    quote: 'On internal facing ones he’ll often be one level higher, leaving emceeing to subject matter experts or managers.',
  },
  {
    id: 'I16', essay: I, kind: 'claim', claim: 'C9',
    quote: 'Of course he can speak but can’t take a stand on matters he does not perfectly master.',
    note: 'C9’s premise: inside, a CM’s posts are worth what he knows of each matter.',
  },
  {
    id: 'I17', essay: I, kind: 'not modelled',
    quote: 'It’s also a matter of scale : internal communities involve much less people than external ones but are about much more different narrow matters.',
    reason: 'A description of sizes, set by inputs (`external.customers`, `organization.topicsPerThousand`).',
  },
  {
    id: 'I18', essay: I, kind: 'claim', claim: 'C4',
    quote: 'If your internal community manager speaks a lot, better put your money in an intranet than a social network',
  },
  {
    id: 'I19', essay: I, kind: 'measured',
    quote: 'But internal community managers can also speak when their profile make them relevant. For example when a member of the HR department is dedicated to HR communities management.',
    pattern: 'A CM who speaks as much but whose profile makes him relevant (HR) is more legitimate where he speaks, and members contribute more beside him.',
    tests: [
      armsHigher('mean legitimacy of animators, second year', mean('legitimacy', SECOND_YEAR), ['cmSpeaks', 'generalist CM speaks'], ['cmSpeaksHr', 'HR CM speaks']),
      armsHigher('member contributions, two years', memberPosts, ['cmSpeaks', 'generalist CM speaks'], ['cmSpeaksHr', 'HR CM speaks']),
    ],
    status: 'does not hold',
    note: 'HR communities are a small share of the topics (`communities.corporateShare` x `communities.hrShare`: 4%), so the HR person’s standing there hardly moves the whole network.',
  },
  {
    id: 'I20', essay: I, kind: 'claim', claim: 'C4',
    quote: 'But most of times, he’ll try to make others participate instead of being the most active person on the community platform or enterprise social network.',
  },
  {
    id: 'I21', essay: I, kind: 'claim', claim: 'C4',
    quote: 'It’s mission is to make others successful, not to be visible.',
  },
  {
    id: 'I22', essay: I, kind: 'measured',
    quote: 'He’s purpose will be to improve the overall system so that users will take the ownership and lead.',
    pattern: 'Beside a CM who enables rather than speaks, managers and community owners take the lead: they post more prompts.',
    tests: [armsHigher('prompts by managers and community owners, second year', sum('ownerPosts', SECOND_YEAR), ['cmSpeaks', 'CM speaks'], ['cmEnables', 'CM enables'])],
    status: 'holds',
  },
  {
    id: 'I23', essay: I, kind: 'not modelled',
    quote: 'He’ll be able to do reporting, talk to both IT and business people, build training and communication programs etc.',
    reason: 'Reporting, IT and communication programs have no behaviour in the model; training is the coaching of I12.',
  },
  {
    id: 'I24', essay: I, kind: 'not modelled',
    quote: 'Then comes the case of more “corporate” communities aiming at engaging employees on corporate matters and issues. That’s a field in which the community manager can become the spokesperson  but, once again, with limits related to legitimacy.',
    reason: 'No lever makes the CM speak in corporate communities only, and no series separates them; what he knows of corporate matters is an input (`knowledge.cmCorporate`).',
  },
  {
    id: 'I25', essay: I, kind: 'measured',
    quote: 'If the matter is an HR one, it will always be better to have an HR person speaking, same for sustainable development etc.',
    pattern: 'A CM who speaks creates more value if he is an HR person dedicated to the communities than if he is a generalist.',
    tests: [armsHigher('long-term value (hours)', longValue, ['cmSpeaks', 'generalist CM speaks'], ['cmSpeaksHr', 'HR CM speaks'])],
    status: 'does not hold',
    note: 'As I19: HR matters are too small a share of the network for the profile to move its value.',
  },
  {
    id: 'I26', essay: I, kind: 'claim', claim: 'C4',
    quote: 'One thing is sure : if the community manages is supposed to often speak internally, maybe the company made a mistake and would have done better by improving the intranet than deploying an internal social network.',
  },
  {
    id: 'I27', essay: I, kind: 'measured',
    quote: 'Internal and external community managers are two very different things but nothing prevents one to be successful in both.',
    pattern: 'A former emcee who moves to the background does as well as a CM from inside (long-term value within 10%).',
    tests: [{ kind: 'close', label: 'long-term value (hours)', reference: side('cmInternal', 'internal CM', longValue), other: side('emceeMovesBack', 'former emcee', longValue), margin: 0.1 }],
    status: 'holds',
    note: 'Within 10%: the former emcee\'s habit of speaking fades over his first months (`cm.habitDays`), and costs him -6.0% [-7.7%, -4.3%] of long-term value, the size of claim C9.',
  },
  {
    id: 'I28', essay: I, kind: 'claim', claim: 'C9',
    quote: 'What will matter is more at which level he’ll act when moving from the one to the other.',
  },
  {
    id: 'I29', essay: I, kind: 'not modelled',
    quote: 'The job description matters more than the title ... But it’s obvious that the word “community manager” covers so many need and profiles that the job is poorly normalized and one can find as many kind of job description as there are community managers.',
    reason: 'About titles and job descriptions, no behaviour.',
  },
  {
    id: 'I30', essay: I, kind: 'not modelled',
    quote: 'So it’s better to start with a good understanding of the need to find the right person, community manager or not.',
    reason: 'Advice on hiring: the model compares staffings, it does not hire.',
  },
];

/**
 * Sentences of the essays that state nothing: the first essay's title, headings that only name the next part, a
 * transition. Every other sentence is quoted by a row (test/patterns.test.ts).
 */
export const NOT_STATEMENTS: readonly string[] = [
  '33 things to know about those who make your online social spaces live',
  'So, here’s a few things to know about all these players…',
  'The community manager',
  'The social media manager',
  'The manager who uses social media with his team',
  'The member',
  'There’s an obvious reason to that.',
];

// ---- Evaluation ----

export const measuredRows = (): MeasuredRow[] => PATTERNS.filter((p): p is MeasuredRow => p.kind === 'measured');

/** The sides of a test, in the order evaluateMeasures reads them. */
export function testSides(t: PatternTest): [Side, Side] {
  return t.kind === 'higher' ? [t.lower, t.higher] : t.kind === 'paired' ? [t.first, t.second] : [t.reference, t.other];
}

/** The arms a row runs. */
export function rowArms(row: MeasuredRow): ArmName[] {
  return [...new Set(row.tests.flatMap((t) => testSides(t).map((s) => s.arm)))];
}

/** Whether any measure of a row on `arm` reads the per-agent table. */
export function armNeedsAgents(arm: ArmName, rows: readonly MeasuredRow[] = measuredRows()): boolean {
  return rows.some((r) => r.tests.some((t) => testSides(t).some((s) => s.arm === arm && s.agents)));
}

/**
 * What one run of `arm` gives a row: values[k][j] is side j of test k when it reads that arm, else NaN.
 * Runs are reduced to these numbers as they finish, so a catalogue never holds its runs.
 */
export function rowValues(row: MeasuredRow, arm: ArmName, run: RunOutput): number[][] {
  return row.tests.map((t) => testSides(t).map((s) => (s.arm === arm ? s.measure(run) : NaN)));
}

export interface PatternResult {
  id: string;
  status: 'holds' | 'does not hold';
  results: ComparisonResult[];
}

/**
 * A row's status from its runs: values[arm][i] is rowValues of the run of seed i of that arm (the same seeds
 * in every arm). Each test is one of the claims' comparisons, its sides standing for arms, so that the statistic
 * and the verdict are the claims' own.
 */
export function evaluatePattern(row: MeasuredRow, values: Partial<Record<ArmName, number[][][]>>): PatternResult {
  const comparisons: ComparisonShape[] = row.tests.map((t) => {
    if (t.kind === 'higher') return { kind: 'higher', label: t.label, lower: t.lower.label, higher: t.higher.label };
    if (t.kind === 'paired') return { kind: 'paired', label: t.label, arms: [t.first.label, t.second.label] };
    return { kind: 'close', label: t.label, reference: t.reference.label, other: t.other.label, margin: t.margin };
  });
  // measures[side label][seed][test]: the number that side reads from that seed's run (NaN where another test's).
  const measures: Record<string, number[][]> = {};
  row.tests.forEach((t, k) => {
    testSides(t).forEach((s, j) => {
      const runs = values[s.arm];
      if (!runs) throw new Error(`${row.id}: no runs of arm ${s.arm}`);
      const m = (measures[s.label] ??= runs.map(() => row.tests.map(() => NaN)));
      runs.forEach((v, i) => (m[i]![k] = v[k]![j]!));
    });
  });
  const results = evaluateMeasures({ id: row.id, comparisons }, measures);
  return { id: row.id, status: results.every((r) => r.passed) ? 'holds' : 'does not hold', results };
}
