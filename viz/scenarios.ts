/** The scenarios shipped in scenarios/, bundled by Vite, and loading of a scenario from text or a link. */
import { loadScenario, parseJson, type Resolver } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';

const files = import.meta.glob('../scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** File name (without folder) to its text. */
const texts = new Map(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, text]));

/** `extends` resolves among the bundled files: a file from disk may extend a shipped scenario. */
const resolve: Resolver = (name) => {
  const text = texts.get(name.split('/').pop()!);
  if (text === undefined) throw new Error(`extends: no scenario named ${name}`);
  return { raw: parseJson(text, name), source: name };
};

export interface CatalogEntry {
  id: string;
  name: string;
  description: string;
}

let cached: CatalogEntry[] | undefined;

/** Every shipped scenario but the shared base of the claims, sorted with the baseline first (validated once). */
export function catalog(): CatalogEntry[] {
  cached ??= readCatalog();
  return cached;
}

function readCatalog(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const [file, text] of texts) {
    const id = file.replace(/\.json$/, '');
    if (id === 'claim-base') continue;
    try {
      const s = load(id);
      out.push({ id, name: s.name, description: s.description });
    } catch {
      // A broken shipped file is a bug the tests catch; the page lists the others.
    }
  }
  return out.sort((a, b) => (a.id === 'baseline' ? -1 : b.id === 'baseline' ? 1 : a.id.localeCompare(b.id, 'en', { numeric: true })));
}

/** A shipped scenario by id, with optional path=value overrides. */
export function load(id: string, sets: readonly string[] = []): Scenario {
  const text = texts.get(`${id}.json`);
  if (text === undefined) throw new Error(`no scenario named ${id}`);
  return loadScenario(text, { source: `${id}.json`, resolve, sets, setsSource: 'changes' });
}

/** A scenario from a user's file (untrusted): validated by the same schema; throws ScenarioError. */
export function loadText(text: string, source: string, sets: readonly string[] = []): Scenario {
  return loadScenario(text, { source, resolve, sets, setsSource: 'changes' });
}
