// Keys → intents, in the manner of k9s and lazygit. Screens act on intents, never on raw keys.

import type { Key } from 'ink';
import type { Move } from './scroll.js';
import type { ChangeKind } from './types.js';

export type Intent =
  | { type: 'move'; move: Move }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'interrupt' }
  | { type: 'help' }
  | { type: 'sort' }
  | { type: 'filterText' }
  | { type: 'filterStatus' }
  | { type: 'checklist' }
  | { type: 'write' }
  /** Preview the generated changes of a kind. */
  | { type: 'changes'; kind: ChangeKind }
  /** Apply the previewed changes (after a confirmation). */
  | { type: 'apply' };

export function intentOf(input: string, key: Key): Intent | null {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (key.upArrow || input === 'k') return { type: 'move', move: 'up' };
  if (key.downArrow || input === 'j') return { type: 'move', move: 'down' };
  if (key.pageUp || (key.ctrl && input === 'b') || (key.ctrl && input === 'u')) return { type: 'move', move: 'pageUp' };
  if (key.pageDown || (key.ctrl && input === 'f') || (key.ctrl && input === 'd') || input === ' ') return { type: 'move', move: 'pageDown' };
  if (key.home || input === 'g') return { type: 'move', move: 'top' };
  if (key.end || input === 'G') return { type: 'move', move: 'bottom' };
  if (key.return || key.rightArrow || input === 'l') return { type: 'open' };
  if (key.escape || key.leftArrow || input === 'h') return { type: 'back' };
  if (input === 'q') return { type: 'quit' };
  if (input === '?') return { type: 'help' };
  if (input === 's') return { type: 'sort' };
  if (input === '/') return { type: 'filterText' };
  if (input === 'f') return { type: 'filterStatus' };
  if (input === 'c') return { type: 'checklist' };
  if (input === 'w') return { type: 'write' };
  if (input === 'x') return { type: 'changes', kind: 'fix' };
  if (input === 'r') return { type: 'changes', kind: 'retirement' };
  if (input === 'a') return { type: 'apply' };
  return null;
}

// What a burst is split into: printable keys, enter and backspace. Ink hands escape sequences over one by
// one already; a chunk with any other control character is passed on as it came.
const BURST = /^[\x20-\x7e\r\b\x7f]+$/;

/**
 * The keys in what stdin delivered at once. A fast typist or a paste sends several keys in one read
 * (`/gli` and enter); Ink hands them over as one string, which is split here so each key counts in order.
 */
export function keysOf(input: string, key: Key): [string, Key][] {
  if (input.length <= 1 || key.ctrl || key.meta || !BURST.test(input)) return [[input, key]];
  const plain: Key = { ...key, return: false, backspace: false, delete: false, shift: false };
  return [...input].map((ch): [string, Key] => {
    if (ch === '\r') return ['', { ...plain, return: true }];
    if (ch === '\b') return ['', { ...plain, backspace: true }];
    if (ch === '\x7f') return ['', { ...plain, delete: true }];
    return [ch, { ...plain, shift: ch !== ch.toLowerCase() }];
  });
}

/** The key hints of each screen, for the status bar and the help screen. */
export const HINTS = {
  progress: 'q quit  ? help',
  projects: 'enter open  c checklist  s sort  / filter  f status  ? help  q quit',
  filtering: 'type to filter  enter keep  esc clear',
  project: 'j/k move  c checklist  esc back  ? help  q quit',
  checklist: 'j/k scroll  w write .md  x fix diff  r retire  esc back',
  changes: 'j/k scroll  a apply  esc back  q quit',
  changesDone: 'j/k scroll  esc back  q quit',
  help: 'esc back  q quit',
} as const;

// At 80×24 the help has 21 lines: keys and columns must fit together.
export const HELP_LINES: readonly [string, string][] = [
  ['j / k, ↓ / ↑', 'move down / up'],
  ['PgDn / PgUp, space', 'move a page'],
  ['g / G, Home / End', 'first / last row'],
  ['enter, →', 'open the project: findings, source, activity, provenance'],
  ['c', "the project's checklists (migration; retirement for a candidate)"],
  ['w  x  r', 'checklist: write Markdown, preview fix diff, retirement changes'],
  ['a, then y', 'in a preview: commit it locally (never pushed)'],
  ['s', 'sort by the next column'],
  ['/', 'filter by text (name, repository, status, modules, libraries)'],
  ['f', 'filter by status: all, not-started, in-progress, clean, error, candidate'],
  ['esc, ←', 'back (in the list: clear the filters)'],
  ['?  q, ctrl-c', 'this help; quit'],
];

/** What each column of the project list means; `retireRule` is the candidacy rule in words. */
export const columnHelp = (retireRule: string): readonly [string, string][] => [
  ['MODS', 'incubator modules still copied in'],
  ['INC', 'imports of the incubator copy'],
  ['NS', 'imports through the retired oslo. namespace'],
  ['RW', 'rootwrap call sites (run_as_root, root_helper)'],
  ['PRIVSEP', 'oslo.privsep in use'],
  ['HUMAN', 'age of the last commit by a person (bots ignored)'],
  ['RETIRE', `retirement candidate (${retireRule})`],
];
