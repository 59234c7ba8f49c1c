/**
 * The numbers the group terms read (terms.ts, animators.ts), read once a tick from the state and the
 * parameters, and the per-group scratch the animators fill. Both are classes whose number fields are fractions
 * from the start (jit.ts, 1 and 5): the loop over groups reads no scenario field, and one compiled loop serves
 * every scenario. A Simulation allocates them once (ModelState.terms): a tick allocates nothing.
 */
import { log } from '../../math.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { FRACTION } from '../jit.ts';
import type { ModelState, Staff } from '../state.ts';
import { FRAMEWORK_REACH } from '../constants.ts';
import type { CountTables } from '../tables.ts';

export class TermsContext {
  p: Scenario | null = null;
  cm: Staff | null = null;
  readonly tables: CountTables;
  tick = FRACTION;
  /** behaviour.animatorPostsPerDay (at least 1e-9): a full animator's prompts a day. */
  posts = FRACTION;
  /** Progress of the CM's framework. */
  framework = FRACTION;
  visibility = FRACTION;
  hoursPerDay = FRACTION;
  logReference = FRACTION;
  /** Exposure of speaking to the whole organization. */
  exposureOrg = FRACTION;
  /** Follow-ups an hour, shortened by the search co-built processes and the expertise center save (7.14). */
  perFollowUp = FRACTION;
  cmCodes = FRACTION;
  openClarity = FRACTION;
  openRules = FRACTION;
  actionableOpen = FRACTION;
  actionableTeam = FRACTION;
  actionableExternal = FRACTION;
  criticalMass = FRACTION;
  animationWeight = FRACTION;
  baseline = FRACTION;
  broadcastWeight = FRACTION;
  broadcastWeightExternal = FRACTION;
  contributionBase = FRACTION;
  contributionRisk = FRACTION;
  efficiencyReference = FRACTION;
  engagementCap = FRACTION;
  engagementFloor = FRACTION;
  externalOffset = FRACTION;
  noveltyWeight = FRACTION;
  responseReward = FRACTION;
  riskWeight = FRACTION;
  senseWeight = FRACTION;
  socialProofWeight = FRACTION;
  teamBonus = FRACTION;
  teamWriteBonus = FRACTION;
  worthwhile = FRACTION;
  postsPerHour = FRACTION;
  emceeEffort = FRACTION;
  ownerTopic = FRACTION;
  smmTeamWork = FRACTION;
  smmTopic = FRACTION;
  emceeExternal = FRACTION;
  managersAnimationHours = FRACTION;
  routineFollowUpHours = FRACTION;
  ownersAnimationHours = FRACTION;
  capacity = FRACTION;

  constructor(tables: CountTables) {
    this.tables = tables;
  }

  /** Today's numbers. */
  read(st: ModelState, p: Scenario): this {
    const w = st.world;
    const o = st.org;
    const b = p.behaviour;
    const V = p.value;
    this.p = p;
    this.cm = o.cm;
    this.tick = st.tick;
    this.hoursPerDay = p.organization.hoursPerDay;
    this.posts = Math.max(1e-9, b.animatorPostsPerDay);
    const F = o.framework;
    this.framework = F;
    this.visibility = p.policies.visibility;
    this.logReference = log(1 + b.exposureAudience);
    this.exposureOrg = st.tables.log1pCount(w.employees) / this.logReference;
    // A follow-up is partly a search for who can act: a co-built process says where a kind of request goes, the
    // expertise center's directory who knows what (7.14).
    const search = V.searchShare * (1 - (1 - o.processes) * (1 - o.expertiseCenter));
    this.perFollowUp = 60 / (V.followUpMinutes * (1 - search));
    this.cmCodes = o.cm ? o.cm.knowledge : 0;
    this.openClarity = p.policies.purposeClarity + (1 - p.policies.purposeClarity) * FRAMEWORK_REACH * F;
    this.openRules = p.policies.rulesClarity + (1 - p.policies.rulesClarity) * FRAMEWORK_REACH * F;
    this.actionableOpen = +V.actionableOpen;
    this.actionableTeam = +V.actionableTeam;
    this.actionableExternal = +V.actionableExternal;
    this.criticalMass = +V.criticalMass;
    this.animationWeight = +b.animationWeight;
    this.baseline = +b.baseline;
    this.broadcastWeight = +b.broadcastWeight;
    this.broadcastWeightExternal = +b.broadcastWeightExternal;
    this.contributionBase = +b.contributionBase;
    this.contributionRisk = +b.contributionRisk;
    this.efficiencyReference = +b.efficiencyReference;
    this.engagementCap = +b.engagementCap;
    this.engagementFloor = +b.engagementFloor;
    this.externalOffset = +b.externalOffset;
    this.noveltyWeight = +b.noveltyWeight;
    this.responseReward = +b.responseReward;
    this.riskWeight = +b.riskWeight;
    this.senseWeight = +b.senseWeight;
    this.socialProofWeight = +b.socialProofWeight;
    this.teamBonus = +b.teamBonus;
    this.teamWriteBonus = +b.teamWriteBonus;
    this.worthwhile = +b.worthwhile;
    this.postsPerHour = +p.cm.postsPerHour;
    this.emceeEffort = +p.external.emceeEffort;
    this.ownerTopic = +p.knowledge.ownerTopic;
    this.smmTeamWork = +p.knowledge.smmTeamWork;
    this.smmTopic = +p.knowledge.smmTopic;
    this.emceeExternal = +p.legitimacy.emceeExternal;
    this.managersAnimationHours = +p.managers.animationHours;
    this.routineFollowUpHours = +p.managers.routineFollowUpHours;
    this.ownersAnimationHours = +p.owners.animationHours;
    this.capacity = +p.smm.capacity;
    return this;
  }
}

/** What a group's animators make of it today (animators.ts), before the terms common to every kind (terms.ts). */
export class GroupTerms {
  /** What the animators start from (terms.ts sets them): the audience's trust, coaching's skill, the SMM's codes. */
  trust = FRACTION;
  skill = FRACTION;
  smmK = FRACTION;
  clarity = FRACTION;
  rules = FRACTION;
  novelty = FRACTION;
  /** Kind's offset to the attraction (team bonus, external offset). */
  offset = FRACTION;
  /** Prompts' pull over a full animator's prompts (before saturation). */
  animation = FRACTION;
  legitimacy = FRACTION;
  promptCount = FRACTION;
  ownerPull = FRACTION;
  onWork = FRACTION;
  actionable = FRACTION;
  followUps = FRACTION;
  /** Posts by the organization's voice (the CM speaking, the brand's emcee), not prompts. */
  voicePosts = FRACTION;
  content = FRACTION;
}
