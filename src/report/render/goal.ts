// Tables shaped like OpenStack's community goal documents ("Remove Copies of Incubated Oslo Code",
// "Migrate from oslo.rootwrap to oslo.privsep"): per team, per repository, what is left and whether
// the repository is done.

import { plural } from '../../util/index.js';
import type { GovernanceTeam } from '../governance.js';
import type { Project, Report } from '../types.js';
import { markdownTable } from './markdown.js';

export type GoalStyle = 'markdown' | 'rst';

export interface GoalOptions {
  teams: readonly GovernanceTeam[];
  style?: GoalStyle;
}

const HEAD = ['Repository', 'Incubator modules left', 'Namespace imports', 'Rootwrap', 'Privsep', 'Done'];

/** A project's repository name for matching governance: `.gitreview`'s, else `openstack/<name>`. */
function repoOf(p: Project): string {
  return p.repo ?? `openstack/${p.name}`;
}

function row(p: Project): string[] {
  if (p.error) return [repoOf(p), '?', '?', '?', '?', `not scanned (${p.error.stage} failed)`];
  const s = p.summary;
  const c = s.counts;
  return [
    repoOf(p),
    s.incubatorModules.length ? `${s.incubatorModules.length}: ${s.incubatorModules.join(', ')}` : 'none',
    c['namespace-import'] ? `${c['namespace-import']} (${s.namespaceLibraries.join(', ')})` : 'none',
    s.rootwrap
      ? `yes (${plural(c['rootwrap-call'] ?? 0, 'call')}, ${plural(c['rootwrap-import'] ?? 0, 'import')}, ${plural(c['rootwrap-config'] ?? 0, 'config file')})`
      : 'no',
    s.privsep ? 'yes' : 'no',
    s.migrationStatus === 'clean' ? 'done' : 'not done',
  ];
}

interface Section {
  title: string;
  projects: Project[];
}

/** Teams in governance order, each with its scanned repositories; repositories no team lists come last. */
function sections(report: Report, teams: readonly GovernanceTeam[]): Section[] {
  const out: Section[] = [];
  const placed = new Set<Project>();
  for (const team of teams) {
    const projects = team.repos.flatMap((r) => report.projects.filter((p) => repoOf(p) === r && !placed.has(p)));
    projects.forEach((p) => placed.add(p));
    if (projects.length) out.push({ title: team.name, projects });
  }
  const rest = report.projects.filter((p) => !placed.has(p));
  if (rest.length) out.push({ title: 'Not in governance', projects: rest });
  return out;
}

function teamLine(projects: readonly Project[]): string {
  const done = projects.filter((p) => !p.error && p.summary.migrationStatus === 'clean').length;
  const failed = projects.filter((p) => p.error).length;
  return `${done} of ${plural(projects.length, 'repository', 'repositories')} done${failed ? ` (${failed} not scanned)` : ''}.`;
}

function rstEscape(s: string): string {
  return s.replace(/([\\`*_|])/g, '\\$1');
}

function rstHeading(text: string, underline: string): string[] {
  return [text, underline.repeat(Math.max(text.length, 3))];
}

function rstListTable(rows: string[][]): string[] {
  const out = ['.. list-table::', '   :header-rows: 1', ''];
  for (const r of rows) r.forEach((cell, i) => out.push(`${i === 0 ? '   * - ' : '     - '}${rstEscape(cell)}`));
  return out;
}

export function renderGoal(report: Report, options: GoalOptions): string {
  const style = options.style ?? 'markdown';
  const title = 'Oslo goals: incubated code, namespace packages, privsep';
  const intro = [
    `Generated ${report.generatedAt} by oslo-audit ${report.tool.version}.`,
    'A repository is done when it has no copy of oslo-incubator code, no import through the oslo namespace package and no use of oslo.rootwrap.',
  ];
  const out: string[] = [];
  if (style === 'rst') out.push(...rstHeading(title, '='), '', ...intro.map(rstEscape), '');
  else out.push(`# ${title}`, '', ...intro, '');
  for (const s of sections(report, options.teams)) {
    const rows = [HEAD, ...s.projects.map(row)];
    if (style === 'rst') out.push(...rstHeading(rstEscape(s.title), '-'), '', teamLine(s.projects), '', ...rstListTable(rows), '');
    else out.push(`## ${s.title}`, '', teamLine(s.projects), '', ...markdownTable(rows), '');
  }
  return out.join('\n');
}
