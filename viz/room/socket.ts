/**
 * The room's WebSocket for a page: same host as the page, reconnected after a drop (a phone that locks its
 * screen, a wifi hiccup) with a growing delay, until the page says stop (removed, room closed). On each
 * (re)connection `hello()` says who the page is, so the server takes it back where it was.
 */
export type Status = 'connecting' | 'open' | 'lost' | 'stopped';

export class RoomSocket<In> {
  private ws: WebSocket | undefined;
  private attempts = 0;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hello: () => unknown,
    private readonly onMessage: (m: In) => void,
    private readonly onStatus: (s: Status) => void,
  ) {}

  connect(): void {
    this.stopped = false;
    clearTimeout(this.retry);
    this.onStatus('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      this.attempts = 0;
      this.onStatus('open');
      ws.send(JSON.stringify(this.hello()));
    });
    ws.addEventListener('message', (e) => {
      if (typeof e.data !== 'string') return;
      let m: In;
      try {
        m = JSON.parse(e.data) as In;
      } catch {
        return;
      }
      this.onMessage(m);
    });
    ws.addEventListener('close', () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      if (this.stopped) return;
      this.onStatus('lost');
      const delay = Math.min(5000, 500 * 2 ** this.attempts++);
      this.retry = setTimeout(() => this.connect(), delay);
    });
  }

  send(message: unknown): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /** No more reconnections (the server said goodbye). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.ws?.close();
    this.ws = undefined;
    this.onStatus('stopped');
  }
}
