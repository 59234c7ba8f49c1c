/**
 * Shareable links: the hash holds the scenario (a shipped scenario's id, or a full scenario object), the
 * overrides applied at the start, the seed and the live changes as scheduled interventions. Opening the link
 * validates all of it through the schema and reproduces the same numbers. Nothing in it is ever run as code
 * or inserted as markup.
 */
import type { Scenario } from './scenario/schema.ts';

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

/** Longest hash accepted (a link holding a whole scenario with many interventions stays well under it). */
export const MAX_LINK_CHARS = 4_000_000;

/**
 * The shared run in a hash, or undefined when the hash holds no run; throws a plain Error naming what is
 * wrong if it is damaged. The scenario inside is checked later, by the schema.
 */
export function decodeShared(hash: string): Shared | undefined {
  if (!hash.startsWith('#run=')) return undefined;
  if (hash.length > MAX_LINK_CHARS)
    throw new Error(
      `the shared link is too long (${Math.round(hash.length / 1000)} kB); the limit is ${MAX_LINK_CHARS / 1000} kB`,
    );
  const m = /^#run=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) throw new Error('the shared link is damaged: after "#run=" it holds characters a link never has');
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(m[1]!));
  } catch {
    throw new Error('the shared link is damaged: it does not decode (was it cut when copied?)');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('the shared link is damaged: it does not hold a run');
  const v = value as Record<string, unknown>;
  if (
    typeof v.scenario !== 'string' &&
    (typeof v.scenario !== 'object' || v.scenario === null || Array.isArray(v.scenario))
  ) {
    throw new Error(
      "the shared link does not name a scenario (scenario: expected a shipped scenario's name or a scenario object)",
    );
  }
  if (v.sets !== undefined && (!Array.isArray(v.sets) || v.sets.some((x) => typeof x !== 'string')))
    throw new Error('the shared link is damaged: sets is not a list of path=value texts');
  if (v.seed !== undefined && typeof v.seed !== 'number')
    throw new Error(`the shared link is damaged: seed = ${JSON.stringify(v.seed).slice(0, 40)} is not a number`);
  if (v.interventions !== undefined && !Array.isArray(v.interventions))
    throw new Error('the shared link is damaged: interventions is not a list');
  return {
    scenario: v.scenario as Shared['scenario'],
    sets: (v.sets as string[] | undefined) ?? [],
    seed: (v.seed as number | undefined) ?? 1,
    interventions: (v.interventions as Shared['interventions'] | undefined) ?? [],
  };
}
