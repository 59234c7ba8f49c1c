/**
 * What the facilitator's page may do (only a connection that proved the key gets here, sockets.ts): play,
 * pause, set the speed, open, close or cancel a vote, remove a participant, ask for the replay, close the
 * room. A vote pauses the run; the room's decision is a change of live parameters applied on the day the run
 * stopped, recorded as an intervention, written to the replay file at once; then the run plays on.
 */
import type { FacilitatorAction } from '../src/room/protocol.ts';
import { RoomError, decisionLabel } from '../src/room/room.ts';
import type { Connection } from './connection.ts';
import type { WorkshopState } from './state.ts';
import { sendStep } from './frames.ts';
import { replayName, workshopReplay, writeReplay } from './replay-file.ts';
import { changed, notice, toFacilitators } from './views.ts';

/** Carry out the facilitator's action; a rule of the room that says no throws a RoomError. */
export function act(s: WorkshopState, conn: Connection, m: FacilitatorAction): void {
  switch (m.t) {
    case 'play':
      if (s.room.closed) throw new RoomError('The room is closed.');
      if (s.room.vote) throw new RoomError('A vote is open: close it first, the run plays on after it.');
      if (s.sim.done) throw new RoomError('The run has reached its horizon.');
      s.playing = true;
      // Pressed while the last decision is being applied: the run plays on after it too.
      s.playAfterVote = true;
      break;
    case 'pause':
      s.playing = false;
      s.playAfterVote = false;
      break;
    case 'speed':
      s.speed = m.days;
      break;
    case 'open-vote':
      openVote(s, m.options, m.seconds);
      break;
    case 'close-vote':
      void decide(s);
      return;
    case 'cancel-vote':
      clearTimeout(s.voteTimer);
      if (s.room.cancelVote()) {
        s.playing = s.playAfterVote;
        notice(s, 'The vote was cancelled: nothing changes.');
      }
      break;
    case 'kick':
      kick(s, m.participant);
      break;
    case 'replay':
      conn.send({ t: 'replay', file: replayName(s), text: workshopReplay(s) });
      return;
    case 'close':
      void closeRoom(s);
      return;
  }
  changed(s);
}

function openVote(s: WorkshopState, options: readonly string[], seconds: number): void {
  if (s.sim.done) throw new RoomError('The run has reached its horizon: no day is left for a decision.');
  if (s.deciding) throw new RoomError('The last vote is still being applied.');
  const vote = s.room.openVote(options, seconds, Date.now());
  s.playAfterVote = s.playing;
  s.playing = false;
  s.voteTimer = setTimeout(() => void decide(s), seconds * 1000);
  s.log?.(`vote ${vote.round} open for ${seconds} s: ${vote.options.map((o) => o.label).join(' / ')}`);
}

function kick(s: WorkshopState, participant: number): void {
  const p = s.room.kick(participant);
  if (!p) throw new RoomError(`There is no participant ${participant}.`);
  const c = s.phones.get(p.id);
  s.phones.delete(p.id);
  if (c) {
    c.kind = 'new';
    c.send({ t: 'bye', reason: 'kicked', text: 'The facilitator has removed you from the room.' });
    c.close(1000, 'Removed.');
  }
}

/** Count the open vote, apply the winner as a live change, record it, and play on. */
export async function decide(s: WorkshopState): Promise<void> {
  clearTimeout(s.voteTimer);
  if (s.deciding) return;
  const outcome = s.room.closeVote();
  if (!outcome) return;
  s.deciding = true;
  try {
    if (outcome.winner < 0) {
      notice(s, `Vote ${outcome.round}: nobody voted, nothing changes.`);
    } else {
      const event = outcome.options[outcome.winner]!;
      const set = event.change(s.sim.params);
      const tick = await s.sim.intervene(set, decisionLabel(outcome.round, event.label));
      const d = s.room.record(outcome, tick, set);
      writeReplay(s);
      s.log?.(
        `vote ${d.round}: ${d.title} (${outcome.counts[outcome.winner]} of ${outcome.voters} votes), from ` +
          `day ${d.tick}`,
      );
      sendStep(s, { from: s.sim.tick, to: s.sim.tick, ghost: await s.sim.catchUpGhost() });
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    notice(s, `Vote ${outcome.round}: the room's choice could not be applied: ${why}`);
  } finally {
    s.deciding = false;
  }
  if (!s.sim.done && !s.room.closed) s.playing = s.playAfterVote;
  changed(s);
}

/** The facilitator ends the workshop: the replay is written, the phones are told, the run stops. */
export async function closeRoom(s: WorkshopState): Promise<void> {
  if (s.room.closed) return;
  clearTimeout(s.voteTimer);
  s.room.cancelVote();
  s.room.closed = true;
  s.playing = false;
  writeReplay(s);
  for (const [, c] of s.phones) {
    c.send({ t: 'bye', reason: 'closed', text: 'The workshop is over. Thank you for taking part!' });
    c.kind = 'new';
    c.close(1000, 'Closed.');
  }
  s.phones.clear();
  toFacilitators(s, { t: 'closed', replayFile: s.replayFile });
  changed(s);
  s.log?.(`the room is closed; the replay is in ${s.replayFile}`);
}
