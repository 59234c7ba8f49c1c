/**
 * One run of the model. `step()` advances one working day, synchronously; whoever animates it (a test, the
 * CLI, a worker) calls it. A tick is a sequence of phases, each a function of the state, the parameters and
 * its own random stream:
 *
 *   interventions -> staff -> governance -> duplicates -> group terms -> agent terms
 *   -> decisions (every membership of every group) -> owners' posts -> activity -> value -> joining -> record
 */
import type { Scenario } from '../scenario/schema.ts';
import { applyLiveSet, type LiveChange } from '../scenario/live-change.ts';
import { aleaStream, type Alea } from '../rng.ts';
import { INITIAL_EFFORT } from './constants.ts';
import { decide, DecisionRule, DecisionScratch } from './decide.ts';
import { newTrace, ownerPosts, readActivity, type ActivityTrace } from './phases/activity.ts';
import { overlap } from './phases/duplicates.ts';
import { govern } from './phases/governance.ts';
import { join } from './phases/membership.ts';
import { updateStaff } from './phases/staff.ts';
import { agentTerms, groupTerms } from './phases/terms.ts';
import { produceValue } from './phases/value.ts';
import { Recorder } from './record/recorder.ts';
import { initialState, membersOf, PEOPLE_ALIGNMENT, type ModelState } from './state.ts';
import { buildWorld, KIND_TEAM, type World } from './world.ts';

/** An intervention as it happened: scheduled by the scenario, or made live. */
export type InterventionRecord = LiveChange;

export interface SimulationOptions {
  /** Keep each employee's state and open-community contributions per tick (ActivityTrace). */
  trace?: boolean;
}

export class Simulation {
  readonly world: World;
  /** Live parameters: a private copy that interventions change. */
  readonly params: Scenario;
  readonly seed: number;
  readonly ticks: number;
  readonly series: Float64Array[];
  readonly interventions: InterventionRecord[] = [];
  readonly state: ModelState;
  readonly trace: ActivityTrace | null;

  private readonly decisions: Alea;
  private readonly events: Alea;
  private readonly staffRng: Alea;
  private readonly valueRng: Alea;
  private readonly membershipRng: Alea;
  private readonly promptsRng: Alea;
  private readonly scheduled = new Map<number, InterventionRecord[]>();
  private readonly recorder: Recorder;
  private readonly decisionScratch = new DecisionScratch();
  private readonly decisionRule = new DecisionRule();

  constructor(scenario: Scenario, seed: number = scenario.seed, options: SimulationOptions = {}) {
    this.params = structuredClone(scenario);
    this.seed = seed;
    this.ticks = scenario.ticks;
    this.world = buildWorld(scenario, seed);
    this.decisions = aleaStream(seed, 'decisions');
    this.events = aleaStream(seed, 'events');
    this.staffRng = aleaStream(seed, 'staff');
    this.valueRng = aleaStream(seed, 'value');
    this.membershipRng = aleaStream(seed, 'membership');
    this.promptsRng = aleaStream(seed, 'prompts');
    this.recorder = new Recorder(this.ticks, this.world);
    this.series = this.recorder.series;
    this.trace = options.trace ? newTrace(this.world.employees, this.ticks) : null;
    for (const iv of scenario.interventions) {
      const list = this.scheduled.get(iv.at) ?? [];
      list.push({ tick: iv.at, label: iv.label, set: iv.set });
      this.scheduled.set(iv.at, list);
    }
    const w = this.world;
    this.state = initialState(w);

    // Initial coaching and routines: their own stream, so the other streams start untouched.
    const init = aleaStream(seed, 'roles');
    const p = this.params;
    const gs = this.state.groups;
    for (let g = 0; g < w.groups; g++) {
      if (w.groupOwner[g]! < 0) continue;
      gs.effort[g] = w.ownerDisposition[g]! * INITIAL_EFFORT;
      if (w.groupKind[g] === KIND_TEAM) {
        if (init.next() < p.managers.coachedShare) gs.coached[g] = 1;
        if (init.next() < p.policies.socialRoutines) gs.routines[g] = 1;
        if (gs.coached[g] && init.next() < w.ownerDisposition[g]!) gs.adopts[g] = 1;
      } else if (init.next() < p.owners.coachedShare) {
        gs.coached[g] = 1;
      }
    }
    w.engagement.fill(p.behaviour.initialEngagement);
  }

  get tick(): number {
    return this.state.tick;
  }

  /** Change parameters now (takes effect this tick if called between steps), recorded as an intervention. */
  intervene(set: Record<string, number | boolean | string>, label = 'intervention'): void {
    applyLiveSet(this.params, set);
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
    const st = this.state;
    const p = this.params;
    const due = this.scheduled.get(st.tick);
    if (due) for (const iv of due) this.intervene(iv.set, iv.label);
    updateStaff(st, p, this.staffRng);
    govern(st, p, this.events);
    overlap(st, p, this.events);
    groupTerms(st, p);
    agentTerms(st, p);
    st.org.alignmentMean = st.people[PEOPLE_ALIGNMENT]! / this.world.employees;
    this.decide();
    ownerPosts(st, p, this.promptsRng);
    readActivity(st, p, this.trace);
    produceValue(st, p, this.valueRng);
    join(st, p, this.membershipRng);
    this.recorder.record(st, p);
    st.tick++;
  }

  /** Share of group g's joined members who took part at the last tick. */
  participationShare(g: number): number {
    const gs = this.state.groups;
    const members = membersOf(gs, g);
    return members > 0 ? (gs.contributions[g]! + gs.reads[g]!) / members : 0;
  }

  private decide(): void {
    decide(
      this.world,
      this.state.groups,
      this.decisions.state,
      this.decisionRule.read(this.params),
      this.decisionScratch,
    );
  }
}
