// Human-readable outputs (table, Markdown, goal tables, checklists, the terminal UI) show text from
// repositories: file names, messages. Their control characters are written as C escapes first, so
// a file named with a terminal escape or a newline can neither draw on the terminal nor break a line.
// The JSON and SARIF reports keep the exact text.

import { escapeControl } from '../util/index.js';

function printableValue<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(printableValue) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = printableValue(v);
    return out as T;
  }
  return value;
}

/** A copy of a report (or any part of one) with every string's control characters escaped. */
export function printable<T>(report: T): T {
  return printableValue(report);
}
