/** The pattern catalogue's types, its arms (shipped scenarios with levers set) and the size it is measured at. */
import type { Measure } from '../claims.ts';

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
  governed: {
    scenario: 'c1-cm-relays',
    set: {},
    text: 'an internal CM with his four levers, one SMM per 400 employees',
  },
  cmEnables: { scenario: 'c4-cm-enables', set: {}, text: 'an internal CM who speaks 10% of his time' },
  cmSpeaks: { scenario: 'c4-cm-speaks', set: {}, text: 'an internal CM who speaks 70% of his time' },
  cmSpeaksHr: {
    scenario: 'c4-cm-speaks',
    set: { 'cm.profile': 'hr' },
    text: 'the same, an HR person dedicated to the communities',
  },
  oneSmm: {
    scenario: 'c1-cm-relays',
    set: { 'smm.count': 1 },
    text: 'the governed organization with one SMM whatever its size',
  },
  noSmm: { scenario: 'c1-cm-relays', set: { 'smm.count': 0 }, text: 'the governed organization without SMMs' },
  noSmmNoCoaching: {
    scenario: 'c1-cm-relays',
    set: { 'smm.count': 0, 'cm.relays': false },
    text: 'the same, the CM coaching nobody',
  },
  smmWithoutCm: {
    scenario: 'c1-cm-relays',
    set: { 'cm.present': false },
    text: 'the same SMMs with no CM to articulate their work',
  },
  noFramework: {
    scenario: 'c1-cm-relays',
    set: { 'cm.framework': false },
    text: 'the governed organization, the CM without a framework',
  },
  noProcesses: {
    scenario: 'c1-cm-relays',
    set: { 'cm.coBuiltProcesses': false },
    text: 'the governed organization, no processes co-built with managers',
  },
  noExpertiseCenter: {
    scenario: 'c1-cm-relays',
    set: { 'cm.expertiseCenter': false },
    text: 'the governed organization, no expertise center',
  },
  noValueProposal: {
    scenario: 'c1-cm-relays',
    set: { 'cm.coBuiltProcesses': false, 'cm.expertiseCenter': false },
    text: 'the governed organization, neither co-built processes nor expertise center',
  },
  juniorCm: {
    scenario: 'c1-cm-relays',
    set: { 'cm.legitimacy': 0.5 },
    text: 'the governed organization, a CM with half the standing of a senior manager',
  },
  smmHelpsNobody: {
    scenario: 'c1-cm-relays',
    set: { 'smm.helpOnRequest': 0 },
    text: 'the governed organization, SMMs who help no manager',
  },
  quietEmcee: {
    scenario: 'c1-cm-relays',
    set: { 'external.emceeEffort': 0.1 },
    text: 'the governed organization, the brand\u2019s emcee speaking 10% of his day',
  },
  smmRespects: {
    scenario: 'c2-smm-respects-managers',
    set: {},
    text: 'two SMMs per 400 employees who stay out of team groups',
  },
  smmCompetes: { scenario: 'c2-smm-competes', set: {}, text: 'the same SMMs stepping into 60% of team groups' },
  noCampaign: { scenario: 'c7-no-campaign', set: {}, text: 'a governed network, no campaign' },
  campaign: { scenario: 'c7-star-campaign', set: {}, text: 'the same, a visibility campaign from day 100' },
  cmInternal: { scenario: 'c8-cm-internal', set: {}, text: 'a senior internal manager as CM' },
  emceeMovesBack: {
    scenario: 'c9-former-emcee',
    set: {},
    text: 'the brand\u2019s former emcee as internal CM, meaning to stay in the background',
  },
  noRoutines: { scenario: 'c10-no-routines', set: {}, text: 'no CM, no SMM, no team group with routines' },
  routines: { scenario: 'c10-routines', set: {}, text: 'the same, 80% of team groups with routines' },
  clearPurpose: {
    scenario: 'c1-no-governance',
    set: { 'policies.purposeClarity': 0.75 },
    text: 'no governance, the purpose of open communities clear (0.75)',
  },
  noQuarrels: {
    scenario: 'c1-no-governance',
    set: { 'governance.quarrelsPerDepartmentYear': 0 },
    text: 'no governance, departments that never quarrel over time',
  },
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
