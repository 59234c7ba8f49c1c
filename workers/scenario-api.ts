/**
 * What the page's scenario worker offers: every check of what a user brings (a scenario file, a shared link,
 * changes typed as path=value, a story file) runs here, off the page's main thread, with the same code as the
 * command line. The validator (zod) and the metric compiler (mathjs) load in this worker only.
 * Each call answers { ok: true, value } or { ok: false, message } with one readable line.
 */
import { loadScenario, parseJson, splitSets, validate, type Resolver } from '../src/scenario/load.ts';
import { scenarioOf } from '../src/scenario/exported.ts';
import { decodeShared, type Shared } from '../src/share.ts';
import { parseStory, type Story } from '../src/story.ts';
import { CLAIMS } from '../src/claims.ts';
import { claimArm } from '../src/claim-arms.ts';
import type { Intervention, Scenario } from '../src/scenario/schema.ts';

const files = import.meta.glob('../scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<
  string,
  string
>;
const texts = new Map(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, text]));

/** `extends` resolves among the shipped files: a file from disk may extend a shipped scenario. */
const resolve: Resolver = (name) => {
  const text = texts.get(name.split('/').pop()!);
  if (text === undefined) throw new Error(`extends: no shipped scenario named ${name}`);
  return { raw: parseJson(text, name), source: name };
};

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function checked<T>(f: () => T): Checked<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Where a scenario comes from, and what is applied to it. */
export interface ScenarioSpec {
  /** A shipped scenario's id... */
  id?: string;
  /** ...or the text of a file (a scenario, or the page's JSON export of a run)... */
  text?: string;
  /** ...or a scenario object. */
  object?: Record<string, unknown>;
  /** How messages name it: the file name, "shared link", "changes"... */
  source: string;
  /** path=value changes made before the run starts. */
  sets?: string[];
  /** More of them, typed on one line ("smm.count=3; cm.speakShare=0.2"), applied after `sets`. */
  changes?: string;
  /** Replace the scenario's seed and interventions (a shared link's, or a reset that keeps live changes). */
  seed?: number;
  interventions?: Intervention[];
}

function build(spec: ScenarioSpec): Scenario {
  const sets = [...(spec.sets ?? []), ...splitSets(spec.changes ?? '')];
  let base: Scenario;
  if (spec.id !== undefined) {
    const text = texts.get(`${spec.id}.json`);
    if (text === undefined || spec.id === 'claim-base')
      throw new Error(`${spec.source}: no shipped scenario named ${JSON.stringify(spec.id).slice(0, 80)}`);
    base = loadScenario(text, { source: `${spec.id}.json`, resolve, sets, setsSource: 'changes' });
  } else {
    const raw = spec.text !== undefined ? scenarioOf(parseJson(spec.text, spec.source)).raw : spec.object;
    if (!raw) throw new Error(`${spec.source}: no scenario given`);
    base = loadScenario(JSON.stringify(raw), { source: spec.source, resolve, sets, setsSource: 'changes' });
  }
  if (spec.seed === undefined && spec.interventions === undefined) return base;
  const raw = { ...(base as unknown as Record<string, unknown>) };
  if (spec.seed !== undefined) raw.seed = spec.seed;
  if (spec.interventions !== undefined) raw.interventions = spec.interventions;
  return validate(raw, spec.source);
}

export const scenarioApi = {
  scenario(spec: ScenarioSpec): Checked<Scenario> {
    return checked(() => build(spec));
  },

  /** A shared link (the page's hash): decoded and checked; the scenario it reproduces. */
  shared(hash: string): Checked<{ shared: Shared; scenario: Scenario }> {
    return checked(() => {
      const shared = decodeShared(hash);
      if (!shared) throw new Error('no shared run in this link');
      const scenario = build({
        ...(typeof shared.scenario === 'string' ? { id: shared.scenario } : { object: shared.scenario }),
        source: 'shared link',
        sets: shared.sets,
        seed: shared.seed,
        interventions: shared.interventions,
      });
      return { shared, scenario };
    });
  },

  /** A claim's arms at an organization of `employees`, as `orgsim claims` runs them (a story step that names it). */
  claimArms(id: string, employees: number): Checked<Scenario[]> {
    return checked(() => {
      const claim = CLAIMS.find((c) => c.id === id);
      if (!claim)
        throw new Error(`no claim ${JSON.stringify(id).slice(0, 40)}; claims: ${CLAIMS.map((c) => c.id).join(', ')}`);
      return claim.arms.map((arm) => claimArm(build({ id: arm, source: `${arm}.json` }), employees));
    });
  },

  /** A story file, checked against the shipped scenarios. */
  story(text: string, source: string): Checked<Story> {
    const ids = [...texts.keys()].map((f) => f.replace(/\.json$/, '')).filter((id) => id !== 'claim-base');
    return checked(() => parseStory(text, source, (id) => ids.includes(id), ids));
  },
};

export type ScenarioApi = typeof scenarioApi;
