/**
 * One WebSocket of the workshop, as the server sees it: who is behind it (nobody yet, a participant, the
 * facilitator), its rate limit, and how refusals are answered. A refusal is counted every time; it is
 * answered at most twice a second, so that a flood does not turn into a flood of answers.
 */
import type { WebSocket } from 'ws';
import { TokenBucket } from '../src/room/rate.ts';
import { LIMITS, type Refusal, type ToFacilitator, type ToPhone } from '../src/room/protocol.ts';

/** Beyond this many unsent bytes a client is too slow: updates it can do without are skipped. */
const SLOW_BYTES = 1 << 20;
/** Beyond this, it is dropped (its page reconnects and is sent the whole state again). */
const STUCK_BYTES = 32 << 20;
/** Floods refused in a row before the connection is closed. */
export const MAX_FLOODS = 100;

/**
 * Sockets that have not joined the room (nor proved the facilitator's key) have caps of their own, smaller
 * than the room: per address (or IPv6 /64), and overall. Seated participants and the facilitator's pages are
 * outside them, so silent sockets, however many, never take a seated participant's place nor the room's.
 */
export const UNJOINED = { perAddress: 16, total: 64 } as const;

/** The address a cap counts by: IPv4 as is, IPv6 by its /64 (one machine may hold a whole /64). */
export function addressKey(remote: string | undefined): string {
  const a = (remote ?? '?').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('::');
  const groups = [
    ...head.split(':').filter(Boolean),
    ...Array(Math.max(0, 8 - head.split(':').filter(Boolean).length - tail.split(':').filter(Boolean).length)).fill(
      '0',
    ),
    ...tail.split(':').filter(Boolean),
  ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The unjoined sockets, by address. A newcomer over its address's cap is refused; over the overall cap,
 * the oldest unjoined socket of the address that holds the most is closed to make room, unless that
 * address holds no more than the newcomer's own (then the newcomer is refused): one address, or many,
 * cannot lock out the phones of the others.
 */
export class UnjoinedSockets {
  private readonly byAddress = new Map<string, Connection[]>();
  private count = 0;

  constructor(private readonly caps: { perAddress: number; total: number } = UNJOINED) {}

  get size(): number {
    return this.count;
  }

  /** The largest number held by one address (for tests and the bench). */
  get largest(): number {
    let n = 0;
    for (const list of this.byAddress.values()) n = Math.max(n, list.length);
    return n;
  }

  /** Take `conn` in, or say why not; `evict` is a socket to close to make room for it. */
  admit(conn: Connection): { ok: true; evict?: Connection } | { ok: false } {
    const mine = this.byAddress.get(conn.address) ?? [];
    if (mine.length >= this.caps.perAddress) return { ok: false };
    let evict: Connection | undefined;
    if (this.count >= this.caps.total) {
      let greediest: Connection[] = [];
      for (const list of this.byAddress.values()) if (list.length > greediest.length) greediest = list;
      // Only an address holding more than the newcomer's gives way (many addresses of one socket each too).
      if (greediest === mine || greediest.length <= mine.length) return { ok: false };
      evict = greediest[0];
      this.remove(evict!);
    }
    mine.push(conn);
    this.byAddress.set(conn.address, mine);
    this.count++;
    return evict ? { ok: true, evict } : { ok: true };
  }

  /** `conn` joined, hosted or closed: it no longer counts. */
  remove(conn: Connection): void {
    const list = this.byAddress.get(conn.address);
    const i = list ? list.indexOf(conn) : -1;
    if (i < 0) return;
    list!.splice(i, 1);
    if (list!.length === 0) this.byAddress.delete(conn.address);
    this.count--;
  }
}

export class Connection {
  kind: 'new' | 'participant' | 'facilitator' = 'new';
  participant = 0;
  alive = true;
  floods = 0;
  badTokens = 0;
  private bucket: TokenBucket;
  private lastAnswer = -Infinity;

  constructor(
    readonly ws: WebSocket,
    now: number,
    /** addressKey() of the peer: what the caps on unjoined sockets count by. */
    readonly address = '?',
  ) {
    this.bucket = new TokenBucket(LIMITS.perSecond, LIMITS.burst, now);
  }

  /** Once the facilitator has proved the token, its page may send a little more. */
  promote(now: number): void {
    this.kind = 'facilitator';
    this.bucket = new TokenBucket(LIMITS.facilitatorPerSecond, LIMITS.facilitatorBurst, now);
  }

  /** False when this message is over the rate limit. */
  allow(now: number): boolean {
    const ok = this.bucket.take(now);
    this.floods = ok ? 0 : this.floods + 1;
    return ok;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  get slow(): boolean {
    return this.ws.bufferedAmount > SLOW_BYTES;
  }

  send(message: ToPhone | ToFacilitator): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > STUCK_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(JSON.stringify(message));
  }

  /** Tell the client why its message was refused (not more than twice a second). */
  answer(refusal: Refusal, reason: string, now: number): void {
    if (now - this.lastAnswer < 500) return;
    this.lastAnswer = now;
    this.send({ t: 'refused', refusal, reason });
  }

  /** Close with a WebSocket status and a short reason (at most 123 bytes). */
  close(code: number, reason: string): void {
    if (this.open) this.ws.close(code, reason.slice(0, 120));
  }
}
