// The project list's columns, fitted to the terminal width: the name takes what the others leave.

import { shortAge } from './age.js';
import type { ProjectRow } from './rows.js';

interface Column {
  header: string;
  width: number;
  cell: (row: ProjectRow, now: Date) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'MODS', width: 4, cell: (r) => String(r.modules) },
  { header: 'INC', width: 4, cell: (r) => String(r.incubatorImports) },
  { header: 'NS', width: 4, cell: (r) => String(r.namespaceImports) },
  { header: 'RW', width: 4, cell: (r) => String(r.rootwrapCalls) },
  { header: 'PRIVSEP', width: 7, cell: (r) => (r.privsep ? 'yes' : 'no') },
  { header: 'HUMAN', width: 5, cell: (r, now) => shortAge(r.lastHumanCommit, now) },
];
const STATUS_WIDTH = 11;
const MARKER = 2;
const MIN_NAME = 8;

export function nameWidth(width: number): number {
  const fixed = COLUMNS.reduce((n, c) => n + c.width + 1, 0) + STATUS_WIDTH + 1 + 'RETIRE'.length;
  return Math.max(MIN_NAME, width - MARKER - fixed - 1);
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

/** The row as three parts so the status badge can be coloured: the figures, the status, the candidacy. */
export function rowCells(row: ProjectRow, width: number, now: Date, selected: boolean): { lead: string; status: string; retire: string } {
  const lead = `${selected ? '> ' : '  '}${fit(row.name, nameWidth(width))} ${COLUMNS.map((c) => c.cell(row, now).padStart(c.width)).join(' ')} `;
  return { lead, status: row.status.padEnd(STATUS_WIDTH), retire: row.candidate ? ' yes' : ' -' };
}

export function headerLine(width: number): string {
  return `  ${'PROJECT'.padEnd(nameWidth(width))} ${COLUMNS.map((c) => c.header.padStart(c.width)).join(' ')} ${'STATUS'.padEnd(STATUS_WIDTH)} RETIRE`;
}
