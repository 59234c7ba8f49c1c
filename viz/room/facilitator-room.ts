/**
 * The words and elements of the facilitator's room panel (viz/room/facilitator.ts): a participant in the list,
 * the messages the server refused, and a decision of the room. Names are set as text, never as markup.
 */
import type { DecisionView, RoomView } from '../../src/room/protocol.ts';

/** A participant in the list, with a button that removes them from the room. */
export function participantItem(p: RoomView['participants'][number], onRemove: () => void): HTMLLIElement {
  const li = document.createElement('li');
  li.className = p.connected ? 'here' : 'away';
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = p.name;
  const what = document.createElement('span');
  what.className = 'what';
  what.textContent = `${p.connected ? '' : 'away · '}${p.voted ? 'voted · ' : ''}${p.role}`;
  const kick = document.createElement('button');
  kick.type = 'button';
  kick.textContent = 'Remove';
  kick.setAttribute('aria-label', `Remove ${p.name} from the room`);
  kick.addEventListener('click', onRemove);
  li.append(name, what, kick);
  return li;
}

/** The messages the server refused, by reason, and the connections it closed. */
export function refusedText(r: RoomView): string {
  const refused = Object.entries(r.refused).filter(([, n]) => n > 0);
  const total = refused.reduce((s, [, n]) => s + n, 0);
  return total || r.dropped
    ? `Messages refused: ` +
        `${total}${total ? ` (${refused.map(([k, n]) => `${REFUSAL_WORDS[k] ?? k} ${n}`).join(', ')})` : ''}; ` +
        `connections closed by the server: ${r.dropped}.`
    : 'No message refused.';
}

export const REFUSAL_WORDS: Record<string, string> = {
  oversized: 'too large',
  malformed: 'not JSON',
  invalid: 'not allowed',
  flood: 'too many',
  unauthorized: "facilitator's actions",
  badToken: 'wrong key',
  wrongRoom: 'wrong room',
  full: 'room full',
  notJoined: 'not joined',
  rejected: 'refused by the room',
};

/** A decision of the room, in a sentence. */
export function decisionText(d: DecisionView): string {
  const count = d.votes.find((v) => v.id === d.choice)?.count ?? 0;
  return (
    `Vote ${d.round}: the room chose “${d.title}” (${count} of ${d.voters} vote${d.voters > 1 ? 's' : ''}), ` +
    `from day ${d.tick}.`
  );
}
