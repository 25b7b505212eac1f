// A series of counts as a line of block characters (▁▂▃▄▅▆▇█), scaled to the series' own highest
// value: a burndown that fits in a table cell of a terminal or a page.

import { SERIES, seriesValue, type TrendPoint } from '../trend.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value; zero is the lowest block, the highest value the full one. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BLOCKS[0] : BLOCKS[Math.min(BLOCKS.length - 1, Math.round((v / max) * (BLOCKS.length - 1)))])).join('');
}

/** What is left at a point, the burndown's lines added up: the figure a sparkline follows. */
export function remainingAt(point: TrendPoint): number {
  return SERIES.reduce((n, s) => n + seriesValue(s, point), 0);
}
