// A checklist as the body of a tracking issue that is regenerated, not rewritten: every section and
// item carries a stable id in an HTML comment, so tomorrow's body differs from today's only where
// the projects changed. Items that are gone since the previous body stay, ticked, where they were.

import type { Checklist, ChecklistItem } from '../types.js';

export const ISSUE_MARKER = '<!-- oslo-audit:checklist v1 -->';

/** Ids go inside HTML comments: keep them to characters that cannot end the comment. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9._:/@+=,-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/--/g, '-%2D');
}

/** An item's id in the issue: the checklist's id (kind + module/library) and the repository. */
export function issueItemId(checklist: Pick<Checklist, 'project'>, item: Pick<ChecklistItem, 'id'>): string {
  return safeId(`${item.id}@${checklist.project}`);
}

function sectionId(checklist: Pick<Checklist, 'project' | 'kind'>): string {
  return safeId(`${checklist.project}/${checklist.kind}`);
}

/**
 * Markdown-inline text that cannot open HTML or break the list. Inside code spans (`…`) an entity
 * would show literally (`oslo.utils&gt;=1.0`), and no HTML opens there anyway: they are left alone.
 */
function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

const ITEM_LINE = /^- \[([ xX])\] .*<!-- oslo-audit:item (\S+) -->\s*$/;
const SECTION_LINE = /^## .*<!-- oslo-audit:section (\S+) -->\s*$/;

interface Block {
  id: string;
  lines: string[];
}

interface Section extends Block {
  items: Block[];
}

/** The sections and items of a previous body; text outside them (the header) is not kept. */
export function readIssue(body: string): Section[] {
  const sections: Section[] = [];
  let section: Section | null = null;
  let item: Block | null = null;
  for (const line of body.split(/\r?\n/)) {
    const s = SECTION_LINE.exec(line);
    if (s) {
      section = { id: s[1]!, lines: [line], items: [] };
      sections.push(section);
      item = null;
      continue;
    }
    const i = ITEM_LINE.exec(line);
    if (i && section) {
      item = { id: i[2]!, lines: [line] };
      section.items.push(item);
      continue;
    }
    if (item && /^\s+\S/.test(line)) item.lines.push(line);
    else item = null;
  }
  return sections;
}

/** Today's order, with each key only the previous body has put back after the key it followed there. */
export function mergeOrder(current: readonly string[], previous: readonly string[]): string[] {
  const out = [...current];
  previous.forEach((key, i) => {
    if (out.includes(key)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = out.indexOf(previous[j]!);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    out.splice(at, 0, key);
  });
  return out;
}

function itemLines(checklist: Checklist, item: ChecklistItem): string[] {
  const lines = [`- [${item.done ? 'x' : ' '}] ${inline(item.title)} <!-- oslo-audit:item ${issueItemId(checklist, item)} -->`];
  for (const d of item.detail) lines.push(`  - ${inline(d)}`);
  for (const p of item.places) lines.push(`  - \`${p.file.replace(/`/g, "'")}${p.line !== null ? `:${p.line}` : ''}\`${p.note ? `: ${inline(p.note)}` : ''}`);
  return lines;
}

function ticked(block: Block): string[] {
  return [block.lines[0]!.replace(/^- \[[ xX]\]/, '- [x]'), ...block.lines.slice(1)];
}

export interface IssueOptions {
  /** The issue's current body: done items are kept, ticked, and unchanged projects stay as they were. */
  previous?: string;
  title?: string;
}

/**
 * A checklist given today is the truth for its project: its items are ticked when done, and items
 * the previous body had but today's checklist no longer has are done. Projects not given today keep
 * their previous section as it was.
 */
export function renderIssue(checklists: readonly Checklist[], options: IssueOptions = {}): string {
  const before = new Map(readIssue(options.previous ?? '').map((s) => [s.id, s]));
  const today = new Map(checklists.map((c) => [sectionId(c), c]));
  const order = mergeOrder([...today.keys()], [...before.keys()]);

  const body: string[] = [];
  let open = 0;
  let done = 0;
  for (const id of order) {
    const checklist = today.get(id);
    const old = before.get(id);
    if (!checklist) {
      // Not regenerated today: kept word for word.
      body.push(...old!.lines, '', ...old!.items.flatMap((i) => i.lines), '');
      for (const i of old!.items) if (/^- \[[xX]\]/.test(i.lines[0]!)) done++; else open++;
      continue;
    }
    const fresh = new Map(checklist.items.map((i) => [issueItemId(checklist, i), i]));
    const oldItems = new Map((old?.items ?? []).map((i) => [i.id, i]));
    body.push(`## ${inline(checklist.project)}: ${checklist.kind} <!-- oslo-audit:section ${id} -->`, '');
    for (const itemId of mergeOrder([...fresh.keys()], [...oldItems.keys()])) {
      const item = fresh.get(itemId);
      if (item) {
        body.push(...itemLines(checklist, item));
        if (item.done) done++; else open++;
      } else {
        body.push(...ticked(oldItems.get(itemId)!));
        done++;
      }
    }
    body.push('');
  }

  return [
    ISSUE_MARKER,
    `# ${inline(options.title ?? 'Oslo checklist')}`,
    '',
    `${open} open, ${done} done. Regenerated by \`oslo-audit checklist --format issue\`: items keep their ids, done items stay ticked.`,
    '',
    ...body,
  ].join('\n').replace(/\n+$/, '\n');
}
