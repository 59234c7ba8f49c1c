/**
 * Shareable links: the hash holds the scenario (a shipped scenario's id, or a full scenario object), the
 * overrides applied at the start, the seed and the live changes as scheduled interventions. Opening the link
 * validates all of it through the schema and reproduces the same numbers. Nothing in it is ever run as code
 * or inserted as markup.
 */
import type { Scenario } from '../src/scenario/schema.ts';

export interface Shared {
  /** A shipped scenario id, or a whole scenario (from a file). */
  scenario: string | Record<string, unknown>;
  /** path=value overrides applied before the run starts. */
  sets: string[];
  seed: number;
  interventions: Scenario['interventions'];
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeShared(s: Shared): string {
  return `#run=${toBase64Url(JSON.stringify(s))}`;
}

/** The shared run in a hash, or undefined; throws a plain Error with a readable message if it is damaged. */
export function decodeShared(hash: string): Shared | undefined {
  const m = /^#run=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(m[1]!));
  } catch {
    throw new Error('the shared link is damaged (it does not decode); opening the baseline instead');
  }
  const v = value as Partial<Shared> | null;
  if (!v || typeof v !== 'object' || (typeof v.scenario !== 'string' && (typeof v.scenario !== 'object' || v.scenario === null))) {
    throw new Error('the shared link does not name a scenario; opening the baseline instead');
  }
  return {
    scenario: v.scenario,
    sets: Array.isArray(v.sets) ? v.sets.filter((x): x is string => typeof x === 'string') : [],
    seed: typeof v.seed === 'number' ? v.seed : 1,
    interventions: Array.isArray(v.interventions) ? v.interventions : [],
  };
}
