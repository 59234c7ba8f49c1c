/**
 * A workshop's replay file: written by `orgsim serve` with its digest (sha256 of its canonical content), and
 * read for `orgsim run --replay` through the bounded reader (a regular file, at most 8 MB, nesting checked
 * before parsing), then the replay schema and the scenario schema (src/room/replay.ts), then the digest: a
 * file whose scenario, seed or decisions were changed after the room wrote it is refused.
 */
import { createHash } from 'node:crypto';
import { readJson, type InputKind } from './input.ts';
import { displayPath } from './files.ts';
import { replayDigestText, replayOf, replayScenario, type Replay } from '../src/room/replay.ts';
import type { DecisionView } from '../src/room/protocol.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { ScenarioError } from '../src/scenario/errors.ts';
import { version } from './version.ts';

/** 10,000 decisions and a scenario fit in about 3 MB. */
export const REPLAY_INPUT: InputKind = { what: 'replay file', maxBytes: 8 * 2 ** 20 };

export const replayDigest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** The replay file's text, as the workshop writes it after every decision. */
export function replayText(room: string, scenario: Scenario, seed: number, decisions: readonly DecisionView[]): string {
  return `${JSON.stringify(replayOf(room, scenario, seed, decisions, version(), replayDigest), null, 1)}\n`;
}

/** `note`: what to say before running it (recorded by another orgsim version: the numbers may differ). */
export function readReplay(path: string): {
  replay: Replay;
  scenario: Scenario;
  source: string;
  note: string | undefined;
} {
  const source = displayPath(path);
  const { replay, scenario } = replayScenario(readJson(path, REPLAY_INPUT), source);
  if (replayDigest(replayDigestText(replay)) !== replay.digest) {
    throw new ScenarioError(
      `${source}: digest = "${replay.digest.slice(0, 19)}..." does not match the file's content: its ` +
        `scenario, seed or decisions were changed after orgsim serve wrote it; expected the file as the room ` +
        `recorded it`,
      'digest',
    );
  }
  const note =
    replay.orgsim === version()
      ? undefined
      : `${source} was recorded with orgsim ${replay.orgsim}, this is orgsim ${version()}: the numbers may ` +
        `differ from what the room saw`;
  return { replay, scenario, source, note };
}
