// Live progress of the fetch-and-scan pipeline: an overall bar, counts, elapsed and ETA, and a row
// per repository around the first one still in flight.

import { Box, Text } from 'ink';
import { clock } from './age.js';
import { eta, type Progress, type TargetProgress } from './progress.js';
import { useTheme, type Tone } from './theme.js';

const STATE_TONES: Record<TargetProgress['state'], Tone> = { queued: 'muted', cloning: 'info', fetching: 'info', scanning: 'accent', done: 'good', failed: 'bad' };

function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function ProgressScreen({ progress, elapsedMs, width, height }: { progress: Progress; elapsedMs: number; width: number; height: number }) {
  const theme = useTheme();
  const total = progress.targets.length;
  const finished = progress.done + progress.failed;
  const left = eta(progress, elapsedMs);
  const counts = `${finished}/${total}  done ${progress.done}  failed ${progress.failed}  elapsed ${clock(elapsedMs)}  ETA ${left === null ? '--:--' : clock(left)}`;
  const rowsHeight = Math.max(1, height - 3);
  // Keep the first unfinished repository in view, with a little of what just finished above it.
  const firstOpen = progress.targets.findIndex((t) => t.state !== 'done' && t.state !== 'failed');
  const start = Math.max(0, Math.min((firstOpen < 0 ? total : firstOpen) - 2, total - rowsHeight));
  const shown = progress.targets.slice(start, start + rowsHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`Scanning ${total} ${total === 1 ? 'repository' : 'repositories'}`}</Text>
      <Text wrap="truncate-end">
        <Text color={theme.color('accent')}>{bar(total ? finished / total : 0, Math.max(10, Math.min(40, width - counts.length - 2)))}</Text>
        {` ${counts}`}
      </Text>
      <Text> </Text>
      {shown.map((t) => (
        <Text key={t.target} wrap="truncate-end">
          <Text color={theme.color(STATE_TONES[t.state])}>{t.state.padEnd(9)}</Text>
          {` ${t.target}${t.percent !== undefined ? ` ${t.percent}%` : ''}${t.detail ? `  ${t.detail}` : ''}`}
        </Text>
      ))}
    </Box>
  );
}
