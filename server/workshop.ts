/**
 * The workshop server: the built page over HTTP, and one room over WebSocket (/ws) where phones join a live
 * run and vote on the next intervention, with the facilitator in control.
 *
 * - The run lives here, on a worker thread (simulation.ts); the facilitator's page draws what the server
 *   sends (frames.ts), the phones get a few numbers each (views.ts). A phone never runs the model, and the
 *   room does not stop when a page is closed, reloaded or sent to the background.
 * - Only a connection that proved the facilitator's token may play, pause, open or close a vote, remove a
 *   participant or close the room (below, actions.ts). The token is in the facilitator's link (printed
 *   in the terminal), never on the shared screen.
 * - Every message is size-checked, rate-limited and validated (src/room/protocol.ts) before anything acts on
 *   it; refusals are counted and shown to the facilitator; nothing a participant sends reaches the file
 *   system (the replay file's path is the facilitator's, chosen on the command line).
 * - A vote pauses the run; the room's decision is a change of live parameters applied on the day the run
 *   stopped, recorded as an intervention, written to the replay file at once; then the run plays on.
 *
 * This class starts and stops it all and runs the clock; the state is one WorkshopState (state.ts).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { LIMITS, parseClientMessage, type ClientMessage, type Phase, type RoomView } from '../src/room/protocol.ts';
import { RoomError, type Participant, type Room } from '../src/room/room.ts';
import { Connection, MAX_FLOODS, addressKey, type UnjoinedSockets } from './connection.ts';
import { LiveSimulation } from './simulation.ts';
import { serveSite } from './site.ts';
import { lanAddress } from './address.ts';
import { WorkshopState, type WorkshopOptions } from './state.ts';
import { act, closeRoom } from './actions.ts';
import { sendStep, sync } from './frames.ts';
import { writeReplay } from './replay-file.ts';
import { changed, notice, phase, phoneState, roomChanged, roomView, updatePhones } from './views.ts';

export type { WorkshopOptions } from './state.ts';

const TICK_MS = 100;
/** Phones' numbers at most once a second. */
const PHONE_EVERY_MS = 1000;

export class Workshop {
  url = '';
  facilitatorUrl = '';
  private readonly s: WorkshopState;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  private constructor(
    readonly sim: LiveSimulation,
    private readonly opts: WorkshopOptions,
  ) {
    this.s = new WorkshopState(sim, opts);
    this.http = createServer((req, res) => serveSite(opts.site, req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.frameBytes, perMessageDeflate: false });
    this.http.on('upgrade', (req, socket, head) => upgrade(this.s, this.wss, req, socket, head));
  }

  static async start(opts: WorkshopOptions): Promise<Workshop> {
    const sim = await LiveSimulation.start(opts.scenario, opts.seed);
    const w = new Workshop(sim, opts);
    try {
      writeReplay(w.s);
      await w.listen();
    } catch (e) {
      await sim.close();
      throw e;
    }
    return w;
  }

  private async listen(): Promise<void> {
    const host = this.opts.host ?? '0.0.0.0';
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port ?? 8787, host, () => resolve());
    });
    const port = (this.http.address() as { port: number }).port;
    const everywhere = host === '0.0.0.0' || host === '::';
    const local = everywhere ? '127.0.0.1' : host;
    const publicHost = this.opts.publicHost ?? (everywhere ? (lanAddress() ?? '127.0.0.1') : host);
    this.url = `http://${local}:${port}/`;
    this.s.joinUrl = `http://${publicHost}:${port}/join#${this.code}`;
    this.facilitatorUrl = `${this.url}room#key=${this.token}`;
    this.timer = setInterval(() => this.loop(), TICK_MS);
    this.heartbeat = setInterval(() => beat(this.s), this.opts.heartbeatMs ?? 15_000);
  }

  /** The clock: while playing, advance the run by the days owed at the chosen speed, one advance at a time. */
  private loop(): void {
    const s = this.s;
    const now = performance.now();
    const dt = now - s.last;
    s.last = now;
    if (!s.playing || s.stepping || s.sim.done || s.room.closed) {
      if (!s.stepping) s.budget = 0;
      return;
    }
    s.budget = Math.min(s.budget + (dt / 1000) * s.speed, Math.max(1, s.speed / 2));
    const n = Math.floor(s.budget);
    if (n < 1) return;
    s.budget -= n;
    s.stepping = true;
    s.sim
      .advance(n)
      .then((step) => {
        sendStep(s, step);
        if (s.sim.done) {
          s.playing = false;
          s.log?.(`the run reached its horizon (day ${s.sim.tick})`);
          changed(s);
        } else if (performance.now() - s.lastPhones >= PHONE_EVERY_MS) updatePhones(s);
      })
      .catch((e: unknown) => this.fail(e))
      .finally(() => (s.stepping = false));
  }

  private fail(e: unknown): void {
    const s = this.s;
    s.failed = e instanceof Error ? e.message : String(e);
    s.playing = false;
    s.log?.(`the run stopped: ${s.failed}`);
    notice(s, `The run stopped: ${s.failed}`);
  }

  get code(): string {
    return this.s.code;
  }

  get token(): string {
    return this.s.token;
  }

  get room(): Room {
    return this.s.room;
  }

  get replayFile(): string {
    return this.s.replayFile;
  }

  get joinUrl(): string {
    return this.s.joinUrl;
  }

  get playing(): boolean {
    return this.s.playing;
  }

  get speed(): number {
    return this.s.speed;
  }

  /** Connections the server closed: oversized frames, floods, silence, too many connections. */
  get dropped(): number {
    return this.s.dropped;
  }

  /** Sockets not joined yet: capped apart from the room (connection.ts, UNJOINED). */
  get unjoined(): UnjoinedSockets {
    return this.s.unjoined;
  }

  /** The seated phones' sockets (a test cuts one to play a lost network). */
  private get phones(): Map<number, Connection> {
    return this.s.phones;
  }

  phase(): Phase {
    return phase(this.s);
  }

  roomView(): RoomView {
    return roomView(this.s);
  }

  /** The facilitator ends the workshop: the replay is written, the phones are told, the run stops. */
  closeRoom(): Promise<void> {
    return closeRoom(this.s);
  }

  /** Stop everything: sockets, timers, the worker thread. */
  async close(): Promise<void> {
    const s = this.s;
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    clearTimeout(s.voteTimer);
    clearTimeout(s.roomTimer);
    if (!s.room.closed) writeReplay(s);
    for (const c of s.connections) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    await this.sim.close();
  }

  /** For tests and the bench: the run's numbers as the room saw them. */
  seriesOf(name: string): Float64Array {
    return this.sim.series[SERIES_INDEX[name]!]!.subarray(0, this.sim.tick);
  }

  get error(): string | undefined {
    return this.s.failed;
  }
}

// --- Connections: who may connect, heartbeats, and each message checked and routed.

const WS_PATH = '/ws';

/** A WebSocket is opened only at /ws, and only by a page of this site. */
export function upgrade(s: WorkshopState, wss: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const path = (req.url ?? '').split(/[?#]/, 1)[0];
  // A page from another site open on a phone may not talk to the room in its name.
  const origin = req.headers.origin;
  let sameOrigin = true;
  if (origin !== undefined) {
    try {
      sameOrigin = new URL(origin).host === req.headers.host;
    } catch {
      sameOrigin = false;
    }
  }
  if (path !== WS_PATH || !sameOrigin) {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => connect(s, ws, addressKey(req.socket.remoteAddress)));
}

function connect(s: WorkshopState, ws: WebSocket, address: string): void {
  const now = performance.now();
  const conn = new Connection(ws, now, address);
  ws.on('error', (e: Error & { code?: string }) => {
    // ws reports a frame over maxPayload here, then closes the socket (1009).
    if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      s.room.count('oversized');
      s.dropped++;
      roomChanged(s);
    }
  });
  // Until it joins, a socket counts against the caps of unjoined sockets, never against the room's seats.
  const admitted = s.unjoined.admit(conn);
  if (!admitted.ok) {
    s.dropped++;
    conn.close(1013, 'Too many connections: try again in a moment.');
    return;
  }
  if (admitted.evict) {
    s.dropped++;
    admitted.evict.close(1013, 'Too many connections: try again in a moment.');
  }
  s.connections.add(conn);
  const hello = setTimeout(() => {
    if (conn.kind === 'new') {
      s.dropped++;
      conn.close(1008, 'Nothing was said: join with the room code.');
    }
  }, LIMITS.helloMs);
  ws.on('pong', () => (conn.alive = true));
  ws.on('message', (data, isBinary) => receive(s, conn, data, isBinary));
  ws.on('close', () => {
    clearTimeout(hello);
    disconnected(s, conn);
  });
}

function disconnected(s: WorkshopState, conn: Connection): void {
  s.connections.delete(conn);
  s.unjoined.remove(conn);
  if (conn.kind === 'participant' && s.phones.get(conn.participant) === conn) {
    s.phones.delete(conn.participant);
    const p = s.room.get(conn.participant);
    if (p) p.connected = false;
    roomChanged(s);
  }
}

/** Every 15 s: a socket that did not answer the last ping is gone (a phone that lost the network). */
export function beat(s: WorkshopState): void {
  for (const c of s.connections) {
    if (!c.alive) {
      c.ws.terminate();
      continue;
    }
    c.alive = false;
    c.ws.ping();
  }
}

function receive(s: WorkshopState, conn: Connection, data: RawData, isBinary: boolean): void {
  // A socket being closed (evicted, refused, replaced) is heard no more: it cannot join on its way out.
  if (!conn.open) return;
  const now = performance.now();
  if (!conn.allow(now)) {
    s.room.count('flood');
    roomChanged(s);
    if (conn.floods >= MAX_FLOODS) {
      s.dropped++;
      conn.close(1008, 'Too many messages.');
    } else conn.answer('flood', `too many messages: at most ${conn.kind === 'facilitator' ? LIMITS.facilitatorPerSecond : LIMITS.perSecond} a second`, now);
    return;
  }
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  const parsed = isBinary ? ({ ok: false, refusal: 'malformed', reason: 'message refused: expected text (one JSON object)' } as const) : parseClientMessage(bytes);
  if (!parsed.ok) {
    refuse(s, conn, parsed.refusal, parsed.reason, now);
    return;
  }
  try {
    route(s, conn, parsed.message, now);
  } catch (e) {
    // A rule of the room said no (a vote already open, say): the facilitator is told; nothing changed.
    if (e instanceof RoomError) refuse(s, conn, 'rejected', e.message, now);
    else throw e;
  }
}

function refuse(s: WorkshopState, conn: Connection, refusal: Parameters<Room['count']>[0], reason: string, now: number): void {
  s.room.count(refusal);
  conn.answer(refusal, reason, now);
  roomChanged(s);
}

function route(s: WorkshopState, conn: Connection, m: ClientMessage, now: number): void {
  switch (m.t) {
    case 'host': return host(s, conn, m.token, now);
    case 'join': return join(s, conn, m.room, m.name, now);
    case 'resume': return resume(s, conn, m.room, m.secret, now);
    case 'vote': {
      if (conn.kind !== 'participant') return refuse(s, conn, conn.kind === 'new' ? 'notJoined' : 'unauthorized', 'Only participants vote: join the room first.', now);
      const r = s.room.castVote(conn.participant, m.round, m.option);
      if (!r.ok) return refuse(s, conn, 'rejected', r.reason, now);
      conn.send({ t: 'voted', round: m.round, option: m.option });
      roomChanged(s);
      return;
    }
    default:
      if (conn.kind !== 'facilitator') return refuse(s, conn, 'unauthorized', "Only the facilitator's page can do that.", now);
      return act(s, conn, m);
  }
}

function host(s: WorkshopState, conn: Connection, token: string, now: number): void {
  const given = Buffer.from(token);
  const expected = Buffer.from(s.token);
  if (conn.kind === 'participant' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    conn.badTokens++;
    refuse(s, conn, 'badToken', "This is not the facilitator's key.", now);
    if (conn.badTokens >= 3) {
      s.dropped++;
      conn.close(1008, 'Wrong key.');
    }
    return;
  }
  conn.promote(now);
  s.unjoined.remove(conn);
  sync(s, conn);
}

function join(s: WorkshopState, conn: Connection, code: string, name: string, now: number): void {
  if (conn.kind !== 'new') return refuse(s, conn, 'rejected', 'This page has already joined.', now);
  if (code !== s.code) return refuse(s, conn, 'wrongRoom', `There is no room ${code} here: check the code on the shared screen.`, now);
  const r = s.room.join(name);
  if (!r.ok) {
    s.room.count(r.refusal);
    conn.send({ t: 'bye', reason: s.room.closed ? 'closed' : 'full', text: r.reason });
    conn.close(1000, 'Refused.');
    roomChanged(s);
    return;
  }
  seat(s, conn, r.participant);
}

function resume(s: WorkshopState, conn: Connection, code: string, secret: string, now: number): void {
  if (conn.kind !== 'new') return refuse(s, conn, 'rejected', 'This page has already joined.', now);
  if (code !== s.code) {
    // The phone remembers a room of an earlier workshop: it forgets it and shows the join form.
    s.room.count('wrongRoom');
    conn.send({ t: 'bye', reason: 'wrongRoom', text: `Room ${code} is not open here any more.` });
    return;
  }
  const p = s.room.resume(secret);
  if (!p) {
    s.room.count('notJoined');
    conn.send({ t: 'bye', reason: 'unknown', text: s.room.closed ? 'This workshop is over: the room is closed.' : 'Your place in the room was not kept: join again.' });
    return;
  }
  const before = s.phones.get(p.id);
  if (before && before !== conn) {
    before.kind = 'new'; // its close must not mark the participant away
    before.send({ t: 'bye', reason: 'replaced', text: 'You opened the room on another page.' });
    before.close(1000, 'Replaced.');
  }
  seat(s, conn, p);
}

function seat(s: WorkshopState, conn: Connection, p: Participant): void {
  s.unjoined.remove(conn);
  conn.kind = 'participant';
  conn.participant = p.id;
  p.connected = true;
  s.phones.set(p.id, conn);
  conn.send({ t: 'welcome', id: p.id, secret: p.secret, name: p.name, room: s.code, role: p.card });
  conn.send(phoneState(s, p));
  roomChanged(s);
}
