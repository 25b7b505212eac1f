// Keys → intents, in the manner of k9s and lazygit. Screens act on intents, never on raw keys.

import type { Key } from 'ink';
import type { Move } from './scroll.js';

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
  | { type: 'write' };

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
  return null;
}

/** The key hints of each screen, for the status bar and the help screen. */
export const HINTS = {
  progress: 'q quit  ? help',
  projects: 'enter open  c checklist  s sort  / filter  f status  ? help  q quit',
  filtering: 'type to filter  enter keep  esc clear',
  project: 'j/k move  c checklist  esc back  ? help  q quit',
  checklist: 'j/k scroll  w write .md  esc back  q quit',
  help: 'esc back  q quit',
} as const;

export const HELP_LINES: readonly [string, string][] = [
  ['j / k, ↓ / ↑', 'move down / up'],
  ['PgDn / PgUp, space', 'move a page'],
  ['g / G, Home / End', 'first / last row'],
  ['enter, →', 'open the project: findings, source, activity'],
  ['c', "the project's checklists (migration; retirement for a candidate)"],
  ['w', 'in a checklist: write it to a Markdown file'],
  ['s', 'sort by the next column'],
  ['/', 'filter by text (name, repository, status, modules, libraries)'],
  ['f', 'filter by status: all, not-started, in-progress, clean, error, candidate'],
  ['esc, ←', 'back (in the list: clear the filters)'],
  ['?', 'this help'],
  ['q, ctrl-c', 'quit'],
];

export const COLUMN_HELP: readonly [string, string][] = [
  ['MODS', 'incubator modules still copied in'],
  ['INC', 'imports of the incubator copy'],
  ['NS', 'imports through the retired oslo. namespace'],
  ['RW', 'rootwrap call sites (run_as_root, root_helper)'],
  ['PRIVSEP', 'oslo.privsep in use'],
  ['HUMAN', 'age of the last commit by a person (bots ignored)'],
  ['RETIRE', 'retirement candidate: no human commit for 12 months'],
];
