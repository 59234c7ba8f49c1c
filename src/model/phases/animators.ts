/**
 * Who animates a group today and what members make of it, by kind of group: its owner (manager or community
 * owner), an SMM, the CM, the brand's emcee. How legitimate each is there (knowledge.ts), how much of the
 * response its prompts draw goes to its owner's and how much answers requests about the group's own work (prompts
 * compete for members' attention, as far as members grant their authors legitimacy); from these the animation
 * members feel, clarity of purpose and rules, novelty, actionability and follow-ups. Each writes every field of
 * `t` (terms-context.ts: GroupTerms); terms.ts turns them into the decision's terms.
 */
import {
  ANIMATION_CLARITY,
  EXTERNAL_CLARITY,
  EXTERNAL_NOVELTY,
  EXTERNAL_RULES,
  FOLLOW_UP_SHARE,
  TEAM_CLARITY,
  TEAM_FRAMEWORK_CLARITY,
  TEAM_FRAMEWORK_RULES,
  TEAM_NOVELTY,
  TEAM_ROUTINE_CLARITY,
  TEAM_ROUTINE_NOVELTY,
  TEAM_ROUTINE_RULES,
  TEAM_RULES,
} from '../constants.ts';
import { cmTopicKnowledge, legitimacyOf } from '../knowledge.ts';
import type { GroupState } from '../state.ts';
import type { World } from '../world.ts';
import type { GroupTerms, TermsContext } from './terms-context.ts';

/** A team group: the manager (authority, knows his team's work) and, where one steps in, an SMM (who does not). */
export function teamAnimators(gs: GroupState, g: number, c: TermsContext, t: GroupTerms): void {
  const trust = t.trust;
  const skill = t.skill;
  const smmK = t.smmK;
  const posts = c.posts;
  const smmTeamWork = c.smmTeamWork;
  const routine = gs.routines[g]!;
  const mPrompts = gs.effort[g]! * posts;
  const sPrompts = gs.smmEffort[g]! * posts;
  // The manager knows his team's work and its people: fully legitimate there, as the audience judges.
  const mLegit = legitimacyOf(0, 1, 1) * trust;
  const sLegit = legitimacyOf(0, smmTeamWork, smmK) * trust;
  const promptCount = mPrompts + sPrompts;
  // Prompts compete for members' attention: each draws responses as far as members grant it legitimacy.
  const mPull = mPrompts * mLegit * skill;
  const sPull = sPrompts * sLegit;
  const ownerPull = mPull + sPull > 0 ? mPull / (mPull + sPull) : 1;
  // Responses about the team's own work: those to the manager, and to the SMM as far as he knows that work.
  const onWork = ownerPull + (1 - ownerPull) * smmTeamWork * smmK;
  t.promptCount = promptCount;
  t.ownerPull = ownerPull;
  t.onWork = onWork;
  t.animation = (mPull + sPull) / posts;
  t.legitimacy = promptCount > 0 ? (mPrompts * mLegit + sPrompts * sLegit) / promptCount : 0;
  t.content = mPrompts + sPrompts * smmTeamWork;
  const teamClarity = TEAM_CLARITY + TEAM_ROUTINE_CLARITY * routine + TEAM_FRAMEWORK_CLARITY * c.framework;
  const teamRules = TEAM_RULES + TEAM_ROUTINE_RULES * routine + TEAM_FRAMEWORK_RULES * c.framework;
  // Requests that are not about the team's work are as unclear as an open community's.
  t.clarity = onWork * teamClarity + (1 - onWork) * c.openClarity;
  t.rules = onWork * teamRules + (1 - onWork) * c.openRules;
  t.novelty = onWork * (routine ? TEAM_ROUTINE_NOVELTY : TEAM_NOVELTY) + (1 - onWork);
  t.offset = c.teamBonus;
  t.actionable = c.actionableTeam;
  // The manager follows conversations up in part of his animation hours; a routine is his habit of following
  // them up by default, in hours of its own (their cost is counted: record/cost.ts).
  t.followUps =
    gs.effort[g]! *
    (c.managersAnimationHours * FOLLOW_UP_SHARE + routine * c.routineFollowUpHours) *
    c.perFollowUp *
    skill;
  t.voicePosts = 0;
}

/** An open community: its owner, an SMM, the CM leading it (expertise) or speaking in it. */
export function openAnimators(w: World, gs: GroupState, g: number, c: TermsContext, t: GroupTerms): void {
  const trust = t.trust;
  const skill = t.skill;
  const smmK = t.smmK;
  const posts = c.posts;
  const ownerTopic = c.ownerTopic;
  const smmTopic = c.smmTopic;
  const cmCodes = c.cmCodes;
  const owner = w.groupOwner[g]! >= 0;
  const oPrompts = owner ? gs.effort[g]! * posts : 0;
  const sPrompts = gs.smmEffort[g]! * posts;
  const lPrompts = gs.cmLead[g]! * posts;
  const cPosts = gs.cmPosts[g]!;
  const oLegit = legitimacyOf(0, ownerTopic, 1) * trust;
  const sLegit = legitimacyOf(0, smmTopic, smmK) * trust;
  const cmKnows = c.cm ? cmTopicKnowledge(c.p!, w, g) : 0;
  const cLegit = legitimacyOf(0, cmKnows, cmCodes) * trust;
  const promptCount = oPrompts + sPrompts + lPrompts + cPosts;
  const oPull = oPrompts * oLegit * skill;
  const pull = oPull + sPrompts * sLegit + (lPrompts + cPosts) * cLegit;
  const animation = pull / posts;
  const weighted = oPrompts * oLegit + sPrompts * sLegit + (lPrompts + cPosts) * cLegit;
  // Animators who know the matter say what the community is for.
  const content = oPrompts * ownerTopic + sPrompts * smmTopic + (lPrompts + cPosts) * cmKnows;
  const knows = promptCount > 0 ? content / promptCount : 0;
  t.promptCount = promptCount;
  t.ownerPull = pull > 0 && owner ? oPull / pull : 1;
  t.onWork = 1;
  t.animation = animation;
  t.legitimacy = promptCount > 0 ? weighted / promptCount : 0;
  t.content = content;
  t.clarity = c.openClarity + ANIMATION_CLARITY * knows * Math.min(1, animation);
  t.rules = c.openRules;
  t.novelty = 1;
  t.offset = 0;
  t.actionable = c.actionableOpen;
  // Follow-ups by whoever animates, as far as they know who can act.
  t.followUps =
    (gs.effort[g]! * (owner ? 1 : 0) * c.ownersAnimationHours * skill +
      gs.smmEffort[g]! * (c.hoursPerDay / Math.max(1, c.capacity)) * smmK +
      gs.cmLead[g]! * c.ownersAnimationHours * cmCodes) *
    FOLLOW_UP_SHARE *
    c.perFollowUp;
  t.voicePosts = cPosts;
}

/** The external community: the brand's emcee, legitimate with customers by his role, until they decide he is not. */
export function externalAnimators(c: TermsContext, t: GroupTerms): void {
  const trust = t.trust;
  const H = c.hoursPerDay;
  const emceeEffort = c.emceeEffort;
  const ePosts = emceeEffort * H * c.postsPerHour;
  const legit = c.emceeExternal * trust;
  t.legitimacy = legit;
  t.promptCount = ePosts;
  t.content = ePosts;
  t.animation = (ePosts * legit) / c.posts;
  t.ownerPull = 1;
  t.onWork = 1;
  // (+: an imported constant is not known to be a number where V8 compiles this: jit.ts, 5.)
  t.clarity = +EXTERNAL_CLARITY;
  t.rules = +EXTERNAL_RULES;
  t.novelty = +EXTERNAL_NOVELTY;
  t.offset = c.externalOffset;
  t.actionable = c.actionableExternal;
  t.followUps = (1 - emceeEffort) * H * FOLLOW_UP_SHARE * c.perFollowUp;
  t.voicePosts = ePosts;
}
