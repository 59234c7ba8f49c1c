/**
 * The replay file of a workshop: the scenario as it ran, its seed, and every decision of the room with the
 * tick at which it took effect. `orgsim run --replay FILE` turns it back into a scenario whose interventions
 * are those decisions, and runs it: the same numbers as the room saw, bit for bit.
 *
 * A decision taken on day t was applied before day t ran, so it comes before any of the scenario's own
 * interventions due the same day (the simulation applies scheduled changes in list order, when the day
 * runs): the decisions go first in the list. Pure: no Node, no DOM; the file is read by src/cli.
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import { ScenarioError, show } from '../scenario/errors.ts';
import { allowedText, validate } from '../scenario/load.ts';
import type { DecisionView } from './protocol.ts';

export const REPLAY_FORMAT = 'orgsim-replay';

const value = z.union([z.number(), z.boolean(), z.string().max(200)]);

export const DecisionSchema = z.strictObject({
  round: z.int().min(1),
  tick: z.int().min(0),
  choice: z.string().max(40),
  label: z.string().max(200),
  title: z.string().max(200).optional(),
  set: z.record(z.string().max(200), value),
  votes: z.array(z.strictObject({ id: z.string().max(40), label: z.string().max(200), count: z.int().min(0) })).max(16).optional(),
  voters: z.int().min(0).optional(),
});

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(1),
  room: z.string().max(16).optional(),
  seed: z.int().min(0).max(2 ** 31 - 1),
  scenario: z.record(z.string(), z.unknown()),
  decisions: z.array(DecisionSchema).max(10_000),
});

export type Replay = z.output<typeof ReplaySchema>;

/** The replay of a room so far. */
export function replayOf(room: string, scenario: Scenario, seed: number, decisions: readonly DecisionView[]): Replay {
  return {
    format: REPLAY_FORMAT,
    version: 1,
    room,
    seed,
    scenario: scenario as unknown as Record<string, unknown>,
    decisions: decisions.map((d) => ({ round: d.round, tick: d.tick, choice: d.choice, label: d.label, title: d.title, set: d.set, votes: d.votes, voters: d.voters })),
  };
}

/** Every decision as an intervention, before the scenario's own (see above). */
export function withDecisions(scenario: Scenario, decisions: readonly { tick: number; label: string; set: Record<string, number | boolean | string> }[]): Scenario {
  return { ...scenario, interventions: [...decisions.map((d) => ({ at: d.tick, label: d.label, set: d.set })), ...scenario.interventions] };
}

/**
 * A parsed JSON value to the scenario that replays it (seed included), or a ScenarioError naming the field,
 * the value and what is allowed.
 */
export function replayScenario(raw: unknown, source: string): { replay: Replay; scenario: Scenario } {
  const r = ReplaySchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') throw new ScenarioError(`${source}: unknown field "${path ? `${path}.` : ''}${issue.keys[0]}" in a replay file`, path);
    const got = issue.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);
    const what = path === 'format' ? `"${REPLAY_FORMAT}" (a replay file written by orgsim serve)` : allowedText(issue);
    throw new ScenarioError(`${source}: ${path || 'replay'} = ${show(got)} is not allowed; expected ${what}`, path);
  }
  const replay = r.data;
  for (let i = 1; i < replay.decisions.length; i++) {
    const [a, b] = [replay.decisions[i - 1]!, replay.decisions[i]!];
    if (b.round <= a.round) throw new ScenarioError(`${source}: decisions.${i}.round = ${b.round} is not allowed; expected more than ${a.round} (decisions in the order they were taken)`, `decisions.${i}.round`);
    if (b.tick < a.tick) throw new ScenarioError(`${source}: decisions.${i}.tick = ${b.tick} is not allowed; expected ${a.tick} or more (decisions in the order they were taken)`, `decisions.${i}.tick`);
  }
  const { extends: _e, ...base } = replay.scenario;
  const n = replay.decisions.length;
  const merged = { ...base, seed: replay.seed, interventions: [...replay.decisions.map((d) => ({ at: d.tick, label: d.label, set: d.set })), ...((base.interventions as unknown[] | undefined) ?? [])] };
  try {
    return { replay, scenario: validate(merged, `${source}: scenario`) };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // The merged list puts decisions first: name a mistake where it is in the file.
    const rename = (text: string) =>
      text
        .replace(/interventions\.(\d+)/g, (_, k: string) => (Number(k) < n ? `decisions.${k}` : `scenario.interventions.${Number(k) - n}`))
        .replace(/(decisions\.\d+)\.at\b/g, '$1.tick');
    throw new ScenarioError(rename(e.message).replace(`${source}: scenario: decisions.`, `${source}: decisions.`), e.field && rename(e.field));
  }
}
