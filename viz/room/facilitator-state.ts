/**
 * The facilitator's page state (viz/room/facilitator.ts), in one object: the run and the room as the server sent
 * them, and the run's series (with the ghost run's) read by name.
 */
import { f64 } from './decode.ts';
import type { Marker } from '../live.ts';
import type { AgentSnapshot, Layout } from '../../workers/api.ts';
import type { RoomView, SeriesChunk, VoteOption } from '../../src/room/protocol.ts';

/** The page's state, in one object: the run and the room as the server sent them; the page draws from it. */
export interface FacilitatorState {
  names: string[];
  index: Record<string, number>;
  series: Float64Array[];
  ghost: { series: Float64Array[]; tick: number; label: string } | undefined;
  horizon: number;
  tick: number;
  done: boolean;
  layout: Layout | undefined;
  agents: AgentSnapshot | undefined;
  /** The options a vote may offer (the page's live events). */
  events: VoteOption[];
  room: RoomView | undefined;
  /** The scenario's own interventions. */
  scheduled: Marker[];
  closed: boolean;
  /** The charts are out of date. */
  dirty: boolean;
  /** When the vote under way ends (performance.now() time). */
  voteEndsAt: number;
  noticeTimer: ReturnType<typeof setTimeout> | undefined;
}

export const page: FacilitatorState = {
  names: [],
  index: {},
  series: [],
  ghost: undefined,
  horizon: 0,
  tick: 0,
  done: false,
  layout: undefined,
  agents: undefined,
  events: [],
  room: undefined,
  scheduled: [],
  closed: false,
  dirty: true,
  voteEndsAt: 0,
  noticeTimer: undefined,
};
const EMPTY = new Float64Array(0);
export const get = (name: string) => page.series[page.index[name]!] ?? EMPTY;
export const ghostGet = (name: string) => page.ghost?.series[page.index[name]!] ?? EMPTY;

export function apply(target: Float64Array[], chunk: SeriesChunk): void {
  const n = chunk.to - chunk.from;
  if (n <= 0) return;
  const data = f64(chunk.data);
  for (let k = 0; k < target.length; k++) target[k]!.set(data.subarray(k * n, (k + 1) * n), chunk.from);
}
