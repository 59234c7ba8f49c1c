/** Research tools, pure (no Node, no DOM): designs, sensitivity estimators, experiment manifests, report data. */
export * from './params.ts';
export * from './scale.ts';
export * from './grid.ts';
export * from './lhs.ts';
export * from './morris.ts';
export * from './sobol.ts';
export * from './bootstrap.ts';
export * from './design.ts';
export * from './runs.ts';
export * from './manifest.ts';
export * from './analysis.ts';
export * from './canonical.ts';
export { parseCsv, csvRecords } from '../csv.ts';
export * from './random.ts';
export * from './report/summaries.ts';
export * from './report/page.ts';
