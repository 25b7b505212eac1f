import { Box, Text } from 'ink';
import { COLUMN_HELP, HELP_LINES } from './keys.js';
import { useTheme } from './theme.js';

export function HelpScreen({ height }: { height: number }) {
  const theme = useTheme();
  const lines: [string, string][] = [...HELP_LINES, ['', ''], ...COLUMN_HELP];
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys</Text>
      {lines.slice(0, Math.max(0, height - 1)).map(([k, what], i) => (
        <Text key={i} wrap="truncate-end">
          <Text color={theme.color('accent')}>{`  ${k.padEnd(20)}`}</Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}
