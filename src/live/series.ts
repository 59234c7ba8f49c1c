/**
 * The series of a live run and of its ghost, whole-horizon, filled as frames come from the worker
 * (src/live/session.ts): what the page's live view (viz/live.ts) and the workshop server keep to draw and to send.
 * Pure: no DOM, no Node.
 */
import { SERIES_NAMES, storeFrame } from '../metrics/series.ts';
import type { Frame, GhostFrame } from './session.ts';

export interface GhostSeries {
  series: Float64Array[];
  /** Days stored so far. */
  tick: number;
  /** The change the ghost is without: its label and number (1 for the run's first). */
  label: string;
  change: number;
}

/** What a frame added: days [from, to) of the run, and of the ghost (restart: it began again at day 0). */
export interface Step {
  from: number;
  to: number;
  ghost: { from: number; to: number; restart: boolean } | null;
}

const newSeries = (horizon: number) => SERIES_NAMES.map(() => new Float64Array(horizon));

export class LiveSeries {
  readonly series: Float64Array[];
  tick = 0;
  done = false;
  /** The ghost, once its first days have come (undefined before, and from a new change until then). */
  ghost: GhostSeries | undefined;
  /** The latest change known here: from the frames, or from the answer to the change (whichever came first). */
  private latest = 0;

  constructor(readonly horizon: number) {
    this.series = newSeries(horizon);
  }

  /** Store a frame of the run (and its ghost's days). */
  store(frame: Frame): Step {
    const from = this.tick;
    storeFrame(this.series, frame);
    this.tick = frame.to;
    this.done = frame.done;
    return { from, to: this.tick, ghost: this.storeGhost(frame.ghost) };
  }

  /**
   * Store the ghost's days: a restart begins a new ghost; days of a ghost without an earlier change (a frame sent
   * before the change that replaced it) are left out.
   */
  storeGhost(frame: GhostFrame | null): Step['ghost'] {
    if (!frame || frame.change < this.latest || (!frame.restart && !this.ghost)) return null;
    this.latest = frame.change;
    if (frame.restart)
      this.ghost = { series: newSeries(this.horizon), tick: 0, label: frame.label, change: frame.change };
    const g = this.ghost!;
    storeFrame(g.series, frame);
    g.tick = frame.to;
    return { from: frame.from, to: frame.to, restart: frame.restart };
  }

  /**
   * Change number `n` was made (its answer came): the ghost starts again without it, its days coming with the next
   * frames, unless they came already (frames and the answer can cross).
   */
  changed(n: number): void {
    if (n <= this.latest) return;
    this.latest = n;
    this.ghost = undefined;
  }

  /** A change was made and its ghost's first days have not come yet. */
  get ghostPending(): boolean {
    return this.latest > 0 && !this.ghost;
  }
}
