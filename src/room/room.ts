/**
 * A workshop room: who has joined, the vote in progress, the decisions taken, and what was refused. Pure
 * state, no sockets and no clock of its own (times are passed in), so that every rule is tested directly:
 *
 * - a participant joins with a name and gets a secret; with it a phone that dropped comes back as the same
 *   participant, with the same employee and the same vote;
 * - a vote offers 2 to 4 of the live events; each participant has one vote and may change it until the vote
 *   closes; the option with the most votes wins, a tie goes to the option offered first, no vote changes
 *   nothing;
 * - the facilitator removes a participant (their vote in an open round goes with them, their secret no
 *   longer works) and closes the room.
 */
import type { LiveEvent } from '../live-events.ts';
import type { DecisionView, Refusal, RoleCard, VoteOption } from './protocol.ts';
import { assignEmployee, roleCard, teamMembers, type Org } from './roles.ts';

export interface Participant {
  id: number;
  name: string;
  secret: string;
  card: RoleCard;
  /** The employees of the participant's team (for "your team today"). */
  members: number[];
  connected: boolean;
}

export interface OpenVote {
  round: number;
  options: LiveEvent[];
  /** When the countdown ends, on the caller's clock (ms). */
  endsAt: number;
  /** Participant id -> index of the option chosen. */
  ballots: Map<number, number>;
}

/** A vote counted: the winner is an index into options, or -1 when nobody voted. */
export interface Outcome {
  round: number;
  options: LiveEvent[];
  counts: number[];
  voters: number;
  winner: number;
}

/** A facilitator's request the room cannot honour now (one line for the facilitator's page). */
export class RoomError extends Error {}

export interface RoomOptions {
  code: string;
  maxParticipants: number;
  events: readonly LiveEvent[];
  org: Org;
  /** A fresh unguessable secret for a participant (crypto on the server). */
  secret: () => string;
}

export const REFUSALS: readonly Refusal[] = [
  'oversized',
  'malformed',
  'invalid',
  'flood',
  'unauthorized',
  'badToken',
  'wrongRoom',
  'full',
  'notJoined',
  'rejected',
];

export class Room {
  readonly code: string;
  readonly maxParticipants: number;
  private readonly events: readonly LiveEvent[];
  private readonly org: Org;
  private readonly newSecret: () => string;
  private readonly participants = new Map<number, Participant>();
  private readonly bySecret = new Map<string, number>();
  private readonly taken = new Set<number>();
  private nextId = 1;
  /** Participants ever seated (kicked ones included): the k of assignEmployee, so seats keep spreading. */
  private seated = 0;
  private rounds = 0;
  closed = false;
  vote: OpenVote | null = null;
  readonly decisions: DecisionView[] = [];
  readonly refused = Object.fromEntries(REFUSALS.map((r) => [r, 0])) as Record<Refusal, number>;

  constructor(opts: RoomOptions) {
    this.code = opts.code;
    this.maxParticipants = opts.maxParticipants;
    this.events = opts.events;
    this.org = opts.org;
    this.newSecret = opts.secret;
  }

  get size(): number {
    return this.participants.size;
  }

  list(): Participant[] {
    return [...this.participants.values()];
  }

  get(id: number): Participant | undefined {
    return this.participants.get(id);
  }

  count(refusal: Refusal): void {
    this.refused[refusal]++;
  }

  join(name: string): { ok: true; participant: Participant } | { ok: false; refusal: Refusal; reason: string } {
    if (this.closed) return { ok: false, refusal: 'rejected', reason: 'This workshop is over: the room is closed.' };
    if (this.participants.size >= this.maxParticipants) {
      return {
        ok: false,
        refusal: 'full',
        reason: `The room is full (${this.maxParticipants} people). Watch the shared screen, or ask the facilitator.`,
      };
    }
    const employee = assignEmployee(this.org, this.seated++, this.taken);
    this.taken.add(employee);
    const card = roleCard(this.org, employee);
    const participant: Participant = {
      id: this.nextId++,
      name,
      secret: this.newSecret(),
      card,
      members: teamMembers(this.org, card.team),
      connected: true,
    };
    this.participants.set(participant.id, participant);
    this.bySecret.set(participant.secret, participant.id);
    return { ok: true, participant };
  }

  /** The participant a secret belongs to (a phone coming back), or undefined. */
  resume(secret: string): Participant | undefined {
    const id = this.bySecret.get(secret);
    return id === undefined ? undefined : this.participants.get(id);
  }

  kick(id: number): Participant | undefined {
    const p = this.participants.get(id);
    if (!p) return undefined;
    this.participants.delete(id);
    this.bySecret.delete(p.secret);
    this.taken.delete(p.card.employee);
    this.vote?.ballots.delete(id);
    return p;
  }

  /** The live events a vote may offer. */
  event(id: string): LiveEvent | undefined {
    return this.events.find((e) => e.id === id);
  }

  openVote(ids: readonly string[], seconds: number, now: number): OpenVote {
    if (this.closed) throw new RoomError('The room is closed.');
    if (this.vote) throw new RoomError(`Vote ${this.vote.round} is still open: close it first.`);
    if (new Set(ids).size !== ids.length) throw new RoomError('Each option can be offered once.');
    const options = ids.map((id) => {
      const e = this.event(id);
      if (!e)
        throw new RoomError(`"${id}" is not one of the live events (${this.events.map((x) => x.id).join(', ')}).`);
      return e;
    });
    this.vote = { round: ++this.rounds, options, endsAt: now + seconds * 1000, ballots: new Map() };
    return this.vote;
  }

  castVote(participant: number, round: number, option: number): { ok: true } | { ok: false; reason: string } {
    const v = this.vote;
    if (!v) return { ok: false, reason: 'No vote is open now.' };
    if (round !== v.round) return { ok: false, reason: `Vote ${round} has closed; vote ${v.round} is open.` };
    if (option < 0 || option >= v.options.length)
      return { ok: false, reason: `option = ${option} is not allowed; expected 0 to ${v.options.length - 1}` };
    if (!this.participants.has(participant)) return { ok: false, reason: 'Only participants of this room vote.' };
    v.ballots.set(participant, option);
    return { ok: true };
  }

  tally(): number[] {
    const v = this.vote;
    if (!v) return [];
    const counts = v.options.map(() => 0);
    for (const o of v.ballots.values()) counts[o]!++;
    return counts;
  }

  /** Ends the open vote and counts it; the caller applies the winner and records the decision. */
  closeVote(): Outcome | null {
    const v = this.vote;
    if (!v) return null;
    const counts = this.tally();
    this.vote = null;
    let winner = -1;
    for (let i = 0; i < counts.length; i++)
      if (counts[i]! > 0 && (winner < 0 || counts[i]! > counts[winner]!)) winner = i;
    return { round: v.round, options: v.options, counts, voters: v.ballots.size, winner };
  }

  /** Ends the open vote without a decision. */
  cancelVote(): boolean {
    const had = this.vote !== null;
    this.vote = null;
    return had;
  }

  /** The decision of a vote, applied at `tick` with the live change `set`. */
  record(outcome: Outcome, tick: number, set: Record<string, number | boolean | string>): DecisionView {
    const e = outcome.options[outcome.winner]!;
    const decision: DecisionView = {
      round: outcome.round,
      tick,
      choice: e.id,
      label: decisionLabel(outcome.round, e.label),
      title: e.label,
      set,
      votes: outcome.options.map((o, i) => ({ id: o.id, label: o.label, count: outcome.counts[i]! })),
      voters: outcome.voters,
    };
    this.decisions.push(decision);
    return decision;
  }
}

/** The label of a decision on the charts and in the replay: short, for a lane above a chart. */
export function decisionLabel(round: number, title: string): string {
  return `Vote ${round}: ${title}`;
}

export function optionView(e: LiveEvent): VoteOption {
  return { id: e.id, label: e.label, seed: e.seed };
}
