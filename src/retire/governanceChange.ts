// The change that retires the deliverable in governance: out of projects.yaml, into legacy.yaml under its
// team with the retirement date, in the file's own list style and name order. Before 2016-09-27 that
// file was retired-projects.yaml; a governance tree older still has neither, and the deliverable only
// leaves projects.yaml.

import { collect, TextEdit, type Workspace } from './fileEdits.js';
import { legacyFile } from './governanceStep.js';
import { GOV, GOVERNANCE } from './inputs.js';
import { governanceEntry } from './locate.js';
import type { PlannedChange, PlanOptions } from './plan.js';
import { blockAt, indentOf, pairs, removeBlock, scalarText } from './yamlText.js';

function deliverableBlock(indent: string, deliverable: string, repo: string, date: string, listStyle: boolean): string[] {
  if (listStyle) return [`${indent}- ${deliverable}:`, `${indent}    retired-on: ${date}`, `${indent}    repos:`, `${indent}      - ${repo}`];
  return [`${indent}${deliverable}:`, `${indent}  retired-on: ${date}`, `${indent}  repos:`, `${indent}    - ${repo}`];
}

export function governanceChange(ws: Workspace, repo: string, options: PlanOptions): PlannedChange | null {
  const projects = ws.yaml(GOVERNANCE, GOV.projects);
  const legacy = ws.yaml(GOVERNANCE, legacyFile((path) => ws.text(GOVERNANCE, path)));
  const official = projects ? governanceEntry(projects, repo) : null;
  if (!projects || !official) return null;
  const edits: TextEdit[] = [];
  const pe = new TextEdit(projects);
  const alone = official.repos.length === 1;
  pe.push(alone ? removeBlock(projects.lines, blockAt(projects.lines, official.deliverableLine)) : { ...blockAt(projects.lines, official.repoLine), insert: [] });
  edits.push(pe);

  if (legacy && !governanceEntry(legacy, repo)) {
    const le = new TextEdit(legacy);
    const team = pairs(legacy.doc.contents).find((p) => scalarText(p.key) === official.team);
    const deliverable = alone ? official.deliverable : repo.split('/').pop()!;
    if (team) {
      const teamLine = legacy.lineOf(team)!;
      const teamBlock = blockAt(legacy.lines, teamLine);
      const delivLine = legacy.lines.slice(teamLine, teamBlock.end).findIndex((l) => /^\s*deliverables:\s*$/.test(l));
      if (delivLine >= 0) {
        const at = teamLine + 1 + delivLine;
        const block = blockAt(legacy.lines, at);
        const first = legacy.lines.slice(at, block.end).find((l) => l.trim() !== '') ?? '';
        const listStyle = first.trimStart().startsWith('- ');
        const indent = ' '.repeat(first ? indentOf(first) : indentOf(legacy.line(at)) + 2);
        le.push({ start: block.end + 1, end: block.end, insert: deliverableBlock(indent, deliverable, repo, options.date, listStyle) });
      } else {
        le.push({ start: teamBlock.end + 1, end: teamBlock.end, insert: ['  deliverables:', ...deliverableBlock('    ', deliverable, repo, options.date, false)] });
      }
    } else {
      // A new team entry, placed in the file's (case-insensitive) name order.
      const teams = pairs(legacy.doc.contents).map((p) => ({ name: scalarText(p.key) ?? '', line: legacy.lineOf(p)! }));
      const next = teams.find((t) => t.name.toLowerCase().localeCompare(official.team.toLowerCase()) > 0);
      const blockLines = [`${official.team}:`, '  partial: yes', '  deliverables:', ...deliverableBlock('    ', deliverable, repo, options.date, false)];
      if (next) le.push({ start: next.line, end: next.line - 1, insert: [...blockLines, ''] });
      else le.push({ start: legacy.lastLine + 1, end: legacy.lastLine, insert: ['', ...blockLines] });
    }
    edits.push(le);
  }
  return {
    step: 'governance-retired',
    target: 'governance',
    subject: `Retire ${repo}`,
    body: [`${repo} is no longer maintained: remove it from the ${official.team} team's deliverables${legacy ? ` and record it in ${legacy.path.split('/').pop()} as retired on ${options.date}` : ''}.`],
    ...collect(edits),
  };
}
