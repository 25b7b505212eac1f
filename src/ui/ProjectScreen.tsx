// One project: findings grouped by incubator module (with its successor) and by kind, the source
// around the selected finding, and the project's activity.

import { Box, Text } from 'ink';
import type { Project } from '../report/index.js';
import { shortAge } from './age.js';
import { place, provenanceSummary, type Entry } from './findingGroups.js';
import { previewLines, type Preview } from './preview.js';
import { STATUS_TONES, useTheme } from './theme.js';
import type { Candidacy } from './types.js';
import { chartLines, TrendChart } from './TrendView.js';
import type { TrendProject } from '../report/index.js';

export const PREVIEW_LINES = 7;

export interface ProjectScreenProps {
  project: Project;
  candidacy: Candidacy;
  entries: readonly Entry[];
  /** Index into `entries` of the selected finding, -1 when there is none. */
  selected: number;
  offset: number;
  preview: Preview | null;
  width: number;
  height: number;
  now: Date;
  /** The project's trend, when the review was given one: a small chart above the findings. */
  trend?: TrendProject;
}

function activityLine(project: Project, candidacy: Candidacy, now: Date): string {
  const a = project.activity;
  if (!a) return 'activity: unknown';
  const human = a.lastHumanCommit ? `last human commit ${a.lastHumanCommit.slice(0, 10)} (${shortAge(a.lastHumanCommit, now)} ago)` : 'no human commit';
  const parts = [
    human,
    `last commit ${a.lastCommit?.slice(0, 10) ?? '-'}`,
    `${a.commits90d} commits/90d`,
    `${a.commits365d} commits, ${a.authors365d} authors/365d`,
    `incubator sync ${a.lastIncubatorSync?.slice(0, 10) ?? '-'}`,
  ];
  return `${parts.join(' · ')}${candidacy.isCandidate ? ` · retirement candidate: ${candidacy.reasons.join('; ')}` : ''}`;
}

/** Lines above the findings: the title, the activity, and the provenance when the report has it. */
export function headerLines(project: Project): number {
  return project.provenance ? 3 : 2;
}

/** How many list lines the screen has at this height: the rest goes to the header, the trend chart and the preview. */
export function listHeight(height: number, project: Project | null = null, trend?: TrendProject): number {
  return Math.max(3, height - 1 - (project ? headerLines(project) : 2) - chartLines(trend) - (PREVIEW_LINES + 1));
}

export function ProjectScreen({ project, candidacy, entries, selected, offset, preview, width, height, now, trend }: ProjectScreenProps) {
  const theme = useTheme();
  const status = project.error ? 'error' : project.summary.migrationStatus;
  const head = `${project.name}${project.repo ? ` (${project.repo})` : ''}${project.commit ? ` @ ${project.commit.slice(0, 10)}` : ''}  `;
  const rows = listHeight(height, project, trend);
  const finding = selected >= 0 ? entries[selected] : undefined;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {head}
        <Text color={theme.color(STATUS_TONES[status])}>{status}</Text>
        {candidacy.isCandidate ? <Text color={theme.color('warn')}>  retirement candidate</Text> : candidacy.quiet ? <Text color={theme.color('muted')}>  quiet (relied on)</Text> : null}
      </Text>
      <Text color={theme.color('muted')} wrap="truncate-end">{activityLine(project, candidacy, now)}</Text>
      {project.provenance ? <Text color={theme.color('muted')} wrap="truncate-end">{`provenance: ${provenanceSummary(project.provenance)}`}</Text> : null}
      {trend && chartLines(trend) > 0 ? <TrendChart trend={trend} /> : null}
      {project.error ? (
        <Text color={theme.color('bad')} wrap="wrap">{`error during ${project.error.stage}: ${project.error.message}`}</Text>
      ) : (
        <Box flexDirection="column" height={rows}>
          {entries.length === 0 && <Text color={theme.color('good')}>  nothing left between this project and the Oslo libraries</Text>}
          {entries.slice(offset, offset + rows).map((e, i) =>
            e.type === 'group' ? (
              <Text key={offset + i} bold color={theme.color('accent')} wrap="truncate-end">{e.title}</Text>
            ) : e.type === 'note' ? (
              <Text key={offset + i} color={theme.color('warn')} wrap="truncate-end">{`  ${e.text}`}</Text>
            ) : (
              <Text key={offset + i} wrap="truncate-end" inverse={offset + i === selected}>{`${offset + i === selected ? '> ' : '  '}${e.text}`}</Text>
            ),
          )}
        </Box>
      )}
      {finding?.type === 'finding' && !project.error && <SourcePreview title={place(finding.finding)} line={finding.finding.line} endLine={finding.finding.endLine} preview={preview} width={width} />}
    </Box>
  );
}

function SourcePreview({ title, line, endLine, preview, width }: { title: string; line: number | null; endLine: number | null; preview: Preview | null; width: number }) {
  const theme = useTheme();
  const rule = `── ${title} `;
  let body;
  if (!preview || preview.state === 'loading') body = <Text color={theme.color('muted')}>  loading…</Text>;
  else if (preview.state === 'unavailable') body = <Text color={theme.color('muted')} wrap="truncate-end">{`  source unavailable: ${preview.reason}`}</Text>;
  else {
    const lines = previewLines(preview.text, line, endLine, PREVIEW_LINES);
    const digits = String(lines[lines.length - 1]?.number ?? 1).length;
    body = lines.map((l) => (
      <Text key={l.number} wrap="truncate-end" bold={l.hit} color={l.hit ? theme.color('warn') : undefined}>
        {`${l.hit ? '>' : ' '}${String(l.number).padStart(digits)} │ ${l.text}`}
      </Text>
    ));
  }
  return (
    <Box flexDirection="column">
      <Text color={theme.color('muted')} wrap="truncate-end">{rule + '─'.repeat(Math.max(0, width - rule.length))}</Text>
      {body}
    </Box>
  );
}
