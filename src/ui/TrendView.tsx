// A project's history in the review UI, drawn with block characters: a sparkline for the projects
// table, and a few lines per burndown series for the project view. The trend comes from the command
// line (it ran the scans); nothing here reads history.

import { Text } from 'ink';
import { remainingAt, SERIES, seriesValue, sparkline, type TrendProject, type TrendReport } from '../report/index.js';
import { useTheme } from './theme.js';

/** Characters a sparkline cell takes in the projects table (points beyond it keep the latest). */
export const SPARK_WIDTH = 12;

/** Each project's trend, by name, or null when the review has none. */
export function trendsByName(trend: TrendReport | undefined): ReadonlyMap<string, TrendProject> | null {
  return trend ? new Map(trend.projects.filter((p) => p.points.length > 0).map((p) => [p.name, p])) : null;
}

/** What is left at each of the latest points, as a sparkline. */
export function sparkOf(trend: TrendProject | undefined): string {
  return trend ? sparkline(trend.points.slice(-SPARK_WIDTH).map(remainingAt)) : '';
}

/** Lines the project view's chart takes: a heading and one per series, none without a trend. */
export function chartLines(trend: TrendProject | undefined): number {
  return trend && trend.points.length > 0 ? 1 + SERIES.length : 0;
}

export function TrendChart({ trend }: { trend: TrendProject }) {
  const theme = useTheme();
  const first = trend.points[0]!;
  const last = trend.points[trend.points.length - 1]!;
  const width = Math.max(...SERIES.map((s) => s.title.length));
  return (
    <>
      <Text color={theme.color('muted')} wrap="truncate-end">{`trend over ${trend.points.length} points, ${first.label} (${first.date.slice(0, 10)}) → ${last.label} (${last.date.slice(0, 10)})`}</Text>
      {SERIES.map((s) => {
        const values = trend.points.map((p) => seriesValue(s, p));
        return (
          <Text key={s.key} wrap="truncate-end">
            {`  ${s.title.padEnd(width)}  `}
            <Text color={theme.color('accent')}>{sparkline(values)}</Text>
            {`  ${values[0]} → ${values[values.length - 1]}`}
          </Text>
        );
      })}
    </>
  );
}
