/**
 * Phase: value, and what the day teaches everyone.
 *
 * A contribution becomes actionable on its own (about the group's own work, with the group's spontaneous
 * actionability) or when an animator follows it up; animators' follow-ups are limited by their time, so each
 * conversation is followed with probability min(1, follow-ups / contributions). In open communities and the
 * external community a question must also meet someone who can answer (critical mass). Actionable
 * conversations turn into hours saved with diminishing returns: the k-th conversation on the same problems of a
 * group saves less (value = hours x Q x (1 - exp(-A / Q)), Q = problems a day of its members).
 *
 * Everyone who takes part also reads: he gains what the day's relevant posts teach him, up to value.readValue
 * in a community well fed with posts (members' contributions, and animators' posts weighted by what their
 * authors know of the matter). That is his own payoff (it draws him back); the organization's value is what
 * conversations are turned into, as the seeds say ("turning social activities into business value").
 *
 * Then: what each participant got back (payoff), the group's smoothed activity, the share of its talk that is
 * the organization's voice, its audience's judgement of its animators, and its owner's animation effort, which
 * follows the response to his own prompts: the group's activity (relative to TRUST_SHARE_REF) times his share of
 * what its prompts draw (terms.ts: their pull, prompts weighted by the legitimacy members grant their authors).
 */
import { exp } from '../../math.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { binomial, type Random } from '../../rng.ts';
import {
  COACHING_SKILL,
  EFFORT_BASE,
  EFFORT_RESPONSE,
  GROUP_MEMORY,
  TRUST_FLOOR,
  TRUST_SHARE_REF,
  VOICE_SMOOTHING,
} from '../constants.ts';
import { membersOf, type ModelState, type OrgState } from '../state.ts';
import { COMMUNITY_EXPERTISE, KIND_EXTERNAL, KIND_OPEN, KIND_TEAM } from '../world.ts';

/** The organization's totals of the day, back to 0 before the groups add theirs. */
function resetTotals(o: OrgState): void {
  o.value.fill(0);
  o.informed = 0;
  o.actionable.fill(0);
  o.animatorPosts = 0;
  o.cmPosts = 0;
}

export function produceValue(st: ModelState, p: Scenario, rand: Random): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const V = p.value;
  const judge = p.legitimacy.audienceJudgement;
  // Parameters as numbers, once: the loop reads no scenario field.
  const criticalMass = +V.criticalMass;
  const tables = st.tables;
  const hoursTeam = +V.hoursTeam;
  const hoursExternal = +V.hoursExternal;
  const hoursExpertise = +V.hoursExpertise;
  const hoursOther = +V.hoursOther;
  const problemsPerMember = +V.problemsPerMember;
  const readValue = +V.readValue;
  const contentReference = +V.contentReference;
  const readReuse = +V.readReuse;
  const effortRate = +p.managers.effortRate;
  const conversion = +V.conversion;
  const emceePosts = p.external.emceeEffort * p.organization.hoursPerDay * p.cm.postsPerHour;
  resetTotals(o);
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const kind = w.groupKind[g]!;
    const contribs = gs.contributions[g]!;
    const reads = gs.reads[g]!;
    const participants = contribs + reads;
    const members = membersOf(gs, g);
    const followed = contribs > 0 ? Math.min(1, gs.followUps[g]! / contribs) : 0;
    let pAct = gs.onWork[g]! * (1 - (1 - gs.actionable[g]!) * (1 - followed));
    if (kind !== KIND_TEAM) pAct *= tables.answeredShare(participants, criticalMass);
    const act = binomial(contribs, pAct, rand);
    const hours =
      kind === KIND_TEAM
        ? hoursTeam
        : kind === KIND_EXTERNAL
          ? hoursExternal
          : w.communityKind[g] === COMMUNITY_EXPERTISE
            ? hoursExpertise
            : hoursOther;
    const problems = Math.max(1, problemsPerMember * (members - gs.leaves[g]!));
    const solved = act > 0 ? problems * (1 - exp(-act / problems)) : 0;
    // Everyone who takes part reads: what the day's relevant posts (members' own and animators') teach him.
    const informed = participants * readValue * (1 - exp(-(gs.content[g]! + contribs) / contentReference));
    const actionable = conversion * (hours * solved + (contribs > 0 ? (reads * readReuse * solved) / contribs : 0));
    // Value is what conversations turn into (hours saved by acting on them): what readers learn is their own
    // payoff, counted apart (informed hours), not the organization's value.
    o.value[kind]! += actionable;
    if (kind !== KIND_EXTERNAL) o.informed += informed;
    o.actionable[kind]! += act;
    gs.payoff[g] = participants > 0 ? (actionable + informed) / participants : 0;
    const share = members > 0 ? participants / members : 0;
    gs.activity[g]! += GROUP_MEMORY * (share - gs.activity[g]!);

    // How much of the talk is the organization's voice (the CM inside, the brand's emcee outside).
    const orgVoice = kind === KIND_OPEN ? gs.cmPosts[g]! : kind === KIND_EXTERNAL ? emceePosts : 0;
    const prompts = gs.prompts[g]!;
    gs.broadcast[g]! +=
      GROUP_MEMORY * (orgVoice / (orgVoice + contribs + prompts + VOICE_SMOOTHING) - gs.broadcast[g]!);
    if (kind !== KIND_EXTERNAL) o.animatorPosts += prompts;
    if (kind === KIND_OPEN) o.cmPosts += gs.cmPosts[g]!;

    // The audience judges its animators: legitimacy holds while it responds.
    const response = TRUST_FLOOR + (1 - TRUST_FLOOR) * Math.min(1, share / TRUST_SHARE_REF);
    gs.trust[g]! += judge * (response - gs.trust[g]!);

    // Owners animate as long as their own prompts get a response: their share of what the group's prompts draw.
    gs.ownerShare[g]! += GROUP_MEMORY * (gs.ownerPull[g]! - gs.ownerShare[g]!);
    if (w.groupOwner[g]! >= 0) {
      const response = Math.min(1, gs.activity[g]! / TRUST_SHARE_REF) * gs.ownerShare[g]!;
      let target =
        w.ownerDisposition[g]! * (1 + COACHING_SKILL * gs.coached[g]!) * (EFFORT_BASE + EFFORT_RESPONSE * response);
      target = target < 0 ? 0 : target > 1 ? 1 : target;
      gs.effort[g]! += effortRate * (target - gs.effort[g]!);
    }
  }
}
