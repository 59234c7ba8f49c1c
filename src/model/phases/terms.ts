/**
 * Phase: the terms of today's decisions.
 *
 * Per group: who animates it and what members make of it (animators.ts: legitimacy, the owner's share of the
 * response, the animation felt, clarity of purpose and rules, novelty, actionability), then the exposure of taking
 * part (audience size, a visibility campaign) and what a participation gave back lately.
 *
 * Per agent: yesterday's gains enter efficiency experienced, alignment moves towards what governance makes
 * possible, and the agent's own part of the decision is computed: alignment, efficiency, attention already
 * spent, the pull of a visibility campaign on those who seek status, and web habits.
 */
import { exp } from '../../math.ts';
import type { Scenario } from '../../scenario/schema.ts';
import {
  COACHING_SKILL,
  EXTERNAL_EXPOSURE,
  INVITE_ANIMATION,
  INVITE_BASE,
  NEUTRAL_ALIGNMENT,
  NEUTRAL_CLARITY,
  RULES_RISK_CUT,
} from '../constants.ts';
import { smmCodes } from '../knowledge.ts';
import { membersOf, PEOPLE_ALIGNMENT, type GroupState, type ModelState } from '../state.ts';
import {
  HOT_NOVELTY,
  HOT_PRESSURE,
  HOT_RECEIVED,
  HOT_RISK,
  HOT_STRIDE,
  HOT_TERM,
  HOT_TODAY,
  KIND_EXTERNAL,
  KIND_OPEN,
  KIND_TEAM,
} from '../world.ts';
import { externalAnimators, openAnimators, teamAnimators } from './animators.ts';
import type { GroupTerms, TermsContext } from './terms-context.ts';

/** The terms of every active group's decisions today (per group: the animators', then the common terms). */
export function groupTerms(st: ModelState, p: Scenario): void {
  const w = st.world;
  const gs = st.groups;
  const o = st.org;
  const c = st.terms.context.read(st, p);
  const t = st.terms.group;
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const kind = w.groupKind[g]!;
    const members = kind === KIND_TEAM ? w.groupStart[g + 1]! - w.groupStart[g]! : membersOf(gs, g);
    const smm = gs.smmIndex[g]! >= 0 ? o.smms[gs.smmIndex[g]!] : undefined;
    // The animators read these from t, not as arguments: a number passed to a function V8 does not inline is
    // boxed, one allocation each per group and tick (jit.ts, 9).
    t.trust = gs.trust[g]!;
    t.skill = 1 + COACHING_SKILL * gs.coached[g]!;
    t.smmK = smm ? smmCodes(p, smm, st.tick) : 0;
    if (kind === KIND_TEAM) teamAnimators(gs, g, c, t);
    else if (kind === KIND_OPEN) openAnimators(w, gs, g, c, t);
    else externalAnimators(c, t);
    writeTerms(gs, g, kind, members, c, t);
  }
}

/**
 * The terms common to every kind, from the animators' (t): the exposure of taking part (audience size, a
 * visibility campaign), the animation felt, and what a participation gave back lately.
 */
function writeTerms(gs: GroupState, g: number, kind: number, members: number, c: TermsContext, t: GroupTerms): void {
  const vis = c.visibility;
  const internal = kind !== KIND_EXTERNAL;
  // Exposure grows with the audience; a campaign shows a share of contributions to the whole organization.
  let exposure = c.tables.log1pCount(members) / c.logReference;
  if (internal) exposure = (1 - vis) * exposure + vis * c.exposureOrg;
  else exposure *= EXTERNAL_EXPOSURE;
  let rules = t.rules;
  if (rules > 1) rules = 1;
  const risk = exposure * (1 - RULES_RISK_CUT * rules);
  const felt = 1 - exp(-t.animation);
  const actionable = t.actionable;
  const clarity = t.clarity;
  gs.prompts[g] = t.promptCount - t.voicePosts;
  gs.content[g] = t.content;
  gs.ownerPull[g] = t.ownerPull;
  gs.onWork[g] = t.onWork;
  gs.animation[g] = felt;
  gs.legitimacy[g] = t.legitimacy;
  gs.actionable[g] = actionable > 1 ? 1 : actionable;
  gs.followUps[g] = t.followUps;
  gs.attract[g] = c.baseline + t.offset + c.animationWeight * felt + c.socialProofWeight * gs.activity[g]!;
  gs.risk[g] = c.riskWeight * risk;
  gs.sense[g] = c.senseWeight * ((clarity > 1 ? 1 : clarity) - NEUTRAL_CLARITY);
  gs.novelty[g] = c.noveltyWeight * t.novelty;
  const bw = internal ? c.broadcastWeight : c.broadcastWeightExternal;
  const inFlow = kind === KIND_TEAM ? c.teamWriteBonus : 1;
  gs.invite[g] = (inFlow * c.contributionBase * (INVITE_BASE + INVITE_ANIMATION * felt)) / (1 + bw * gs.broadcast[g]!);
  gs.writeRisk[g] = c.contributionRisk * risk;
  // The engagement taking part here leads to: from the floor (it gives nothing) towards the cap, half-way
  // when a participation pays behaviour.worthwhile reference efficiencies.
  const engagementCap = c.engagementCap;
  const engagementFloor = c.engagementFloor;
  const paid = gs.payoff[g]! / c.efficiencyReference;
  const reward = engagementFloor + ((engagementCap - engagementFloor) * paid) / (paid + c.worthwhile);
  gs.reward[g] = reward;
  // A contribution also gets responses, more likely the more people take part (as a question meets someone who
  // can answer): writers are drawn further in.
  const answered = c.tables.answeredShare(gs.contributions[g]! + gs.reads[g]!, c.criticalMass);
  gs.rewardWrite[g] = reward + c.responseReward * answered * (engagementCap - reward);
}

/**
 * Also sums employees' alignment in st.people (PEOPLE_ALIGNMENT; the caller stores its mean), in place, and ends
 * with its loop (jit.ts, 7).
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
