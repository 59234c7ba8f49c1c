/**
 * One run of the model. `step()` advances one working day, synchronously; whoever animates it (a test, the
 * CLI, a worker) calls it. Each tick:
 *   1. scheduled interventions change parameters;
 *   2. roles: SMMs are hired, replaced or integrated, and assigned to communities;
 *   3. governance: the CM spends his day (speaking, leading, enabling); coaching, routines, quarrels,
 *      duplicate communities, alignment;
 *   4. group terms from animation, legitimacy, clarity, exposure, recent activity and payoff;
 *   5. every member decides in every group (decide.ts);
 *   6. conversations become actionable and turn into value; payoffs, efforts and legitimacy follow;
 *   7. members join (on their own or recruited);
 *   8. the tick is recorded.
 */
import { exp } from '../math.ts';
import type { Scenario } from '../scenario/schema.ts';
import { setPath } from '../scenario/access.ts';
import { binomial, poisson, stream, type Uniform } from '../rng.ts';
import { SERIES, SERIES_INDEX } from '../metrics/series.ts';
import { InequalityMeter, type Inequality } from '../metrics/inequality.ts';
import { decideGroup, type GroupCounts, type GroupTerms } from './decide.ts';
import {
  buildWorld, COMMUNITY_CORPORATE, HOT_NOVELTY, HOT_RECEIVED, HOT_STATE, HOT_STRIDE, HOT_TERM, HOT_CONTRIBUTIONS, COMMUNITY_EXPERTISE, COMMUNITY_INTEREST, COMMUNITY_PROJECT,
  KIND_EXTERNAL, KIND_OPEN, KIND_TEAM, ROLE_MANAGER, ROLE_OWNER, type World,
} from './world.ts';

export interface InterventionRecord {
  tick: number;
  label: string;
  set: Record<string, number | boolean | string>;
}

interface Smm {
  hired: number;
  outsourced: boolean;
  integration: number;
}

const DAYS_PER_YEAR = 250;

/** Series indices per group kind (team, open, external), resolved once. */
const KIND_SERIES = Object.fromEntries(
  (['contributors', 'readers', 'absent', 'posts', 'value', 'actionable'] as const).map((m) => [
    m,
    Int32Array.from(['team', 'open', 'external'], (k) => SERIES_INDEX[`${m}_${k}`]!),
  ]),
) as Record<'contributors' | 'readers' | 'absent' | 'posts' | 'value' | 'actionable', Int32Array>;

export class Simulation {
  readonly world: World;
  /** Live parameters: a private copy that interventions change. */
  readonly params: Scenario;
  readonly seed: number;
  readonly ticks: number;
  tick = 0;
  readonly series: Float64Array[];
  readonly interventions: InterventionRecord[] = [];

  private readonly decisions: Uniform;
  private readonly events: Uniform;
  private readonly valueRng: Uniform;
  private readonly scheduled = new Map<number, InterventionRecord[]>();

  // Group state.
  private readonly effort: Float64Array;
  private readonly coached: Uint8Array;
  private readonly routines: Uint8Array;
  private readonly trust: Float64Array;
  private readonly activity: Float64Array;
  private readonly broadcast: Float64Array;
  private readonly smmEffort: Float64Array;
  private readonly cmLead: Float64Array;
  private readonly cmPostWeight: Float64Array;
  private readonly actionability: Float64Array;
  private readonly legitimacy: Float64Array;
  private readonly terms: GroupTerms;
  private readonly counts: GroupCounts;

  // System state.
  private framework = 0;
  private processes = 0;
  private expertiseCenter = 0;
  private coachCredit = 0;
  private coachTurn = 0;
  private smms: Smm[] = [];
  private smmEffectiveness = 0;
  private valueCum = 0;
  private costCum = 0;
  private adopters = 0;
  private alignmentMean = 0;
  private readonly inequality = new InequalityMeter();
  private readonly ineq: Inequality = { gini: 0, top1Share: 0, top10Share: 0 };
  private readonly row: Float64Array;
  private readonly scratch = Array.from({ length: 5 }, () => new Float64Array(4));
  private readonly cmLegit = new Float64Array(4);

  constructor(scenario: Scenario, seed: number = scenario.seed) {
    this.params = structuredClone(scenario);
    this.seed = seed;
    this.ticks = scenario.ticks;
    this.world = buildWorld(scenario, seed);
    this.decisions = stream(seed, 'decisions');
    this.events = stream(seed, 'events');
    this.valueRng = stream(seed, 'value');
    this.series = SERIES.map(() => new Float64Array(this.ticks));
    this.row = new Float64Array(SERIES.length);
    for (const iv of scenario.interventions) {
      const list = this.scheduled.get(iv.at) ?? [];
      list.push({ tick: iv.at, label: iv.label, set: iv.set });
      this.scheduled.set(iv.at, list);
    }

    const G = this.world.groups;
    const w = this.world;
    this.effort = new Float64Array(G);
    this.coached = new Uint8Array(G);
    this.routines = new Uint8Array(G);
    this.trust = new Float64Array(G).fill(1);
    this.activity = new Float64Array(G);
    this.broadcast = new Float64Array(G);
    this.smmEffort = new Float64Array(G);
    this.cmLead = new Float64Array(G);
    this.cmPostWeight = new Float64Array(G);
    this.actionability = new Float64Array(G);
    this.legitimacy = new Float64Array(G);
    this.terms = {
      attract: new Float64Array(G), risk: new Float64Array(G), sense: new Float64Array(G), novelty: new Float64Array(G),
      invite: new Float64Array(G), writeRisk: new Float64Array(G), reward: new Float64Array(G), payoff: new Float64Array(G),
    };
    this.counts = { contributions: new Float64Array(G), reads: new Float64Array(G), absences: new Float64Array(G), leaves: new Float64Array(G) };

    // Initial coaching and routines: their own stream, so the other streams start untouched.
    const init = stream(seed, 'roles');
    const p = this.params;
    for (let g = 0; g < G; g++) {
      if (w.groupOwner[g]! < 0) continue;
      this.effort[g] = w.ownerDisposition[g]! * 0.6;
      if (w.groupKind[g] === KIND_TEAM) {
        if (init() < p.managers.coachedShare) this.coached[g] = 1;
        if (init() < p.policies.socialRoutines) this.routines[g] = 1;
      } else if (init() < p.owners.coachedShare) {
        this.coached[g] = 1;
      }
    }
    w.engagement.fill(p.behaviour.initialEngagement);
  }

  /** Change parameters now (takes effect this tick if called between steps), recorded as an intervention. */
  intervene(set: Record<string, number | boolean | string>, label = 'intervention'): void {
    for (const [path, value] of Object.entries(set)) setPath(this.params as unknown as Record<string, unknown>, path, value);
    this.interventions.push({ tick: this.tick, label, set: { ...set } });
  }

  get done(): boolean {
    return this.tick >= this.ticks;
  }

  /** Advance up to n ticks (stops at the horizon). Returns the number of ticks run. */
  run(n: number = this.ticks): number {
    let k = 0;
    while (k < n && !this.done) {
      this.step();
      k++;
    }
    return k;
  }

  step(): void {
    if (this.done) throw new Error(`the run is over: it has ${this.ticks} ticks`);
    const due = this.scheduled.get(this.tick);
    if (due) for (const iv of due) this.intervene(iv.set, iv.label);
    this.updateRoles();
    const quarrels = this.updateGovernance();
    this.computeTerms();
    this.computeAgentTerms();
    this.decideAll();
    this.produceValue();
    this.join();
    this.record(quarrels);
    this.tick++;
  }

  /** Share of group g's joined members who took part at the last tick. */
  participationShare(g: number): number {
    const c = this.counts;
    const members = c.contributions[g]! + c.reads[g]! + c.absences[g]!;
    return members > 0 ? (c.contributions[g]! + c.reads[g]!) / members : 0;
  }

  // --- 2. Roles --------------------------------------------------------------------------------------

  private updateRoles(): void {
    const p = this.params.smm;
    const outsourced = p.sourcing === 'outsourced';
    // Replacing an SMM by one of the other sourcing is a new hire (integration starts again).
    for (let k = 0; k < this.smms.length; k++) {
      if (this.smms[k]!.outsourced !== outsourced) this.smms[k] = { hired: this.tick, outsourced, integration: outsourced ? p.initialIntegration : 1 };
    }
    while (this.smms.length < p.count) this.smms.push({ hired: this.tick, outsourced, integration: outsourced ? p.initialIntegration : 1 });
    if (this.smms.length > p.count) this.smms.length = p.count;
    let eff = 0;
    for (let k = 0; k < this.smms.length; k++) {
      const s = this.smms[k]!;
      const coDriving = s.outsourced && this.tick < s.hired + p.coDrivingDays;
      if (s.outsourced) s.integration += ((1 - s.integration) / p.integrationDays) * (coDriving ? p.coDrivingSpeedup : 1);
      // Effectiveness grows with integration; a co-driver lends his own during co-driving.
      let e = 0.25 + 0.75 * s.integration;
      if (coDriving && e < 0.75) e = 0.75;
      eff += e;
    }
    this.smmEffectiveness = this.smms.length ? eff / this.smms.length : 0;

    // Assignment: SMM capacity goes to team groups they step into (half a community each), then evenly
    // to the open communities nobody else animates.
    const w = this.world;
    const n = this.smms.length;
    const capacity = n * p.capacity * (1 - p.helpOnRequest);
    let competing = 0;
    for (let g = 0; g < w.teams; g++) {
      const on = n > 0 && w.groupHash[g]! < p.teamGroupIntervention;
      this.smmEffort[g] = on ? 0.5 : 0;
      if (on) competing++;
    }
    const leads = this.params.cm.present && this.params.cm.leadsExpertCommunities;
    let demand = 0;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      if (w.groupActive[g] && !this.ownerAnimates(g, leads)) demand++;
    }
    const left = Math.max(0, capacity - 0.5 * competing);
    const each = demand > 0 ? Math.min(1, left / demand) : 0;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      this.smmEffort[g] = w.groupActive[g] && !this.ownerAnimates(g, leads) ? each : 0;
    }
  }

  private ownerAnimates(g: number, cmLeads: boolean): boolean {
    const w = this.world;
    return w.groupOwner[g]! >= 0 && !(cmLeads && w.communityKind[g] === COMMUNITY_EXPERTISE);
  }

  // --- 3. Governance ---------------------------------------------------------------------------------

  private updateGovernance(): number {
    const w = this.world;
    const p = this.params;
    const cm = p.cm;
    const H = p.organization.hoursPerDay;
    const ev = this.events;
    let speakHours = 0;
    let leadHours = 0;
    this.cmLead.fill(0);
    if (cm.present) {
      const legit = cm.sourcing === 'internal' ? cm.legitimacy : cm.outsourcedLegitimacy;
      speakHours = cm.speakShare * H;
      leadHours = cm.leadsExpertCommunities ? Math.min(H - speakHours, 0.4 * H) : 0;
      const enable = Math.max(0, H - speakHours - leadHours);
      const levers = +cm.framework + +cm.coBuiltProcesses + +cm.expertiseCenter + +cm.relays;
      const each = levers ? enable / levers : 0;
      const effortHours = cm.frameworkHoursPerDepartment * w.departments;
      if (cm.framework) this.framework += ((each * legit) / effortHours) * (1 - this.framework);
      // Processes are co-built with managers: their engagement matters.
      if (cm.coBuiltProcesses) this.processes += ((each * legit * (0.5 + this.meanManagerEffort())) / effortHours) * (1 - this.processes);
      if (cm.expertiseCenter) this.expertiseCenter += ((each * legit) / effortHours) * (1 - this.expertiseCenter);
      if (cm.relays) this.coachCredit += (each * legit) / cm.coachingHours;
      if (leadHours > 0) {
        let experts = 0;
        for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
          if (w.groupActive[g] && w.communityKind[g] === COMMUNITY_EXPERTISE) experts++;
        }
        // A community needs about 0.3 h a day to be led; his hours spread over all of them.
        const lead = experts ? Math.min(1, leadHours / (0.3 * experts)) : 0;
        for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
          if (w.groupActive[g] && w.communityKind[g] === COMMUNITY_EXPERTISE) this.cmLead[g] = lead;
        }
      }
    } else {
      // Without a pilot, what was built erodes slowly.
      this.framework *= 0.999;
      this.processes *= 0.999;
      this.expertiseCenter *= 0.999;
    }
    // SMMs help the managers who ask.
    this.coachCredit += (this.smms.length * p.smm.helpOnRequest * H * this.smmEffectiveness) / p.cm.coachingHours;
    while (this.coachCredit >= 1) {
      this.coachCredit -= 1;
      this.coachOne(cm.present && cm.relays && !cm.leadsExpertCommunities);
    }
    // Coached managers adopt social routines; co-built processes make it easier.
    const adopt = (p.managers.routineAdoptionPerYear / DAYS_PER_YEAR) * (0.5 + this.processes);
    for (let g = 0; g < w.teams; g++) {
      if (this.coached[g] && !this.routines[g] && ev() < adopt) this.routines[g] = 1;
    }

    // CM speech: where he speaks, weighted by his relevance there.
    let weightSum = 0;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      let wt = 0;
      if (w.groupActive[g] && w.groupSlot[g] === 0 && speakHours > 0) {
        const k = w.communityKind[g];
        wt = k === COMMUNITY_CORPORATE ? 3 : k === COMMUNITY_INTEREST ? 1 : 0.5;
        if (this.cmLead[g]! > 0) wt += 1.5;
      }
      this.cmPostWeight[g] = wt;
      weightSum += wt;
    }
    const cmPosts = speakHours * cm.postsPerHour;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      this.cmPostWeight[g] = weightSum > 0 ? (cmPosts * this.cmPostWeight[g]!) / weightSum : 0;
    }

    // Quarrels over time allocation, unless a framework settles them.
    const gov = p.governance;
    const quarrels = poisson(((gov.quarrelsPerDepartmentYear * w.departments) / DAYS_PER_YEAR) * (1 - this.framework), ev);
    for (let q = 0; q < quarrels; q++) {
      const d = Math.floor(ev() * w.departments);
      const from = w.teamFirst[Math.min(w.teams, d * w.teamsPerDepartment)]!;
      const to = w.teamFirst[Math.min(w.teams, (d + 1) * w.teamsPerDepartment)]!;
      for (let i = from; i < to; i++) w.alignment[i] = Math.max(0, w.alignment[i]! - gov.quarrelAlignmentLoss);
    }
    this.overlap();
    return quarrels;
  }

  private coachOne(ownersToo: boolean): void {
    const w = this.world;
    const ev = this.events;
    const preferOwner = ownersToo && this.coachTurn++ % 2 === 1;
    const from = preferOwner ? w.openStart : 0;
    const span = preferOwner ? w.topics * w.slotsPerTopic : w.teams;
    const eligible = (g: number) => w.groupOwner[g]! >= 0 && !this.coached[g];
    for (let tries = 0; tries < 16; tries++) {
      const g = from + Math.floor(ev() * span);
      if (eligible(g)) {
        this.coached[g] = 1;
        return;
      }
    }
    const start = from + Math.floor(ev() * span);
    for (let k = 0; k < span; k++) {
      const g = from + ((start - from + k) % span);
      if (eligible(g)) {
        this.coached[g] = 1;
        return;
      }
    }
  }

  /** Duplicate initiatives appear when nobody governs, and are merged when a framework exists. */
  private overlap(): void {
    const w = this.world;
    const c = this.params.communities;
    const ev = this.events;
    if (w.slotsPerTopic < 2) return;
    const spawns = poisson(((c.duplicateSpawnPerYear * w.topics) / DAYS_PER_YEAR) * (1 - this.framework), ev);
    for (let k = 0; k < spawns; k++) {
      const t = Math.floor(ev() * w.topics);
      for (let s = 1; s < w.slotsPerTopic; s++) {
        const g = w.openStart + t * w.slotsPerTopic + s;
        if (!w.groupActive[g]) {
          w.groupActive[g] = 1;
          this.activity[g] = 0;
          this.trust[g] = 1;
          break;
        }
      }
    }
    if (this.framework <= 0) return;
    let dups = 0;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) if (w.groupActive[g] && w.groupSlot[g]! > 0) dups++;
    const merges = Math.min(dups, poisson((this.params.governance.mergePerYear / DAYS_PER_YEAR) * this.framework * dups, ev));
    for (let k = 0; k < merges; k++, dups--) {
      // The r-th active duplicate, so that every merge drawn happens.
      let r = Math.floor(ev() * dups);
      for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
        if (!w.groupActive[g] || w.groupSlot[g]! === 0) continue;
        if (r-- === 0) {
          this.merge(g, g - w.groupSlot[g]!);
          break;
        }
      }
    }
  }

  private merge(dup: number, main: number): void {
    const w = this.world;
    const size = w.groupStart[dup + 1]! - w.groupStart[dup]!;
    const a = w.groupStart[dup]!;
    const b = w.groupStart[main]!;
    for (let q = 0; q < size; q++) {
      if (!w.joined[a + q]) continue;
      w.joined[a + q] = 0;
      if (w.joined[b + q]) {
        w.joinedCount[w.memberAgent[a + q]!]!--;
        if (w.engagement[a + q]! > w.engagement[b + q]!) w.engagement[b + q] = w.engagement[a + q]!;
      } else {
        w.joined[b + q] = 1;
        w.engagement[b + q] = w.engagement[a + q]!;
      }
    }
    w.groupActive[dup] = 0;
  }

  private meanManagerEffort(): number {
    const w = this.world;
    let s = 0;
    for (let g = 0; g < w.teams; g++) s += this.effort[g]!;
    return s / w.teams;
  }

  // --- 4. Group terms --------------------------------------------------------------------------------

  private computeTerms(): void {
    const w = this.world;
    const p = this.params;
    const b = p.behaviour;
    const L = p.legitimacy;
    const V = p.value;
    const t = this.terms;
    const vis = p.policies.visibility;
    const F = this.framework;
    const E = this.expertiseCenter;
    const smmEff = this.smmEffectiveness;
    const leads = p.cm.present && p.cm.leadsExpertCommunities;
    // An outsourced CM has, in every community, the standing of an outsider.
    const cmStanding = p.cm.sourcing === 'internal' ? 1 : p.cm.outsourcedLegitimacy / Math.max(1e-9, p.cm.legitimacy);
    const cmLegit = this.cmLegit;
    cmLegit[COMMUNITY_EXPERTISE] = L.cmExpertise;
    cmLegit[COMMUNITY_PROJECT] = L.cmProject;
    cmLegit[COMMUNITY_CORPORATE] = L.cmCorporate;
    cmLegit[COMMUNITY_INTEREST] = L.cmInterest;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g]) continue;
      const kind = w.groupKind[g];
      let animation: number;
      let legit: number;
      let clarity: number;
      let rules: number;
      let exposure: number;
      let novelty: number;
      let pAct: number;
      let offset: number;
      if (kind === KIND_TEAM) {
        const routine = this.routines[g]!;
        const comp = this.smmEffort[g]!;
        const mgr = L.managerTeam * this.trust[g]!;
        const smmL = L.smmTeam * smmEff;
        animation = this.effort[g]! * mgr + comp * smmL;
        legit = (this.effort[g]! * mgr + comp * smmL) / Math.max(1e-9, this.effort[g]! + comp);
        // Two leaders blur the purpose and the rules of a team.
        clarity = 0.55 + 0.3 * routine + 0.15 * F - 0.4 * comp;
        // The platform's rules reach team groups too, though a team's own objectives are known anyway.
        rules = 0.3 + 0.5 * p.policies.rulesClarity + 0.2 * routine + 0.3 * F - 0.2 * comp;
        exposure = 0.35;
        novelty = routine ? 0.1 : 0.35;
        // Conversations led from outside the flow are less actionable.
        pAct = (V.actionableTeam + V.actionableRoutines * routine + V.actionableExpertiseCenter * E) * (1 - 0.5 * comp);
        offset = b.teamBonus;
      } else if (kind === KIND_OPEN) {
        const ck = w.communityKind[g]!;
        const ownerOn = this.ownerAnimates(g, leads);
        const trust = this.trust[g]!;
        const ownerE = ownerOn ? this.effort[g]! * (this.coached[g] ? 1 : 0.7) : 0;
        const smmE = this.smmEffort[g]!;
        const cmE = this.cmLead[g]! + Math.min(1, this.cmPostWeight[g]! / 3) * 0.5;
        const ownerL = L.ownerTopic * trust;
        const smmL = L.smmOpen * smmEff * trust;
        const cmL = cmLegit[ck]! * trust * cmStanding;
        animation = ownerE * ownerL + smmE * smmL + cmE * cmL;
        const total = ownerE + smmE + cmE;
        legit = total > 0 ? animation / total : 0;
        const animated = total > 0.2 ? 0.1 : 0;
        clarity = p.policies.purposeClarity + (1 - p.policies.purposeClarity) * 0.8 * F + animated;
        rules = p.policies.rulesClarity + (1 - p.policies.rulesClarity) * 0.8 * F;
        exposure = 0.6;
        novelty = 1;
        pAct = V.actionableOpen + V.actionableAnimator * (smmE * smmEff + ownerE * 0.8 + this.cmLead[g]! * cmL * 0.5) + V.actionableExpertiseCenter * E;
        offset = 0;
      } else {
        legit = L.emceeExternal * this.trust[g]!;
        animation = p.external.emceeEffort * legit;
        clarity = 0.6;
        rules = 0.6;
        exposure = 0.5;
        novelty = 0.5;
        pAct = V.actionableExternal + V.actionableAnimator * p.external.emceeEffort * 0.5;
        offset = b.externalOffset;
      }
      const internal = kind !== KIND_EXTERNAL;
      if (internal) exposure += vis * b.visibilityExposure;
      if (rules > 1) rules = 1;
      const risk = exposure * (1 - 0.7 * Math.max(0, rules));
      const anim = animation > 1 ? 1 : animation;
      t.attract[g] = b.baseline + offset + b.animationWeight * animation + b.socialProofWeight * this.activity[g]! + (internal ? vis * b.starAppeal : 0);
      t.risk[g] = b.riskWeight * risk;
      t.sense[g] = b.senseWeight * (Math.min(1, clarity) - 0.5);
      t.novelty[g] = b.noveltyWeight * novelty;
      const bw = internal ? b.broadcastWeight : b.broadcastWeightExternal;
      const inFlow = kind === KIND_TEAM ? b.teamWriteBonus : 1;
      t.invite[g] = (inFlow * b.contributionBase * (0.6 + 0.8 * anim)) / (1 + bw * this.broadcast[g]!);
      t.writeRisk[g] = b.contributionRisk * risk;
      // What a member gets back saturates: twice the reference efficiency is as good as it gets.
      t.reward[g] = b.learningRate * (Math.min(2, t.payoff[g]! / b.efficiencyReference) - b.participationCost);
      this.actionability[g] = Math.min(0.95, Math.max(0, pAct));
      this.legitimacy[g] = legit;
    }
  }

  /**
   * One pass over agents: yesterday's gains enter efficiency experienced, alignment moves towards what
   * governance makes possible, then each agent's own part of the decision is computed.
   */
  private computeAgentTerms(): void {
    const w = this.world;
    const b = this.params.behaviour;
    const gov = this.params.governance;
    const ref = b.efficiencyReference;
    const memory = b.efficiencyMemory;
    const lift = gov.alignmentGain * (this.framework + this.processes) * 0.5;
    const employees = w.employees;
    let alignSum = 0;
    for (let i = 0; i < w.agents; i++) {
      const efficiency = w.efficiency[i]! + memory * (w.received[i]! - w.efficiency[i]!);
      w.efficiency[i] = efficiency;
      if (i < employees) {
        const target = Math.min(1, w.alignmentStart[i]! + lift);
        alignSum += w.alignment[i]! += gov.alignmentRate * (target - w.alignment[i]!);
      }
      let gate = efficiency / ref;
      if (gate > 1) gate = 1;
      const pressure = (w.joinedCount[i]! * b.minutesPerGroup) / w.timeBudget[i]!;
      const o = i * HOT_STRIDE;
      w.hot[o + HOT_TERM] =
        b.alignmentWeight * (w.alignment[i]! - 0.5) * 2 + b.efficiencyWeight * gate - b.timePressureWeight * pressure +
        b.webSociabilityWeight * (w.webSociability[i]! - 0.5) * 2;
      w.hot[o + HOT_NOVELTY] = 1 - gate;
      w.hot[o + HOT_STATE] = 0;
      w.hot[o + HOT_RECEIVED] = 0;
    }
    this.alignmentMean = alignSum / employees;
  }

  // --- 5. Decisions ----------------------------------------------------------------------------------

  private decideAll(): void {
    const w = this.world;
    const b = this.params.behaviour;
    const keep = 1 - b.forgetting;
    const leave = this.params.communities.leaveThreshold;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g]) {
        this.counts.contributions[g] = 0;
        this.counts.reads[g] = 0;
        this.counts.absences[g] = 0;
        this.counts.leaves[g] = 0;
        continue;
      }
      decideGroup(w, g, this.terms, this.counts, this.decisions, keep, b.engagementFloor, b.engagementCap, leave, w.groupKind[g] === KIND_OPEN);
    }
    // Back from the interleaved copy to the arrays the rest of the model and the exports read.
    const hot = w.hot;
    for (let i = 0, o = 0; i < w.agents; i++, o += HOT_STRIDE) {
      w.tickState[i] = hot[o + HOT_STATE]!;
      w.received[i] = hot[o + HOT_RECEIVED]!;
      w.contributions[i] = hot[o + HOT_CONTRIBUTIONS]!;
    }
  }

  // --- 6. Value --------------------------------------------------------------------------------------

  private readonly tickValue = new Float64Array(3);
  private readonly tickActionable = new Float64Array(3);
  private tickAnimatorPosts = 0;
  private tickCmPosts = 0;

  private produceValue(): void {
    const w = this.world;
    const p = this.params;
    const V = p.value;
    const b = p.behaviour;
    const rng = this.valueRng;
    const conv = V.conversionBase + V.conversionProcesses * this.processes;
    const judge = p.legitimacy.audienceJudgement;
    this.tickValue.fill(0);
    this.tickActionable.fill(0);
    let animatorPosts = 0;
    let cmPosts = 0;
    const leads = p.cm.present && p.cm.leadsExpertCommunities;
    const emceePosts = p.external.emceeEffort * p.organization.hoursPerDay * p.cm.postsPerHour;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g]) continue;
      const kind = w.groupKind[g]!;
      const contribs = this.counts.contributions[g]!;
      const reads = this.counts.reads[g]!;
      const participants = contribs + reads;
      const members = participants + this.counts.absences[g]!;
      let pAct = this.actionability[g]!;
      if (kind !== KIND_TEAM) pAct *= 1 - exp(-participants / V.criticalMass);
      const act = binomial(contribs, pAct, rng);
      const ck = w.communityKind[g];
      const hours =
        kind === KIND_TEAM ? V.hoursTeam
        : kind === KIND_EXTERNAL ? V.hoursExternal
        : ck === COMMUNITY_EXPERTISE ? V.hoursExpertise
        : V.hoursOther;
      const value = conv * (act * hours + (contribs > 0 ? (reads * V.readReuse * act) / contribs : 0));
      this.tickValue[kind]! += value;
      this.tickActionable[kind]! += act;
      this.terms.payoff[g] = participants > 0 ? value / participants : 0;
      const share = members > 0 ? participants / members : 0;
      this.activity[g]! += 0.2 * (share - this.activity[g]!);

      // Animators' prompts and the CM's posts; how much of the talk is the organization's voice.
      let prompts = 0;
      if (kind === KIND_TEAM) prompts = (this.effort[g]! + this.smmEffort[g]!) * b.animatorPostsPerDay;
      else if (kind === KIND_OPEN) prompts = ((this.ownerAnimates(g, leads) ? this.effort[g]! : 0) + this.smmEffort[g]! + this.cmLead[g]!) * b.animatorPostsPerDay;
      // The organization's voice: the CM in open communities, the brand's emcee in the external one.
      const cm = kind === KIND_OPEN ? this.cmPostWeight[g]! : kind === KIND_EXTERNAL ? emceePosts : 0;
      animatorPosts += kind === KIND_EXTERNAL ? 0 : prompts;
      if (kind === KIND_OPEN) cmPosts += cm;
      const voiceShare = cm / (cm + contribs + prompts + 1);
      this.broadcast[g]! += 0.2 * (voiceShare - this.broadcast[g]!);

      // The audience judges its animators: legitimacy holds while it responds.
      const response = 0.5 + 0.5 * Math.min(1, share / 0.3);
      this.trust[g]! += judge * (response - this.trust[g]!);

      // Owners' (managers' and community owners') animation effort follows their team's response.
      if (w.groupOwner[g]! >= 0) {
        const disp = w.ownerDisposition[g]!;
        let target: number;
        if (kind === KIND_TEAM) {
          target = disp * (1 + 0.4 * this.coached[g]! + 0.3 * this.routines[g]!) * (0.6 + 0.8 * this.activity[g]!) - 0.8 * this.smmEffort[g]!;
        } else {
          target = disp * (1 + 0.5 * this.coached[g]!) * (0.6 + 0.8 * this.activity[g]!);
          if (!this.ownerAnimates(g, leads)) target *= 0.3;
        }
        target = target < 0 ? 0 : target > 1 ? 1 : target;
        this.effort[g]! += p.managers.effortRate * (target - this.effort[g]!);
      }
    }
    this.tickAnimatorPosts = animatorPosts;
    this.tickCmPosts = cmPosts;
  }

  // --- 7. Joining ------------------------------------------------------------------------------------

  private join(): void {
    const w = this.world;
    const p = this.params;
    const ev = this.events;
    const leads = p.cm.present && p.cm.leadsExpertCommunities;
    for (let g = w.openStart; g < w.openStart + w.topics * w.slotsPerTopic; g++) {
      if (!w.groupActive[g]) continue;
      const start = w.groupStart[g]!;
      const size = w.groupStart[g + 1]! - start;
      if (size === 0) continue;
      const members = this.counts.contributions[g]! + this.counts.reads[g]! + this.counts.absences[g]! - this.counts.leaves[g]!;
      const outside = size - members;
      if (outside <= 0) continue;
      const owner = this.ownerAnimates(g, leads) ? this.effort[g]! : 0;
      const pJoin =
        p.communities.spontaneousJoin * (0.2 + this.activity[g]!) +
        p.smm.recruitmentRate * (this.smmEffort[g]! * this.smmEffectiveness + 0.3 * owner);
      const k = binomial(outside, Math.min(1, pJoin), ev);
      for (let j = 0; j < k; j++) {
        const m = start + Math.floor(ev() * size);
        if (w.joined[m]) continue;
        w.joined[m] = 1;
        w.engagement[m] = p.behaviour.initialEngagement;
        w.joinedCount[w.memberAgent[m]!]!++;
      }
    }
  }

  // --- 8. Record -------------------------------------------------------------------------------------

  private record(quarrels: number): void {
    const w = this.world;
    const p = this.params;
    const r = this.row;
    const I = SERIES_INDEX;
    r.fill(0);

    // Memberships by group kind.
    let openMembers = 0;
    let expertTaking = 0;
    let expertMembers = 0;
    let animated = 0;
    let legitSum = 0;
    let overlap = 0;
    let competition = 0;
    let routines = 0;
    let coachedM = 0;
    let owners = 0;
    let coachedO = 0;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g]) continue;
      const kind = w.groupKind[g]!;
      r[KIND_SERIES.contributors[kind]!]! += this.counts.contributions[g]!;
      r[KIND_SERIES.readers[kind]!]! += this.counts.reads[g]!;
      r[KIND_SERIES.absent[kind]!]! += this.counts.absences[g]!;
      if (w.groupKind[g] === KIND_OPEN) {
        if (w.communityKind[g] === COMMUNITY_EXPERTISE) {
          expertTaking += this.counts.contributions[g]! + this.counts.reads[g]!;
          expertMembers += this.counts.contributions[g]! + this.counts.reads[g]! + this.counts.absences[g]!;
        }
        openMembers += this.counts.contributions[g]! + this.counts.reads[g]! + this.counts.absences[g]! - this.counts.leaves[g]!;
        if (w.groupSlot[g]! > 0) overlap++;
        if (w.groupOwner[g]! >= 0) {
          owners++;
          coachedO += this.coached[g]!;
        }
      }
      if (w.groupKind[g] === KIND_TEAM) {
        if (this.smmEffort[g]! > 0) competition++;
        routines += this.routines[g]!;
        coachedM += this.coached[g]!;
      }
      if (this.legitimacy[g]! > 0) {
        animated++;
        legitSum += this.legitimacy[g]!;
      }
    }
    for (let k = 0; k < 3; k++) {
      r[KIND_SERIES.posts[k]!] = r[KIND_SERIES.contributors[k]!]!;
      r[KIND_SERIES.value[k]!] = this.tickValue[k]!;
      r[KIND_SERIES.actionable[k]!] = this.tickActionable[k]!;
    }

    // People: employees by state, by role and by risk aversion.
    let contributors = 0;
    let readers = 0;
    const roleN = this.scratch[0]!.fill(0);
    const roleActive = this.scratch[1]!.fill(0);
    const riskN = this.scratch[2]!.fill(0);
    const riskActive = this.scratch[3]!.fill(0);
    const riskContrib = this.scratch[4]!.fill(0);
    for (let i = 0; i < w.employees; i++) {
      const st = w.tickState[i]!;
      const role = w.role[i]!;
      const rc = w.riskClass[i]!;
      roleN[role]!++;
      riskN[rc]!++;
      if (st === 0) continue;
      if (st === 2) {
        contributors++;
        riskContrib[rc]!++;
      } else readers++;
      roleActive[role]!++;
      riskActive[rc]!++;
      if (!w.everActive[i]) {
        w.everActive[i] = 1;
        this.adopters++;
      }
    }
    r[I.contributors!] = contributors;
    r[I.readers!] = readers;
    r[I.absent!] = w.employees - contributors - readers;
    r[I.activeShare!] = (contributors + readers) / w.employees;
    r[I.active_member!] = roleN[0] ? roleActive[0]! / roleN[0] : 0;
    r[I.active_manager!] = roleN[ROLE_MANAGER] ? roleActive[ROLE_MANAGER]! / roleN[ROLE_MANAGER]! : 0;
    r[I.active_owner!] = roleN[ROLE_OWNER] ? roleActive[ROLE_OWNER]! / roleN[ROLE_OWNER]! : 0;
    r[I.active_riskTolerant!] = riskActive[0]! / Math.max(1, riskN[0]!);
    r[I.active_riskAverse!] = riskActive[2]! / Math.max(1, riskN[2]!);
    r[I.contrib_riskTolerant!] = riskContrib[0]! / Math.max(1, riskN[0]!);
    r[I.contrib_riskAverse!] = riskContrib[2]! / Math.max(1, riskN[2]!);
    r[I.adopters!] = this.adopters;

    // Value and cost.
    const value = this.tickValue[0]! + this.tickValue[1]! + this.tickValue[2]!;
    const H = p.organization.hoursPerDay;
    let animationHours = 0;
    const leads = p.cm.present && p.cm.leadsExpertCommunities;
    for (let g = 0; g < w.groups; g++) {
      if (!w.groupActive[g] || w.groupOwner[g]! < 0) continue;
      if (w.groupKind[g] === KIND_TEAM) animationHours += this.effort[g]! * p.managers.animationHours;
      else if (this.ownerAnimates(g, leads)) animationHours += this.effort[g]! * p.owners.animationHours;
    }
    let fte = p.value.platformFte + animationHours / H + (p.cm.present ? 1 : 0);
    let integration = 0;
    for (let k = 0; k < this.smms.length; k++) {
      fte += this.smms[k]!.outsourced ? p.smm.costFactorOutsourced : 1;
      integration += this.smms[k]!.integration;
    }
    if (w.externalGroup >= 0) fte += p.external.emceeEffort;
    this.valueCum += value;
    this.costCum += fte * H;
    const memberPosts = r[I.posts_team!]! + r[I.posts_open!]! + r[I.posts_external!]!;
    const internalPosts = r[I.posts_team!]! + r[I.posts_open!]! + this.tickAnimatorPosts + this.tickCmPosts;
    r[I.value!] = value;
    r[I.valueCum!] = this.valueCum;
    r[I.costFte!] = fte;
    r[I.costCum!] = this.costCum;
    r[I.valuePerCost!] = this.costCum > 0 ? this.valueCum / this.costCum : 0;
    r[I.valuePerPost!] = memberPosts > 0 ? value / memberPosts : 0;
    r[I.animatorPosts!] = this.tickAnimatorPosts;
    r[I.cmPosts!] = this.tickCmPosts;
    r[I.cmShare!] = internalPosts > 0 ? this.tickCmPosts / internalPosts : 0;

    this.inequality.measure(w.contributions, w.employees, this.ineq);
    r[I.gini!] = this.ineq.gini;
    r[I.top1Share!] = this.ineq.top1Share;
    r[I.top10Share!] = this.ineq.top10Share;
    r[I.legitimacy!] = animated ? legitSum / animated : 0;
    r[I.competition!] = competition;
    r[I.overlap!] = overlap;
    r[I.quarrels!] = quarrels;
    r[I.managerEngagement!] = this.meanManagerEffort();
    r[I.routinesShare!] = routines / w.teams;
    r[I.coachedManagers!] = coachedM / w.teams;
    r[I.coachedOwners!] = owners ? coachedO / owners : 0;
    r[I.framework!] = this.framework;
    r[I.processes!] = this.processes;
    r[I.expertiseCenter!] = this.expertiseCenter;
    r[I.alignment!] = this.alignmentMean;
    r[I.smmCount!] = this.smms.length;
    r[I.smmIntegration!] = this.smms.length ? integration / this.smms.length : 0;
    r[I.openMembers!] = openMembers;
    r[I.active_expertise!] = expertMembers ? expertTaking / expertMembers : 0;

    for (let k = 0; k < r.length; k++) this.series[k]![this.tick] = r[k]!;
  }
}

