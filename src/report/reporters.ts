// Every output format of a report, by the name `--format` takes.

import type { GovernanceTeam } from './governance.js';
import { renderGoal } from './render/goal.js';
import { renderHtml } from './render/html/index.js';
import { renderGoalTable, type GoalPage } from './render/goalTable.js';
import { renderJson } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import { renderSarif } from './render/sarif.js';
import { renderTable } from './render/table.js';
import type { Report } from './types.js';

export interface RenderContext {
  /** Teams from governance, for the goal tables. */
  teams?: readonly GovernanceTeam[];
  /** ANSI colours in the terminal formats. */
  color?: boolean;
  /** One selected goal (`--goal`): the goal format then renders that goal's table. */
  goal?: GoalPage;
}

export interface Reporter {
  name: string;
  /** One line for usage and docs. */
  summary: string;
  /** What the reporter cannot do without, said before any scanning starts. */
  needs?: 'teams';
  render(report: Report, context: RenderContext): string;
}

export const REPORTERS = [
  { name: 'table', summary: 'aligned text for the terminal', render: (r, c) => renderTable(r, { color: c.color }) },
  { name: 'json', summary: 'the report contract (docs/report-format.md)', render: (r) => renderJson(r) },
  { name: 'markdown', summary: 'a Markdown page: overview and findings per project', render: (r) => renderMarkdown(r) },
  { name: 'sarif', summary: 'SARIF 2.1.0 for code scanning', render: (r) => renderSarif(r) },
  { name: 'goal', summary: 'community goal tables per team, in Markdown (needs --governance)', needs: 'teams', render: (r, c) => (c.goal ? renderGoalTable(r, { teams: c.teams ?? [], page: c.goal }) : renderGoal(r, { teams: c.teams ?? [], style: 'markdown' })) },
  { name: 'goal-rst', summary: 'community goal tables per team, in reStructuredText (needs --governance)', needs: 'teams', render: (r, c) => renderGoal(r, { teams: c.teams ?? [], style: 'rst' }) },
  { name: 'html', summary: 'one self-contained HTML page: sortable, filterable projects table, checklists, findings', render: (r) => renderHtml({ report: r }) },
] as const satisfies readonly Reporter[];

export type ReporterName = (typeof REPORTERS)[number]['name'];
export const REPORTER_NAMES: readonly ReporterName[] = REPORTERS.map((r) => r.name);

export function reporter(name: ReporterName): Reporter {
  return REPORTERS.find((r) => r.name === name)!;
}
