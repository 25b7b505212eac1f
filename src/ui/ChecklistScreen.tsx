// A project's checklists as the checklist station renders them, scrolled a screen at a time.

import { Box, Text } from 'ink';
import type { SheetLine } from './checklistLines.js';
import { useTheme, type Tone } from './theme.js';

const TONE: Partial<Record<SheetLine['kind'], Tone>> = { title: 'accent', heading: 'accent', detail: 'muted', done: 'good', note: 'warn' };

export function ChecklistScreen({ project, lines, offset, height }: { project: string; lines: readonly SheetLine[]; offset: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`Checklists for ${project}`}</Text>
      {lines.slice(offset, offset + Math.max(1, height - 1)).map((l, i) => {
        const tone = TONE[l.kind];
        return (
          <Text key={offset + i} wrap="truncate-end" bold={l.kind === 'title' || l.kind === 'heading'} color={tone ? theme.color(tone) : undefined}>
            {l.kind === 'title' || l.kind === 'note' ? l.text : `  ${l.text}`}
          </Text>
        );
      })}
    </Box>
  );
}
