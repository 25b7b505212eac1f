// Generated changes before they are committed: the diff (or the planned edits), scrolled a screen at a
// time, and after applying, the commits made.

import { Box, Text } from 'ink';
import type { ChangeLine } from './changeLines.js';
import { useTheme, type Tone } from './theme.js';

const TONE: Partial<Record<ChangeLine['kind'], Tone>> = { added: 'good', removed: 'bad', hunk: 'info', file: 'accent', note: 'warn', commit: 'good' };

export interface ChangesScreenProps {
  title: string;
  lines: readonly ChangeLine[];
  offset: number;
  height: number;
  /** The confirmation asked before committing, shown above the changes (already wrapped). */
  question?: readonly string[];
}

export function ChangesScreen({ title, lines, offset, height, question = [] }: ChangesScreenProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{title}</Text>
      {question.map((q, i) => (
        <Text key={`q${i}`} bold color={theme.color('warn')} inverse wrap="truncate-end">{q}</Text>
      ))}
      {lines.slice(offset, offset + Math.max(1, height - 1 - question.length)).map((l, i) => {
        const tone = TONE[l.kind];
        return (
          <Text key={offset + i} wrap="truncate-end" bold={l.kind === 'file' || l.kind === 'commit'} color={tone ? theme.color(tone) : undefined}>
            {l.text === '' ? ' ' : l.text}
          </Text>
        );
      })}
    </Box>
  );
}
