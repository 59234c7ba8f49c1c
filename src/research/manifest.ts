/**
 * The manifest of an experiment: everything that decides its runs (scenario, parameters, design, seeds)
 * and where the results come from (orgsim version, git commit). It is written before the first run, so a
 * restarted or sharded sweep can check that it continues the same experiment, and it holds nothing that
 * varies between machines or restarts (no dates, no host names, no output folder), so that a merged sweep
 * and a single-process one write the same bytes.
 */
import type { DesignSpec } from './design.ts';
import type { ParamRange } from './params.ts';
import { rangeText } from './params.ts';
import type { Shard } from './runs.ts';

export const RUN_ORDER = 'run = point * runsPerPoint + replicate; replicate k of every point has seed seeds[k]';

export interface Manifest {
  orgsim: string;
  git: string | null;
  command: 'sweep' | 'sensitivity';
  scenario: { file: string; name: string; sha256: string };
  seed: number;
  ticks: number;
  runsPerPoint: number;
  seeds: number[];
  perTick: boolean;
  design: DesignSpec & { bootstrap: number | null };
  parameters: ParamRange[];
  outcomes: string[];
  totalRuns: number;
  shard: Shard | null;
  runOrder: string;
  /** Parameter values of each point, in `parameters` order. */
  points: number[][];
  /** The validated scenario every point starts from (after --set, --ticks, --seed). */
  validatedScenario: unknown;
}

/** Readable JSON: one key per line, one point per line, the scenario on one (long) line. */
export function manifestText(m: Manifest): string {
  const lines = Object.entries(m).map(([key, value]) => {
    const text =
      key === 'points'
        ? (value as number[][]).length
          ? `[\n${(value as number[][]).map((p) => `    ${JSON.stringify(p)}`).join(',\n')}\n  ]`
          : '[]'
        : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** A manifest with another shard (or none): what a shard writes, and what a merge writes. */
export function withShard(m: Manifest, shard: Shard | null): Manifest {
  return { ...m, shard };
}

function shardText(s: Shard | null | undefined): string {
  return s ? `${s.index}/${s.count}` : 'none';
}

function designText(d: Manifest['design'] | undefined): string {
  if (!d) return 'none';
  const parts: string[] = [d.method];
  if (d.samples !== null) parts.push(`${d.samples} samples`);
  if (d.levels !== null) parts.push(`${d.levels} levels`);
  if (d.bootstrap !== null) parts.push(`bootstrap ${d.bootstrap}`);
  return parts.join(', ');
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

type Field = [label: string, show: (m: Partial<Manifest>) => string];

/** What is compared, most telling first. */
const PRIMARY: Field[] = [
  ['command', (m) => String(m.command)],
  ['seed', (m) => String(m.seed)],
  ['ticks', (m) => String(m.ticks)],
  ['runs per point', (m) => String(m.runsPerPoint)],
  ['--per-tick', (m) => String(m.perTick)],
  ['parameters', (m) => (m.parameters ?? []).map(rangeText).join(' ') || 'none'],
  ['design', (m) => designText(m.design)],
  ['orgsim version', (m) => String(m.orgsim)],
  ['git commit', (m) => String(m.git)],
];

/** Fields that follow from the others: compared by content too, in case the code deriving them changed. */
const DERIVED: Field[] = [
  ['scenario', (m) => `sha256 ${m.scenario?.sha256 ?? '?'}`],
  ['seeds', (m) => short(JSON.stringify(m.seeds))],
  ['points', (m) => short(JSON.stringify(m.points))],
  ['total runs', (m) => String(m.totalRuns)],
];

/** Leaf paths where two JSON values differ ("organization.employees"), at most `limit`. */
export function jsonDifferences(a: unknown, b: unknown, limit = 3, prefix = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    const out: string[] = [];
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (out.length >= limit) break;
      out.push(...jsonDifferences(a[key], b[key], limit - out.length, prefix ? `${prefix}.${key}` : key));
    }
    return out;
  }
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [
        `${prefix || '(scenario)'} ${short(JSON.stringify(a) ?? 'absent')} there, ` +
          `${short(JSON.stringify(b) ?? 'absent')} here`,
      ];
}

/** The scenarios apart from seed and ticks (which have their own lines). */
function scenarioDifferences(there: Partial<Manifest>, here: Manifest): string[] {
  const strip = (s: unknown) =>
    s !== null && typeof s === 'object' ? { ...(s as Record<string, unknown>), seed: 0, ticks: 0 } : s;
  return jsonDifferences(strip(there.validatedScenario), strip(here.validatedScenario)).map((d) => `scenario: ${d}`);
}

function compare(fields: readonly Field[], there: Partial<Manifest>, here: Manifest): string[] {
  return fields.flatMap(([label, show]) =>
    show(there) === show(here) ? [] : [`${label}: ${show(there)} there, ${show(here)} here`],
  );
}

/**
 * "what: A there, B here" for each difference that matters. Fields that follow from others (seeds, points,
 * hash) are reported only when nothing explains them, which then means the code that derives them changed.
 * `ignoreShard` for merging the shards of one experiment.
 */
export function manifestDifferences(there: Partial<Manifest>, here: Manifest, ignoreShard = false): string[] {
  const out = [...compare(PRIMARY, there, here), ...scenarioDifferences(there, here)];
  if (!out.length) out.push(...compare(DERIVED, there, here));
  if (!ignoreShard && shardText(there.shard) !== shardText(here.shard))
    out.push(`shard: ${shardText(there.shard)} there, ${shardText(here.shard)} here`);
  return out;
}
