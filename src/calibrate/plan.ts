/**
 * A target file resolved against its scenario: the box the parameters move in, and the list of statistic
 * requests every run answers (absolute windows), each with the value it aims at and its tolerance. A scalar
 * target is one request; a series target is one request per period, sharing its target's weight.
 *
 * Whole-number parameters move on a continuous axis from lo - 0.5 to hi + 0.5 and the model takes the nearest
 * whole number, so that every value of lo..hi has the same prior mass and the kernel stays continuous.
 */
import { ScenarioError, show } from '../scenario/errors.ts';
import { periodOffsets, type Observed } from './observed.ts';
import { isSeries, seriesStatistic, type ScalarTarget, type SeriesTarget, type TargetFile } from './targets.ts';

export interface FitParameter {
  path: string;
  /** The range of the target file. */
  lo: number;
  hi: number;
  integer: boolean;
  /** The box the particles move in (lo - 0.5 .. hi + 0.5 for whole numbers). */
  min: number;
  max: number;
}

/** One statistic over one window, with what it should be. */
export interface Request {
  statistic: string;
  /** [from, to) in ticks, 0 <= from < to <= horizon. */
  from: number;
  to: number;
  /** The target's index in the target file. */
  target: number;
  /** The period's label (series targets), or null. */
  period: string | null;
  value: number;
  band: [number, number];
}

export interface PlannedTarget {
  label: string;
  kind: 'statistic' | 'series';
  weight: number;
  source: string;
  /** Its requests: requests[first .. first + count). */
  first: number;
  count: number;
}

export interface Plan {
  parameters: FitParameter[];
  targets: PlannedTarget[];
  requests: Request[];
}

/** The value the model runs with for a particle's coordinate. */
export function modelValue(p: FitParameter, x: number): number {
  return p.integer ? Math.min(p.hi, Math.max(p.lo, Math.floor(x + 0.5))) : x;
}

/**
 * [from, to) with negative bounds counted from the horizon and to = 0 meaning the horizon; null if empty or outside.
 */
export function absoluteWindow(ticks: number, from: number, to: number): [number, number] | null {
  const f = from < 0 ? ticks + from : from;
  const t = to <= 0 ? ticks + to : to;
  return f >= 0 && t <= ticks && f < t ? [f, t] : null;
}

const WINDOW_RULE = 'negative bounds count from the horizon, to = 0 is the horizon';

/** Where a scalar target's request goes: its window, within the horizon, and its band. */
function planScalar(t: ScalarTarget, k: number, source: string, ticks: number, requests: Request[]): PlannedTarget {
  const field = `targets.${k}`;
  const first = requests.length;
  const w = absoluteWindow(ticks, t.window.from, t.window.to);
  if (!w) {
    const f = t.window.from < 0 ? ticks + t.window.from : t.window.from;
    const to = t.window.to <= 0 ? ticks + t.window.to : t.window.to;
    throw new ScenarioError(
      `${source}: ${field}.window = ${show(t.window)} is not allowed; expected a non-empty window within ` +
        `the ${ticks}-tick horizon (${WINDOW_RULE}): here from tick ${f} to tick ${to}`,
      `${field}.window`,
    );
  }
  const [lo, hi] = t.band;
  requests.push({
    statistic: t.statistic,
    from: w[0],
    to: w[1],
    target: k,
    period: null,
    value: t.value ?? (lo + hi) / 2,
    band: [lo, hi],
  });
  const shown = `${t.window.from}:${t.window.to}`;
  return {
    label: t.name ?? `${t.statistic} [${shown})`,
    kind: 'statistic',
    weight: t.weight,
    source: t.source,
    first,
    count: 1,
  };
}

/** A series target's requests, one per observed period on its period's days, within the horizon. */
function planSeries(
  t: SeriesTarget,
  k: number,
  source: string,
  ticks: number,
  obs: Observed | null | undefined,
  requests: Request[],
): PlannedTarget {
  const field = `targets.${k}`;
  const first = requests.length;
  if (!obs) throw new Error(`no observed series for ${field}`);
  // Each value on its period's days: a missing period is a gap, not a shift of every later value.
  const offsets = periodOffsets(obs);
  const span = offsets[offsets.length - 1]! + 1;
  const start = t.from < 0 ? ticks + t.from : t.from;
  const end = start + span * t.every;
  if (start < 0 || end > ticks) {
    const periods =
      span === obs.values.length
        ? `${span} periods`
        : `${span} periods (${obs.values.length} given, ${span - obs.values.length} missing)`;
    throw new ScenarioError(
      `${source}: ${field}.from = ${t.from} is not allowed; the ${periods} of ${t.every} ticks of ${t.csv} ` +
        `run from tick ${start} to tick ${end}, ` +
        `outside the ${ticks}-tick horizon: expected them within it (fewer periods, a shorter "every", ` +
        `another "from", or a longer horizon with "set": {"ticks": ...})`,
      `${field}.from`,
    );
  }
  let scale = 0;
  for (const v of obs.values) scale += Math.abs(v);
  scale /= obs.values.length;
  if (!(scale > 0))
    throw new ScenarioError(
      `${source}: ${field}.csv = ${show(t.csv)} is not allowed; its values are all 0: the tolerance is a ` +
        `share of their mean, so expected some non-zero values`,
      `${field}.csv`,
    );
  const half = t.tolerance * scale;
  const statistic = seriesStatistic(t.series)!;
  obs.values.forEach((value, p) => {
    const at = start + offsets[p]! * t.every;
    requests.push({
      statistic,
      from: at,
      to: at + t.every,
      target: k,
      period: obs.periods[p]!,
      value,
      band: [value - half, value + half],
    });
  });
  return {
    label: t.name ?? `${t.series} every ${t.every} ticks (${t.csv})`,
    kind: 'series',
    weight: t.weight,
    source: t.source,
    first,
    count: obs.values.length,
  };
}

/**
 * `integers`: which parameter paths take whole numbers. `observed[k]`: the parsed CSV of target k (series
 * targets only). Throws ScenarioError naming the field when a window does not fit the horizon.
 */
export function makePlan(
  file: TargetFile,
  source: string,
  ticks: number,
  integers: (path: string) => boolean,
  observed: readonly (Observed | null)[],
): Plan {
  const parameters = file.parameters.map((p): FitParameter => {
    const integer = integers(p.path);
    return {
      path: p.path,
      lo: p.lo,
      hi: p.hi,
      integer,
      min: integer ? p.lo - 0.5 : p.lo,
      max: integer ? p.hi + 0.5 : p.hi,
    };
  });
  const requests: Request[] = [];
  const targets = file.targets.map(
    (t, k): PlannedTarget =>
      isSeries(t) ? planSeries(t, k, source, ticks, observed[k], requests) : planScalar(t, k, source, ticks, requests),
  );
  return { parameters, targets, requests };
}
