/**
 * The workshop server: the built page over HTTP, and one room over WebSocket (/ws) where phones join a live
 * run and vote on the next intervention, with the facilitator in control.
 *
 * - The run lives here, on a worker thread (simulation.ts); the facilitator's page draws what the server
 *   sends (frames.ts), the phones get a few numbers each (views.ts). A phone never runs the model, and the
 *   room does not stop when a page is closed, reloaded or sent to the background.
 * - Only a connection that proved the facilitator's token may play, pause, open or close a vote, remove a
 *   participant or close the room (sockets.ts, actions.ts). The token is in the facilitator's link (printed
 *   in the terminal), never on the shared screen.
 * - Every message is size-checked, rate-limited and validated (src/room/protocol.ts) before anything acts on
 *   it; refusals are counted and shown to the facilitator; nothing a participant sends reaches the file
 *   system (the replay file's path is the facilitator's, chosen on the command line).
 * - A vote pauses the run; the room's decision is a change of live parameters applied on the day the run
 *   stopped, recorded as an intervention, written to the replay file at once; then the run plays on.
 *
 * This class starts and stops it all and runs the clock; the state is one WorkshopState (state.ts).
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { SERIES_INDEX } from '../src/metrics/series.ts';
import { LIMITS, type Phase, type RoomView } from '../src/room/protocol.ts';
import type { Room } from '../src/room/room.ts';
import type { Connection, UnjoinedSockets } from './connection.ts';
import { LiveSimulation } from './simulation.ts';
import { serveSite } from './site.ts';
import { lanAddress } from './address.ts';
import { WorkshopState, type WorkshopOptions } from './state.ts';
import { beat, upgrade } from './sockets.ts';
import { closeRoom } from './actions.ts';
import { sendStep } from './frames.ts';
import { writeReplay } from './replay-file.ts';
import { changed, notice, phase, roomView, updatePhones } from './views.ts';

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
