/**
 * What each side is told: the phase of the workshop, each phone's few numbers, and the facilitator's view of
 * the room (participants, the vote, decisions, refusals). Phones hear at most once a second, the
 * facilitator's room view at most 5 times; a change of phase is told to everyone at once.
 */
import { SERIES_INDEX } from '../src/metrics/series.ts';
import type { Phase, RoomView, ToFacilitator, ToPhone } from '../src/room/protocol.ts';
import { optionView, type Participant } from '../src/room/room.ts';
import { personalNumbers } from '../src/room/roles.ts';
import type { WorkshopState } from './state.ts';

const ROOM_EVERY_MS = 200;

export function phase(s: WorkshopState): Phase {
  if (s.room.closed) return 'closed';
  if (s.room.vote) return 'vote';
  if (s.sim.done) return 'ended';
  if (s.playing) return 'playing';
  return s.sim.tick === 0 ? 'waiting' : 'paused';
}

function voteView(
  s: WorkshopState,
): { round: number; options: ReturnType<typeof optionView>[]; endsIn: number } | null {
  const v = s.room.vote;
  return v ? { round: v.round, options: v.options.map(optionView), endsIn: Math.max(0, v.endsAt - Date.now()) } : null;
}

export function phoneState(s: WorkshopState, p: Participant): ToPhone {
  const t = s.sim.tick - 1;
  const at = (name: string) => (t >= 0 ? s.sim.series[SERIES_INDEX[name]!]![t] : undefined);
  return {
    t: 'state',
    phase: phase(s),
    tick: s.sim.tick,
    horizon: s.sim.horizon,
    vote: voteView(s),
    myVote: s.room.vote?.ballots.get(p.id) ?? null,
    decision: s.room.decisions.at(-1) ?? null,
    numbers: personalNumbers(p.card, p.members, s.sim.agents, at),
  };
}

export function updatePhones(s: WorkshopState): void {
  s.lastPhones = performance.now();
  for (const [id, c] of s.phones) {
    const p = s.room.get(id);
    if (p && !c.slow) c.send(phoneState(s, p));
  }
}

export function roomView(s: WorkshopState): RoomView {
  const v = voteView(s);
  const ballots = s.room.vote?.ballots;
  return {
    t: 'room',
    phase: phase(s),
    speed: s.speed,
    participants: s.room.list().map((p) => ({
      id: p.id,
      name: p.name,
      connected: p.connected,
      role: p.card.text,
      voted: ballots?.has(p.id) ?? false,
    })),
    vote: v ? { ...v, tally: s.room.tally(), voters: ballots!.size } : null,
    decisions: s.room.decisions,
    refused: { ...s.room.refused },
    dropped: s.dropped,
    maxParticipants: s.room.maxParticipants,
  };
}

/** A message to every facilitator's page (every page that proved the key). */
export function toFacilitators(s: WorkshopState, message: ToFacilitator): void {
  for (const c of s.connections) if (c.kind === 'facilitator') c.send(message);
}

/** The facilitator's view, at most 5 times a second (votes and joins can come in bursts). */
export function roomChanged(s: WorkshopState): void {
  if (s.roomTimer) return;
  s.roomTimer = setTimeout(() => {
    s.roomTimer = undefined;
    toFacilitators(s, roomView(s));
  }, ROOM_EVERY_MS);
}

/** The phase changed: everyone is told at once. */
export function changed(s: WorkshopState): void {
  updatePhones(s);
  toFacilitators(s, roomView(s));
}

/** A line for the facilitator's page (a cancelled vote, a decision that could not be applied, a failed run). */
export function notice(s: WorkshopState, text: string): void {
  toFacilitators(s, { t: 'notice', text });
}
