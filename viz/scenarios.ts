/**
 * The shipped scenarios, validated at build time (viz/build/shipped-plugin.ts): the page opens them at once,
 * without loading the validator. Anything else (files, links, changes) is checked in the scenario worker
 * (viz/validator.ts).
 */
import { SHIPPED } from 'virtual:orgsim-shipped';
import type { Scenario } from '../src/scenario/schema.ts';
import { checkScenario } from './validator.ts';

export interface CatalogEntry {
  id: string;
  name: string;
  description: string;
}

/** Every shipped scenario but the shared base of the claims, the baseline first. */
export function catalog(): CatalogEntry[] {
  return SHIPPED.map(({ id, name, description }) => ({ id, name, description }));
}

/** A shipped scenario, validated (a copy the caller may change). */
export function shipped(id: string): Scenario | undefined {
  const s = SHIPPED.find((x) => x.id === id);
  return s ? structuredClone(s.scenario) : undefined;
}

/**
 * A shipped scenario by id, with optional path=value changes (a list, or one line separated by semicolons),
 * checked in the worker when there are any.
 */
export async function load(id: string, sets: readonly string[] = [], changes = ''): Promise<Scenario> {
  const s = sets.length || changes.trim() ? undefined : shipped(id);
  return s ?? checkScenario({ id, sets: [...sets], changes, source: 'changes' });
}

/** A scenario from a user's file or text (untrusted), with optional changes; checked in the worker. */
export function loadText(text: string, source: string, sets: readonly string[] = [], changes = ''): Promise<Scenario> {
  return checkScenario({ text, source, sets: [...sets], changes });
}
