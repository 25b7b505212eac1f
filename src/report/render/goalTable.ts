// The table of one selected community goal (`--format goal --goal remove-eventlet`): per team and
// repository, what is left, the signs of progress, and the state (done / in progress / not started).
// The goal's title and page come from a governance checkout (goals/selected/<goal>.rst); the
// findings from the rule packs of the goal (`goal-usage`, `goal-adoption`), and for
// migrate-to-privsep from the rootwrap and privsep findings of the original detectors.

import { plural } from '../../util/index.js';
import type { GovernanceTeam } from '../governance.js';
import type { Finding, Project, Report } from '../types.js';
import { markdownTable } from './markdown.js';

export interface GoalPage {
  /** The page's name (`remove-eventlet`). */
  name: string;
  /** Its title (`Remove Eventlet from OpenStack`). */
  title: string;
}

export type GoalState = 'done' | 'in progress' | 'not started';

interface GoalRow {
  left: string;
  progress: string;
  state: GoalState;
}

function byRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.kind === 'goal-usage' || f.kind === 'goal-adoption') counts.set(f.detail.rule, (counts.get(f.detail.rule) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** A project's standing against the goal: nothing left is done; something left and some progress is in progress. */
export function goalRow(p: Project, goal: string): GoalRow {
  if (goal === 'migrate-to-privsep') {
    const c = p.summary.counts;
    const left = (c['rootwrap-call'] ?? 0) + (c['rootwrap-import'] ?? 0) + (c['rootwrap-config'] ?? 0);
    const progress = c['privsep-usage'] ?? 0;
    return {
      left: left ? `rootwrap: ${plural(c['rootwrap-call'] ?? 0, 'call')}, ${plural(c['rootwrap-import'] ?? 0, 'import')}, ${plural(c['rootwrap-config'] ?? 0, 'config file')}` : 'none',
      progress: progress ? `privsep: ${plural(progress, 'use')}` : 'none',
      state: left === 0 ? 'done' : progress > 0 ? 'in progress' : 'not started',
    };
  }
  const mine = p.findings.filter((f) => (f.kind === 'goal-usage' || f.kind === 'goal-adoption') && f.detail.goal === goal);
  const usage = mine.filter((f) => f.kind === 'goal-usage');
  const adoption = mine.filter((f) => f.kind === 'goal-adoption');
  return {
    left: usage.length ? byRule(usage) : 'none',
    progress: adoption.length ? byRule(adoption) : 'none',
    state: usage.length === 0 ? 'done' : adoption.length > 0 ? 'in progress' : 'not started',
  };
}

function repoOf(p: Project): string {
  return p.repo ?? `openstack/${p.name}`;
}

const HEAD = ['Repository', 'Left to change', 'Progress', 'State'];

export function renderGoalTable(report: Report, options: { teams: readonly GovernanceTeam[]; page: GoalPage }): string {
  const { page } = options;
  const out = [
    `# ${page.title}`,
    '',
    `Generated ${report.generatedAt} by oslo-audit ${report.tool.version} for https://governance.openstack.org/tc/goals/selected/${page.name}.html.`,
    'A repository is done when nothing is left to change; in progress when something is left and the replacement is already in use; otherwise not started.',
    '',
  ];
  const placed = new Set<Project>();
  const sections: { title: string; projects: Project[] }[] = [];
  for (const team of options.teams) {
    const projects = team.repos.flatMap((r) => report.projects.filter((p) => repoOf(p) === r && !placed.has(p)));
    projects.forEach((p) => placed.add(p));
    if (projects.length) sections.push({ title: team.name, projects });
  }
  const rest = report.projects.filter((p) => !placed.has(p));
  if (rest.length) sections.push({ title: 'Not in governance', projects: rest });
  for (const s of sections) {
    const rows = s.projects.map((p): string[] => {
      if (p.error) return [repoOf(p), '?', '?', `not scanned (${p.error.stage} failed)`];
      const r = goalRow(p, page.name);
      return [repoOf(p), r.left, r.progress, r.state];
    });
    const done = rows.filter((r) => r[3] === 'done').length;
    out.push(`## ${s.title}`, '', `${done} of ${plural(s.projects.length, 'repository', 'repositories')} done.`, '', ...markdownTable([HEAD, ...rows]), '');
  }
  return out.join('\n');
}
