/**
 * The workshop server: the built page over HTTP, and one room over WebSocket (/ws) where phones join a live
 * run and vote on the next intervention, with the facilitator in control.
 *
 * - The run lives here, on a worker thread (simulation.ts); the facilitator's page draws what the server
 *   sends, the phones get a few numbers each. A phone never runs the model, and the room does not stop when
 *   a page is closed, reloaded or sent to the background.
 * - Only a connection that proved the facilitator's token may play, pause, open or close a vote, remove a
 *   participant or close the room. The token is in the facilitator's link (printed in the terminal), never
 *   on the shared screen.
 * - Every message is size-checked, rate-limited and validated (src/room/protocol.ts) before anything acts on
 *   it; refusals are counted and shown to the facilitator; nothing a participant sends reaches the file
 *   system (the replay file's path is the facilitator's, chosen on the command line).
 * - A vote pauses the run; the room's decision is a change of live parameters applied on the day the run
 *   stopped, recorded as an intervention, written to the replay file at once; then the run plays on.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Scenario } from '../src/scenario/schema.ts';
import { LIVE_EVENTS } from '../src/live-events.ts';
import { SERIES_INDEX, SERIES_NAMES } from '../src/metrics/series.ts';
import { LIMITS, ROOM_ALPHABET, parseClientMessage, type ClientMessage, type EncodedAgents, type FacilitatorAction, type Phase, type RoomView, type SeriesChunk, type ToPhone } from '../src/room/protocol.ts';
import { Room, RoomError, decisionLabel, optionView, type Participant } from '../src/room/room.ts';
import { personalNumbers } from '../src/room/roles.ts';
import { replayText } from '../cli/replay.ts';
import { writeAtomic } from '../cli/files.ts';
import { Connection, MAX_FLOODS, UnjoinedSockets, addressKey } from './connection.ts';
import { LiveSimulation, type Step } from './simulation.ts';
import { serveSite, type Site } from './site.ts';
import { lanAddress, qrMatrix } from './address.ts';

export interface WorkshopOptions {
  scenario: Scenario;
  seed: number;
  site: Site;
  /** Where to listen: '0.0.0.0' (every interface: the local network) by default. */
  host?: string;
  /** 0: any free port. */
  port?: number;
  maxParticipants?: number;
  /** Where the replay is written after each decision (a path chosen by the facilitator, not by a phone). */
  replayFile: (code: string) => string;
  /** The address in the join link and QR code (default: this machine's local-network address). */
  publicHost?: string;
  /** Tests fix the room code. */
  code?: string;
  heartbeatMs?: number;
  log?: (line: string) => void;
}

const WS_PATH = '/ws';
const TICK_MS = 100;
/** Phones' numbers at most once a second; the facilitator's organization view at most 5 times. */
const PHONE_EVERY_MS = 1000;
const AGENTS_EVERY_MS = 200;
const ROOM_EVERY_MS = 200;

const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

export class Workshop {
  readonly code: string;
  readonly token: string;
  readonly room: Room;
  readonly replayFile: string;
  url = '';
  joinUrl = '';
  facilitatorUrl = '';
  playing = false;
  speed = 10;
  /** Connections the server closed: oversized frames, floods, silence, too many connections. */
  dropped = 0;
  private readonly connections = new Set<Connection>();
  private readonly phones = new Map<number, Connection>();
  /** Sockets not joined yet: capped apart from the room (connection.ts, UNJOINED). */
  readonly unjoined = new UnjoinedSockets();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private voteTimer: NodeJS.Timeout | undefined;
  private roomTimer: NodeJS.Timeout | undefined;
  private last = performance.now();
  private budget = 0;
  private stepping = false;
  private deciding = false;
  private playAfterVote = false;
  private lastPhones = 0;
  private lastAgents = 0;
  private failed: string | undefined;

  private constructor(
    readonly sim: LiveSimulation,
    private readonly opts: WorkshopOptions,
  ) {
    this.code = opts.code ?? Array.from({ length: 4 }, () => ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)]).join('');
    this.token = randomBytes(24).toString('base64url');
    this.replayFile = opts.replayFile(this.code);
    this.room = new Room({
      code: this.code,
      maxParticipants: opts.maxParticipants ?? LIMITS.participants,
      events: LIVE_EVENTS,
      org: sim.layout,
      secret: () => randomBytes(18).toString('base64url'),
    });
    this.http = createServer((req, res) => serveSite(opts.site, req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.frameBytes, perMessageDeflate: false });
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  static async start(opts: WorkshopOptions): Promise<Workshop> {
    const sim = await LiveSimulation.start(opts.scenario, opts.seed);
    const w = new Workshop(sim, opts);
    try {
      w.writeReplay();
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
    this.joinUrl = `http://${publicHost}:${port}/join#${this.code}`;
    this.facilitatorUrl = `${this.url}room#key=${this.token}`;
    this.timer = setInterval(() => this.loop(), TICK_MS);
    this.heartbeat = setInterval(() => this.beat(), this.opts.heartbeatMs ?? 15_000);
  }

  // --- Connections.

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
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
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws, addressKey(req.socket.remoteAddress)));
  }

  private connect(ws: WebSocket, address: string): void {
    const now = performance.now();
    const conn = new Connection(ws, now, address);
    ws.on('error', (e: Error & { code?: string }) => {
      // ws reports a frame over maxPayload here, then closes the socket (1009).
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.room.count('oversized');
        this.dropped++;
        this.roomChanged();
      }
    });
    // Until it joins, a socket counts against the caps of unjoined sockets, never against the room's seats.
    const admitted = this.unjoined.admit(conn);
    if (!admitted.ok) {
      this.dropped++;
      conn.close(1013, 'Too many connections: try again in a moment.');
      return;
    }
    if (admitted.evict) {
      this.dropped++;
      admitted.evict.close(1013, 'Too many connections: try again in a moment.');
    }
    this.connections.add(conn);
    const hello = setTimeout(() => {
      if (conn.kind === 'new') {
        this.dropped++;
        conn.close(1008, 'Nothing was said: join with the room code.');
      }
    }, LIMITS.helloMs);
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => this.receive(conn, data, isBinary));
    ws.on('close', () => {
      clearTimeout(hello);
      this.connections.delete(conn);
      this.unjoined.remove(conn);
      if (conn.kind === 'participant' && this.phones.get(conn.participant) === conn) {
        this.phones.delete(conn.participant);
        const p = this.room.get(conn.participant);
        if (p) p.connected = false;
        this.roomChanged();
      }
    });
  }

  /** Every 15 s: a socket that did not answer the last ping is gone (a phone that lost the network). */
  private beat(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  private receive(conn: Connection, data: RawData, isBinary: boolean): void {
    // A socket being closed (evicted, refused, replaced) is heard no more: it cannot join on its way out.
    if (!conn.open) return;
    const now = performance.now();
    if (!conn.allow(now)) {
      this.room.count('flood');
      this.roomChanged();
      if (conn.floods >= MAX_FLOODS) {
        this.dropped++;
        conn.close(1008, 'Too many messages.');
      } else conn.answer('flood', `too many messages: at most ${conn.kind === 'facilitator' ? LIMITS.facilitatorPerSecond : LIMITS.perSecond} a second`, now);
      return;
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    const parsed = isBinary ? ({ ok: false, refusal: 'malformed', reason: 'message refused: expected text (one JSON object)' } as const) : parseClientMessage(bytes);
    if (!parsed.ok) {
      this.refuse(conn, parsed.refusal, parsed.reason, now);
      return;
    }
    try {
      this.handle(conn, parsed.message, now);
    } catch (e) {
      // A rule of the room said no (a vote already open, say): the facilitator is told; nothing changed.
      if (e instanceof RoomError) this.refuse(conn, 'rejected', e.message, now);
      else throw e;
    }
  }

  private refuse(conn: Connection, refusal: Parameters<Room['count']>[0], reason: string, now: number): void {
    this.room.count(refusal);
    conn.answer(refusal, reason, now);
    this.roomChanged();
  }

  private handle(conn: Connection, m: ClientMessage, now: number): void {
    switch (m.t) {
      case 'host': return this.host(conn, m.token, now);
      case 'join': return this.join(conn, m.room, m.name, now);
      case 'resume': return this.resume(conn, m.room, m.secret, now);
      case 'vote': {
        if (conn.kind !== 'participant') return this.refuse(conn, conn.kind === 'new' ? 'notJoined' : 'unauthorized', 'Only participants vote: join the room first.', now);
        const r = this.room.castVote(conn.participant, m.round, m.option);
        if (!r.ok) return this.refuse(conn, 'rejected', r.reason, now);
        conn.send({ t: 'voted', round: m.round, option: m.option });
        this.roomChanged();
        return;
      }
      default:
        if (conn.kind !== 'facilitator') return this.refuse(conn, 'unauthorized', "Only the facilitator's page can do that.", now);
        return this.act(conn, m);
    }
  }

  private host(conn: Connection, token: string, now: number): void {
    const given = Buffer.from(token);
    const expected = Buffer.from(this.token);
    if (conn.kind === 'participant' || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      conn.badTokens++;
      this.refuse(conn, 'badToken', "This is not the facilitator's key.", now);
      if (conn.badTokens >= 3) {
        this.dropped++;
        conn.close(1008, 'Wrong key.');
      }
      return;
    }
    conn.promote(now);
    this.unjoined.remove(conn);
    this.sync(conn);
  }

  private join(conn: Connection, code: string, name: string, now: number): void {
    if (conn.kind !== 'new') return this.refuse(conn, 'rejected', 'This page has already joined.', now);
    if (code !== this.code) return this.refuse(conn, 'wrongRoom', `There is no room ${code} here: check the code on the shared screen.`, now);
    const r = this.room.join(name);
    if (!r.ok) {
      this.room.count(r.refusal);
      conn.send({ t: 'bye', reason: this.room.closed ? 'closed' : 'full', text: r.reason });
      conn.close(1000, 'Refused.');
      this.roomChanged();
      return;
    }
    this.seat(conn, r.participant);
  }

  private resume(conn: Connection, code: string, secret: string, now: number): void {
    if (conn.kind !== 'new') return this.refuse(conn, 'rejected', 'This page has already joined.', now);
    if (code !== this.code) {
      // The phone remembers a room of an earlier workshop: it forgets it and shows the join form.
      this.room.count('wrongRoom');
      conn.send({ t: 'bye', reason: 'wrongRoom', text: `Room ${code} is not open here any more.` });
      return;
    }
    const p = this.room.resume(secret);
    if (!p) {
      this.room.count('notJoined');
      conn.send({ t: 'bye', reason: 'unknown', text: this.room.closed ? 'This workshop is over: the room is closed.' : 'Your place in the room was not kept: join again.' });
      return;
    }
    const before = this.phones.get(p.id);
    if (before && before !== conn) {
      before.kind = 'new'; // its close must not mark the participant away
      before.send({ t: 'bye', reason: 'replaced', text: 'You opened the room on another page.' });
      before.close(1000, 'Replaced.');
    }
    this.seat(conn, p);
  }

  private seat(conn: Connection, p: Participant): void {
    this.unjoined.remove(conn);
    conn.kind = 'participant';
    conn.participant = p.id;
    p.connected = true;
    this.phones.set(p.id, conn);
    conn.send({ t: 'welcome', id: p.id, secret: p.secret, name: p.name, room: this.code, role: p.card });
    conn.send(this.phoneState(p));
    this.roomChanged();
  }

  private act(conn: Connection, m: FacilitatorAction): void {
    switch (m.t) {
      case 'play':
        if (this.room.closed) throw new RoomError('The room is closed.');
        if (this.room.vote) throw new RoomError('A vote is open: close it first, the run plays on after it.');
        if (this.sim.done) throw new RoomError('The run has reached its horizon.');
        this.playing = true;
        // Pressed while the last decision is being applied: the run plays on after it too.
        this.playAfterVote = true;
        break;
      case 'pause':
        this.playing = false;
        this.playAfterVote = false;
        break;
      case 'speed':
        this.speed = m.days;
        break;
      case 'open-vote': {
        if (this.sim.done) throw new RoomError('The run has reached its horizon: no day is left for a decision.');
        if (this.deciding) throw new RoomError('The last vote is still being applied.');
        const vote = this.room.openVote(m.options, m.seconds, Date.now());
        this.playAfterVote = this.playing;
        this.playing = false;
        this.voteTimer = setTimeout(() => void this.decide(), m.seconds * 1000);
        this.opts.log?.(`vote ${vote.round} open for ${m.seconds} s: ${vote.options.map((o) => o.label).join(' / ')}`);
        break;
      }
      case 'close-vote':
        void this.decide();
        return;
      case 'cancel-vote':
        clearTimeout(this.voteTimer);
        if (this.room.cancelVote()) {
          this.playing = this.playAfterVote;
          this.broadcast({ t: 'notice', text: 'The vote was cancelled: nothing changes.' });
        }
        break;
      case 'kick': {
        const p = this.room.kick(m.participant);
        if (!p) throw new RoomError(`There is no participant ${m.participant}.`);
        const c = this.phones.get(p.id);
        this.phones.delete(p.id);
        if (c) {
          c.kind = 'new';
          c.send({ t: 'bye', reason: 'kicked', text: 'The facilitator has removed you from the room.' });
          c.close(1000, 'Removed.');
        }
        break;
      }
      case 'replay':
        conn.send({ t: 'replay', file: this.replayFile.split(/[\\/]/).pop()!, text: this.replayText() });
        return;
      case 'close':
        void this.closeRoom();
        return;
    }
    this.changed();
  }

  // --- The vote and its decision.

  /** Count the open vote, apply the winner as a live change, record it, and play on. */
  private async decide(): Promise<void> {
    clearTimeout(this.voteTimer);
    if (this.deciding) return;
    const outcome = this.room.closeVote();
    if (!outcome) return;
    this.deciding = true;
    try {
      if (outcome.winner < 0) {
        this.broadcast({ t: 'notice', text: `Vote ${outcome.round}: nobody voted, nothing changes.` });
      } else {
        const event = outcome.options[outcome.winner]!;
        const set = event.change(this.sim.params);
        const tick = await this.sim.intervene(set, decisionLabel(outcome.round, event.label));
        const d = this.room.record(outcome, tick, set);
        this.writeReplay();
        this.opts.log?.(`vote ${d.round}: ${d.title} (${outcome.counts[outcome.winner]} of ${outcome.voters} votes), from day ${d.tick}`);
        this.sendStep({ from: this.sim.tick, to: this.sim.tick, ghost: await this.sim.catchUpGhost() });
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.broadcast({ t: 'notice', text: `Vote ${outcome.round}: the room's choice could not be applied: ${why}` });
    } finally {
      this.deciding = false;
    }
    if (!this.sim.done && !this.room.closed) this.playing = this.playAfterVote;
    this.changed();
  }

  // --- The run.

  private loop(): void {
    const now = performance.now();
    const dt = now - this.last;
    this.last = now;
    if (!this.playing || this.stepping || this.sim.done || this.room.closed) {
      if (!this.stepping) this.budget = 0;
      return;
    }
    this.budget = Math.min(this.budget + (dt / 1000) * this.speed, Math.max(1, this.speed / 2));
    const n = Math.floor(this.budget);
    if (n < 1) return;
    this.budget -= n;
    this.stepping = true;
    this.sim
      .advance(n)
      .then((step) => {
        this.sendStep(step);
        if (this.sim.done) {
          this.playing = false;
          this.opts.log?.(`the run reached its horizon (day ${this.sim.tick})`);
          this.changed();
        } else if (performance.now() - this.lastPhones >= PHONE_EVERY_MS) this.updatePhones();
      })
      .catch((e: unknown) => this.fail(e))
      .finally(() => (this.stepping = false));
  }

  private fail(e: unknown): void {
    this.failed = e instanceof Error ? e.message : String(e);
    this.playing = false;
    this.opts.log?.(`the run stopped: ${this.failed}`);
    this.broadcast({ t: 'notice', text: `The run stopped: ${this.failed}` });
  }

  private chunk(series: Float64Array[], from: number, to: number): SeriesChunk {
    const n = to - from;
    const data = new Float64Array(series.length * n);
    for (let k = 0; k < series.length; k++) data.set(series[k]!.subarray(from, to), k * n);
    return { from, to, data: base64(data) };
  }

  private agents(): EncodedAgents | null {
    const a = this.sim.agents;
    return a ? { tick: a.tick, state: base64(a.state), contributions: base64(a.contributions), groupShare: base64(a.groupShare) } : null;
  }

  /** What the last advance added, to every facilitator's page. */
  private sendStep(step: Step): void {
    const now = performance.now();
    const withAgents = this.sim.done || now - this.lastAgents >= AGENTS_EVERY_MS;
    if (withAgents) this.lastAgents = now;
    const g = this.sim.ghost;
    const message = {
      t: 'frame' as const,
      tick: this.sim.tick,
      done: this.sim.done,
      main: this.chunk(this.sim.series, step.from, step.to),
      ghost: step.ghost && g ? { ...this.chunk(g.series, step.ghost.from, step.ghost.to), label: g.label, restart: step.ghost.restart } : null,
      agents: withAgents ? this.agents() : null,
    };
    for (const c of this.connections) if (c.kind === 'facilitator') c.send(message);
  }

  /** A facilitator's page that (re)connects gets everything so far. */
  private sync(conn: Connection): void {
    const l = this.sim.layout;
    conn.send({
      t: 'hosted',
      room: this.code,
      joinUrl: this.joinUrl,
      qr: qrMatrix(this.joinUrl),
      scenario: { name: this.sim.scenario.name, description: this.sim.scenario.description, interventions: this.sim.scenario.interventions.slice(0, 200).map((iv) => ({ at: iv.at, label: iv.label })) },
      seed: this.sim.seed,
      horizon: this.sim.horizon,
      seriesNames: [...SERIES_NAMES],
      events: LIVE_EVENTS.map(optionView),
      layout: {
        employees: l.employees, teams: l.teams, departments: l.departments,
        team: base64(l.team), department: base64(l.department), role: base64(l.role),
        groupKind: base64(l.groupKind), groupTopic: base64(l.groupTopic), groupSize: base64(l.groupSize),
      },
      replayFile: this.replayFile,
    });
    const g = this.sim.ghost;
    conn.send({
      t: 'frame',
      tick: this.sim.tick,
      done: this.sim.done,
      main: this.chunk(this.sim.series, 0, this.sim.tick),
      ghost: g ? { ...this.chunk(g.series, 0, g.tick), label: g.label, restart: true } : null,
      agents: this.agents(),
    });
    conn.send(this.roomView());
  }

  // --- What each side is told.

  phase(): Phase {
    if (this.room.closed) return 'closed';
    if (this.room.vote) return 'vote';
    if (this.sim.done) return 'ended';
    if (this.playing) return 'playing';
    return this.sim.tick === 0 ? 'waiting' : 'paused';
  }

  private voteView(): { round: number; options: ReturnType<typeof optionView>[]; endsIn: number } | null {
    const v = this.room.vote;
    return v ? { round: v.round, options: v.options.map(optionView), endsIn: Math.max(0, v.endsAt - Date.now()) } : null;
  }

  private phoneState(p: Participant): ToPhone {
    const t = this.sim.tick - 1;
    const at = (name: string) => (t >= 0 ? this.sim.series[SERIES_INDEX[name]!]![t] : undefined);
    return {
      t: 'state',
      phase: this.phase(),
      tick: this.sim.tick,
      horizon: this.sim.horizon,
      vote: this.voteView(),
      myVote: this.room.vote?.ballots.get(p.id) ?? null,
      decision: this.room.decisions.at(-1) ?? null,
      numbers: personalNumbers(p.card, p.members, this.sim.agents, at),
    };
  }

  private updatePhones(): void {
    this.lastPhones = performance.now();
    for (const [id, c] of this.phones) {
      const p = this.room.get(id);
      if (p && !c.slow) c.send(this.phoneState(p));
    }
  }

  roomView(): RoomView {
    const v = this.voteView();
    const ballots = this.room.vote?.ballots;
    return {
      t: 'room',
      phase: this.phase(),
      speed: this.speed,
      participants: this.room.list().map((p) => ({ id: p.id, name: p.name, connected: p.connected, role: p.card.text, voted: ballots?.has(p.id) ?? false })),
      vote: v ? { ...v, tally: this.room.tally(), voters: ballots!.size } : null,
      decisions: this.room.decisions,
      refused: { ...this.room.refused },
      dropped: this.dropped,
      maxParticipants: this.room.maxParticipants,
    };
  }

  /** The facilitator's view, at most 5 times a second (votes and joins can come in bursts). */
  private roomChanged(): void {
    if (this.roomTimer) return;
    this.roomTimer = setTimeout(() => {
      this.roomTimer = undefined;
      const view = this.roomView();
      for (const c of this.connections) if (c.kind === 'facilitator') c.send(view);
    }, ROOM_EVERY_MS);
  }

  /** The phase changed: everyone is told at once. */
  private changed(): void {
    this.updatePhones();
    const view = this.roomView();
    for (const c of this.connections) if (c.kind === 'facilitator') c.send(view);
  }

  private broadcast(message: { t: 'notice'; text: string }): void {
    for (const c of this.connections) if (c.kind === 'facilitator') c.send(message);
  }

  // --- The replay file and the end.

  private replayText(): string {
    return replayText(this.code, this.sim.scenario, this.sim.seed, this.room.decisions);
  }

  private writeReplay(): void {
    writeAtomic(this.replayFile, [this.replayText()]);
  }

  /** The facilitator ends the workshop: the replay is written, the phones are told, the run stops. */
  async closeRoom(): Promise<void> {
    if (this.room.closed) return;
    clearTimeout(this.voteTimer);
    this.room.cancelVote();
    this.room.closed = true;
    this.playing = false;
    this.writeReplay();
    for (const [, c] of this.phones) {
      c.send({ t: 'bye', reason: 'closed', text: 'The workshop is over. Thank you for taking part!' });
      c.kind = 'new';
      c.close(1000, 'Closed.');
    }
    this.phones.clear();
    for (const c of this.connections) if (c.kind === 'facilitator') c.send({ t: 'closed', replayFile: this.replayFile });
    this.changed();
    this.opts.log?.(`the room is closed; the replay is in ${this.replayFile}`);
  }

  /** Stop everything: sockets, timers, the worker thread. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    clearTimeout(this.voteTimer);
    clearTimeout(this.roomTimer);
    if (!this.room.closed) this.writeReplay();
    for (const c of this.connections) c.ws.terminate();
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
    return this.failed;
  }
}
