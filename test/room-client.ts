/**
 * A scripted client of the workshop's room (orgsim serve), for the hostile-client test and the bench: it
 * keeps every message it receives and waits for conditions, never for a fixed time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Workshop, type WorkshopOptions } from '../server/workshop.ts';
import { loadSite } from '../server/site.ts';
import { validate } from '../src/scenario/load.ts';

export type Message = { t: string; [k: string]: unknown };

export class Client {
  readonly messages: Message[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
    ws.on('error', () => {});
  }

  /** `localAddress`: the loopback address to connect from (127.x.y.z), as another machine of the room would. */
  static open(url: string, headers: Record<string, string> = {}, localAddress?: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, ...(localAddress ? { localAddress } : {}) });
      const c = new Client(ws);
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message (from `from` on) that matches, once it has arrived. */
  async next(match: (m: Message) => boolean, from = 0, timeoutMs = 30_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.closed)
        throw new Error(
          `closed (${this.closed.code} ${this.closed.reason}) before the message came; got ` +
            `${this.messages.map((m) => m.t).join(', ')}`,
        );
      if (Date.now() > deadline)
        throw new Error(`no such message in ${timeoutMs} ms; got ${this.messages.map((m) => m.t).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async waitClosed(timeoutMs = 30_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('still open');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}

/** Wait until a condition on the server holds. */
export async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A small organization and a long horizon: the run is cheap and does not end while a test or the bench
 * still needs it, so they measure the room, not the model.
 */
export const SMALL_ROOM = validate({
  name: 'workshop test',
  organization: { employees: 300 },
  external: { customers: 60 },
  ticks: 5000,
});

/** A workshop on loopback, any free port, with a stand-in page (the room's tests need no built page). */
export async function startRoom(
  opts: Partial<WorkshopOptions> = {},
): Promise<{ workshop: Workshop; wsUrl: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-room-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>orgsim</title>');
  const workshop = await Workshop.start({
    scenario: SMALL_ROOM,
    seed: 7,
    site: loadSite(dir),
    host: '127.0.0.1',
    port: 0,
    replayFile: (code) => join(dir, `room-${code}.replay.json`),
    ...opts,
  });
  return { workshop, wsUrl: `${workshop.url.replace(/^http/, 'ws')}ws`, dir };
}

/** A participant that has joined: its client and its welcome. */
export async function participant(
  wsUrl: string,
  code: string,
  name: string,
  localAddress?: string,
): Promise<{ client: Client; id: number; secret: string }> {
  const client = await Client.open(wsUrl, {}, localAddress);
  client.send({ t: 'join', room: code, name });
  const w = await client.next((m) => m.t === 'welcome' || m.t === 'bye' || m.t === 'refused');
  if (w.t !== 'welcome') throw new Error(`not welcomed: ${JSON.stringify(w)}`);
  return { client, id: w.id as number, secret: w.secret as string };
}

export async function facilitator(wsUrl: string, token: string): Promise<Client> {
  const client = await Client.open(wsUrl);
  client.send({ t: 'host', token });
  await client.next((m) => m.t === 'hosted');
  return client;
}
