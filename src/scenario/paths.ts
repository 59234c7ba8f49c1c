/** The scenario's parameters as a flat list of leaves, read once from the schema (for --set, sweeps, the UI). */
import { z } from 'zod';
import { ScenarioSchema, type FieldMeta } from './schema.ts';
import { plausibleOf } from './plausible.ts';

export interface ParamInfo extends Partial<FieldMeta> {
  path: string;
  type: 'number' | 'integer' | 'boolean' | 'enum';
  default: number | boolean | string;
  minimum?: number;
  maximum?: number;
  options?: string[];
  /** Where the value could lie in a real organization, for an assumption (src/scenario/plausible.ts), and why. */
  plausible?: [number, number];
  plausibleWhy?: string;
}

interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  [k: string]: unknown;
}

function walk(node: JsonNode, prefix: string, out: ParamInfo[]): void {
  if (node.type === 'object' && node.properties) {
    for (const [key, child] of Object.entries(node.properties)) walk(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  const type = node.enum ? 'enum' : node.type;
  if (type !== 'number' && type !== 'integer' && type !== 'boolean' && type !== 'enum') return;
  const { properties: _p, enum: options, type: _t, ...rest } = node;
  const plausible = plausibleOf(prefix);
  out.push({
    ...(rest as Partial<ParamInfo>),
    path: prefix,
    type,
    options,
    default: node.default as ParamInfo['default'],
    ...(plausible ? { plausible: plausible.range, plausibleWhy: plausible.why } : {}),
  });
}

let cache: ParamInfo[] | undefined;

/** Every numeric, boolean or choice parameter of a scenario, in schema order. */
export function parameterList(): ParamInfo[] {
  if (!cache) {
    const json = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    const out: ParamInfo[] = [];
    walk(json, '', out);
    cache = out;
  }
  return cache;
}

let byPath: Map<string, ParamInfo> | undefined;

export function parameterInfo(path: string): ParamInfo | undefined {
  byPath ??= new Map(parameterList().map((p) => [p.path, p]));
  return byPath.get(path);
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  // A typo is short; the distance costs length x length (a megabyte-long key would take minutes).
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const leafW = w.split('.').pop()!;
  if (best === undefined || bestD > Math.max(2, Math.floor(w.length / 3))) {
    // Try the leaf name alone ("count" for "smm.cont"), anywhere in the tree.
    const byLeaf = candidates.find(
      (c) => editDistance(leafW, c.split('.').pop()!.toLowerCase()) <= 1 && c.toLowerCase().endsWith(leafW.slice(-2)),
    );
    return byLeaf;
  }
  return best;
}

export { getPath, setPath } from './access.ts';
