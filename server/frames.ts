/**
 * The run's numbers for the facilitator's page: each advance's new days of the series (and of the ghost's),
 * the organization's agents at most 5 times a second, and everything so far to a page that (re)connects.
 * Arrays travel as base64 of their bytes.
 */
import { LIVE_EVENTS } from '../src/live-events.ts';
import { SERIES_NAMES } from '../src/metrics/series.ts';
import type { EncodedAgents, SeriesChunk } from '../src/room/protocol.ts';
import { optionView } from '../src/room/room.ts';
import type { Connection } from './connection.ts';
import type { Step } from './simulation.ts';
import type { WorkshopState } from './state.ts';
import { qrMatrix } from './address.ts';
import { roomView, toFacilitators } from './views.ts';

const AGENTS_EVERY_MS = 200;

const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function chunk(series: Float64Array[], from: number, to: number): SeriesChunk {
  const n = to - from;
  const data = new Float64Array(series.length * n);
  for (let k = 0; k < series.length; k++) data.set(series[k]!.subarray(from, to), k * n);
  return { from, to, data: base64(data) };
}

function agents(s: WorkshopState): EncodedAgents | null {
  const a = s.sim.agents;
  return a
    ? { tick: a.tick, state: base64(a.state), contributions: base64(a.contributions), groupShare: base64(a.groupShare) }
    : null;
}

/** What the last advance added, to every facilitator's page. */
export function sendStep(s: WorkshopState, step: Step): void {
  const now = performance.now();
  const withAgents = s.sim.done || now - s.lastAgents >= AGENTS_EVERY_MS;
  if (withAgents) s.lastAgents = now;
  const g = s.sim.ghost;
  toFacilitators(s, {
    t: 'frame',
    tick: s.sim.tick,
    done: s.sim.done,
    main: chunk(s.sim.series, step.from, step.to),
    ghost:
      step.ghost && g
        ? { ...chunk(g.series, step.ghost.from, step.ghost.to), label: g.label, restart: step.ghost.restart }
        : null,
    agents: withAgents ? agents(s) : null,
  });
}

/** A facilitator's page that (re)connects gets everything so far. */
export function sync(s: WorkshopState, conn: Connection): void {
  const sim = s.sim;
  const l = sim.layout;
  conn.send({
    t: 'hosted',
    room: s.code,
    joinUrl: s.joinUrl,
    qr: qrMatrix(s.joinUrl),
    scenario: {
      name: sim.scenario.name,
      description: sim.scenario.description,
      interventions: sim.scenario.interventions.slice(0, 200).map((iv) => ({ at: iv.at, label: iv.label })),
    },
    seed: sim.seed,
    horizon: sim.horizon,
    seriesNames: [...SERIES_NAMES],
    events: LIVE_EVENTS.map(optionView),
    layout: {
      employees: l.employees,
      teams: l.teams,
      departments: l.departments,
      team: base64(l.team),
      department: base64(l.department),
      role: base64(l.role),
      groupKind: base64(l.groupKind),
      groupTopic: base64(l.groupTopic),
      groupSize: base64(l.groupSize),
    },
    replayFile: s.replayFile,
  });
  const g = sim.ghost;
  conn.send({
    t: 'frame',
    tick: sim.tick,
    done: sim.done,
    main: chunk(sim.series, 0, sim.tick),
    ghost: g ? { ...chunk(g.series, 0, g.tick), label: g.label, restart: true } : null,
    agents: agents(s),
  });
  conn.send(roomView(s));
}
