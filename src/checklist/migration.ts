// The migration checklist of one scanned project: the changes to propose, one per incubator module
// group or namespace library, and the rootwrap → oslo.privsep steps. Pure: a report's Project in,
// a Checklist out, so the terminal UI can call it as well as the CLI. Each part is its own module.

import { knowledge, type Knowledge } from '../knowledge/index.js';
import { findingsOf, type Project } from '../report/index.js';
import { goalItems } from './goals.js';
import { incubatorItems } from './incubatorItems.js';
import { namespaceItems } from './namespaceItems.js';
import { rootwrapItems } from './rootwrapItems.js';
import type { Checklist, ChecklistItem } from './types.js';

function summaryLines(project: Project, items: ChecklistItem[]): string[] {
  const done = items.filter((i) => i.done).length;
  return [`${done} of ${items.length} ${items.length === 1 ? 'item' : 'items'} done; migration status: ${project.summary.migrationStatus}.`];
}

/** The migration checklist of a scanned project. A project that failed to scan gets an empty checklist saying why. */
export function migrationChecklist(project: Project, kb: Knowledge = knowledge()): Checklist {
  const base = { project: project.name, kind: 'migration' as const, repo: project.repo, commit: project.commit };
  if (project.error) return { ...base, items: [], summary: [`Not scanned (${project.error.stage}): ${project.error.message}`] };
  const requirements = findingsOf(project.findings, 'oslo-requirement');
  const items = [...incubatorItems(project, requirements, kb), ...namespaceItems(project, requirements, kb), ...rootwrapItems(project, requirements, kb), ...goalItems(project)];
  return { ...base, items, summary: items.length ? summaryLines(project, items) : ['Nothing to migrate: no incubator code, namespace imports or rootwrap use.'] };
}
