// Where the user is and what each intent does there, as a pure function of the previous state.
// Keys are applied one after the other to the latest state, so keys typed faster than the screen
// redraws (`/dun`, `j` then enter) act exactly as if typed slowly.

import type { Key } from 'ink';
import type { Project } from '../report/index.js';
import type { ChangeKind } from './types.js';
import { findingEntries, type Entry } from './findingGroups.js';
import type { Intent } from './keys.js';
import { SORT_COLUMNS, STATUS_FILTERS, visibleRows, type ProjectRow } from './rows.js';
import { clamp, follow, moveCursor, type Move } from './scroll.js';

export type View = 'progress' | 'projects' | 'project' | 'checklist' | 'changes';

export interface ListState {
  cursor: number;
  offset: number;
  /** Index into SORT_COLUMNS. */
  sort: number;
  /** Index into STATUS_FILTERS. */
  status: number;
  filter: string;
  /** The `/` prompt is open and keys are text. */
  editing: boolean;
}

export interface Nav {
  view: View;
  help: boolean;
  list: ListState;
  open: Project | null;
  /** `selected` indexes the open project's entries (-1 when it has no finding). */
  detail: { selected: number; offset: number };
  sheet: { offset: number; from: View };
  /** The generated changes shown in the `changes` view. */
  changes: { kind: ChangeKind; offset: number };
  /** Applying the shown changes waits for `y`. */
  confirm: boolean;
  message: string | null;
}

/** What the transitions need to know beyond the state: the rows and how many lines each screen shows. */
export interface NavContext {
  rows: readonly ProjectRow[];
  listPage: number;
  detailPage: number;
  sheetPage: number;
  /** Lines of the open project's checklist screen. */
  sheetLines: number;
  /** Lines of the changes screen. */
  changeLines: number;
}

export function initialNav(view: View): Nav {
  return {
    view,
    help: false,
    list: { cursor: 0, offset: 0, sort: 0, status: 0, filter: '', editing: false },
    open: null,
    detail: { selected: -1, offset: 0 },
    sheet: { offset: 0, from: 'projects' },
    changes: { kind: 'fix', offset: 0 },
    confirm: false,
    message: null,
  };
}

// The last answer is kept: every key and every redraw asks again for the same rows.
function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    last = { args, result: fn(...args) };
    return last.result;
  };
}

const shownMemo = memoLast((rows: readonly ProjectRow[], sort: number, filter: string, status: number) =>
  visibleRows(rows, { sort, filter, status: STATUS_FILTERS[status] ?? 'all' }),
);
export const shownRows = (rows: readonly ProjectRow[], list: ListState): ProjectRow[] => shownMemo(rows, list.sort, list.filter, list.status);

export const entriesOf = memoLast((project: Project | null): Entry[] => (project && !project.error ? findingEntries(project) : []));

function openProject(nav: Nav, project: Project, view: View): Nav {
  const selected = entriesOf(project).findIndex((e) => e.type === 'finding');
  return { ...nav, view, open: project, detail: { selected, offset: 0 }, sheet: { offset: 0, from: nav.view }, message: null };
}

function listIntent(nav: Nav, intent: Intent, ctx: NavContext): Nav {
  const list = nav.list;
  const shown = shownRows(ctx.rows, list);
  const reset = { cursor: 0, offset: 0 };
  switch (intent.type) {
    case 'move': {
      const cursor = moveCursor(list.cursor, intent.move, ctx.listPage, shown.length);
      return { ...nav, list: { ...list, cursor, offset: follow(list.offset, cursor, ctx.listPage, shown.length) } };
    }
    case 'open':
    case 'checklist': {
      const row = shown[list.cursor];
      return row ? openProject(nav, row.project, intent.type === 'open' ? 'project' : 'checklist') : nav;
    }
    case 'sort':
      return { ...nav, list: { ...list, ...reset, sort: (list.sort + 1) % SORT_COLUMNS.length } };
    case 'filterStatus':
      return { ...nav, list: { ...list, ...reset, status: (list.status + 1) % STATUS_FILTERS.length } };
    case 'filterText':
      return { ...nav, list: { ...list, editing: true } };
    case 'back':
      return { ...nav, list: { ...list, ...reset, filter: '', status: 0 } };
    default:
      return nav;
  }
}

function detailIntent(nav: Nav, intent: Intent, ctx: NavContext): Nav {
  const entries = entriesOf(nav.open);
  switch (intent.type) {
    case 'move': {
      const findings = entries.flatMap((e, i) => (e.type === 'finding' ? [i] : []));
      if (findings.length === 0) return nav;
      const at = Math.max(0, findings.indexOf(nav.detail.selected));
      const selected = findings[moveCursor(at, intent.move, ctx.detailPage, findings.length)]!;
      // Keep the group title (and its notes) above the selection in view when there is room.
      let top = selected;
      while (top > 0 && entries[top - 1]!.type !== 'finding' && selected - top + 1 < ctx.detailPage) top--;
      return { ...nav, detail: { selected, offset: Math.min(follow(nav.detail.offset, selected, ctx.detailPage, entries.length), top) } };
    }
    case 'back':
      return { ...nav, view: 'projects' };
    case 'checklist':
      return { ...nav, view: 'checklist', sheet: { offset: 0, from: 'project' }, message: null };
    default:
      return nav;
  }
}

/** A scrolled text's new first line: the window never runs past the end. */
function scrolled(offset: number, move: Move, page: number, total: number): number {
  const step = { up: -1, down: 1, pageUp: -page, pageDown: page, top: -Infinity, bottom: Infinity }[move];
  return clamp(offset + step, 0, Math.max(0, total - page));
}

function sheetIntent(nav: Nav, intent: Intent, ctx: NavContext): Nav {
  switch (intent.type) {
    case 'move':
      return { ...nav, sheet: { ...nav.sheet, offset: scrolled(nav.sheet.offset, intent.move, ctx.sheetPage, ctx.sheetLines) } };
    case 'back':
      return { ...nav, view: nav.sheet.from === 'project' ? 'project' : 'projects', message: null };
    case 'changes':
      return { ...nav, view: 'changes', changes: { kind: intent.kind, offset: 0 }, confirm: false, message: null };
    default:
      return nav;
  }
}

function changesIntent(nav: Nav, intent: Intent, ctx: NavContext): Nav {
  switch (intent.type) {
    case 'move':
      return { ...nav, changes: { ...nav.changes, offset: scrolled(nav.changes.offset, intent.move, ctx.sheetPage, ctx.changeLines) } };
    case 'back':
      return { ...nav, view: 'checklist', confirm: false, message: null };
    default:
      return nav;
  }
}

/** The state after an intent; quitting and writing files are left to the caller. */
export function navigate(nav: Nav, intent: Intent, ctx: NavContext): Nav {
  if (nav.help) return intent.type === 'back' || intent.type === 'help' ? { ...nav, help: false } : nav;
  if (intent.type === 'help') return { ...nav, help: true };
  switch (nav.view) {
    case 'projects':
      return listIntent(nav, intent, ctx);
    case 'project':
      return detailIntent(nav, intent, ctx);
    case 'checklist':
      return sheetIntent(nav, intent, ctx);
    case 'changes':
      return changesIntent(nav, intent, ctx);
    default:
      return nav;
  }
}

/** A key while the `/` prompt is open: text goes into the filter; enter keeps it, esc clears it. */
export function typeFilter(nav: Nav, input: string, key: Key): Nav {
  const list = nav.list;
  const reset = { cursor: 0, offset: 0 };
  if (key.escape) return { ...nav, list: { ...list, ...reset, filter: '', editing: false } };
  if (key.return) return { ...nav, list: { ...list, editing: false } };
  if (key.backspace || key.delete) return { ...nav, list: { ...list, ...reset, filter: list.filter.slice(0, -1) } };
  if (key.ctrl || key.meta) return nav;
  // eslint-disable-next-line no-control-regex
  const text = input.replace(/[\x00-\x1f\x7f]/g, '');
  return text ? { ...nav, list: { ...list, ...reset, filter: list.filter + text } } : nav;
}
