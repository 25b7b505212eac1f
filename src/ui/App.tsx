// The review app: live pipeline progress, then the project list, a project's findings with source
// previews, and its checklists. State lives here; the screens only draw it.

import { Box, Text, useApp, useInput, useStdin, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { migrationChecklist, renderChecklistMarkdown } from '../checklist/index.js';
import type { PipelineEvent } from '../pipeline/index.js';
import type { Project, Report } from '../report/index.js';
import { candidacy as judgeCandidacy, type CandidacyRules } from '../retire/index.js';
import { ChangesScreen } from './ChangesScreen.js';
import { CHANGE_NAMES, changeLines, type ChangeState } from './changeLines.js';
import { checklistLines, type SheetLine } from './checklistLines.js';
import { ChecklistScreen } from './ChecklistScreen.js';
import { HelpScreen } from './HelpScreen.js';
import { HINTS, intentOf } from './keys.js';
import { entriesOf, initialNav, navigate, shownRows, typeFilter, type Nav, type NavContext } from './navigation.js';
import { applyEvent, emptyProgress } from './progress.js';
import { ProgressScreen } from './ProgressScreen.js';
import type { Preview } from './preview.js';
import { listHeight, ProjectScreen } from './ProjectScreen.js';
import { ProjectsScreen } from './ProjectsScreen.js';
import { isCandidate, projectRow, SORT_COLUMNS, STATUS_FILTERS } from './rows.js';
import { StatusBar } from './StatusBar.js';
import { makeTheme, ThemeContext } from './theme.js';
import type { ChangeKind, ChangeSource, ChecklistSource, ChecklistWriter, ProjectChecklists, Runner, SourceReader } from './types.js';
import { useTerminalSize } from './useTerminalSize.js';
import { wrapText } from './wrap.js';
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
  /** A project's checklists; without it, the migration checklist alone. */
  checklists?: ChecklistSource;
  writeChecklist?: ChecklistWriter;
  /** Plans (and applies) generated changes: the fix diff, the retirement edits. */
  changes?: ChangeSource;
  /** The moment ages and candidacy are measured from. */
  now?: Date;
  /** Retirement candidacy rules, the same the checklist source uses. */
  rules?: CandidacyRules;
  colors?: boolean;
  /** Called once when the user leaves. */
  onExit?: (result: ReviewResult) => void;
}

// How often buffered pipeline events reach the screen: a thousand events in a burst become one redraw.
const PROGRESS_REFRESH_MS = 200;

type ChecklistState = { state: 'loading' } | { state: 'ready'; value: ProjectChecklists } | { state: 'failed'; reason: string };

/** The plain source: the migration checklist, which needs nothing beyond the report. */
const migrationOnly: ChecklistSource = async (project) => ({ checklists: [migrationChecklist(project)], notes: [] });

const firstLine = (e: unknown, fallback: string): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] || fallback;

function sheetOf(state: ChecklistState | undefined, width: number): SheetLine[] {
  if (!state || state.state === 'loading') return [{ text: 'loading…', kind: 'note' }];
  if (state.state === 'failed') return checklistLines([], [`no checklists: ${state.reason}`], width);
  return checklistLines(state.value.checklists, state.value.notes, width);
}

/** The changes being shown: for which project, of which kind, and how far along. */
interface ShownChange {
  seq: number;
  project: Project;
  kind: ChangeKind;
  change: ChangeState;
}

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
  // Checklists are read once per project and kept, until applied changes make them stale.
  const [checklistStates, setChecklistStates] = useState<ReadonlyMap<Project, ChecklistState>>(new Map());
  const checklistRef = useRef(checklistStates);
  const setChecklistState = (project: Project, state: ChecklistState | null): void => {
    const next = new Map(checklistRef.current);
    if (state) next.set(project, state);
    else next.delete(project);
    checklistRef.current = next;
    setChecklistStates(next);
  };
  const [shownChange, setShownChange] = useState<ShownChange | null>(null);
  const changeRef = useRef(shownChange);
  const changeSeq = useRef(0);
  /** Updates the shown change, unless the user has since asked for another one. */
  const updateChange = (seq: number, change: ChangeState): void => {
    if (changeRef.current?.seq !== seq) return;
    changeRef.current = { ...changeRef.current, change };
    setShownChange(changeRef.current);
  };

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
  const rows = useMemo(() => (report ? report.projects.map((p) => projectRow(p, now, props.rules)) : []), [report, now, props.rules]);
  const shown = shownRows(rows, list);
  const entries = entriesOf(open);
  const candidacy = useMemo(() => (open && !open.error ? judgeCandidacy(open.activity, now, props.rules) : { isCandidate: false, quiet: false, reasons: [] }), [open, now, props.rules]);
  const checklistSource = props.checklists ?? migrationOnly;
  const sheetLines = useMemo(() => sheetOf(open ? checklistStates.get(open) : undefined, width - 1), [open, checklistStates, width]);
  const shownChangeLines = useMemo(() => (shownChange ? changeLines(shownChange.change, width - 1) : []), [shownChange, width]);

  // The open project's checklists are asked for when its checklist screen first shows.
  const wantChecklists = open && (view === 'checklist' || view === 'changes') ? open : null;
  useEffect(() => {
    if (!wantChecklists || checklistRef.current.has(wantChecklists)) return;
    const project = wantChecklists;
    setChecklistState(project, { state: 'loading' });
    checklistSource(project, now).then(
      (value) => checklistRef.current.get(project)?.state === 'loading' && setChecklistState(project, { state: 'ready', value }),
      (e: unknown) => checklistRef.current.get(project)?.state === 'loading' && setChecklistState(project, { state: 'failed', reason: firstLine(e, 'unreadable') }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantChecklists, checklistStates]);

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
  const sheetPage = Math.max(1, body - 1);

  const context = (n: Nav): NavContext => ({
    rows,
    listPage,
    detailPage: listHeight(body, n.open),
    sheetPage,
    sheetLines: sheetOf(n.open ? checklistRef.current.get(n.open) : undefined, width - 1).length,
    changeLines: changeRef.current ? changeLines(changeRef.current.change, width - 1).length : 0,
  });
  const say = (note: string): void => updateNav((n) => ({ ...n, message: note }));

  const writeChecklist = (): void => {
    const project = navRef.current.open;
    if (!project) return;
    const state = checklistRef.current.get(project);
    if (!props.writeChecklist) return say('writing checklists is not available here');
    if (state?.state !== 'ready') return say(state?.state === 'failed' ? 'no checklists to write' : 'the checklists are still loading');
    try {
      say(`wrote ${props.writeChecklist(project, renderChecklistMarkdown(state.value.checklists))}`);
    } catch (e) {
      say(`could not write the checklist: ${firstLine(e, 'unknown error')}`);
    }
  };

  /** Opens the changes screen and plans the changes afresh: the checkouts may have moved since last time. */
  const showChanges = (kind: ChangeKind): void => {
    const project = navRef.current.open;
    if (!project) return;
    const planner = props.changes?.[kind];
    if (!planner) return say(`${kind === 'fix' ? 'generating fixes' : 'retirement changes'}: not available here`);
    if (kind === 'retirement') {
      const loaded = checklistRef.current.get(project);
      const candidate = loaded?.state === 'ready' ? loaded.value.checklists.some((c) => c.kind === 'retirement') : isCandidate(project, now, props.rules);
      if (!candidate) return say(`${project.name} is not a retirement candidate`);
    }
    const seq = ++changeSeq.current;
    changeRef.current = { seq, project, kind, change: { state: 'loading' } };
    setShownChange(changeRef.current);
    updateNav((n) => navigate(n, { type: 'changes', kind }, context(n)));
    planner(project, now).then(
      (preview) => updateChange(seq, { state: 'ready', preview, applying: false }),
      (e: unknown) => updateChange(seq, { state: 'failed', reason: firstLine(e, 'cannot plan the changes') }),
    );
  };

  const askToApply = (): void => {
    const shown = changeRef.current?.change;
    if (!shown || shown.state === 'loading') return say('still planning…');
    if (shown.state === 'failed') return say('nothing to apply');
    if (shown.state === 'applied') return say('already applied');
    if (shown.applying) return say('applying…');
    if (!shown.preview.apply || shown.preview.commits === 0) return say('nothing to apply');
    updateNav((n) => ({ ...n, confirm: true, message: null }));
  };

  /** Puts a project scanned again in place of the old one, in the report and on screen. */
  const replaceProject = (old: Project, fresh: Project): void => {
    const r = reportRef.current;
    if (r) {
      reportRef.current = { ...r, projects: r.projects.map((p) => (p === old ? fresh : p)) };
      setReport(reportRef.current);
    }
    updateNav((n) => (n.open === old ? { ...n, open: fresh, detail: { selected: entriesOf(fresh).findIndex((e) => e.type === 'finding'), offset: 0 } } : n));
  };

  const apply = (): void => {
    const shown = changeRef.current;
    const run = shown?.change.state === 'ready' ? shown.change.preview.apply : null;
    if (!shown || shown.change.state !== 'ready' || !run) return;
    const { seq, project } = shown;
    const preview = shown.change.preview;
    updateChange(seq, { state: 'ready', preview, applying: true });
    updateNav((n) => ({ ...n, confirm: false, message: 'applying…' }));
    run().then(
      (applied) => {
        updateChange(seq, { state: 'applied', preview, applied });
        // Every checklist may have changed: the retirement state spans checkouts.
        checklistRef.current = new Map();
        setChecklistStates(checklistRef.current);
        if (applied.project) replaceProject(project, applied.project);
        updateNav((n) => ({ ...n, changes: { ...n.changes, offset: 0 } }));
        say(applied.commits.length ? `committed ${plural(applied.commits.length, 'change')} locally; nothing was pushed` : 'nothing was committed');
      },
      (e: unknown) => {
        const refused = firstLine(e, 'unknown error');
        updateChange(seq, { state: 'ready', preview, applying: false, refused });
        updateNav((n) => ({ ...n, changes: { ...n.changes, offset: 0 } }));
        say(`not applied: ${refused}`);
      },
    );
  };

  const onKey = (input: string, key: Key): void => {
    const current = navRef.current;
    if (current.view === 'projects' && current.list.editing && !current.help) return updateNav((n) => typeFilter(n, input, key));
    if (current.confirm) {
      // Only an explicit `y` commits; any other key, esc included, leaves everything as it was.
      if (input === 'y' && !key.ctrl && !key.meta) return apply();
      return updateNav((n) => ({ ...n, confirm: false, message: 'not applied' }));
    }
    const intent = intentOf(input, key);
    if (!intent) return;
    if (intent.type === 'quit' || intent.type === 'interrupt') return leave(intent.type === 'interrupt');
    if (!current.help && current.view === 'checklist') {
      if (intent.type === 'write') return writeChecklist();
      if (intent.type === 'changes') return showChanges(intent.kind);
    }
    if (!current.help && current.view === 'changes' && intent.type === 'apply') return askToApply();
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
  } else if (view === 'changes' && shownChange) {
    const c = shownChange.change;
    const title = c.state === 'ready' || c.state === 'applied' ? `${CHANGE_NAMES[shownChange.kind]} for ${open.name}: ${c.preview.title}` : `${CHANGE_NAMES[shownChange.kind]} for ${open.name}`;
    const question = nav.confirm && c.state === 'ready' ? wrapText(`Commit ${plural(c.preview.commits, 'change')} locally in ${c.preview.target}? Nothing is pushed.`, width - 1) : [];
    screen = <ChangesScreen title={title} lines={shownChangeLines} offset={nav.changes.offset} height={body} question={question} />;
    crumb = `${open.name} › ${shownChange.kind === 'fix' ? 'fix' : 'retire'}`;
    hints = c.state === 'ready' && c.preview.apply ? HINTS.changes : HINTS.changesDone;
  } else {
    screen = <ChecklistScreen project={open.name} lines={sheetLines} offset={sheet.offset} height={body} />;
    crumb = `${open.name} › checklist`;
    hints = HINTS.checklist;
  }
  const pending = nav.confirm && shownChange?.change.state === 'ready' ? shownChange.change.preview : null;
  const ask = pending ? `y: commit ${plural(pending.commits, 'change')} locally · any other key: cancel` : null;
  const note = ask ?? message ?? (isRawModeSupported ? null : 'keys need a terminal on stdin');
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={width} height={height}>
        {screen}
        <StatusBar crumb={crumb} hints={hints} message={note} width={width} />
      </Box>
    </ThemeContext.Provider>
  );
}
