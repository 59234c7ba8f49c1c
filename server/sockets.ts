/**
 * The workshop's WebSockets: who may connect (the path, the page's origin, the caps on sockets that have not
 * joined), heartbeats, and every message size-checked, rate-limited and validated (src/room/protocol.ts)
 * before anything acts on it; refusals are counted and shown to the facilitator. Then the message is routed:
 * the facilitator's key (compared in constant time), a phone joining or coming back, a vote, or one of the
 * facilitator's actions (actions.ts), which only a connection that proved the key may send.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { LIMITS, parseClientMessage, type ClientMessage } from '../src/room/protocol.ts';
import { RoomError, type Participant, type Room } from '../src/room/room.ts';
import { Connection, MAX_FLOODS, addressKey } from './connection.ts';
import type { WorkshopState } from './state.ts';
import { act } from './actions.ts';
import { sync } from './frames.ts';
import { phoneState, roomChanged } from './views.ts';

const WS_PATH = '/ws';

/** A WebSocket is opened only at /ws, and only by a page of this site. */
export function upgrade(
  s: WorkshopState,
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
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
    } else
      conn.answer(
        'flood',
        `too many messages: at most ` +
          `${conn.kind === 'facilitator' ? LIMITS.facilitatorPerSecond : LIMITS.perSecond} a second`,
        now,
      );
    return;
  }
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  const parsed = isBinary
    ? ({ ok: false, refusal: 'malformed', reason: 'message refused: expected text (one JSON object)' } as const)
    : parseClientMessage(bytes);
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

function refuse(
  s: WorkshopState,
  conn: Connection,
  refusal: Parameters<Room['count']>[0],
  reason: string,
  now: number,
): void {
  s.room.count(refusal);
  conn.answer(refusal, reason, now);
  roomChanged(s);
}

function route(s: WorkshopState, conn: Connection, m: ClientMessage, now: number): void {
  switch (m.t) {
    case 'host':
      return host(s, conn, m.token, now);
    case 'join':
      return join(s, conn, m.room, m.name, now);
    case 'resume':
      return resume(s, conn, m.room, m.secret, now);
    case 'vote': {
      if (conn.kind !== 'participant')
        return refuse(
          s,
          conn,
          conn.kind === 'new' ? 'notJoined' : 'unauthorized',
          'Only participants vote: join the room first.',
          now,
        );
      const r = s.room.castVote(conn.participant, m.round, m.option);
      if (!r.ok) return refuse(s, conn, 'rejected', r.reason, now);
      conn.send({ t: 'voted', round: m.round, option: m.option });
      roomChanged(s);
      return;
    }
    default:
      if (conn.kind !== 'facilitator')
        return refuse(s, conn, 'unauthorized', "Only the facilitator's page can do that.", now);
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
  if (code !== s.code)
    return refuse(s, conn, 'wrongRoom', `There is no room ${code} here: check the code on the shared screen.`, now);
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
    conn.send({
      t: 'bye',
      reason: 'unknown',
      text: s.room.closed
        ? 'This workshop is over: the room is closed.'
        : 'Your place in the room was not kept: join again.',
    });
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
