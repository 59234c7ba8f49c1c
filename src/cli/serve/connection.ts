/**
 * One WebSocket of the workshop, as the server sees it: who is behind it (nobody yet, a participant, the
 * facilitator), its rate limit, and how refusals are answered. A refusal is counted every time; it is
 * answered at most twice a second, so that a flood does not turn into a flood of answers.
 */
import type { WebSocket } from 'ws';
import { TokenBucket } from '../../room/rate.ts';
import { LIMITS, type Refusal, type ToFacilitator, type ToPhone } from '../../room/protocol.ts';

/** Beyond this many unsent bytes a client is too slow: updates it can do without are skipped. */
const SLOW_BYTES = 1 << 20;
/** Beyond this, it is dropped (its page reconnects and is sent the whole state again). */
const STUCK_BYTES = 32 << 20;
/** Floods refused in a row before the connection is closed. */
export const MAX_FLOODS = 100;

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
