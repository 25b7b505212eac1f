// The frame the state calls for: the screen (help, progress, the project list, a project, its changes
// or its checklists) and the status bar with its breadcrumb, key hints and message. It only draws;
// every value comes from the store.

import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import { plural } from '../util/index.js';
import { ChangesScreen } from './ChangesScreen.js';
import { CHANGE_NAMES, changeLines as changeLinesOf } from './changeLines.js';
import { ChecklistScreen } from './ChecklistScreen.js';
import { HelpScreen } from './HelpScreen.js';
import { HINTS } from './keys.js';
import { entriesOf, shownRows } from './navigation.js';
import { ProgressScreen } from './ProgressScreen.js';
import { ProjectScreen } from './ProjectScreen.js';
import { ProjectsScreen } from './ProjectsScreen.js';
import { SORT_COLUMNS, STATUS_FILTERS } from './rows.js';
import { StatusBar } from './StatusBar.js';
import { previewWanted, sheetOf } from './selectors.js';
import type { ReviewState, StoreEnv } from './store.js';
import { useTheme } from './theme.js';
import { wrapText } from './wrap.js';

interface Shown {
  screen: ReactNode;
  crumb: string;
  hints: string;
  /** The status bar's message: the confirmation asked, or what the last key did. */
  note: string | null;
}

/** What to draw for `state` in a `width` × `body` area. */
function useShown(state: ReviewState, env: StoreEnv, width: number, body: number): Shown {
  const theme = useTheme();
  const { nav, report, rows, change } = state;
  const { view, help, list, open } = nav;
  const loaded = open ? state.checklists.get(open) : undefined;
  const sheetLines = useMemo(() => sheetOf(loaded, width - 1), [loaded, width]);
  const changeLines = useMemo(() => (change ? changeLinesOf(change.change, width - 1) : []), [change, width]);
  const pending = nav.confirm && change?.change.state === 'ready' ? change.change.preview : null;
  const note = pending ? `y: commit ${plural(pending.commits, 'change')} locally · any other key: cancel` : nav.message;

  if (help) return { screen: <HelpScreen height={body} retireRule={env.candidacy.summary} />, crumb: 'help', hints: HINTS.help, note };
  if (view === 'progress' || !report) {
    const screen = state.runError ? (
      <Box height={body}>
        <Text color={theme.color('bad')}>{`The scan stopped: ${state.runError}`}</Text>
      </Box>
    ) : (
      <ProgressScreen progress={state.progress} elapsedMs={state.elapsedMs} width={width} height={body} />
    );
    return { screen, crumb: 'scanning', hints: HINTS.progress, note };
  }
  if (view === 'projects' || !open) {
    const shown = shownRows(rows, list);
    const filtered = list.filter !== '' || list.status !== 0;
    const title = [
      filtered ? `${shown.length} of ${plural(rows.length, 'project')}` : plural(rows.length, 'project'),
      `${rows.filter((r) => r.status === 'error').length} failed`,
      plural(rows.filter((r) => r.candidate).length, 'candidate'),
      `sort: ${SORT_COLUMNS[list.sort]!.label}`,
      `status: ${STATUS_FILTERS[list.status]}`,
      ...(list.editing ? [`filter: /${list.filter}_`] : list.filter ? [`filter: ${list.filter}`] : []),
    ].join(' · ');
    const screen = <ProjectsScreen rows={shown} cursor={list.cursor} offset={list.offset} title={title} width={width} height={body} now={env.now} trends={env.trends} />;
    return { screen, crumb: 'projects', hints: list.editing ? HINTS.filtering : HINTS.projects, note };
  }
  if (view === 'project') {
    const wanted = previewWanted(state);
    const preview = wanted ? (state.previews.get(wanted.key) ?? null) : null;
    const candidacy = env.candidacy.judge(open, env.now);
    const screen = (
      <ProjectScreen project={open} candidacy={candidacy} entries={entriesOf(open)} selected={nav.detail.selected} offset={nav.detail.offset} preview={preview} width={width} height={body} now={env.now} trend={env.trends?.get(open.name)} />
    );
    return { screen, crumb: `${open.name} › findings`, hints: HINTS.project, note };
  }
  if (view === 'changes' && change) {
    const c = change.change;
    const name = CHANGE_NAMES[change.kind];
    const title = c.state === 'ready' || c.state === 'applied' ? `${name} for ${open.name}: ${c.preview.title}` : `${name} for ${open.name}`;
    const question = pending ? wrapText(`Commit ${plural(pending.commits, 'change')} locally in ${pending.target}? Nothing is pushed.`, width - 1) : [];
    const screen = <ChangesScreen title={title} lines={changeLines} offset={nav.changes.offset} height={body} question={question} />;
    return { screen, crumb: `${open.name} › ${change.kind === 'fix' ? 'fix' : 'retire'}`, hints: c.state === 'ready' && c.preview.apply ? HINTS.changes : HINTS.changesDone, note };
  }
  return { screen: <ChecklistScreen project={open.name} lines={sheetLines} offset={nav.sheet.offset} height={body} />, crumb: `${open.name} › checklist`, hints: HINTS.checklist, note };
}

export interface ReviewScreenProps {
  state: ReviewState;
  env: StoreEnv;
  width: number;
  height: number;
  /** Shown in the status bar when there is nothing else to say (keys need a terminal). */
  idleNote: string | null;
}

/** The whole frame: the screen above, the status bar below. */
export function ReviewScreen({ state, env, width, height, idleNote }: ReviewScreenProps) {
  const shown = useShown(state, env, width, height - 1);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.screen}
      <StatusBar crumb={shown.crumb} hints={shown.hints} message={shown.note ?? idleNote} width={width} />
    </Box>
  );
}
