import { Box, Text } from 'ink';
import type { checklistLines } from './checklistMarkdown.js';
import { useTheme } from './theme.js';

export function ChecklistScreen({ project, lines, offset, height }: { project: string; lines: ReturnType<typeof checklistLines>; offset: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`Checklists for ${project}`}</Text>
      {lines.slice(offset, offset + Math.max(1, height - 1)).map((l, i) => (
        <Text
          key={offset + i}
          wrap="truncate-end"
          bold={l.kind === 'title'}
          color={l.kind === 'title' ? theme.color('accent') : l.kind === 'detail' || l.kind === 'done' ? theme.color('muted') : undefined}
        >
          {l.kind === 'title' ? l.text : `  ${l.text}`}
        </Text>
      ))}
    </Box>
  );
}
