/**
 * What a simulation worker offers, the same in Node (worker_threads) and in the browser (Web Worker).
 * Coarse calls only: a whole replication, or N ticks of a live session; series cross the boundary as
 * transferred buffers, never copied element by element. Pure: no DOM, no Node.
 */
import { transfer } from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import { runScenario, type RunOptions, type RunOutput } from '../src/run.ts';
import { SERIES } from '../src/metrics/series.ts';
import { compactRun, type CompactRun } from '../src/compare/metrics.ts';
import { measureRun, type StatisticRequest } from '../src/calibrate/measure.ts';
import { CLAIMS, claimMeasures } from '../src/claims.ts';
import { claimRun } from '../src/claims-field.ts';
import {
  openSession,
  advanceSession,
  catchUpGhost,
  interveneSession,
  closeSession,
  session,
  type Frame,
  type GhostFrame,
} from './sessions.ts';
import type { AgentColumn } from '../src/metrics/agents.ts';
import type { LiveSet } from '../src/scenario/live-change.ts';

export type { Frame, GhostFrame, Layout, AgentSnapshot } from './sessions.ts';
import type { Layout, AgentSnapshot } from './sessions.ts';

export const api = {
  /** One replication to its horizon; the buffers of its series and derived metrics move to the caller (zero copy). */
  runReplication(scenario: Scenario, seed: number, options: RunOptions = {}): RunOutput {
    const out = runScenario(scenario, seed, options);
    // A Set: arrays sharing one buffer must list it once, or postMessage refuses the transfer.
    const buffers = new Set(
      [...out.series, ...Object.values(out.derived), ...(out.agents ?? []).map((c) => c.values)].map(
        (s) => s.buffer as ArrayBuffer,
      ),
    );
    return transfer(out, [...buffers]);
  },

  /**
   * One replication for a comparison: only its outcomes and the requested measures come back, in one
   * transferred buffer (a few hundred kB at most, where the full run is ~60 series).
   */
  runCompact(scenario: Scenario, seed: number, metricIds: string[]): CompactRun {
    const out = compactRun(runScenario(scenario, seed), metricIds);
    return transfer(out, [out.data.buffer as ArrayBuffer]);
  },

  /**
   * One replication of a claim's arm (a story step that names the claim): the claim's own measures of the run
   * (claimMeasures, as `orgsim claims` takes them) and the requested measures per tick, for the chart.
   */
  runClaim(
    claimId: string,
    scenario: Scenario,
    seed: number,
    metricIds: string[],
  ): { measures: number[]; run: CompactRun } {
    const claim = CLAIMS.find((c) => c.id === claimId);
    if (!claim) throw new Error(`no claim ${claimId}`);
    const full = runScenario(scenario, seed);
    const run = compactRun(full, metricIds);
    return transfer({ measures: claimMeasures(claim, full), run }, [run.data.buffer as ArrayBuffer]);
  },

  /**
   * One replication of a calibration: only the requested statistics come back (computed here, where the
   * run's activity trace is), in one transferred buffer.
   */
  measure(scenario: Scenario, seed: number, requests: StatisticRequest[]): Float64Array {
    const out = measureRun(scenario, seed, requests);
    return transfer(out, [out.buffer as ArrayBuffer]);
  },

  /**
   * One run of a claim's arm: the claim's measures then its field measures (src/claims-field.ts), in one
   * transferred buffer (the activity trace they need stays here).
   */
  claimRun(scenario: Scenario, seed: number, claimId: string): Float64Array {
    const claim = CLAIMS.find((c) => c.id === claimId);
    if (!claim) throw new Error(`no claim ${claimId}`);
    const out = claimRun(claim, scenario, seed);
    return transfer(out, [out.buffer as ArrayBuffer]);
  },

  /** Series names, in the order of RunOutput.series and Frame.series. */
  seriesNames(): string[] {
    return SERIES.map((s) => s.name);
  },

  /** Start a live run with its ghost (for the live view and the workshop); returns its id. */
  open(scenario: Scenario, seed: number = scenario.seed): number {
    return openSession(scenario, seed);
  },

  /** Run up to `ticks` more ticks and return what is new since the last frame, of the run and of its ghost. */
  advance(id: number, ticks: number): Frame {
    const frame = advanceSession(id, ticks);
    return transfer(frame, [frame.data.buffer, ...(frame.ghost ? [frame.ghost.data.buffer] : [])] as ArrayBuffer[]);
  },

  /** The ghost up to the run's day, when the run does not advance (paused, or ended); null if it is there. */
  catchUpGhost(id: number): GhostFrame | null {
    const frame = catchUpGhost(id);
    return frame ? transfer(frame, [frame.data.buffer as ArrayBuffer]) : null;
  },

  /**
   * Change live parameters now, validated like a scenario's interventions; the ghost starts again without the
   * change. Resolves to the tick at which the change takes effect.
   */
  intervene(id: number, set: LiveSet, label?: string): Promise<number> {
    return interveneSession(id, set, label);
  },

  /** Who is where: once per open (teams, departments, roles, groups), for the organization view. */
  layout(id: number): Layout {
    const l = session(id).layout();
    return transfer(l, [
      l.team.buffer,
      l.department.buffer,
      l.role.buffer,
      l.groupKind.buffer,
      l.groupTopic.buffer,
      l.groupSize.buffer,
    ] as ArrayBuffer[]);
  },

  /** This tick's state of every employee, contributions so far, and each group's participation. */
  agents(id: number): AgentSnapshot {
    const a = session(id).agents();
    return transfer(a, [a.state.buffer, a.contributions.buffer, a.groupShare.buffer] as ArrayBuffer[]);
  },

  /** The per-agent table of a live run (the same columns as `orgsim run --agents`). */
  agentTable(id: number): AgentColumn[] {
    const t = session(id).agentTable();
    return transfer(
      t,
      t.map((c) => c.values.buffer as ArrayBuffer),
    );
  },

  close(id: number): void {
    closeSession(id);
  },
};

export type SimApi = typeof api;
