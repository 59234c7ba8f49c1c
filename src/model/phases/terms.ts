/**
 * Phase: the terms of today's decisions.
 *
 * Per group: who animates it (its owner, an SMM, the CM), how legitimate each is there (knowledge.ts), how much
 * of the response its prompts draw goes to its owner's and how much answers requests about the group's own work
 * (prompts compete for members' attention, as far as members grant their authors legitimacy); from these
 * the animation members feel, the clarity of purpose and rules, the exposure of taking part (audience size,
 * a visibility campaign), the novelty of what is asked, what makes conversations actionable, and what a
 * participation gave back lately.
 *
 * Per agent: yesterday's gains enter efficiency experienced, alignment moves towards what governance makes
 * possible, and the agent's own part of the decision is computed: alignment, efficiency, attention already
 * spent, the pull of a visibility campaign on those who seek status, and web habits.
 */
import { exp, log } from '../../math.ts';
import type { Scenario } from '../../scenario/schema.ts';
import {
  ANIMATION_CLARITY, COACHING_SKILL, EXTERNAL_CLARITY, EXTERNAL_EXPOSURE, EXTERNAL_NOVELTY, EXTERNAL_RULES, FOLLOW_UP_SHARE, FRAMEWORK_REACH,
  INVITE_ANIMATION, INVITE_BASE, NEUTRAL_ALIGNMENT, NEUTRAL_CLARITY, RULES_RISK_CUT, TEAM_CLARITY, TEAM_FRAMEWORK_CLARITY, TEAM_FRAMEWORK_RULES, TEAM_NOVELTY,
  TEAM_ROUTINE_CLARITY, TEAM_ROUTINE_NOVELTY, TEAM_ROUTINE_RULES, TEAM_RULES,
} from '../constants.ts';
import { cmTopicKnowledge, legitimacyOf, smmCodes } from '../knowledge.ts';
import { membersOf, PEOPLE_ALIGNMENT, type ModelState } from '../state.ts';
import { answeredShare, log1pCount } from '../tables.ts';
import { HOT_NOVELTY, HOT_PRESSURE, HOT_RECEIVED, HOT_RISK, HOT_STRIDE, HOT_TERM, HOT_TODAY, KIND_EXTERNAL, KIND_OPEN, KIND_TEAM } from '../world.ts';

/** Exposure of speaking in front of `audience` people: ln(1 + audience) / ln(1 + behaviour.exposureAudience). */
export function exposureOf(audience: number, reference: number): number {
  return log1pCount(audience) / log(1 + reference);
}

export function groupTerms(st: ModelState, p: Scenario): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const b = p.behaviour;
  const V = p.value;
  const H = p.organization.hoursPerDay;
  const posts = Math.max(1e-9, b.animatorPostsPerDay);
  const F = o.framework;
  const vis = p.policies.visibility;
  const logReference = log(1 + b.exposureAudience);
  const exposureOrg = log1pCount(w.employees) / logReference;
  // A follow-up is partly a search for who can act: a co-built process says where a kind of request goes, the
  // expertise center's directory who knows what (7.14).
  const search = V.searchShare * (1 - (1 - o.processes) * (1 - o.expertiseCenter));
  const perFollowUp = 60 / (V.followUpMinutes * (1 - search));
  const cm = o.cm;
  const cmCodes = cm ? cm.knowledge : 0;
  const openClarity = p.policies.purposeClarity + (1 - p.policies.purposeClarity) * FRAMEWORK_REACH * F;
  const openRules = p.policies.rulesClarity + (1 - p.policies.rulesClarity) * FRAMEWORK_REACH * F;
  // Parameters as numbers, once: the loop reads no scenario field.
  const actionableOpen = +V.actionableOpen;
  const actionableTeam = +V.actionableTeam;
  const criticalMass = +V.criticalMass;
  const animationWeight = +b.animationWeight;
  const baseline = +b.baseline;
  const broadcastWeight = +b.broadcastWeight;
  const broadcastWeightExternal = +b.broadcastWeightExternal;
  const contributionBase = +b.contributionBase;
  const contributionRisk = +b.contributionRisk;
  const efficiencyReference = +b.efficiencyReference;
  const engagementCap = +b.engagementCap;
  const engagementFloor = +b.engagementFloor;
  const externalOffset = +b.externalOffset;
  const noveltyWeight = +b.noveltyWeight;
  const responseReward = +b.responseReward;
  const riskWeight = +b.riskWeight;
  const senseWeight = +b.senseWeight;
  const socialProofWeight = +b.socialProofWeight;
  const teamBonus = +b.teamBonus;
  const teamWriteBonus = +b.teamWriteBonus;
  const worthwhile = +b.worthwhile;
  const postsPerHour = +p.cm.postsPerHour;
  const emceeEffort = +p.external.emceeEffort;
  const ownerTopic = +p.knowledge.ownerTopic;
  const smmTeamWork = +p.knowledge.smmTeamWork;
  const smmTopic = +p.knowledge.smmTopic;
  const emceeExternal = +p.legitimacy.emceeExternal;
  const managersAnimationHours = +p.managers.animationHours;
  const routineFollowUpHours = +p.managers.routineFollowUpHours;
  const ownersAnimationHours = +p.owners.animationHours;
  const capacity = +p.smm.capacity;
  const actionableExternal = +p.value.actionableExternal;

  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const kind = w.groupKind[g]!;
    const trust = gs.trust[g]!;
    const members = kind === KIND_TEAM ? w.groupStart[g + 1]! - w.groupStart[g]! : membersOf(gs, g);
    const skill = 1 + COACHING_SKILL * gs.coached[g]!;
    const smm = gs.smmIndex[g]! >= 0 ? o.smms[gs.smmIndex[g]!] : undefined;
    const smmK = smm ? smmCodes(p, smm, st.tick) : 0;
    let clarity: number;
    let rules: number;
    let novelty: number;
    let offset = 0;
    let animation: number;
    let legit: number;
    let promptCount: number;
    let ownerPull = 1;
    let onWork = 1;
    let actionable: number;
    let followUps: number;
    let voicePosts = 0;
    let content: number;

    if (kind === KIND_TEAM) {
      // The manager (authority, knows his team's work) and, where one steps in, an SMM (who does not).
      const routine = gs.routines[g]!;
      const mPrompts = gs.effort[g]! * posts;
      const sPrompts = gs.smmEffort[g]! * posts;
      // The manager knows his team's work and its people: fully legitimate there, as the audience judges.
      const mLegit = legitimacyOf(0, 1, 1) * trust;
      const sLegit = legitimacyOf(0, smmTeamWork, smmK) * trust;
      promptCount = mPrompts + sPrompts;
      // Prompts compete for members' attention: each draws responses as far as members grant it legitimacy.
      const mPull = mPrompts * mLegit * skill;
      const sPull = sPrompts * sLegit;
      ownerPull = mPull + sPull > 0 ? mPull / (mPull + sPull) : 1;
      // Responses about the team's own work: those to the manager, and to the SMM as far as he knows that work.
      onWork = ownerPull + (1 - ownerPull) * smmTeamWork * smmK;
      animation = (mPull + sPull) / posts;
      legit = promptCount > 0 ? (mPrompts * mLegit + sPrompts * sLegit) / promptCount : 0;
      content = mPrompts + sPrompts * smmTeamWork;
      const teamClarity = TEAM_CLARITY + TEAM_ROUTINE_CLARITY * routine + TEAM_FRAMEWORK_CLARITY * F;
      const teamRules = TEAM_RULES + TEAM_ROUTINE_RULES * routine + TEAM_FRAMEWORK_RULES * F;
      // Requests that are not about the team's work are as unclear as an open community's.
      clarity = onWork * teamClarity + (1 - onWork) * openClarity;
      rules = onWork * teamRules + (1 - onWork) * openRules;
      novelty = onWork * (routine ? TEAM_ROUTINE_NOVELTY : TEAM_NOVELTY) + (1 - onWork);
      offset = teamBonus;
      actionable = actionableTeam;
      // The manager follows conversations up in part of his animation hours; a routine is his habit of following
      // them up by default, in hours of its own (their cost is counted: record.ts).
      followUps = gs.effort[g]! * (managersAnimationHours * FOLLOW_UP_SHARE + routine * routineFollowUpHours) * perFollowUp * skill;
    } else if (kind === KIND_OPEN) {
      const owner = w.groupOwner[g]! >= 0;
      const oPrompts = owner ? gs.effort[g]! * posts : 0;
      const sPrompts = gs.smmEffort[g]! * posts;
      const lPrompts = gs.cmLead[g]! * posts;
      const cPosts = gs.cmPosts[g]!;
      const oLegit = legitimacyOf(0, ownerTopic, 1) * trust;
      const sLegit = legitimacyOf(0, smmTopic, smmK) * trust;
      const cmKnows = cm ? cmTopicKnowledge(p, w, g) : 0;
      const cLegit = legitimacyOf(0, cmKnows, cmCodes) * trust;
      promptCount = oPrompts + sPrompts + lPrompts + cPosts;
      const oPull = oPrompts * oLegit * skill;
      const pull = oPull + sPrompts * sLegit + (lPrompts + cPosts) * cLegit;
      ownerPull = pull > 0 && owner ? oPull / pull : 1;
      animation = pull / posts;
      const weighted = oPrompts * oLegit + sPrompts * sLegit + (lPrompts + cPosts) * cLegit;
      legit = promptCount > 0 ? weighted / promptCount : 0;
      // Animators who know the matter say what the community is for.
      content = oPrompts * ownerTopic + sPrompts * smmTopic + (lPrompts + cPosts) * cmKnows;
      const knows = promptCount > 0 ? content / promptCount : 0;
      clarity = openClarity + ANIMATION_CLARITY * knows * Math.min(1, animation);
      rules = openRules;
      novelty = 1;
      actionable = actionableOpen;
      // Follow-ups by whoever animates, as far as they know who can act.
      followUps =
        (gs.effort[g]! * (owner ? 1 : 0) * ownersAnimationHours * skill +
          gs.smmEffort[g]! * (H / Math.max(1, capacity)) * smmK +
          gs.cmLead[g]! * ownersAnimationHours * cmCodes) *
        FOLLOW_UP_SHARE * perFollowUp;
      voicePosts = cPosts;
    } else {
      // The brand's emcee: legitimate with customers by his role, until they decide he is not.
      const ePosts = emceeEffort * H * postsPerHour;
      legit = emceeExternal * trust;
      promptCount = ePosts;
      content = ePosts;
      animation = (ePosts * legit) / posts;
      // (+: an imported constant is not known to be a number where V8 compiles this; merged with the other
      // branches' values it would make them all boxed, an allocation a group.)
      clarity = +EXTERNAL_CLARITY;
      rules = +EXTERNAL_RULES;
      novelty = +EXTERNAL_NOVELTY;
      offset = externalOffset;
      actionable = actionableExternal;
      followUps = (1 - emceeEffort) * H * FOLLOW_UP_SHARE * perFollowUp;
      voicePosts = ePosts;
    }

    const internal = kind !== KIND_EXTERNAL;
    // Exposure grows with the audience; a campaign shows a share of contributions to the whole organization.
    let exposure = log1pCount(members) / logReference;
    if (internal) exposure = (1 - vis) * exposure + vis * exposureOrg;
    else exposure *= EXTERNAL_EXPOSURE;
    if (rules > 1) rules = 1;
    const risk = exposure * (1 - RULES_RISK_CUT * rules);
    const felt = 1 - exp(-animation);
    gs.prompts[g] = promptCount - voicePosts;
    gs.content[g] = content;
    gs.ownerPull[g] = ownerPull;
    gs.onWork[g] = onWork;
    gs.animation[g] = felt;
    gs.legitimacy[g] = legit;
    gs.actionable[g] = actionable > 1 ? 1 : actionable;
    gs.followUps[g] = followUps;
    gs.attract[g] = baseline + offset + animationWeight * felt + socialProofWeight * gs.activity[g]!;
    gs.risk[g] = riskWeight * risk;
    gs.sense[g] = senseWeight * ((clarity > 1 ? 1 : clarity) - NEUTRAL_CLARITY);
    gs.novelty[g] = noveltyWeight * novelty;
    const bw = internal ? broadcastWeight : broadcastWeightExternal;
    const inFlow = kind === KIND_TEAM ? teamWriteBonus : 1;
    gs.invite[g] = (inFlow * contributionBase * (INVITE_BASE + INVITE_ANIMATION * felt)) / (1 + bw * gs.broadcast[g]!);
    gs.writeRisk[g] = contributionRisk * risk;
    // The engagement taking part here leads to: from the floor (it gives nothing) towards the cap, half-way
    // when a participation pays behaviour.worthwhile reference efficiencies.
    const paid = gs.payoff[g]! / efficiencyReference;
    const reward = engagementFloor + ((engagementCap - engagementFloor) * paid) / (paid + worthwhile);
    gs.reward[g] = reward;
    // A contribution also gets responses, more likely the more people take part (as a question meets someone who
    // can answer): writers are drawn further in.
    const answered = answeredShare(gs.contributions[g]! + gs.reads[g]!, criticalMass);
    gs.rewardWrite[g] = reward + responseReward * answered * (engagementCap - reward);
  }
}

/**
 * Also sums employees' alignment in st.people (PEOPLE_ALIGNMENT; the caller stores its mean). The sum is kept in
 * place, not in a local returned or stored after the loop: a phase whose loop V8 compiles while it runs
 * (on-stack replacement) must end with its loop (code after it, unknown to the compiled code, deoptimized it
 * there tick after tick), and a returned local was boxed at every step.
 */
export function agentTerms(st: ModelState, p: Scenario): void {
  const w = st.world;
  const b = p.behaviour;
  const gov = p.governance;
  // Parameters as numbers and arrays in locals, once: the loop reads no object field.
  const ref = +b.efficiencyReference;
  const memory = +b.efficiencyMemory;
  const readMinutes = +b.readMinutes;
  const efficiencyWeight = +b.efficiencyWeight;
  const timePressureWeight = +b.timePressureWeight;
  const alignmentWeight = +b.alignmentWeight;
  const alignmentRate = +gov.alignmentRate;
  const webFamiliarityWeight = +b.webFamiliarityWeight;
  const webProtectWeight = +b.webProtectWeight;
  const webSocializeWeight = +b.webSocializeWeight;
  const writerPresence = +b.writerPresence;
  // Alignment's target rises with the mean progress of the framework and the co-built processes.
  const lift = (gov.alignmentGain * (st.org.framework + st.org.processes)) / 2;
  const star = p.policies.visibility * b.starAppeal;
  const employees = w.employees;
  const agents = w.agents;
  const hot = w.hot;
  const efficiencies = w.efficiency;
  const load = w.load;
  const timeBudget = w.timeBudget;
  const riskAversion = w.riskAversion;
  const alignment = w.alignment;
  const alignmentStart = w.alignmentStart;
  const webSociability = w.webSociability;
  const statusSeeking = w.statusSeeking;
  const writer = w.writer;
  const people = st.people;
  people[PEOPLE_ALIGNMENT] = 0;
  for (let i = 0, o = 0; i < agents; i++, o += HOT_STRIDE) {
    // What yesterday's participations gave back (decide.ts sums it in the hot record) enters efficiency experienced.
    const efficiency = efficiencies[i]! + memory * (hot[o + HOT_RECEIVED]! - efficiencies[i]!);
    efficiencies[i] = efficiency;
    let gate = efficiency / ref;
    if (gate > 1) gate = 1;
    // Attention: the minutes a day spent lately plus those one more visit would take, over his time budget.
    const pressure = (load[i]! + readMinutes) / timeBudget[i]!;
    let term = efficiencyWeight * gate - timePressureWeight * pressure;
    let risk = riskAversion[i]!;
    let novelty = 1 - gate;
    if (i < employees) {
      const target = Math.min(1, alignmentStart[i]! + lift);
      people[PEOPLE_ALIGNMENT]! += alignment[i]! += alignmentRate * (target - alignment[i]!);
      const ws = webSociability[i]!;
      // Web habits pull both ways: familiarity with the tools lifts the novelty barrier, a "facebook addict"
      // protects himself at work, a less social person on the web finds it helpful to socialize at work.
      novelty *= 1 - webFamiliarityWeight * ws;
      risk += webProtectWeight * ws;
      term += webSocializeWeight * (1 - ws) + star * statusSeeking[i]! + writerPresence * writer[i]!;
    }
    hot[o + HOT_TERM] = term + alignmentWeight * (alignment[i]! - NEUTRAL_ALIGNMENT) * 2;
    hot[o + HOT_RISK] = risk;
    hot[o + HOT_NOVELTY] = novelty;
    hot[o + HOT_PRESSURE] = pressure;
    hot[o + HOT_TODAY] = 0;
    hot[o + HOT_RECEIVED] = 0;
  }
}
