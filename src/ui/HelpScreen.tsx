import { Box, Text } from 'ink';
import { columnHelp, HELP_LINES } from './keys.js';
import { useTheme } from './theme.js';

export function HelpScreen({ height, retireRule }: { height: number; retireRule: string }) {
  const theme = useTheme();
  const lines: [string, string][] = [...HELP_LINES, ['', ''], ...columnHelp(retireRule)];
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
