// The review app: live pipeline progress, then the project list, a project's findings with source
// previews, and its checklists. State lives here; the screens only draw it.

import { Box, Text, useApp, useInput, useStdin, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PipelineEvent } from '../pipeline/index.js';
import type { Project, Report } from '../report/index.js';
import { retirementCandidacy } from './candidacy.js';
import { checklistLines, checklistMarkdown } from './checklistMarkdown.js';
import { ChecklistScreen } from './ChecklistScreen.js';
import { findingEntries } from './findingGroups.js';
import { findingsChecklists } from './findingsChecklist.js';
import { HelpScreen } from './HelpScreen.js';
import { HINTS, intentOf, type Intent } from './keys.js';
import { applyEvent, emptyProgress } from './progress.js';
import { ProgressScreen } from './ProgressScreen.js';
import type { Preview } from './preview.js';
import { listHeight, ProjectScreen } from './ProjectScreen.js';
import { ProjectsScreen } from './ProjectsScreen.js';
import { projectRow, SORT_COLUMNS, STATUS_FILTERS, visibleRows } from './rows.js';
import { clamp, follow, moveCursor } from './scroll.js';
import { StatusBar } from './StatusBar.js';
import { makeTheme, ThemeContext } from './theme.js';
import type { ChecklistSource, ChecklistWriter, Runner, SourceReader } from './types.js';
import { useTerminalSize } from './useTerminalSize.js';
import { plural } from '../util/text.js';

export interface ReviewResult {
  /** Left with ctrl-c rather than `q`. */
  interrupted: boolean;
  report: Report | null;
}

export interface ReviewAppProps {
  /** Scans and reports progress; not needed when `report` is given. */
  runner?: Runner;
  /** A report to review without scanning. */
  report?: Report;
  readSource?: SourceReader;
  checklists?: ChecklistSource;
  writeChecklist?: ChecklistWriter;
  /** The moment ages and candidacy are measured from. */
  now?: Date;
  colors?: boolean;
  /** Called once when the user leaves. */
  onExit?: (result: ReviewResult) => void;
}

type View = 'progress' | 'projects' | 'project' | 'checklist';

interface ListState {
  cursor: number;
  offset: number;
  sort: number;
  status: number;
  filter: string;
  editing: boolean;
}

// How often buffered pipeline events reach the screen: a thousand events in a burst become one redraw.
const PROGRESS_REFRESH_MS = 200;

export function ReviewApp(props: ReviewAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize();
  const width = Math.max(40, size.columns);
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear the screen on every redraw.
  const height = Math.max(10, size.rows - 1);
  const body = height - 1;
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const theme = useMemo(() => makeTheme(props.colors ?? true), [props.colors]);

  const [report, setReport] = useState<Report | null>(props.report ?? null);
  const [progress, setProgress] = useState(emptyProgress);
  const [elapsed, setElapsed] = useState(0);
  const [runError, setRunError] = useState<string | null>(null);
  const [view, setView] = useState<View>(props.report ? 'projects' : 'progress');
  const [help, setHelp] = useState(false);
  const [list, setList] = useState<ListState>({ cursor: 0, offset: 0, sort: 0, status: 0, filter: '', editing: false });
  const [open, setOpen] = useState<Project | null>(null);
  const [detail, setDetail] = useState({ selected: -1, offset: 0 });
  const [sheet, setSheet] = useState<{ offset: number; from: View }>({ offset: 0, from: 'projects' });
  const [message, setMessage] = useState<string | null>(null);
  const [previews, setPreviews] = useState<ReadonlyMap<string, Preview>>(new Map());
  const left = useRef(false);

  const leave = (interrupted: boolean): void => {
    if (left.current) return;
    left.current = true;
    const result = { interrupted, report };
    props.onExit?.(result);
    exit(result);
  };

  // Run the pipeline once; events are buffered and folded in on a timer.
  useEffect(() => {
    if (props.report || !props.runner) return;
    const controller = new AbortController();
    const started = Date.now();
    let pending: PipelineEvent[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      setProgress((p) => batch.reduce(applyEvent, p));
    };
    const timer = setInterval(() => {
      flush();
      setElapsed(Date.now() - started);
    }, PROGRESS_REFRESH_MS);
    props.runner((event) => pending.push(event), controller.signal).then(
      (result) => {
        clearInterval(timer);
        flush();
        setReport(result);
        setView((v) => (v === 'progress' ? 'projects' : v));
      },
      (e: unknown) => {
        clearInterval(timer);
        flush();
        setRunError((e as Error).message.split('\n')[0] ?? 'the scan failed');
      },
    );
    return () => {
      controller.abort();
      clearInterval(timer);
    };
    // The run starts once per app; later prop changes do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows = useMemo(() => (report ? report.projects.map((p) => projectRow(p, now)) : []), [report, now]);
  const shown = useMemo(() => visibleRows(rows, { sort: list.sort, filter: list.filter, status: STATUS_FILTERS[list.status]! }), [rows, list.sort, list.filter, list.status]);
  const entries = useMemo(() => (open && !open.error ? findingEntries(open) : []), [open]);
  const findingIndexes = useMemo(() => entries.flatMap((e, i) => (e.type === 'finding' ? [i] : [])), [entries]);
  const candidacy = useMemo(() => (open ? retirementCandidacy(open, now) : { isCandidate: false, reason: null }), [open, now]);
  const checklists = useMemo(() => (open ? (props.checklists ?? findingsChecklists)(open, now) : []), [open, now, props.checklists]);
  const sheetLines = useMemo(() => checklistLines(checklists), [checklists]);

  // The preview of the selected finding's file, read once per file and kept.
  const selectedEntry = detail.selected >= 0 ? entries[detail.selected] : undefined;
  const previewFile = view === 'project' && selectedEntry?.type === 'finding' ? selectedEntry.finding.file : null;
  const previewKey = open && previewFile ? `${open.name}\0${open.commit ?? ''}\0${previewFile}` : null;
  useEffect(() => {
    if (!open || !previewFile || !previewKey || previews.has(previewKey)) return;
    const set = (p: Preview): void => setPreviews((m) => new Map(m).set(previewKey, p));
    if (!props.readSource) return set({ state: 'unavailable', reason: 'no checkout to read from' });
    set({ state: 'loading' });
    props.readSource(open, previewFile).then(
      (text) => set({ state: 'text', text }),
      (e: unknown) => set({ state: 'unavailable', reason: (e as Error).message.split('\n')[0] ?? 'unreadable' }),
    );
  }, [open, previewFile, previewKey, previews, props.readSource]);

  const listPage = Math.max(1, body - 2);
  const detailPage = listHeight(body);
  const sheetPage = Math.max(1, body - 1);

  const openProject = (project: Project, next: View): void => {
    setOpen(project);
    const first = project.error ? [] : findingEntries(project);
    const firstFinding = first.findIndex((e) => e.type === 'finding');
    setDetail({ selected: firstFinding, offset: 0 });
    setSheet({ offset: 0, from: view });
    setMessage(null);
    setView(next);
  };

  const onListIntent = (intent: Intent): void => {
    switch (intent.type) {
      case 'move':
        return setList((l) => {
          const cursor = moveCursor(l.cursor, intent.move, listPage, shown.length);
          return { ...l, cursor, offset: follow(l.offset, cursor, listPage, shown.length) };
        });
      case 'open':
        if (shown[list.cursor]) openProject(shown[list.cursor]!.project, 'project');
        return;
      case 'checklist':
        if (shown[list.cursor]) openProject(shown[list.cursor]!.project, 'checklist');
        return;
      case 'sort':
        return setList((l) => ({ ...l, sort: (l.sort + 1) % SORT_COLUMNS.length, cursor: 0, offset: 0 }));
      case 'filterStatus':
        return setList((l) => ({ ...l, status: (l.status + 1) % STATUS_FILTERS.length, cursor: 0, offset: 0 }));
      case 'filterText':
        return setList((l) => ({ ...l, editing: true }));
      case 'back':
        return setList((l) => ({ ...l, filter: '', status: 0, cursor: 0, offset: 0 }));
      default:
        return;
    }
  };

  const onDetailIntent = (intent: Intent): void => {
    switch (intent.type) {
      case 'move':
        if (findingIndexes.length === 0) return;
        return setDetail((d) => {
          const at = Math.max(0, findingIndexes.indexOf(d.selected));
          const selected = findingIndexes[moveCursor(at, intent.move, detailPage, findingIndexes.length)]!;
          // Keep the group title above the selection in view when there is room.
          const top = entries[selected - 1]?.type === 'group' ? selected - 1 : selected;
          return { selected, offset: Math.min(follow(d.offset, selected, detailPage, entries.length), top) };
        });
      case 'back':
        return setView('projects');
      case 'checklist':
        setSheet({ offset: 0, from: 'project' });
        setMessage(null);
        return setView('checklist');
      default:
        return;
    }
  };

  const onSheetIntent = (intent: Intent): void => {
    const max = Math.max(0, sheetLines.length - sheetPage);
    switch (intent.type) {
      case 'move': {
        const step = { up: -1, down: 1, pageUp: -sheetPage, pageDown: sheetPage, top: -Infinity, bottom: Infinity }[intent.move];
        return setSheet((s) => ({ ...s, offset: clamp(s.offset + step, 0, max) }));
      }
      case 'write': {
        if (!open) return;
        if (!props.writeChecklist) return setMessage('writing checklists is not available here');
        try {
          setMessage(`wrote ${props.writeChecklist(open, checklistMarkdown(checklists))}`);
        } catch (e) {
          setMessage(`could not write the checklist: ${(e as Error).message.split('\n')[0]}`);
        }
        return;
      }
      case 'back':
        setMessage(null);
        return setView(sheet.from === 'project' ? 'project' : 'projects');
      default:
        return;
    }
  };

  const onFilterKey = (input: string, key: Key): void => {
    if (key.escape) return setList((l) => ({ ...l, filter: '', editing: false, cursor: 0, offset: 0 }));
    if (key.return) return setList((l) => ({ ...l, editing: false }));
    if (key.backspace || key.delete) return setList((l) => ({ ...l, filter: l.filter.slice(0, -1), cursor: 0, offset: 0 }));
    if (key.ctrl || key.meta || !input) return;
    // eslint-disable-next-line no-control-regex
    const text = input.replace(/[\x00-\x1f\x7f]/g, '');
    if (text) setList((l) => ({ ...l, filter: l.filter + text, cursor: 0, offset: 0 }));
  };

  const onKey = (input: string, key: Key): void => {
    const intent = intentOf(input, key);
    if (!intent) return;
    if (intent.type === 'quit' || intent.type === 'interrupt') return leave(intent.type === 'interrupt');
    if (help) {
      if (intent.type === 'back' || intent.type === 'help') setHelp(false);
      return;
    }
    if (intent.type === 'help') return setHelp(true);
    if (view === 'projects') onListIntent(intent);
    else if (view === 'project') onDetailIntent(intent);
    else if (view === 'checklist') onSheetIntent(intent);
  };

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return leave(true);
      if (view === 'projects' && list.editing && !help) return onFilterKey(input, key);
      // Keys typed faster than the screen reads them arrive together (`jjj`): each one counts.
      if (input.length > 1 && !key.ctrl && !key.meta && /^[\x20-\x7e]+$/.test(input)) {
        for (const ch of input) onKey(ch, { ...key, shift: ch !== ch.toLowerCase() });
        return;
      }
      onKey(input, key);
    },
    { isActive: isRawModeSupported },
  );

  const failed = rows.filter((r) => r.status === 'error').length;
  const candidates = rows.filter((r) => r.candidate).length;
  let screen;
  let crumb: string;
  let hints: string;
  if (help) {
    screen = <HelpScreen height={body} />;
    crumb = 'help';
    hints = HINTS.help;
  } else if (view === 'progress' || !report) {
    screen = runError ? (
      <Box height={body}>
        <Text color={theme.color('bad')}>{`The scan stopped: ${runError}`}</Text>
      </Box>
    ) : (
      <ProgressScreen progress={progress} elapsedMs={elapsed} width={width} height={body} />
    );
    crumb = 'scanning';
    hints = HINTS.progress;
  } else if (view === 'projects' || !open) {
    const filtered = list.filter !== '' || list.status !== 0;
    const title = [
      filtered ? `${shown.length} of ${plural(rows.length, 'project')}` : plural(rows.length, 'project'),
      `${failed} failed`,
      plural(candidates, 'candidate'),
      `sort: ${SORT_COLUMNS[list.sort]!.label}`,
      `status: ${STATUS_FILTERS[list.status]}`,
      ...(list.editing ? [`filter: /${list.filter}_`] : list.filter ? [`filter: ${list.filter}`] : []),
    ].join(' · ');
    screen = <ProjectsScreen rows={shown} cursor={list.cursor} offset={list.offset} title={title} width={width} height={body} now={now} />;
    crumb = 'projects';
    hints = list.editing ? HINTS.filtering : HINTS.projects;
  } else if (view === 'project') {
    const preview = previewKey ? (previews.get(previewKey) ?? null) : null;
    screen = (
      <ProjectScreen project={open} candidacy={candidacy} entries={entries} selected={detail.selected} offset={detail.offset} preview={preview} width={width} height={body} now={now} />
    );
    crumb = `${open.name} › findings`;
    hints = HINTS.project;
  } else {
    screen = <ChecklistScreen project={open.name} lines={sheetLines} offset={sheet.offset} height={body} />;
    crumb = `${open.name} › checklist`;
    hints = HINTS.checklist;
  }
  const note = message ?? (isRawModeSupported ? null : 'keys need a terminal on stdin');
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={width} height={height}>
        {screen}
        <StatusBar crumb={crumb} hints={hints} message={note} width={width} />
      </Box>
    </ThemeContext.Provider>
  );
}
