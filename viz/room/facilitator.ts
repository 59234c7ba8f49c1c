/**
 * The facilitator's page (room.html), on the shared screen: how to join (QR code, room code), the run's
 * charts with a marker for each of the room's decisions and the ghost line without the latest one, the
 * vote and its tally, and the facilitator's controls. The run is on the server (orgsim serve): this page
 * draws what it sends and asks for changes; it runs no model.
 *
 * The page proves it is the facilitator's with the key of its link (#key=…). The key is moved out of the
 * address bar at once (the screen is projected) and kept for this tab only, so a reload reconnects.
 */
import { RoomSocket, type Status } from './socket.ts';
import { f32, f64, i32, u8 } from './decode.ts';
import { drawQr } from './qr.ts';
import { TimeChart, type View } from '../charts/time-chart.ts';
import { OrgView } from '../charts/org-view.ts';
import { OKABE_ITO, STATE_COLOURS } from '../palette.ts';
import { download } from '../export.ts';
import { compact } from '../../src/compare/words.ts';
import type { Marker } from '../live.ts';
import type { AgentSnapshot, Layout } from '../../workers/api.ts';
import type { DecisionView, RoomView, SeriesChunk, ToFacilitator, VoteOption } from '../../src/room/protocol.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const KEY = 'orgsim-room-key';

const fromLink = /(?:^#|&)key=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1];
if (fromLink) {
  sessionStorage.setItem(KEY, fromLink);
  history.replaceState(null, '', location.pathname);
}
const key = sessionStorage.getItem(KEY) ?? '';

// --- The run as the server sent it.
let names: string[] = [];
let index: Record<string, number> = {};
let series: Float64Array[] = [];
let ghost: { series: Float64Array[]; tick: number; label: string } | undefined;
let horizon = 0;
let tick = 0;
let done = false;
let layout: Layout | undefined;
let agents: AgentSnapshot | undefined;
let events: VoteOption[] = [];
let room: RoomView | undefined;
let scheduled: Marker[] = [];
let closed = false;
let dirty = true;
const EMPTY = new Float64Array(0);
const get = (name: string) => series[index[name]!] ?? EMPTY;
const ghostGet = (name: string) => ghost?.series[index[name]!] ?? EMPTY;

function apply(target: Float64Array[], chunk: SeriesChunk): void {
  const n = chunk.to - chunk.from;
  if (n <= 0) return;
  const data = f64(chunk.data);
  for (let k = 0; k < target.length; k++) target[k]!.set(data.subarray(k * n, (k + 1) * n), chunk.from);
}

// --- Charts: the presenter mode's two time charts and the organization.
const P = (key: string, label: string, colour: string) => ({ key, label, colour });
const participationView: View = {
  stacked: true,
  yLabel: 'employees',
  ghost: (g, t) => g('contributors')[t]! + g('readers')[t]!,
  lines: [P('contributors', 'contributed', STATE_COLOURS.contributed), P('readers', 'read only', STATE_COLOURS.read), P('absent', 'absent', STATE_COLOURS.absent)],
};
const valueView: View = {
  yLabel: 'hours (cumulative)',
  ghost: (g, t) => g('valueCum')[t]!,
  lines: [P('valueCum', 'value created', OKABE_ITO.green), P('costCum', 'cost of the roles', OKABE_ITO.vermillion)],
};
const participation = new TimeChart($('chart-participation'), 'Participation', 'participation', participationView);
const value = new TimeChart($('chart-value'), 'Value and cost', 'value', valueView);
const org = new OrgView($('chart-org'));

function markers(): Marker[] {
  return [...scheduled, ...(room?.decisions ?? []).map((d) => ({ tick: d.tick, label: d.label, set: d.set }))];
}

function ghostView() {
  return ghost && ghost.tick > 0 ? { get: ghostGet, tick: Math.min(ghost.tick, tick), label: ghost.label } : undefined;
}

function setText(id: string, text: string): void {
  const e = $(id);
  if (e.textContent !== text) e.textContent = text;
}

function drawMonitors(): void {
  const t = tick - 1;
  setText('mon-day', `${tick} of ${horizon}`);
  setText('clock', `day ${tick} of ${horizon}${done ? ' (done)' : ''}`);
  if (t < 0) return;
  setText('mon-active', `${Math.round(get('activeShare')[t]! * 100)}%`);
  setText('mon-value', compact(get('valueCum')[t]!));
  setText('mon-ratio', get('valuePerCost')[t]!.toFixed(2));
  setText('mon-smm', String(get('smmCount')[t]!));
  const g = ghostView();
  const gt = g ? g.tick - 1 : -1;
  setText('mon-active-delta', g && gt >= 0 ? `without “${g.label}”: ${Math.round(ghostGet('activeShare')[gt]! * 100)}%` : '');
  setText('mon-value-delta', g && gt >= 0 ? `without “${g.label}”: ${compact(ghostGet('valueCum')[gt]!)}` : '');
}

function draw(): void {
  if (!dirty || !horizon) return;
  dirty = false;
  const m = markers();
  participation.update(get, tick, horizon, m, ghostView());
  value.update(get, tick, horizon, m, ghostView());
  const last = (room?.decisions ?? []).at(-1);
  participation.frame.setCaption(tick ? `Day ${tick}: ${Math.round(get('activeShare')[tick - 1]! * 100)}% of employees took part.` : 'The run starts when the facilitator presses Play.');
  value.frame.setCaption(last ? `The grey dashed line: the same run without “${last.title}” (vote ${last.round}).` : 'After the room’s first decision, a grey dashed line shows the run without it.');
  org.draw(agents);
  drawMonitors();
}
function frame(): void {
  draw();
  drawCountdown();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

// --- The room.
function drawRoom(r: RoomView): void {
  room = r;
  const away = r.participants.filter((p) => !p.connected).length;
  setText('people', `${r.participants.length} of ${r.maxParticipants} joined${away ? ` (${away} away)` : ''}`);
  setText('people-summary', `Participants: ${r.participants.length}${away ? `, ${away} away` : ''}`);
  const list = r.participants.map((p) => {
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
    kick.addEventListener('click', () => socket.send({ t: 'kick', participant: p.id }));
    li.append(name, what, kick);
    return li;
  });
  $('participants').replaceChildren(...list);
  const refused = Object.entries(r.refused).filter(([, n]) => n > 0);
  const total = refused.reduce((s, [, n]) => s + n, 0);
  setText('refused', total || r.dropped ? `Messages refused: ${total}${total ? ` (${refused.map(([k, n]) => `${REFUSAL_WORDS[k] ?? k} ${n}`).join(', ')})` : ''}; connections closed by the server: ${r.dropped}.` : 'No message refused.');
  drawVote(r);
  drawControls();
  const last = r.decisions.at(-1);
  setText('last-decision', last ? decisionText(last) : '');
  dirty = true;
}

const REFUSAL_WORDS: Record<string, string> = {
  oversized: 'too large', malformed: 'not JSON', invalid: 'not allowed', flood: 'too many', unauthorized: "facilitator's actions",
  badToken: 'wrong key', wrongRoom: 'wrong room', full: 'room full', notJoined: 'not joined', rejected: 'refused by the room',
};

function decisionText(d: DecisionView): string {
  const count = d.votes.find((v) => v.id === d.choice)?.count ?? 0;
  return `Vote ${d.round}: the room chose “${d.title}” (${count} of ${d.voters} vote${d.voters > 1 ? 's' : ''}), from day ${d.tick}.`;
}

let voteEndsAt = 0;
function drawVote(r: RoomView): void {
  const v = r.vote;
  $('vote-form').hidden = !!v || closed;
  $('vote-live').hidden = !v;
  if (!v) return;
  voteEndsAt = performance.now() + v.endsIn;
  setText('vote-round', `Vote ${v.round}`);
  const max = Math.max(1, ...v.tally);
  const items = v.options.map((o, i) => {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = o.label;
    const bar = document.createElement('span');
    bar.className = 'bar-fill';
    bar.style.setProperty('--share', String(v.tally[i]! / max));
    const n = document.createElement('span');
    n.className = 'n';
    n.textContent = String(v.tally[i]);
    li.append(label, bar, n);
    return li;
  });
  $('tally').replaceChildren(...items);
  setText('vote-count', `${v.voters} of ${r.participants.length} have voted; each can change their vote until the end.`);
}

function drawCountdown(): void {
  if (!room?.vote) return;
  const left = Math.max(0, Math.ceil((voteEndsAt - performance.now()) / 1000));
  setText('vote-countdown', left > 0 ? `${left} s left` : 'counting…');
}

// The options offered: the page's live events, 2 to 4 of them.
function drawEvents(): void {
  const boxes = events.map((e) => {
    const label = document.createElement('label');
    label.className = 'event';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = e.id;
    box.id = `offer-${e.id}`;
    box.addEventListener('change', drawControls);
    const text = document.createElement('span');
    text.textContent = e.label;
    label.title = `“${e.seed}”`;
    label.append(box, text);
    return label;
  });
  $('event-list').replaceChildren(...boxes);
}
const offered = () => Array.from(document.querySelectorAll<HTMLInputElement>('#event-list input:checked')).map((b) => b.value);

function drawControls(): void {
  const phase = room?.phase ?? 'waiting';
  const ready = !!room && !closed;
  const play = $<HTMLButtonElement>('play');
  play.textContent = phase === 'playing' ? 'Pause' : 'Play';
  play.disabled = !ready || phase === 'vote' || phase === 'ended';
  $<HTMLSelectElement>('speed').disabled = !ready;
  if (room) $<HTMLSelectElement>('speed').value = String(room.speed);
  const n = offered().length;
  const open = $<HTMLButtonElement>('open-vote');
  open.disabled = !ready || n < 2 || n > 4 || phase === 'ended';
  open.textContent = n < 2 ? 'Open the vote (choose 2 to 4)' : n > 4 ? 'Open the vote (at most 4)' : `Open the vote (${n} options)`;
  $<HTMLButtonElement>('replay').disabled = !room;
  $<HTMLButtonElement>('close-room').disabled = !ready;
}

// --- Messages.
function receive(m: ToFacilitator): void {
  switch (m.t) {
    case 'hosted': {
      $('status').hidden = true;
      names = m.seriesNames;
      index = Object.fromEntries(names.map((n, k) => [n, k]));
      horizon = m.horizon;
      series = names.map(() => new Float64Array(horizon));
      ghost = undefined;
      events = m.events;
      scheduled = m.scenario.interventions.map((iv) => ({ tick: iv.at, label: iv.label, set: {} }));
      setText('scenario-name', `${m.scenario.name} · seed ${m.seed}`);
      setText('room-code', m.room);
      setText('join-url', m.joinUrl);
      drawQr($<HTMLCanvasElement>('qr'), m.qr);
      $('qr').setAttribute('aria-label', `QR code of ${m.joinUrl}`);
      const l = m.layout;
      layout = { employees: l.employees, teams: l.teams, departments: l.departments, team: i32(l.team), department: i32(l.department), role: u8(l.role), groupKind: u8(l.groupKind), groupTopic: i32(l.groupTopic), groupSize: i32(l.groupSize) };
      org.setLayout(layout);
      if (!$('event-list').childElementCount) drawEvents();
      break;
    }
    case 'frame':
      apply(series, m.main);
      tick = m.tick;
      done = m.done;
      if (m.ghost) {
        if (m.ghost.restart || !ghost) ghost = { series: names.map(() => new Float64Array(horizon)), tick: 0, label: m.ghost.label };
        apply(ghost.series, m.ghost);
        ghost.tick = m.ghost.to;
        ghost.label = m.ghost.label;
      }
      if (m.agents) agents = { tick: m.agents.tick, state: u8(m.agents.state), contributions: f64(m.agents.contributions), groupShare: f32(m.agents.groupShare) };
      break;
    case 'room':
      drawRoom(m);
      break;
    case 'notice':
      notice(m.text);
      break;
    case 'refused':
      if (m.refusal === 'badToken') {
        socket.stop();
        status("This page does not have the facilitator's key. Open the facilitator's link that orgsim serve printed in its terminal.");
      } else notice(m.reason);
      break;
    case 'replay':
      download(m.file, new Blob([m.text], { type: 'application/json' }));
      notice(`Downloaded ${m.file}: orgsim run --replay ${m.file} reproduces this run.`);
      break;
    case 'closed':
      closed = true;
      notice(`The room is closed. The replay is saved in ${m.replayFile} (on the computer running orgsim serve).`);
      drawControls();
      break;
  }
  dirty = true;
}

function status(text: string): void {
  const box = $('status');
  box.textContent = text;
  box.hidden = !text;
}
let noticeTimer: ReturnType<typeof setTimeout> | undefined;
function notice(text: string): void {
  const box = $('notice');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (box.hidden = true), 8000);
}

function onStatus(s: Status): void {
  if (s === 'lost') status('Connection to orgsim serve lost: reconnecting… (the run goes on on the server)');
  else if (s === 'open') status('');
}

const socket = new RoomSocket<ToFacilitator>(() => ({ t: 'host', token: key }), receive, onStatus);
if (!key) status("This page needs the facilitator's key: open the facilitator's link that orgsim serve printed in its terminal.");
else socket.connect();

// --- Controls.
$('play').addEventListener('click', () => socket.send({ t: room?.phase === 'playing' ? 'pause' : 'play' }));
$('speed').addEventListener('change', () => socket.send({ t: 'speed', days: Number($<HTMLSelectElement>('speed').value) }));
$('vote-form').addEventListener('submit', (e) => {
  e.preventDefault();
  socket.send({ t: 'open-vote', options: offered(), seconds: Number($<HTMLSelectElement>('vote-seconds').value) });
});
$('close-vote').addEventListener('click', () => socket.send({ t: 'close-vote' }));
$('cancel-vote').addEventListener('click', () => socket.send({ t: 'cancel-vote' }));
$('replay').addEventListener('click', () => socket.send({ t: 'replay' }));
const closeDialog = $<HTMLDialogElement>('close-dialog');
$('close-room').addEventListener('click', () => closeDialog.showModal());
closeDialog.addEventListener('close', () => {
  if (closeDialog.returnValue === 'close') socket.send({ t: 'close' });
});
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === ' ' && !$<HTMLButtonElement>('play').disabled) {
    e.preventDefault();
    $('play').click();
  }
});

// Test hook: read-only numbers, never code.
Object.assign(window, {
  __workshop: {
    get tick() { return tick; },
    get done() { return done; },
    get phase() { return room?.phase; },
    get participants() { return room?.participants.map((p) => ({ ...p })) ?? []; },
    get vote() { return room?.vote ? { round: room.vote.round, tally: [...room.vote.tally], voters: room.vote.voters } : null; },
    get decisions() { return (room?.decisions ?? []).map((d) => ({ ...d })); },
    get refused() { return { ...(room?.refused ?? {}) }; },
    get ghostTick() { return ghost?.tick ?? 0; },
    get markers() { return markers().map((m) => ({ tick: m.tick, label: m.label })); },
    series: (name: string) => Array.from(get(name).subarray(0, tick)),
    /** Every series as raw bytes (base64), to compare bit for bit. */
    bytes: () => Object.fromEntries(names.map((n, k) => [n, btoa(String.fromCharCode(...new Uint8Array(series[k]!.buffer, 0, tick * 8)))])),
  },
});
