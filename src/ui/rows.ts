// The project list as data: one row per project, the sort columns, and the filters. Pure, so a
// thousand rows sort and filter without touching the screen.

import type { MigrationStatus, Project } from '../report/index.js';
import type { CandidacyRule } from './types.js';

export type RowStatus = MigrationStatus | 'error';

export interface ProjectRow {
  project: Project;
  name: string;
  /** Incubator modules whose copy is still present. */
  modules: number;
  incubatorImports: number;
  namespaceImports: number;
  rootwrapCalls: number;
  privsep: boolean;
  lastHumanCommit: string | null;
  status: RowStatus;
  candidate: boolean;
  /** Lower-cased text the `/` filter matches: name, repo, status, modules and libraries left. */
  haystack: string;
}

export function projectRow(project: Project, now: Date, rule: CandidacyRule): ProjectRow {
  const c = project.summary.counts;
  const status: RowStatus = project.error ? 'error' : project.summary.migrationStatus;
  return {
    project,
    name: project.name,
    modules: project.summary.incubatorModules.length,
    incubatorImports: c['incubator-import'] ?? 0,
    namespaceImports: c['namespace-import'] ?? 0,
    rootwrapCalls: c['rootwrap-call'] ?? 0,
    privsep: project.summary.privsep,
    lastHumanCommit: project.activity?.lastHumanCommit ?? null,
    status,
    candidate: rule.judge(project, now).isCandidate,
    haystack: [project.name, project.repo ?? '', status, ...project.summary.incubatorModules, ...project.summary.namespaceLibraries].join(' ').toLowerCase(),
  };
}

export interface SortColumn {
  id: string;
  label: string;
  /** Ascending order; the first sort shows what needs most work (or is oldest) on top. */
  compare: (a: ProjectRow, b: ProjectRow) => number;
}

const byName = (a: ProjectRow, b: ProjectRow): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const STATUS_ORDER: Record<RowStatus, number> = { error: 0, 'not-started': 1, 'in-progress': 2, clean: 3 };
const most = (key: (r: ProjectRow) => number) => (a: ProjectRow, b: ProjectRow) => key(b) - key(a) || byName(a, b);

export const SORT_COLUMNS: readonly SortColumn[] = [
  { id: 'name', label: 'name', compare: byName },
  { id: 'modules', label: 'incubator modules', compare: most((r) => r.modules) },
  { id: 'imports', label: 'incubator imports', compare: most((r) => r.incubatorImports) },
  { id: 'namespace', label: 'namespace imports', compare: most((r) => r.namespaceImports) },
  { id: 'rootwrap', label: 'rootwrap calls', compare: most((r) => r.rootwrapCalls) },
  { id: 'privsep', label: 'privsep', compare: most((r) => (r.privsep ? 0 : 1)) },
  // Oldest last human commit first; projects with none at all come before every date.
  { id: 'age', label: 'last human commit', compare: (a, b) => (a.lastHumanCommit ?? '').localeCompare(b.lastHumanCommit ?? '') || byName(a, b) },
  { id: 'status', label: 'status', compare: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byName(a, b) },
  { id: 'retire', label: 'retirement candidacy', compare: most((r) => (r.candidate ? 1 : 0)) },
];

export const STATUS_FILTERS = ['all', 'not-started', 'in-progress', 'clean', 'error', 'candidate'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function matchesStatus(row: ProjectRow, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'candidate') return row.candidate;
  return row.status === filter;
}

/** The rows to show, in order: filtered by text (every word must match) and status, then sorted. */
export function visibleRows(rows: readonly ProjectRow[], view: { sort: number; filter: string; status: StatusFilter }): ProjectRow[] {
  const words = view.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const column = SORT_COLUMNS[view.sort] ?? SORT_COLUMNS[0]!;
  return rows.filter((r) => matchesStatus(r, view.status) && words.every((w) => r.haystack.includes(w))).sort(column.compare);
}
