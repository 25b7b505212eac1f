// Generated changes before they are committed: the diff (or the planned edits), scrolled a screen at a
// time, and after applying, the commits made.

import { Box, Text } from 'ink';
import type { ChangeLine } from './changeLines.js';
import { useTheme, type Tone } from './theme.js';

const TONE: Partial<Record<ChangeLine['kind'], Tone>> = { added: 'good', removed: 'bad', hunk: 'info', file: 'accent', note: 'warn', commit: 'good' };

export function ChangesScreen({ title, lines, offset, height }: { title: string; lines: readonly ChangeLine[]; offset: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{title}</Text>
      {lines.slice(offset, offset + Math.max(1, height - 1)).map((l, i) => {
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
