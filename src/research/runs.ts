/**
 * Runs of an experiment in canonical order: run = point x runsPerPoint + replicate. Replicate k of every
 * point uses the same seed (common random numbers), so differences between points come from the
 * parameters, not from luck. A shard k/N takes the runs with run % N == k: deterministic, and balanced
 * across points.
 */
export interface Shard {
  index: number;
  count: number;
}

export function pointOf(run: number, runsPerPoint: number): number {
  return Math.floor(run / runsPerPoint);
}

export function replicateOf(run: number, runsPerPoint: number): number {
  return run % runsPerPoint;
}

export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || run % shard.count === shard.index;
}

/** The runs of a shard (all runs without one), in canonical order. */
export function shardRuns(totalRuns: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let r = shard?.index ?? 0; r < totalRuns; r += shard?.count ?? 1) out.push(r);
  return out;
}

/** Mean over each point's replicates of one outcome (runs in canonical order). */
export function pointMeans(values: ArrayLike<number>, runsPerPoint: number): Float64Array {
  const points = values.length / runsPerPoint;
  const out = new Float64Array(points);
  for (let p = 0; p < points; p++) {
    let sum = 0;
    for (let k = 0; k < runsPerPoint; k++) sum += values[p * runsPerPoint + k]!;
    out[p] = sum / runsPerPoint;
  }
  return out;
}
