// The review UI's reducer: the state after an action, as a pure function of the state before it.
// Navigation itself is navigation.ts; this adds what keys ask of the outside world (checklists to
// write, changes to plan and apply, leaving) and folds in the answers as they come back.

import type { Key } from 'ink';
import type { Project } from '../report/index.js';
import { plural } from '../util/index.js';
import { intentOf } from './keys.js';
import { entriesOf, navigate, typeFilter, type Nav, type NavContext } from './navigation.js';
import { applyEvent } from './progress.js';
import { listHeight } from './ProjectScreen.js';
import { projectRow } from './rows.js';
import { changeLines } from './changeLines.js';
import { sheetLinesOf } from './selectors.js';
import { rowsOf, type Action, type Layout, type ReviewState, type StoreEnv } from './store.js';
import type { ChangeKind } from './types.js';

const say = (s: ReviewState, message: string | null): ReviewState => ({ ...s, nav: { ...s.nav, message } });

/** How far the page keys move on each screen at this size, and how long the scrolled texts are. */
function contextOf(s: ReviewState, env: StoreEnv, layout: Layout): NavContext {
  return {
    rows: s.rows,
    listPage: Math.max(1, layout.body - 2),
    detailPage: listHeight(layout.body, s.nav.open, s.nav.open ? env.trends?.get(s.nav.open.name) : undefined),
    sheetPage: Math.max(1, layout.body - 1),
    sheetLines: sheetLinesOf(s, layout.width - 1).length,
    changeLines: s.change ? changeLines(s.change.change, layout.width - 1).length : 0,
  };
}

function writeChecklist(s: ReviewState, env: StoreEnv): ReviewState {
  const project = s.nav.open;
  if (!project) return s;
  const loaded = s.checklists.get(project);
  if (!env.canWrite) return say(s, 'writing checklists is not available here');
  if (loaded?.state !== 'ready') return say(s, loaded?.state === 'failed' ? 'no checklists to write' : 'the checklists are still loading');
  return { ...s, writing: { project, markdown: loaded.value.markdown } };
}

/** Opens the changes screen and asks for the changes to be planned afresh: the checkouts may have moved since last time. */
function showChanges(s: ReviewState, kind: ChangeKind, env: StoreEnv, layout: Layout): ReviewState {
  const project = s.nav.open;
  if (!project) return s;
  if (!env.changeKinds.includes(kind)) return say(s, `${kind === 'fix' ? 'generating fixes' : 'retirement changes'}: not available here`);
  if (kind === 'retirement') {
    const loaded = s.checklists.get(project);
    const candidate = loaded?.state === 'ready' ? loaded.value.checklists.some((c) => c.kind === 'retirement') : env.candidacy.judge(project, env.now).isCandidate;
    if (!candidate) return say(s, `${project.name} is not a retirement candidate`);
  }
  const seq = s.changeSeq + 1;
  const next: ReviewState = { ...s, changeSeq: seq, change: { seq, project, kind, change: { state: 'loading' } } };
  return { ...next, nav: navigate(next.nav, { type: 'changes', kind }, contextOf(next, env, layout)) };
}

function askToApply(s: ReviewState): ReviewState {
  const shown = s.change?.change;
  if (!shown || shown.state === 'loading') return say(s, 'still planning…');
  if (shown.state === 'failed') return say(s, 'nothing to apply');
  if (shown.state === 'applied') return say(s, 'already applied');
  if (shown.applying) return say(s, 'applying…');
  if (!shown.preview.apply || shown.preview.commits === 0) return say(s, 'nothing to apply');
  return { ...s, nav: { ...s.nav, confirm: true, message: null } };
}

/** `y` at the confirmation: the shown changes are to be applied (sources.ts runs them). */
function apply(s: ReviewState): ReviewState {
  const shown = s.change;
  if (!shown || shown.change.state !== 'ready' || !shown.change.preview.apply) return s;
  return { ...s, change: { ...shown, change: { ...shown.change, applying: true } }, nav: { ...s.nav, confirm: false, message: 'applying…' } };
}

const leave = (s: ReviewState, interrupted: boolean): ReviewState => ({ ...s, left: { interrupted, report: s.report } });

function pressKey(s: ReviewState, input: string, key: Key, env: StoreEnv, layout: Layout): ReviewState {
  if (key.ctrl && input === 'c') return leave(s, true);
  const nav = s.nav;
  if (nav.view === 'projects' && nav.list.editing && !nav.help) return { ...s, nav: typeFilter(nav, input, key) };
  if (nav.confirm) {
    // Only an explicit `y` commits; any other key, esc included, leaves everything as it was.
    if (input === 'y' && !key.ctrl && !key.meta) return apply(s);
    return { ...s, nav: { ...nav, confirm: false, message: 'not applied' } };
  }
  const intent = intentOf(input, key);
  if (!intent) return s;
  if (intent.type === 'quit' || intent.type === 'interrupt') return leave(s, intent.type === 'interrupt');
  if (!nav.help && nav.view === 'checklist') {
    if (intent.type === 'write') return writeChecklist(s, env);
    if (intent.type === 'changes') return showChanges(s, intent.kind, env, layout);
  }
  if (!nav.help && nav.view === 'changes' && intent.type === 'apply') return askToApply(s);
  return { ...s, nav: navigate(nav, intent, contextOf(s, env, layout)) };
}

/** Puts a project scanned again in place of the old one: in the report, its row, and on screen. */
function replaceProject(s: ReviewState, old: Project, fresh: Project, env: StoreEnv): ReviewState {
  const report = s.report ? { ...s.report, projects: s.report.projects.map((p) => (p === old ? fresh : p)) } : null;
  // Only the replaced project's row is judged again: every other project is as it was.
  const rows = s.rows.map((r) => (r.project === old ? projectRow(fresh, env.now, env.candidacy) : r));
  const nav: Nav = s.nav.open === old ? { ...s.nav, open: fresh, detail: { selected: entriesOf(fresh).findIndex((e) => e.type === 'finding'), offset: 0 } } : s.nav;
  return { ...s, report, rows, nav };
}

/** The state after `action`. Answers for a change the user has since replaced only move the screen, as they did when asked. */
export function reduce(s: ReviewState, action: Action, env: StoreEnv): ReviewState {
  if (s.left) return s;
  switch (action.type) {
    case 'key':
      return pressKey(s, action.input, action.key, env, action.layout);
    case 'progress':
      return { ...s, progress: action.events.reduce(applyEvent, s.progress), elapsedMs: action.elapsedMs };
    case 'finished':
      return { ...s, report: action.report, rows: rowsOf(action.report, env), nav: s.nav.view === 'progress' ? { ...s.nav, view: 'projects' } : s.nav };
    case 'runFailed':
      return { ...s, runError: action.reason };
    case 'checklists': {
      // An answer counts only while it is still awaited: applied changes may have dropped it since.
      if (action.state.state !== 'loading' && s.checklists.get(action.project)?.state !== 'loading') return s;
      return { ...s, checklists: new Map(s.checklists).set(action.project, action.state) };
    }
    case 'preview':
      return { ...s, previews: new Map(s.previews).set(action.key, action.preview) };
    case 'planned':
      return s.change?.seq === action.seq ? { ...s, change: { ...s.change, change: action.change } } : s;
    case 'applied': {
      const shown = s.change;
      let next: ReviewState = shown?.seq === action.seq && shown.change.state === 'ready' ? { ...s, change: { ...shown, change: { state: 'applied', preview: shown.change.preview, applied: action.applied } } } : s;
      // Every checklist may have changed: the retirement state spans checkouts.
      next = { ...next, checklists: new Map() };
      if (action.applied.project) next = replaceProject(next, action.project, action.applied.project, env);
      const commits = action.applied.commits.length;
      return { ...next, nav: { ...next.nav, changes: { ...next.nav.changes, offset: 0 }, message: commits ? `committed ${plural(commits, 'change')} locally; nothing was pushed` : 'nothing was committed' } };
    }
    case 'refused': {
      const shown = s.change;
      const change = shown?.seq === action.seq && shown.change.state === 'ready' ? { ...shown, change: { ...shown.change, applying: false, refused: action.reason } } : shown;
      return { ...s, change, nav: { ...s.nav, changes: { ...s.nav.changes, offset: 0 }, message: `not applied: ${action.reason}` } };
    }
    case 'written':
      return { ...s, writing: null, nav: { ...s.nav, message: action.message } };
  }
}

/** The reducer React's useReducer takes, for the life of one app. */
export const reducerFor =
  (env: StoreEnv) =>
  (s: ReviewState, action: Action): ReviewState =>
    reduce(s, action, env);
