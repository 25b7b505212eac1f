// Checklists as text: Markdown for review (GitHub/Gerrit-style task lists) and JSON for tools.

import type { Checklist, ChecklistItem, ChecklistSection } from './types.js';

export const CHECKLIST_SCHEMA_VERSION = 1;

const HEADINGS: Record<ChecklistSection, string> = {
  incubator: 'Incubator modules (as openstack-common.conf groups them)',
  namespace: 'Namespace packages',
  rootwrap: 'rootwrap → oslo.privsep',
  goals: 'Community goals (rule packs), by goal',
  retirement: 'Retirement steps',
  cleanup: 'Leftovers to clean up',
};
const ORDER: ChecklistSection[] = ['retirement', 'incubator', 'namespace', 'rootwrap', 'goals', 'cleanup'];

function indent(text: string, prefix: string): string[] {
  return text.replace(/\n$/, '').split('\n').map((l) => (l ? prefix + l : prefix.trimEnd()));
}

function itemLines(item: ChecklistItem): string[] {
  const lines = [`- [${item.done ? 'x' : ' '}] **${item.title}**`];
  for (const d of item.detail) lines.push(`  - ${d}`);
  for (const p of item.places) {
    const where = p.line === null ? p.file : `${p.file}:${p.line}`;
    lines.push(`  - \`${where}\`${p.note ? ` — ${p.note}` : ''}`);
  }
  if (item.text) lines.push('', '    ```', ...indent(item.text, '    '), '    ```', '');
  return lines;
}

function checklistLines(c: Checklist): string[] {
  const title = c.kind === 'migration' ? 'Migration checklist' : 'Retirement checklist';
  const lines = [`# ${title}: ${c.project}${c.repo ? ` (${c.repo})` : ''}`, ''];
  if (c.commit) lines.push(`Commit \`${c.commit.slice(0, 12)}\`.`, '');
  if (c.summary?.length) lines.push(...c.summary, '');
  const sections = [...new Set(c.items.map((i) => i.section))];
  const ordered = ORDER.filter((s) => sections.includes(s));
  for (const section of ordered) {
    lines.push(`## ${HEADINGS[section]}`, '');
    for (const item of c.items.filter((i) => i.section === section)) lines.push(...itemLines(item));
    lines.push('');
  }
  const loose = c.items.filter((i) => !i.section);
  if (loose.length) {
    for (const item of loose) lines.push(...itemLines(item));
    lines.push('');
  }
  return lines;
}

/** One or more checklists as Markdown task lists, separated by a rule. */
export function renderChecklistMarkdown(checklists: Checklist | readonly Checklist[]): string {
  const list = Array.isArray(checklists) ? checklists : [checklists as Checklist];
  const parts = list.map((c) => checklistLines(c).join('\n').replace(/\n+$/, '\n'));
  return parts.join('\n---\n\n');
}

export function renderChecklistJson(checklists: readonly Checklist[]): string {
  return `${JSON.stringify({ schemaVersion: CHECKLIST_SCHEMA_VERSION, checklists }, null, 2)}\n`;
}
