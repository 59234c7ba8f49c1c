/**
 * Reading a workshop's replay file (written by `orgsim serve`) for `orgsim run --replay`: through the bounded
 * reader (a regular file, at most 8 MB, nesting checked before parsing), then the replay schema and the
 * scenario schema (src/room/replay.ts).
 */
import { readJson, type InputKind } from './input.ts';
import { displayPath } from './files.ts';
import { replayScenario, type Replay } from '../room/replay.ts';
import type { Scenario } from '../scenario/schema.ts';

/** 10,000 decisions and a scenario fit in about 3 MB. */
export const REPLAY_INPUT: InputKind = { what: 'replay file', maxBytes: 8 * 2 ** 20 };

export function readReplay(path: string): { replay: Replay; scenario: Scenario; source: string } {
  const source = displayPath(path);
  const { replay, scenario } = replayScenario(readJson(path, REPLAY_INPUT), source);
  return { replay, scenario, source };
}
