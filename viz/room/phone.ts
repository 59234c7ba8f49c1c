/**
 * The participant's page (join.html), for a phone: join with the room code and a name, then see who you are
 * in the run, what you can do now (vote when a vote is open), the room's last decision and your numbers.
 * It runs no model and draws no chart: the server sends a few numbers, shown as text. The secret the server
 * gives is kept in this browser, so a phone that drops (a locked screen, a lost network) comes back as the
 * same participant, with the same vote.
 */
import { RoomSocket, type Status } from './socket.ts';
import type { DecisionView, ToPhone, VoteView } from '../../src/room/protocol.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const codeInput = $<HTMLInputElement>('code');
const nameInput = $<HTMLInputElement>('name');
/**
 * The page's state, in one object: the room code, the name typed (until the server welcomes it), and the vote
 * open now (its round, options and end) with this phone's choice, sent and acknowledged.
 */
const phone = {
  code: decodeURIComponent(location.hash.slice(1))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8),
  pendingName: '',
  round: 0,
  myVote: null as number | null,
  pendingVote: null as number | null,
  endsAt: 0,
  options: [] as VoteView['options'],
};
const storeKey = (c: string) => `orgsim-room:${c}`;

interface Stored {
  secret: string;
  name: string;
}
function stored(c: string): Stored | undefined {
  try {
    const s = JSON.parse(localStorage.getItem(storeKey(c)) ?? 'null') as Stored | null;
    return s && typeof s.secret === 'string' && typeof s.name === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}
function forget(c: string): void {
  try {
    localStorage.removeItem(storeKey(c));
  } catch {
    /* private browsing: nothing was kept */
  }
}

/** What the page asks when it (re)connects: come back with the secret, or join with the name typed. */
const socket = new RoomSocket<ToPhone>(
  () => {
    const s = stored(phone.code);
    return s
      ? { t: 'resume', room: phone.code, secret: s.secret }
      : { t: 'join', room: phone.code, name: phone.pendingName };
  },
  receive,
  showStatus,
);

function show(view: 'join' | 'room' | 'bye'): void {
  $('join-view').hidden = view !== 'join';
  $('room-view').hidden = view !== 'room';
  $('bye-view').hidden = view !== 'bye';
}

function showStatus(s: Status): void {
  const box = $('status');
  box.hidden = s === 'open' || s === 'stopped';
  box.textContent = s === 'lost' ? 'Connection lost: reconnecting…' : s === 'connecting' ? 'Connecting…' : '';
}

function joinError(text: string): void {
  const e = $('join-error');
  e.textContent = text;
  e.hidden = !text;
}

// --- Joining.
codeInput.value = phone.code;
$('join-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const c = codeInput.value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const n = nameInput.value.trim();
  if (c.length < 4) return joinError('Type the room code shown on the shared screen (4 letters and digits).');
  if (!n) return joinError('Type your name: the room sees it.');
  joinError('');
  phone.code = c;
  phone.pendingName = n;
  history.replaceState(null, '', `#${phone.code}`);
  socket.stop();
  socket.connect();
  ($('join') as HTMLButtonElement).disabled = true;
});

// --- What the server says.

function receive(m: ToPhone): void {
  switch (m.t) {
    case 'welcome':
      try {
        localStorage.setItem(storeKey(m.room), JSON.stringify({ secret: m.secret, name: m.name }));
      } catch {
        /* private browsing: a drop will need a new join */
      }
      $('me').textContent = m.name;
      $('role').textContent = m.role.text;
      $('room-label').textContent = `room ${m.room}`;
      ($('join') as HTMLButtonElement).disabled = false;
      show('room');
      return;
    case 'state':
      return render(m);
    case 'voted':
      if (m.round === phone.round) {
        phone.myVote = m.option;
        phone.pendingVote = null;
        drawOptions();
      }
      return;
    case 'refused':
      ($('join') as HTMLButtonElement).disabled = false;
      if (!$('join-view').hidden) {
        // A wrong code or name: no reconnection until the form is sent again.
        socket.stop();
        joinError(m.reason);
      } else {
        phone.pendingVote = null;
        drawOptions();
        flash(m.reason);
      }
      return;
    case 'bye':
      return bye(m.reason, m.text);
  }
}

function flash(text: string): void {
  const box = $('status');
  box.textContent = text;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 4000);
}

function bye(reason: Extract<ToPhone, { t: 'bye' }>['reason'], text: string): void {
  if (reason === 'unknown' || reason === 'wrongRoom' || reason === 'full') {
    // This phone's place is gone (or was never given): join again, the form keeps what was typed.
    forget(phone.code);
    socket.stop();
    ($('join') as HTMLButtonElement).disabled = false;
    joinError(text);
    show('join');
    return;
  }
  socket.stop();
  if (reason !== 'replaced') forget(phone.code);
  $('bye-title').textContent =
    reason === 'closed'
      ? 'The workshop is over'
      : reason === 'kicked'
        ? 'You have left the room'
        : 'This room is open on another page';
  $('bye-text').textContent = text;
  $('again').hidden = reason !== 'replaced';
  show('bye');
}
$('again').addEventListener('click', () => {
  show('room');
  socket.connect();
});

const PHASE_TEXT: Record<string, string> = {
  waiting: 'The run has not started yet: watch the shared screen.',
  playing: 'The run plays: watch the shared screen. A vote comes soon.',
  paused: 'The run is paused.',
  ended: 'The run has reached its end: look at what the room did.',
  closed: 'The workshop is over.',
};

function render(s: Extract<ToPhone, { t: 'state' }>): void {
  $('day').textContent = `day ${s.tick} of ${s.horizon}`;
  const v = s.vote;
  if (v) {
    if (v.round !== phone.round) phone.pendingVote = null;
    phone.round = v.round;
    phone.options = v.options;
    phone.myVote = s.myVote;
    phone.endsAt = performance.now() + v.endsIn;
    $('now-text').textContent = `Vote ${v.round}: what should the organization do now?`;
  } else {
    phone.round = 0;
    phone.options = [];
    $('now-text').textContent = PHASE_TEXT[s.phase] ?? '';
  }
  $('vote').hidden = !v;
  $('room-view').classList.toggle('voting', !!v);
  drawOptions();
  countdown();
  drawDecision(s.decision);
  const dl = $('numbers');
  const items = s.numbers.flatMap((n) => {
    const dt = document.createElement('dt');
    dt.textContent = n.label;
    const dd = document.createElement('dd');
    dd.textContent = n.value;
    return [dt, dd];
  });
  dl.replaceChildren(...items);
}

function drawDecision(d: DecisionView | null): void {
  $('decision-card').hidden = !d;
  if (!d) return;
  const count = d.votes.find((x) => x.id === d.choice)?.count ?? 0;
  $('decision').textContent =
    `Vote ${d.round}: “${d.title}”, with ${count} of ${d.voters} vote${d.voters > 1 ? 's' : ''}, from day ${d.tick}.`;
}

function drawOptions(): void {
  const box = $('options');
  const buttons = phone.options.map((o, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'option';
    b.id = `option-${i}`;
    const chosen = (phone.pendingVote ?? phone.myVote) === i;
    b.setAttribute('aria-pressed', String(chosen));
    const title = document.createElement('span');
    title.className = 'option-title';
    title.textContent = o.label;
    const seed = document.createElement('span');
    seed.className = 'option-seed';
    seed.textContent = `“${o.seed}”`;
    b.append(title, seed);
    b.addEventListener('click', () => {
      if (socket.send({ t: 'vote', round: phone.round, option: i })) {
        phone.pendingVote = i;
        drawOptions();
      } else flash('Not connected: your vote was not sent. Try again in a moment.');
    });
    return b;
  });
  box.replaceChildren(...buttons);
  const chosen = phone.myVote === null ? undefined : phone.options[phone.myVote];
  $('vote-note').textContent = chosen
    ? `Your vote: “${chosen.label}”. You can change it until the end.`
    : phone.pendingVote !== null
      ? 'Sending your vote…'
      : 'Tap your choice.';
}

function countdown(): void {
  if (!phone.round) return;
  const left = Math.max(0, Math.ceil((phone.endsAt - performance.now()) / 1000));
  $('countdown').textContent = left > 0 ? `${left} s left` : 'Counting the votes…';
}
setInterval(countdown, 250);

// --- Start: come back if this phone has a place in the room, else the form.
if (phone.code && stored(phone.code)) {
  $('room-label').textContent = `room ${phone.code}`;
  show('room');
  socket.connect();
} else {
  show('join');
  (phone.code ? nameInput : codeInput).focus();
}

// Test hook: read-only, never code.
Object.assign(window, {
  __phone: {
    get round() {
      return phone.round;
    },
    get myVote() {
      return phone.myVote;
    },
    get joined() {
      return !$('room-view').hidden;
    },
    get view() {
      return !$('join-view').hidden ? 'join' : !$('room-view').hidden ? 'room' : 'bye';
    },
  },
});
