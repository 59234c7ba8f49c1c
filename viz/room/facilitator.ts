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
import type { RoomView, ToFacilitator } from '../../src/room/protocol.ts';
import { apply, get, ghostGet, page } from './facilitator-state.ts';
import { decisionText, participantItem, refusedText } from './facilitator-room.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const KEY = 'orgsim-room-key';

const fromLink = /(?:^#|&)key=([A-Za-z0-9_-]+)/.exec(location.hash)?.[1];
if (fromLink) {
  sessionStorage.setItem(KEY, fromLink);
  history.replaceState(null, '', location.pathname);
}
const key = sessionStorage.getItem(KEY) ?? '';

// --- Charts: the presenter mode's two time charts and the organization.
const P = (key: string, label: string, colour: string) => ({ key, label, colour });
const participationView: View = {
  stacked: true,
  yLabel: 'employees',
  ghost: (g, t) => g('contributors')[t]! + g('readers')[t]!,
  lines: [
    P('contributors', 'contributed', STATE_COLOURS.contributed),
    P('readers', 'read only', STATE_COLOURS.read),
    P('absent', 'absent', STATE_COLOURS.absent),
  ],
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
  return [
    ...page.scheduled,
    ...(page.room?.decisions ?? []).map((d) => ({ tick: d.tick, label: d.label, set: d.set })),
  ];
}

function ghostView() {
  return page.ghost && page.ghost.tick > 0
    ? { get: ghostGet, tick: Math.min(page.ghost.tick, page.tick), label: page.ghost.label }
    : undefined;
}

function setText(id: string, text: string): void {
  const e = $(id);
  if (e.textContent !== text) e.textContent = text;
}

function drawMonitors(): void {
  const t = page.tick - 1;
  setText('mon-day', `${page.tick} of ${page.horizon}`);
  setText('clock', `day ${page.tick} of ${page.horizon}${page.done ? ' (done)' : ''}`);
  if (t < 0) return;
  setText('mon-active', `${Math.round(get('activeShare')[t]! * 100)}%`);
  setText('mon-value', compact(get('valueCum')[t]!));
  setText('mon-ratio', get('valuePerCost')[t]!.toFixed(2));
  setText('mon-smm', String(get('smmCount')[t]!));
  const g = ghostView();
  const gt = g ? g.tick - 1 : -1;
  setText(
    'mon-active-delta',
    g && gt >= 0 ? `without “${g.label}”: ${Math.round(ghostGet('activeShare')[gt]! * 100)}%` : '',
  );
  setText('mon-value-delta', g && gt >= 0 ? `without “${g.label}”: ${compact(ghostGet('valueCum')[gt]!)}` : '');
}

function draw(): void {
  if (!page.dirty || !page.horizon) return;
  page.dirty = false;
  const m = markers();
  participation.update(get, page.tick, page.horizon, m, ghostView());
  value.update(get, page.tick, page.horizon, m, ghostView());
  const last = (page.room?.decisions ?? []).at(-1);
  participation.frame.setCaption(
    page.tick
      ? `Day ${page.tick}: ${Math.round(get('activeShare')[page.tick - 1]! * 100)}% of employees took part.`
      : 'The run starts when the facilitator presses Play.',
  );
  value.frame.setCaption(
    last
      ? `The grey dashed line: the same run without “${last.title}” (vote ${last.round}).`
      : 'After the room’s first decision, a grey dashed line shows the run without it.',
  );
  org.draw(page.agents);
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
  page.room = r;
  const away = r.participants.filter((p) => !p.connected).length;
  setText('people', `${r.participants.length} of ${r.maxParticipants} joined${away ? ` (${away} away)` : ''}`);
  setText('people-summary', `Participants: ${r.participants.length}${away ? `, ${away} away` : ''}`);
  const list = r.participants.map((p) => participantItem(p, () => socket.send({ t: 'kick', participant: p.id })));
  $('participants').replaceChildren(...list);
  setText('refused', refusedText(r));
  drawVote(r);
  drawControls();
  const last = r.decisions.at(-1);
  setText('last-decision', last ? decisionText(last) : '');
  page.dirty = true;
}

function drawVote(r: RoomView): void {
  const v = r.vote;
  $('vote-form').hidden = !!v || page.closed;
  $('vote-live').hidden = !v;
  if (!v) return;
  page.voteEndsAt = performance.now() + v.endsIn;
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
  setText(
    'vote-count',
    `${v.voters} of ${r.participants.length} have voted; each can change their vote until the end.`,
  );
}

function drawCountdown(): void {
  if (!page.room?.vote) return;
  const left = Math.max(0, Math.ceil((page.voteEndsAt - performance.now()) / 1000));
  setText('vote-countdown', left > 0 ? `${left} s left` : 'counting…');
}

// The options offered: the page's live events, 2 to 4 of them.
function drawEvents(): void {
  const boxes = page.events.map((e) => {
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
const offered = () =>
  Array.from(document.querySelectorAll<HTMLInputElement>('#event-list input:checked')).map((b) => b.value);

function drawControls(): void {
  const phase = page.room?.phase ?? 'waiting';
  const ready = !!page.room && !page.closed;
  const play = $<HTMLButtonElement>('play');
  play.textContent = phase === 'playing' ? 'Pause' : 'Play';
  play.disabled = !ready || phase === 'vote' || phase === 'ended';
  $<HTMLSelectElement>('speed').disabled = !ready;
  if (page.room) $<HTMLSelectElement>('speed').value = String(page.room.speed);
  const n = offered().length;
  const open = $<HTMLButtonElement>('open-vote');
  open.disabled = !ready || n < 2 || n > 4 || phase === 'ended';
  open.textContent =
    n < 2 ? 'Open the vote (choose 2 to 4)' : n > 4 ? 'Open the vote (at most 4)' : `Open the vote (${n} options)`;
  $<HTMLButtonElement>('replay').disabled = !page.room;
  $<HTMLButtonElement>('close-room').disabled = !ready;
}

// --- Messages.
function receive(m: ToFacilitator): void {
  switch (m.t) {
    case 'hosted': {
      $('status').hidden = true;
      page.names = m.seriesNames;
      page.index = Object.fromEntries(page.names.map((n, k) => [n, k]));
      page.horizon = m.horizon;
      page.series = page.names.map(() => new Float64Array(page.horizon));
      page.ghost = undefined;
      page.events = m.events;
      page.scheduled = m.scenario.interventions.map((iv) => ({ tick: iv.at, label: iv.label, set: {} }));
      setText('scenario-name', `${m.scenario.name} · seed ${m.seed}`);
      setText('room-code', m.room);
      setText('join-url', m.joinUrl);
      drawQr($<HTMLCanvasElement>('qr'), m.qr);
      $('qr').setAttribute('aria-label', `QR code of ${m.joinUrl}`);
      const l = m.layout;
      page.layout = {
        employees: l.employees,
        teams: l.teams,
        departments: l.departments,
        team: i32(l.team),
        department: i32(l.department),
        role: u8(l.role),
        groupKind: u8(l.groupKind),
        groupTopic: i32(l.groupTopic),
        groupSize: i32(l.groupSize),
      };
      org.setLayout(page.layout);
      if (!$('event-list').childElementCount) drawEvents();
      break;
    }
    case 'frame':
      apply(page.series, m.main);
      page.tick = m.tick;
      page.done = m.done;
      if (m.ghost) {
        if (m.ghost.restart || !page.ghost)
          page.ghost = { series: page.names.map(() => new Float64Array(page.horizon)), tick: 0, label: m.ghost.label };
        apply(page.ghost.series, m.ghost);
        page.ghost.tick = m.ghost.to;
        page.ghost.label = m.ghost.label;
      }
      if (m.agents)
        page.agents = {
          tick: m.agents.tick,
          state: u8(m.agents.state),
          contributions: f64(m.agents.contributions),
          groupShare: f32(m.agents.groupShare),
        };
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
        status(
          "This page does not have the facilitator's key. Open the facilitator's link that orgsim serve " +
            'printed in its terminal.',
        );
      } else notice(m.reason);
      break;
    case 'replay':
      download(m.file, new Blob([m.text], { type: 'application/json' }));
      notice(`Downloaded ${m.file}: orgsim run --replay ${m.file} reproduces this run.`);
      break;
    case 'closed':
      page.closed = true;
      notice(`The room is closed. The replay is saved in ${m.replayFile} (on the computer running orgsim serve).`);
      drawControls();
      break;
  }
  page.dirty = true;
}

function status(text: string): void {
  const box = $('status');
  box.textContent = text;
  box.hidden = !text;
}
function notice(text: string): void {
  const box = $('notice');
  box.textContent = text;
  box.hidden = false;
  clearTimeout(page.noticeTimer);
  page.noticeTimer = setTimeout(() => (box.hidden = true), 8000);
}

function onStatus(s: Status): void {
  if (s === 'lost') status('Connection to orgsim serve lost: reconnecting… (the run goes on on the server)');
  else if (s === 'open') status('');
}

const socket = new RoomSocket<ToFacilitator>(() => ({ t: 'host', token: key }), receive, onStatus);
if (!key)
  status(
    "This page needs the facilitator's key: open the facilitator's link that orgsim serve printed in its terminal.",
  );
else socket.connect();

// --- Controls.
$('play').addEventListener('click', () => socket.send({ t: page.room?.phase === 'playing' ? 'pause' : 'play' }));
$('speed').addEventListener('change', () =>
  socket.send({ t: 'speed', days: Number($<HTMLSelectElement>('speed').value) }),
);
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
    get tick() {
      return page.tick;
    },
    get done() {
      return page.done;
    },
    get phase() {
      return page.room?.phase;
    },
    get participants() {
      return page.room?.participants.map((p) => ({ ...p })) ?? [];
    },
    get vote() {
      return page.room?.vote
        ? { round: page.room.vote.round, tally: [...page.room.vote.tally], voters: page.room.vote.voters }
        : null;
    },
    get decisions() {
      return (page.room?.decisions ?? []).map((d) => ({ ...d }));
    },
    get refused() {
      return { ...(page.room?.refused ?? {}) };
    },
    get ghostTick() {
      return page.ghost?.tick ?? 0;
    },
    get markers() {
      return markers().map((m) => ({ tick: m.tick, label: m.label }));
    },
    series: (name: string) => Array.from(get(name).subarray(0, page.tick)),
    /** Every series as raw bytes (base64), to compare bit for bit. */
    bytes: () =>
      Object.fromEntries(
        page.names.map((n, k) => [
          n,
          btoa(String.fromCharCode(...new Uint8Array(page.series[k]!.buffer, 0, page.tick * 8))),
        ]),
      ),
  },
});
