/**
 * The workshop's state, in one place: the room (src/room/room.ts), the run (simulation.ts), the sockets and
 * the few flags and timers that tie them together. The other modules of the server are functions of it:
 * sockets.ts (connections, the facilitator's key, joining), actions.ts (what the facilitator may do, the
 * vote and its decision), views.ts (what each side is told), frames.ts (the run's numbers), replay-file.ts.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Scenario } from '../src/scenario/schema.ts';
import { LIVE_EVENTS } from '../src/live-events.ts';
import { LIMITS, ROOM_ALPHABET } from '../src/room/protocol.ts';
import { Room } from '../src/room/room.ts';
import { UnjoinedSockets, type Connection } from './connection.ts';
import type { LiveSimulation } from './simulation.ts';
import type { Site } from './site.ts';

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

export class WorkshopState {
  readonly code: string;
  readonly token: string;
  readonly room: Room;
  readonly replayFile: string;
  readonly log: ((line: string) => void) | undefined;
  joinUrl = '';
  playing = false;
  speed = 10;
  /** Connections the server closed: oversized frames, floods, silence, too many connections. */
  dropped = 0;
  readonly connections = new Set<Connection>();
  /** Each seated participant's socket, by participant id. */
  readonly phones = new Map<number, Connection>();
  /** Sockets not joined yet: capped apart from the room (connection.ts, UNJOINED). */
  readonly unjoined = new UnjoinedSockets();
  voteTimer: NodeJS.Timeout | undefined;
  roomTimer: NodeJS.Timeout | undefined;
  /** The run's clock (workshop.ts, loop): when it last ticked, and the days owed to it. */
  last = performance.now();
  budget = 0;
  /** An advance of the run is under way. */
  stepping = false;
  /** The room's decision is being applied. */
  deciding = false;
  /** Whether the run plays on once the vote is decided. */
  playAfterVote = false;
  lastPhones = 0;
  lastAgents = 0;
  /** Why the run stopped, if it failed. */
  failed: string | undefined;

  constructor(
    readonly sim: LiveSimulation,
    opts: WorkshopOptions,
  ) {
    this.code = opts.code ?? Array.from({ length: 4 }, () => ROOM_ALPHABET[randomInt(ROOM_ALPHABET.length)]).join('');
    this.token = randomBytes(24).toString('base64url');
    this.replayFile = opts.replayFile(this.code);
    this.log = opts.log;
    this.room = new Room({
      code: this.code,
      maxParticipants: opts.maxParticipants ?? LIMITS.participants,
      events: LIVE_EVENTS,
      org: sim.layout,
      secret: () => randomBytes(18).toString('base64url'),
    });
  }
}
