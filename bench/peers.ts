/**
 * orgsim's decision loop beside simpler implementations of the same loop, on the same organization:
 *
 * - the bare kernel: per decision, typed-array reads through the membership -> agent index, one exp, one seeded
 *   draw, one write; nothing else (the least a decision can cost);
 * - plain objects: what a typical developer writes (an array of member objects per group, each pointing to its
 *   agent object; Math.exp; seedrandom's alea);
 * - flocc (npm `flocc`, bench/peers-flocc.ts): one flocc Agent per membership, whose `tick` rule decides,
 *   reading and writing through agent.get/set as flocc models do; the environment ticks them in order.
 *
 * Every peer does no more than orgsim's decision phase (decide.ts) does: the same terms, read from an orgsim
 * world after a few ticks (agents' and groups' terms fixed, as within one of orgsim's ticks), the same logistic,
 * the same write, engagement and leaving rules. None does orgsim's other phases (terms, value, joining,
 * recording), so a peer's cost per decision is compared both with orgsim's decision phase alone and with a
 * whole orgsim tick per decision.
 */
import seedrandom from 'seedrandom';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/model/simulation.ts';
import { decide, DecisionRule, DecisionScratch } from '../src/model/decide.ts';
import { LEAVE_RAMP, OPEN_VISIT, OPEN_WRITE, WRITE } from '../src/model/constants.ts';
import {
  HOT_NOVELTY,
  HOT_PRESSURE,
  HOT_RISK,
  HOT_SENSE,
  HOT_STRIDE,
  HOT_TERM,
  HOT_VOICE,
  KIND_OPEN,
  type World,
} from '../src/model/world.ts';
import type { GroupState } from '../src/model/state.ts';
import { cpuMs } from './cpu.ts';

export { floccPeer } from './peers-flocc.ts';

/** The rule's numbers (parameters), as orgsim's kernel receives them. */
interface Rule {
  learn: number;
  keep: number;
  rest: number;
  engagedWriting: number;
  drift: number;
  threshold: number;
  hazard: number;
}

/**
 * An orgsim world after `warmTicks` ticks, with its group terms and the rule's numbers: what every peer starts from.
 */
export interface Setup {
  sim: Simulation;
  world: World;
  groups: GroupState;
  rule: Rule;
  /** Joined memberships of active groups at the start (decisions in the first pass). */
  decisions: number;
}

export function setup(scenario: Scenario, warmTicks = 20): Setup {
  const sim = new Simulation({ ...scenario, ticks: warmTicks + 1 }, scenario.seed);
  sim.run(warmTicks);
  const w = sim.world;
  const b = sim.params.behaviour;
  const c = sim.params.communities;
  let decisions = 0;
  for (let g = 0; g < w.groups; g++)
    if (w.groupActive[g]) for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) decisions += w.joined[m]!;
  return {
    sim,
    world: w,
    groups: sim.state.groups,
    decisions,
    rule: {
      learn: b.learningRate,
      keep: 1 - b.forgetting,
      rest: b.initialEngagement,
      engagedWriting: b.engagedWriting,
      drift: c.driftPerDay,
      threshold: c.leaveThreshold,
      hazard: c.leaveHazard,
    },
  };
}

/** A timed implementation: `pass()` makes one tick's decisions; `decisions()` counts those of the last pass. */
export interface Peer {
  name: string;
  pass: () => void;
  decisions: () => number;
}

/** orgsim's own decision phase, on a copy of the world's decision state (decide.ts, the kernel a tick runs). */
export function orgsimDecisions(s: Setup): Peer {
  const w = s.world;
  const r = s.rule;
  const rng = s.sim['decisions' as keyof Simulation] as unknown as { state: Float64Array };
  const state = rng.state.slice();
  const rule = new DecisionRule(r);
  const scratch = new DecisionScratch();
  let last = 0;
  return {
    name: 'orgsim decision phase',
    pass: () => {
      decide(w, s.groups, state, rule, scratch);
      last = 0;
      for (let g = 0; g < w.groups; g++)
        last += s.groups.contributions[g]! + s.groups.reads[g]! + s.groups.absences[g]!;
    },
    decisions: () => last,
  };
}

/** The bare kernel over the same joined memberships, in the same order: reads, one exp, one draw, one write. */
export function bareKernel(s: Setup, exp: (x: number) => number = Math.exp): Peer {
  const w = s.world;
  const n = s.decisions;
  const memberAgent = new Int32Array(n);
  const engagement = new Float64Array(n);
  let k = 0;
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) {
      if (!w.joined[m]) continue;
      memberAgent[k] = w.memberAgent[m]!;
      engagement[k++] = w.engagement[m]!;
    }
  }
  const term = new Float64Array(w.agents);
  const risk = new Float64Array(w.agents);
  for (let i = 0; i < w.agents; i++) {
    term[i] = w.hot[i * HOT_STRIDE + HOT_TERM]!;
    risk[i] = w.hot[i * HOT_STRIDE + HOT_RISK]!;
  }
  const rand = seedrandom.alea('bench:bare');
  let taking = 0;
  return {
    name: exp === Math.exp ? 'bare kernel (Math.exp)' : 'bare kernel (orgsim exp)',
    pass: () => {
      for (let j = 0; j < n; j++) {
        const i = memberAgent[j]!;
        const e = engagement[j]!;
        const p = 1 / (1 + exp(-(term[i]! + e - risk[i]! * 0.5)));
        if (rand() < p) {
          taking++;
          engagement[j] = e + 0.01;
        } else engagement[j] = e * 0.99;
      }
    },
    decisions: () => (taking >= 0 ? n : 0),
  };
}

// --- Plain objects ---------------------------------------------------------------------------------------

class PlainAgent {
  constructor(
    public term: number,
    public risk: number,
    public sense: number,
    public novelty: number,
    public voice: number,
    public pressure: number,
    public today = 0,
    public received = 0,
  ) {}
}

class PlainMember {
  constructor(
    public agent: PlainAgent,
    public engagement: number,
    public joined: boolean,
  ) {}
}

class PlainGroup {
  contributions = 0;
  reads = 0;
  absences = 0;
  leaves = 0;
  constructor(
    public open: boolean,
    public attract: number,
    public risk: number,
    public sense: number,
    public novelty: number,
    public invite: number,
    public writeRisk: number,
    public target: number,
    public targetWrite: number,
    public payoff: number,
    public members: PlainMember[],
  ) {}
}

/** What a typical developer writes: groups of member objects pointing to agent objects, Math.exp, seedrandom. */
export function plainObjects(s: Setup): Peer {
  const w = s.world;
  const gs = s.groups;
  const agents: PlainAgent[] = [];
  for (let i = 0; i < w.agents; i++) {
    const o = i * HOT_STRIDE;
    agents.push(
      new PlainAgent(
        w.hot[o + HOT_TERM]!,
        w.hot[o + HOT_RISK]!,
        w.hot[o + HOT_SENSE]!,
        w.hot[o + HOT_NOVELTY]!,
        w.hot[o + HOT_VOICE]!,
        w.hot[o + HOT_PRESSURE]!,
      ),
    );
  }
  const groups: PlainGroup[] = [];
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const members: PlainMember[] = [];
    for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++)
      members.push(new PlainMember(agents[w.memberAgent[m]!]!, w.engagement[m]!, w.joined[m] === 1));
    groups.push(
      new PlainGroup(
        w.groupKind[g] === KIND_OPEN,
        gs.attract[g]!,
        gs.risk[g]!,
        gs.sense[g]!,
        gs.novelty[g]!,
        gs.invite[g]!,
        gs.writeRisk[g]!,
        gs.reward[g]!,
        gs.rewardWrite[g]!,
        gs.payoff[g]!,
        members,
      ),
    );
  }
  const r = s.rule;
  const rand = seedrandom.alea('bench:plain');
  let last = 0;
  return {
    name: 'plain objects',
    pass: () => {
      last = 0;
      for (const group of groups) {
        group.contributions = group.reads = group.absences = group.leaves = 0;
        for (const member of group.members) {
          if (!member.joined) continue;
          const agent = member.agent;
          const e = member.engagement;
          const z =
            agent.term +
            e +
            group.attract -
            agent.risk * group.risk +
            agent.sense * group.sense -
            agent.novelty * group.novelty;
          const p = 1 / (1 + Math.exp(-z));
          const u = rand();
          if (u < p) {
            const engaged = Math.max(0, 1 + r.engagedWriting * (e - r.rest));
            const write = Math.min(1, (agent.voice * group.invite * engaged) / (1 + agent.risk * group.writeRisk));
            if (u < p * write) {
              group.contributions++;
              agent.today += group.open ? OPEN_VISIT + OPEN_WRITE : 1 + WRITE;
              member.engagement = e + r.learn * (group.targetWrite - e);
            } else {
              group.reads++;
              agent.today += group.open ? OPEN_VISIT : 1;
              member.engagement = e + r.learn * (group.target - e);
            }
            agent.received += group.payoff;
          } else {
            group.absences++;
            member.engagement = e * r.keep + (1 - r.keep) * r.rest;
            if (group.open) {
              const disappointed = Math.min(
                1,
                Math.max(0, (r.threshold + LEAVE_RAMP / 2 - member.engagement) / LEAVE_RAMP),
              );
              if (u - p < (1 - p) * (r.drift * (1 + agent.pressure) + r.hazard * disappointed)) {
                member.joined = false;
                group.leaves++;
              }
            }
          }
        }
        last += group.contributions + group.reads + group.absences;
      }
    },
    decisions: () => last,
  };
}

export interface PeerTiming {
  name: string;
  /** Median over passes: main-thread CPU ns per decision (wall beside it). */
  cpuNs: number;
  wallNs: number;
  passes: number;
}

/**
 * Time `samples` samples of passes (after `warm` untimed passes), each sample at least `sampleMs` of CPU time
 * (the CPU clock advances at the scheduler's tick): median CPU and wall time per decision.
 */
export function timePeer(peer: Peer, samples: number, warm = 3, sampleMs = 100): PeerTiming {
  for (let k = 0; k < warm; k++) peer.pass();
  const cpu: number[] = [];
  const wall: number[] = [];
  let passes = 0;
  for (let k = 0; k < samples; k++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    let n = 0;
    do {
      peer.pass();
      n += Math.max(1, peer.decisions());
      passes++;
    } while (cpuMs() - c0 < sampleMs);
    const t1 = performance.now();
    const c1 = cpuMs();
    cpu.push(((c1 - c0) * 1e6) / n);
    wall.push(((t1 - t0) * 1e6) / n);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return { name: peer.name, cpuNs: median(cpu), wallNs: median(wall), passes };
}
