export { runTrend } from './run.js';
export type { TrendOptions, TrendResult } from './run.js';
export { DEFAULT_MAX_POINTS, listOf, parseDate, parseInterval, SpecError, thin, datesBetween } from './spec.js';
export type { Interval, PointSpec } from './spec.js';
