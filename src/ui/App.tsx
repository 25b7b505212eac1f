// The review app: live pipeline progress, then the project list, a project's findings with source
// previews, and its checklists. State lives here; the screens only draw it.

import { Box, Text, useApp, useInput, useStdin, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PipelineEvent } from '../pipeline/index.js';
import type { Report } from '../report/index.js';
import { retirementCandidacy } from './candidacy.js';
import { checklistLines, checklistMarkdown } from './checklistMarkdown.js';
import { ChecklistScreen } from './ChecklistScreen.js';
import { findingsChecklists } from './findingsChecklist.js';
import { HelpScreen } from './HelpScreen.js';
import { HINTS, intentOf } from './keys.js';
import { entriesOf, initialNav, navigate, shownRows, typeFilter, type Nav, type NavContext } from './navigation.js';
import { applyEvent, emptyProgress } from './progress.js';
import { ProgressScreen } from './ProgressScreen.js';
import type { Preview } from './preview.js';
import { listHeight, ProjectScreen } from './ProjectScreen.js';
import { ProjectsScreen } from './ProjectsScreen.js';
import { projectRow, SORT_COLUMNS, STATUS_FILTERS } from './rows.js';
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
  const [previews, setPreviews] = useState<ReadonlyMap<string, Preview>>(new Map());
  // Navigation is kept in a ref as well, so each key acts on the state the previous key left.
  const [nav, setNav] = useState(() => initialNav(props.report ? 'projects' : 'progress'));
  const navRef = useRef(nav);
  const updateNav = (fn: (n: Nav) => Nav): void => {
    navRef.current = fn(navRef.current);
    setNav(navRef.current);
  };
  const reportRef = useRef(report);
  const left = useRef(false);

  const leave = (interrupted: boolean): void => {
    if (left.current) return;
    left.current = true;
    const result = { interrupted, report: reportRef.current };
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
        reportRef.current = result;
        setReport(result);
        updateNav((n) => (n.view === 'progress' ? { ...n, view: 'projects' } : n));
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

  const { view, help, list, open, detail, sheet, message } = nav;
  const rows = useMemo(() => (report ? report.projects.map((p) => projectRow(p, now)) : []), [report, now]);
  const shown = shownRows(rows, list);
  const entries = entriesOf(open);
  const candidacy = useMemo(() => (open ? retirementCandidacy(open, now) : { isCandidate: false, reason: null }), [open, now]);
  const checklistSource = props.checklists ?? findingsChecklists;
  const checklists = useMemo(() => (open ? checklistSource(open, now) : []), [open, now, checklistSource]);
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

  const context = (n: Nav): NavContext => ({
    rows,
    listPage,
    detailPage,
    sheetPage,
    sheetLines: n.open === open ? sheetLines.length : checklistLines(n.open ? checklistSource(n.open, now) : []).length,
  });

  const writeChecklist = (): void => {
    const project = navRef.current.open;
    if (!project) return;
    let note: string;
    if (!props.writeChecklist) note = 'writing checklists is not available here';
    else {
      try {
        note = `wrote ${props.writeChecklist(project, checklistMarkdown(checklistSource(project, now)))}`;
      } catch (e) {
        note = `could not write the checklist: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    updateNav((n) => ({ ...n, message: note }));
  };

  const onKey = (input: string, key: Key): void => {
    const current = navRef.current;
    if (current.view === 'projects' && current.list.editing && !current.help) return updateNav((n) => typeFilter(n, input, key));
    const intent = intentOf(input, key);
    if (!intent) return;
    if (intent.type === 'quit' || intent.type === 'interrupt') return leave(intent.type === 'interrupt');
    if (intent.type === 'write' && current.view === 'checklist' && !current.help) return writeChecklist();
    updateNav((n) => navigate(n, intent, context(n)));
  };

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return leave(true);
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
