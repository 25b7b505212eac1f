export { runTrend } from './run.js';
export type { TrendOptions, TrendResult } from './run.js';
export { DEFAULT_MAX_POINTS, listOf, parseDate, parseInterval, SpecError } from './spec.js';
export type { PointSpec } from './spec.js';
