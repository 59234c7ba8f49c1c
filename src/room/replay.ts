/**
 * The replay file of a workshop: the scenario as it ran, its seed, and every decision of the room with the
 * tick at which it took effect. `orgsim run --replay FILE` turns it back into a scenario whose interventions
 * are those decisions, and runs it: the same numbers as the room saw, bit for bit.
 *
 * The file carries the orgsim version that recorded it and a digest (sha256) of everything else in it
 * (replayDigestText: scenario, seed, version, decisions...), which `--replay` checks: a scenario swapped or a
 * seed edited is refused, not run as if the room had seen it. The digest is computed by the node side
 * (cli/replay.ts), this module stays pure. The scenario is written whole (`extends` resolved by the
 * loader before the room starts); a replay with `extends` is refused: it would read another file.
 *
 * A decision taken on day t was applied before day t ran, so it comes before any of the scenario's own
 * interventions due the same day (the simulation applies scheduled changes in list order, when the day
 * runs): the decisions go first in the list. Pure: no Node, no DOM; the file is read by cli/.
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { ScenarioError, show } from '../scenario/errors.ts';
import { allowedText, validate } from '../scenario/load.ts';
import type { DecisionView } from './protocol.ts';

export const REPLAY_FORMAT = 'orgsim-replay';
/** 2: with the orgsim version and the digest. A version 1 file has neither and cannot be checked. */
export const REPLAY_VERSION = 2;

const value = z.union([z.number(), z.boolean(), z.string().max(200)]);

export const DecisionSchema = z.strictObject({
  round: z.int().min(1),
  tick: z.int().min(0),
  choice: z.string().max(40),
  label: z.string().max(200),
  title: z.string().max(200).optional(),
  set: z.record(z.string().max(200), value),
  votes: z
    .array(z.strictObject({ id: z.string().max(40), label: z.string().max(200), count: z.int().min(0) }))
    .max(16)
    .optional(),
  voters: z.int().min(0).optional(),
});

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(REPLAY_VERSION),
  orgsim: z.string().max(40),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, { error: 'sha256: and 64 hexadecimal digits' }),
  room: z.string().max(16).optional(),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  scenario: z.record(z.string(), z.unknown()),
  decisions: z.array(DecisionSchema).max(10_000),
});

export type Replay = z.output<typeof ReplaySchema>;

/** JSON with the keys of every object in sorted order (undefined left out): the same text for the same content. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What the digest covers: every field but the digest itself, canonically. */
export function replayDigestText(r: Omit<Replay, 'digest'> & { digest?: string }): string {
  const { digest: _d, ...rest } = r;
  return canonicalJson(rest);
}

/**
 * The replay of a room so far, its digest made by `digest` (sha256 on the server). The scenario is the one
 * the room runs: validated, so `extends` was resolved when it was loaded.
 */
export function replayOf(
  room: string,
  scenario: Scenario,
  seed: number,
  decisions: readonly DecisionView[],
  orgsim: string,
  digest: (text: string) => string,
): Replay {
  if (Object.hasOwn(scenario, 'extends')) throw new Error('a replay holds its whole scenario: resolve extends first');
  const body = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    orgsim,
    room,
    seed,
    scenario: scenario as unknown as Record<string, unknown>,
    decisions: decisions.map((d) => ({
      round: d.round,
      tick: d.tick,
      choice: d.choice,
      label: d.label,
      title: d.title,
      set: d.set,
      votes: d.votes,
      voters: d.voters,
    })),
  } as const;
  return { ...body, digest: digest(replayDigestText(body)) };
}

/** Every decision as an intervention, before the scenario's own (see above): the live changes' one rule. */
export { withChanges as withDecisions } from '../scenario/live-change.ts';

/**
 * A parsed JSON value to the scenario that replays it (seed included), or a ScenarioError naming the field,
 * the value and what is allowed.
 */
export function replayScenario(raw: unknown, source: string): { replay: Replay; scenario: Scenario } {
  const r = ReplaySchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys')
      throw new ScenarioError(
        `${source}: unknown field "${path ? `${path}.` : ''}${issue.keys[0]}" in a replay file`,
        path,
      );
    const got = issue.path.reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
      raw,
    );
    const what =
      path === 'format'
        ? `"${REPLAY_FORMAT}" (a replay file written by orgsim serve)`
        : path === 'version'
          ? `${REPLAY_VERSION} (a replay with its digest; an older one cannot be checked against what the room saw)`
          : path === 'digest'
            ? 'the digest orgsim serve wrote (sha256: and 64 hexadecimal digits)'
            : allowedText(issue);
    throw new ScenarioError(`${source}: ${path || 'replay'} = ${show(got)} is not allowed; expected ${what}`, path);
  }
  const replay = r.data;
  if (Object.hasOwn(replay.scenario, 'extends')) {
    throw new ScenarioError(
      `${source}: scenario.extends = ${show(replay.scenario.extends)} is not allowed; a replay holds its ` +
        `whole scenario (orgsim serve resolves extends when it writes one), it reads no other file`,
      'scenario.extends',
    );
  }
  for (let i = 1; i < replay.decisions.length; i++) {
    const [a, b] = [replay.decisions[i - 1]!, replay.decisions[i]!];
    if (b.round <= a.round)
      throw new ScenarioError(
        `${source}: decisions.${i}.round = ${b.round} is not allowed; expected more than ${a.round} ` +
          `(decisions in the order they were taken)`,
        `decisions.${i}.round`,
      );
    if (b.tick < a.tick)
      throw new ScenarioError(
        `${source}: decisions.${i}.tick = ${b.tick} is not allowed; expected ${a.tick} or more (decisions in ` +
          `the order they were taken)`,
        `decisions.${i}.tick`,
      );
  }
  const base = replay.scenario;
  const n = replay.decisions.length;
  const merged = {
    ...base,
    seed: replay.seed,
    interventions: [
      ...replay.decisions.map((d) => ({ at: d.tick, label: d.label, set: d.set })),
      ...((base.interventions as unknown[] | undefined) ?? []),
    ],
  };
  try {
    return { replay, scenario: validate(merged, `${source}: scenario`) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // The merged list puts decisions first: name a mistake where it is in the file.
    const rename = (text: string) =>
      text
        .replace(/interventions\.(\d+)/g, (_, k: string) =>
          Number(k) < n ? `decisions.${k}` : `scenario.interventions.${Number(k) - n}`,
        )
        .replace(/(decisions\.\d+)\.at\b/g, '$1.tick');
    throw new ScenarioError(
      rename(e.message).replace(`${source}: scenario: decisions.`, `${source}: decisions.`),
      e.field && rename(e.field),
    );
  }
}
