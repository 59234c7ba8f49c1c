/** Statistics for replications: pure functions, no Node imports (used by the CLI and the claims suite). */
export { mean, variance, sd, ci95, type Interval, type Sample } from './describe.ts';
export { tCdf, tQuantile } from './tdist.ts';
export { normalCdf, normalQuantile } from './normal.ts';
export { welch, type WelchResult } from './welch.ts';
