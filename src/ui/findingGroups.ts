// A project's findings as the project screen lists them: incubator findings grouped by module with
// the successor library, every other kind grouped by kind. Each finding keeps its file:line.

import { provenanceLine } from '../provenance/index.js';
import type { Finding, Kind, Project, ProjectProvenance, Successor } from '../report/index.js';
import { plural } from '../util/index.js';

/** A group title, a finding (selectable), or a note under a group title (the provenance of a copy). */
export type Entry = { type: 'group'; title: string } | { type: 'finding'; finding: Finding; text: string } | { type: 'note'; text: string };

const KIND_TITLES: Record<Exclude<Kind, 'incubator-copy' | 'incubator-config' | 'incubator-import' | 'goal-usage' | 'goal-adoption'>, string> = {
  'namespace-import': 'namespace imports (oslo. → oslo_)',
  'rootwrap-call': 'rootwrap call sites (move to oslo.privsep)',
  'rootwrap-import': 'rootwrap imports',
  'rootwrap-config': 'rootwrap configuration',
  'privsep-usage': 'privsep in use',
  'oslo-requirement': 'Oslo requirements',
};
const KIND_ORDER = Object.keys(KIND_TITLES) as (keyof typeof KIND_TITLES)[];

export function place(f: Finding): string {
  return f.line === null ? f.file : `${f.file}:${f.line}`;
}

export function successorText(successor: Successor | null): string {
  if (!successor) return 'no successor library';
  const parts = [successor.import, successor.package && successor.package !== successor.import ? `(${successor.package})` : null].filter(Boolean);
  return parts.join(' ');
}

function findingText(f: Finding): string {
  switch (f.kind) {
    case 'incubator-copy':
      return `copy    ${place(f)}`;
    case 'incubator-config':
      return `conf    ${place(f)}`;
    case 'incubator-import':
      return `import  ${place(f)}${f.detail.insideCopy ? ' (inside the copy)' : ''}`;
    case 'namespace-import':
      return `${place(f)}  ${f.detail.old} → ${f.detail.new}`;
    case 'rootwrap-call':
      return `${place(f)}  ${f.detail.callee}(${f.detail.keyword}=${f.detail.value})`;
    case 'rootwrap-import':
      return `${place(f)}  ${f.detail.module}`;
    case 'rootwrap-config':
      return `${place(f)}  ${f.detail.what}${f.detail.name ? ` ${f.detail.name}` : ''}`;
    case 'privsep-usage':
      return `${place(f)}  ${f.detail.what}`;
    case 'oslo-requirement':
      return `${place(f)}  ${f.detail.name}${f.detail.spec ? ` ${f.detail.spec}` : ''}`;
    case 'goal-usage':
    case 'goal-adoption':
      return `${place(f)}  ${f.detail.rule}: ${f.message}`;
  }
}

export function findingEntries(project: Project): Entry[] {
  const entries: Entry[] = [];
  const byModule = new Map<string, Finding[]>();
  const byKind = new Map<Kind, Finding[]>();
  // Findings of rule packs, by goal: what is left, then the signs of progress.
  const byGoal = new Map<string, Finding[]>();
  for (const f of project.findings) {
    if (f.kind === 'goal-usage' || f.kind === 'goal-adoption') {
      const title = `goal ${f.detail.goal ?? f.detail.pack}: ${f.kind === 'goal-usage' ? 'left to change' : 'progress'}`;
      byGoal.set(title, [...(byGoal.get(title) ?? []), f]);
    } else if (f.kind === 'incubator-copy' || f.kind === 'incubator-config' || f.kind === 'incubator-import') {
      const list = byModule.get(f.detail.module) ?? [];
      list.push(f);
      byModule.set(f.detail.module, list);
    } else {
      const list = byKind.get(f.kind) ?? [];
      list.push(f);
      byKind.set(f.kind, list);
    }
  }
  for (const module of [...byModule.keys()].sort()) {
    const list = byModule.get(module)!;
    const first = list[0]!;
    const detail = first.detail as { successor: Successor | null; fate: string };
    entries.push({ type: 'group', title: `incubator ${module || '(package __init__)'} → ${successorText(detail.successor)} [${detail.fate}]` });
    // What the reviewer must know before replacing the module: local changes to port, staleness.
    for (const f of list) {
      const line = f.kind === 'incubator-copy' ? provenanceLine(f) : null;
      if (line) entries.push({ type: 'note', text: line });
    }
    // Copies and conf entries first, then imports: what to delete, then what to rewrite.
    const rank: Partial<Record<Kind, number>> = { 'incubator-copy': 0, 'incubator-config': 1, 'incubator-import': 2 };
    for (const f of [...list].sort((a, b) => rank[a.kind]! - rank[b.kind]!)) entries.push({ type: 'finding', finding: f, text: findingText(f) });
  }
  for (const kind of KIND_ORDER) {
    const list = byKind.get(kind);
    if (!list) continue;
    entries.push({ type: 'group', title: `${KIND_TITLES[kind]}: ${list.length}` });
    for (const f of list) entries.push({ type: 'finding', finding: f, text: findingText(f) });
  }
  for (const title of [...byGoal.keys()].sort()) {
    const list = byGoal.get(title)!;
    entries.push({ type: 'group', title: `${title}: ${list.length}` });
    for (const f of list) entries.push({ type: 'finding', finding: f, text: findingText(f) });
  }
  return entries;
}

/** The project's provenance in one line: when it last synced from the incubator, and what differs. */
export function provenanceSummary(p: ProjectProvenance): string {
  const c = p.counts;
  const kinds = [`${c.exact} exact`, ...(c.modified ? [`${c.modified} changed locally`] : []), ...(c.unmatched ? [`${c.unmatched} unmatched`] : []), ...(c.stale ? [`${c.stale} stale`] : [])];
  const synced = p.syncedAround ? `synced from incubator around ${p.syncedAround.slice(0, 10)}` : 'no copy matches an incubator version';
  return `${synced} · ${plural(c.files, 'copy', 'copies')}: ${kinds.join(', ')}`;
}
