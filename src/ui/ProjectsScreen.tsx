// The project list: only the rows inside the window are rendered, so a thousand projects cost
// no more to draw than twenty.

import { Box, Text } from 'ink';
import { headerLine, rowCells } from './projectTable.js';
import type { ProjectRow } from './rows.js';
import { STATUS_TONES, useTheme } from './theme.js';
import { SPARK_WIDTH, sparkOf } from './TrendView.js';
import type { TrendProject } from '../report/index.js';

export interface ProjectsScreenProps {
  rows: readonly ProjectRow[];
  cursor: number;
  offset: number;
  title: string;
  width: number;
  height: number;
  now: Date;
  /** Each project's trend, when the review was given one: a sparkline column. */
  trends?: ReadonlyMap<string, TrendProject> | null;
}

export function ProjectsScreen({ rows, cursor, offset, title, width, height, now, trends }: ProjectsScreenProps) {
  const theme = useTheme();
  // The sparkline's room comes out of the name column.
  const columns = trends ? width - SPARK_WIDTH - 2 : width;
  const windowRows = rows.slice(offset, offset + Math.max(0, height - 2));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{title}</Text>
      <Text color={theme.color('muted')} wrap="truncate-end">{headerLine(columns)}{trends ? `  ${'TREND'.padEnd(SPARK_WIDTH)}` : ''}</Text>
      {windowRows.length === 0 && <Text color={theme.color('muted')}>  no project matches the filters (esc clears them)</Text>}
      {windowRows.map((row, i) => {
        const selected = offset + i === cursor;
        const cells = rowCells(row, columns, now, selected);
        return (
          <Text key={`${offset + i}:${row.name}`} wrap="truncate-end" inverse={selected}>
            {cells.lead}
            <Text color={theme.color(STATUS_TONES[row.status])}>{cells.status}</Text>
            <Text color={row.candidate ? theme.color('warn') : undefined}>{cells.retire}</Text>
            {trends ? <Text color={theme.color('accent')}>{`${' '.repeat(Math.max(0, 6 - cells.retire.length))}  ${sparkOf(trends.get(row.name))}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
