/**
 * The first outsider (not joined) from membership m on along a community's candidate list start..start+size-1,
 * wrapping around: m itself when he is one; -1 when there is none. Called for every pick (membership.ts), so that
 * V8 compiles the call from the start, and warmed up at load (jit.ts, 3), so that it compiles the walk too.
 */
export function nextOutsider(joined: Uint8Array, start: number, size: number, m: number): number {
  let q = m - start;
  for (let steps = 0; joined[start + q] && steps < size; steps++) q = (q + 1) % size;
  return joined[start + q] ? -1 : start + q;
}
