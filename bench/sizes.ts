/** The reference sizes: scenarios/<name>.json when it exists, else the same organization built here. */
import { existsSync, readFileSync } from 'node:fs';
import { loadScenario, validate } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';

export const SIZES = ['small', 'mid', 'enterprise-100k'] as const;
export type SizeName = (typeof SIZES)[number];

const FALLBACK: Record<SizeName, Record<string, unknown>> = {
  small: {
    name: 'small',
    organization: { employees: 200 },
    external: { customers: 100 },
    cm: { present: true },
    smm: { count: 1 },
  },
  mid: {
    name: 'mid',
    organization: { employees: 2000 },
    external: { customers: 1000 },
    cm: { present: true },
    smm: { count: 3 },
  },
  'enterprise-100k': {
    name: 'enterprise-100k',
    organization: { employees: 100_000 },
    external: { customers: 20_000 },
    cm: { present: true },
    smm: { count: 40 },
  },
};

export function loadSize(name: SizeName, ticks?: number): { scenario: Scenario; source: string } {
  const file = new URL(`../scenarios/${name}.json`, import.meta.url);
  const sets = ticks ? [`ticks=${ticks}`] : [];
  if (existsSync(file))
    return {
      scenario: loadScenario(readFileSync(file, 'utf8'), { source: `scenarios/${name}.json`, sets }),
      source: `scenarios/${name}.json`,
    };
  return {
    scenario: validate({ ...FALLBACK[name], ...(ticks ? { ticks } : {}) }, name),
    source: 'built in bench/sizes.ts',
  };
}
