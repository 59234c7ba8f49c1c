/**
 * What a comparison of scenarios plots: a few per-tick measures derived from a run's series, by group kind.
 * Computed where the run happens (in a worker), so that only these series cross to the page, in one buffer.
 */
import { SERIES_INDEX } from '../metrics/series.ts';
import { outcomes, type Outcomes } from '../metrics/outcomes.ts';
import type { RunOutput } from '../run.ts';

export const GROUP_KINDS = ['all', 'team', 'open', 'external'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  all: 'all groups',
  team: 'team groups',
  open: 'open communities',
  external: 'external community',
};

/** How a measure's numbers read: a share (shown as %), hours, or a plain number. */
export type Format = 'share' | 'hours' | 'ratio';

export interface Metric {
  id: string;
  label: string;
  /** The y axis title. */
  unit: string;
  format: Format;
  compute(run: RunOutput): Float64Array;
}

const get = (run: RunOutput, name: string): Float64Array => run.series[SERIES_INDEX[name]!]!;

function cumulative(xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  let sum = 0;
  for (let t = 0; t < xs.length; t++) out[t] = sum += xs[t]!;
  return out;
}

function ratio(num: Float64Array, den: Float64Array): Float64Array {
  const out = new Float64Array(num.length);
  for (let t = 0; t < num.length; t++) out[t] = den[t]! > 0 ? num[t]! / den[t]! : 0;
  return out;
}

/** Share of a kind's memberships that read or contributed this tick. */
function membershipShare(run: RunOutput, kind: Exclude<GroupKind, 'all'>): Float64Array {
  const c = get(run, `contributors_${kind}`);
  const r = get(run, `readers_${kind}`);
  const a = get(run, `absent_${kind}`);
  const out = new Float64Array(c.length);
  for (let t = 0; t < c.length; t++) {
    const all = c[t]! + r[t]! + a[t]!;
    out[t] = all > 0 ? (c[t]! + r[t]!) / all : 0;
  }
  return out;
}

const copy = (name: string) => (run: RunOutput) => Float64Array.from(get(run, name));

function byKind(): Metric[] {
  const out: Metric[] = [];
  for (const kind of GROUP_KINDS) {
    const where = kind === 'all' ? '' : ` in ${GROUP_KIND_LABELS[kind]}`;
    out.push({
      id: `participation:${kind}`,
      label: kind === 'all' ? 'share of employees taking part' : `share of memberships active${where}`,
      unit: kind === 'all' ? 'share of employees' : 'share of memberships',
      format: 'share',
      compute: kind === 'all' ? copy('activeShare') : (run) => membershipShare(run, kind),
    });
    out.push({
      id: `value:${kind}`,
      label: `value created${where} (cumulative)`,
      unit: 'hours (cumulative)',
      format: 'hours',
      compute: kind === 'all' ? copy('valueCum') : (run) => cumulative(get(run, `value_${kind}`)),
    });
    out.push({
      id: `valuePerCost:${kind}`,
      label: `value${where} per hour of the roles' cost (cumulative)`,
      unit: 'hours per hour',
      format: 'ratio',
      compute:
        kind === 'all'
          ? copy('valuePerCost')
          : (run) => ratio(cumulative(get(run, `value_${kind}`)), get(run, 'costCum')),
    });
  }
  return out;
}

/** Every measure a comparison or a story step may plot. */
export const METRICS: readonly Metric[] = [
  ...byKind(),
  {
    id: 'participation:riskAverse',
    label: 'share of the most risk-averse third taking part',
    unit: 'share of the third',
    format: 'share',
    compute: copy('active_riskAverse'),
  },
  {
    id: 'participation:openRiskAverse',
    label: 'share of the most risk-averse third taking part in open communities',
    unit: 'share of the third',
    format: 'share',
    compute: copy('open_riskAverse'),
  },
  {
    id: 'participation:riskTolerant',
    label: 'share of the least risk-averse third taking part',
    unit: 'share of the third',
    format: 'share',
    compute: copy('active_riskTolerant'),
  },
  {
    id: 'participation:expertise',
    label: 'share of expertise-community memberships active',
    unit: 'share of memberships',
    format: 'share',
    compute: copy('active_expertise'),
  },
  {
    id: 'cmShare',
    label: "the CM's share of posts",
    unit: 'share of posts',
    format: 'share',
    compute: copy('cmShare'),
  },
  {
    id: 'managerEngagement',
    label: "managers' animation effort",
    unit: '0 to 1',
    format: 'ratio',
    compute: copy('managerEngagement'),
  },
  {
    id: 'memberPosts',
    label: 'posts in team groups and open communities (cumulative)',
    unit: 'posts (cumulative)',
    format: 'hours',
    compute: (run) => {
      const team = get(run, 'posts_team');
      const open = get(run, 'posts_open');
      const sum = new Float64Array(team.length);
      for (let t = 0; t < sum.length; t++) sum[t] = team[t]! + open[t]!;
      return cumulative(sum);
    },
  },
  {
    id: 'valuePerPost:team',
    label: 'value per post in team groups (cumulative)',
    unit: 'hours per post',
    format: 'ratio',
    compute: (run) => ratio(cumulative(get(run, 'value_team')), cumulative(get(run, 'posts_team'))),
  },
];

export const METRIC_INDEX: Readonly<Record<string, Metric>> = Object.fromEntries(METRICS.map((m) => [m.id, m]));

export function metricById(id: string): Metric {
  const m = METRIC_INDEX[id];
  if (!m) throw new Error(`unknown measure "${id}"; allowed: ${METRICS.map((x) => x.id).join(', ')}`);
  return m;
}

/** What one replication contributes to a comparison: its outcomes and the requested measures, per tick. */
export interface CompactRun {
  seed: number;
  ticks: number;
  outcomes: Outcomes;
  /** Measure k (in the requested order) at tick t is data[k * ticks + t]. */
  data: Float64Array;
}

export function compactRun(run: RunOutput, metricIds: readonly string[]): CompactRun {
  const data = new Float64Array(metricIds.length * run.ticks);
  metricIds.forEach((id, k) => data.set(metricById(id).compute(run).subarray(0, run.ticks), k * run.ticks));
  return { seed: run.seed, ticks: run.ticks, outcomes: outcomes(run.series, run.ticks), data };
}

/** Measure k of a compact run, as a view (no copy). */
export function measureOf(run: CompactRun, k: number): Float64Array {
  return run.data.subarray(k * run.ticks, (k + 1) * run.ticks);
}
