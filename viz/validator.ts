/**
 * The page's side of the scenario worker (workers/scenario-api.ts): every check of user input runs there, so
 * that no check, however large or hostile the input, blocks the page. A check that takes longer than
 * TIMEOUT_MS is abandoned: the worker is terminated (a fresh one serves the next check) and the caller gets
 * a readable error.
 */
import { wrap, type Remote } from 'comlink';
import type { Checked, ScenarioApi, ScenarioSpec } from '../workers/scenario-api.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { Shared } from '../src/share.ts';
import type { Story } from '../src/story.ts';

export const TIMEOUT_MS = 15_000;

let worker: Worker | undefined;
let api: Remote<ScenarioApi> | undefined;

function connect(): Remote<ScenarioApi> {
  if (!api) {
    worker = new Worker(new URL('../workers/scenario.worker.ts', import.meta.url), { type: 'module' });
    api = wrap<ScenarioApi>(worker);
  }
  return api;
}

function restart(): void {
  worker?.terminate();
  worker = undefined;
  api = undefined;
}

/** Starts the worker ahead of the first check (call when the page is idle). */
export function warmValidator(): void {
  connect();
}

async function call<T>(what: string, f: (a: Remote<ScenarioApi>) => Promise<Checked<T>>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      restart();
      reject(
        new Error(
          `${what}: checking it took more than ${TIMEOUT_MS / 1000} s, so it was abandoned; is it unusually large?`,
        ),
      );
    }, TIMEOUT_MS);
  });
  try {
    const r = await Promise.race([f(connect()), timeout]);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  } finally {
    clearTimeout(timer);
  }
}

export const checkScenario = (spec: ScenarioSpec): Promise<Scenario> => call(spec.source, (a) => a.scenario(spec));
export const checkShared = (hash: string): Promise<{ shared: Shared; scenario: Scenario }> =>
  call('the shared link', (a) => a.shared(hash));
export const checkClaimArms = (id: string, employees: number): Promise<Scenario[]> =>
  call(`claim ${id}`, (a) => a.claimArms(id, employees));
export const checkStory = (text: string, source: string): Promise<Story> => call(source, (a) => a.story(text, source));
export type { ScenarioSpec };
