/**
 * The flocc peer of bench/peers.ts (npm `flocc`): one flocc Agent per membership, whose `tick` rule decides,
 * reading and writing through agent.get/set as flocc models do; the environment ticks them in order. It does
 * what orgsim's decision phase does and no more (see bench/peers.ts).
 */
import seedrandom from 'seedrandom';
import { Agent as FloccAgent, Environment as FloccEnvironment } from 'flocc';
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
} from '../src/model/world.ts';
import type { Peer, Setup } from './peers.ts';

/** One flocc Agent per membership (and one per person), its `tick` rule making the decision through get/set. */
export function floccPeer(s: Setup): Peer {
  const w = s.world;
  const gs = s.groups;
  const r = s.rule;
  const people: FloccAgent[] = [];
  for (let i = 0; i < w.agents; i++) {
    const o = i * HOT_STRIDE;
    people.push(
      new FloccAgent({
        term: w.hot[o + HOT_TERM]!,
        risk: w.hot[o + HOT_RISK]!,
        sense: w.hot[o + HOT_SENSE]!,
        novelty: w.hot[o + HOT_NOVELTY]!,
        voice: w.hot[o + HOT_VOICE]!,
        pressure: w.hot[o + HOT_PRESSURE]!,
        today: 0,
        received: 0,
      }),
    );
  }
  const rand = seedrandom.alea('bench:flocc');
  const counts = { decisions: 0 };
  const env = new FloccEnvironment();
  const decideRule = (member: FloccAgent): void => {
    if (!member.get('joined')) return;
    const agent = member.get('person') as FloccAgent;
    const group = member.get('group') as Record<string, number | boolean>;
    const e = member.get('engagement') as number;
    const z =
      (agent.get('term') as number) +
      e +
      (group.attract as number) -
      (agent.get('risk') as number) * (group.risk as number) +
      (agent.get('sense') as number) * (group.sense as number) -
      (agent.get('novelty') as number) * (group.novelty as number);
    const p = 1 / (1 + Math.exp(-z));
    const u = rand();
    counts.decisions++;
    if (u < p) {
      const engaged = Math.max(0, 1 + r.engagedWriting * (e - r.rest));
      const write = Math.min(
        1,
        ((agent.get('voice') as number) * (group.invite as number) * engaged) /
          (1 + (agent.get('risk') as number) * (group.writeRisk as number)),
      );
      if (u < p * write) {
        agent.increment('today', group.open ? OPEN_VISIT + OPEN_WRITE : 1 + WRITE);
        member.set('engagement', e + r.learn * ((group.targetWrite as number) - e));
      } else {
        agent.increment('today', group.open ? OPEN_VISIT : 1);
        member.set('engagement', e + r.learn * ((group.target as number) - e));
      }
      agent.set('received', (agent.get('received') as number) + (group.payoff as number));
    } else {
      const fade = e * r.keep + (1 - r.keep) * r.rest;
      member.set('engagement', fade);
      if (group.open) {
        const disappointed = Math.min(1, Math.max(0, (r.threshold + LEAVE_RAMP / 2 - fade) / LEAVE_RAMP));
        if (u - p < (1 - p) * (r.drift * (1 + (agent.get('pressure') as number)) + r.hazard * disappointed))
          member.set('joined', false);
      }
    }
  };
  for (let g = 0; g < w.groups; g++) {
    if (!w.groupActive[g]) continue;
    const group = {
      open: w.groupKind[g] === KIND_OPEN,
      attract: gs.attract[g]!,
      risk: gs.risk[g]!,
      sense: gs.sense[g]!,
      novelty: gs.novelty[g]!,
      invite: gs.invite[g]!,
      writeRisk: gs.writeRisk[g]!,
      target: gs.reward[g]!,
      targetWrite: gs.rewardWrite[g]!,
      payoff: gs.payoff[g]!,
    };
    for (let m = w.groupStart[g]!; m < w.groupStart[g + 1]!; m++) {
      const member = new FloccAgent({
        person: people[w.memberAgent[m]!]!,
        group,
        engagement: w.engagement[m]!,
        joined: w.joined[m] === 1,
      });
      member.set('tick', decideRule);
      env.addAgent(member, false);
    }
  }
  return {
    name: 'flocc 0.7',
    pass: () => {
      counts.decisions = 0;
      env.tick();
    },
    decisions: () => counts.decisions,
  };
}
