// Checklists as a Markdown task list, for pasting into a review or a tracking issue.

import type { Checklist, ChecklistPlace } from '../checklist/index.js';

const TITLES: Record<Checklist['kind'], string> = { migration: 'Oslo migration checklist', retirement: 'Retirement checklist' };

function placeText(p: ChecklistPlace): string {
  return `\`${p.line === null ? p.file : `${p.file}:${p.line}`}\`${p.note ? `: ${p.note}` : ''}`;
}

export function checklistMarkdown(checklists: readonly Checklist[]): string {
  const out: string[] = [];
  for (const list of checklists) {
    if (out.length) out.push('');
    out.push(`# ${TITLES[list.kind]}: ${list.project}`, '');
    if (list.items.length === 0) out.push('Nothing left to do.');
    for (const item of list.items) {
      out.push(`- [${item.done ? 'x' : ' '}] ${item.title}`);
      for (const line of item.detail) out.push(`  - ${line}`);
      for (const p of item.places) out.push(`  - ${placeText(p)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The lines the checklist screen scrolls through: the same content as the Markdown, without the markup. */
export function checklistLines(checklists: readonly Checklist[]): { text: string; kind: 'title' | 'item' | 'done' | 'detail' }[] {
  const lines: { text: string; kind: 'title' | 'item' | 'done' | 'detail' }[] = [];
  for (const list of checklists) {
    lines.push({ text: `${TITLES[list.kind]} (${list.items.filter((i) => !i.done).length} open of ${list.items.length})`, kind: 'title' });
    if (list.items.length === 0) lines.push({ text: '  nothing left to do', kind: 'detail' });
    for (const item of list.items) {
      lines.push({ text: `[${item.done ? 'x' : ' '}] ${item.title}`, kind: item.done ? 'done' : 'item' });
      for (const d of item.detail) lines.push({ text: `      ${d}`, kind: 'detail' });
      for (const p of item.places) lines.push({ text: `      ${p.line === null ? p.file : `${p.file}:${p.line}`}${p.note ? `  ${p.note}` : ''}`, kind: 'detail' });
    }
  }
  return lines;
}
