/** Full factorial design: every combination of every parameter's levels, the first parameter varying slowest. */
import type { ParamRange } from './params.ts';

/** The number of points, computed before anything is built (so that huge grids are refused cheaply). */
export function gridSize(params: readonly ParamRange[]): number {
  return params.reduce((n, p) => n * (p.steps ?? 1), 1);
}

/** Unit coordinates of the grid: level k of a parameter with s steps is at k / (s - 1). */
export function gridDesign(params: readonly ParamRange[]): number[][] {
  const total = gridSize(params);
  const rows: number[][] = [];
  for (let i = 0; i < total; i++) {
    const row = new Array<number>(params.length);
    let rest = i;
    // Mixed radix, last parameter fastest: the order of nested loops over the --param list.
    for (let j = params.length - 1; j >= 0; j--) {
      const s = params[j]!.steps!;
      row[j] = (rest % s) / (s - 1);
      rest = Math.floor(rest / s);
    }
    rows.push(row);
  }
  return rows;
}
