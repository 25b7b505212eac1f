import { Text } from 'ink';
import { useTheme } from './theme.js';

/** The bottom line: where the user is, then a message or the key hints. */
export function StatusBar({ crumb, hints, message, width }: { crumb: string; hints: string; message?: string | null; width: number }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" inverse>
      {` ${crumb} `}
      <Text color={message ? theme.color('warn') : theme.color('muted')} inverse={false}>
        {` ${message ?? hints}`.padEnd(Math.max(0, width - crumb.length - 2))}
      </Text>
    </Text>
  );
}
