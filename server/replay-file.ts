/**
 * The workshop's replay: the scenario, the seed and the room's decisions (cli/replay.ts), written at start,
 * after each decision and at the end, to the path the facilitator chose on the command line.
 */
import { replayText } from '../cli/replay.ts';
import { writeAtomic } from '../cli/files.ts';
import type { WorkshopState } from './state.ts';

export function workshopReplay(s: WorkshopState): string {
  return replayText(s.code, s.sim.scenario, s.sim.seed, s.room.decisions);
}

export function writeReplay(s: WorkshopState): void {
  writeAtomic(s.replayFile, [workshopReplay(s)]);
}

/** The replay file's name, without its folders, for the facilitator's page. */
export function replayName(s: WorkshopState): string {
  return s.replayFile.split(/[\\/]/).pop()!;
}
