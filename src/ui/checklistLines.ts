// The checklist screen draws the Markdown the checklist station renders (the same text `w` writes),
// line by line, with the markup a terminal does not need taken off and a kind for styling.

import type { ShownChecklist } from './types.js';
import { wrapText } from './wrap.js';

export type SheetLineKind = 'title' | 'heading' | 'item' | 'done' | 'detail' | 'note';

export interface SheetLine {
  text: string;
  kind: SheetLineKind;
}

const TITLES: Record<ShownChecklist['kind'], string> = { migration: 'Migration checklist', retirement: 'Retirement checklist' };

function lineOf(md: string): SheetLine | null {
  const plain = md.replace(/\*\*/g, '');
  if (/^# /.test(plain)) return null; // replaced by the title line with the counts
  if (/^## /.test(plain)) return { text: plain.slice(3), kind: 'heading' };
  if (/^- \[x\] /.test(plain)) return { text: plain.slice(2), kind: 'done' };
  if (/^- \[ \] /.test(plain)) return { text: plain.slice(2), kind: 'item' };
  // Code fences around pasted text: the indentation already sets the text apart.
  if (/^\s*```\s*$/.test(plain)) return null;
  return { text: plain, kind: 'detail' };
}

/** Lines for the checklist screen: notes first (wrapped to `width`), then each checklist's title with its open count and its Markdown body. */
export function checklistLines(checklists: readonly ShownChecklist[], notes: readonly string[] = [], width = 80): SheetLine[] {
  const lines: SheetLine[] = notes.flatMap((note) => wrapText(note, width).map((text): SheetLine => ({ text, kind: 'note' })));
  for (const list of checklists) {
    if (lines.length) lines.push({ text: '', kind: 'detail' });
    lines.push({ text: `${TITLES[list.kind]}: ${list.project}${list.repo ? ` (${list.repo})` : ''} · ${list.open} open of ${list.items}`, kind: 'title' });
    const body = list.markdown.replace(/\n+$/, '').split('\n');
    // The blank line under the Markdown title goes with it.
    if (body[1] === '') body.splice(1, 1);
    for (const md of body) {
      const line = lineOf(md);
      if (line) lines.push(line);
    }
  }
  return lines;
}
