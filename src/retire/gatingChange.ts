// The change that ends a project's gating: its project-config entry runs noop-jobs only (zuul.d, or the
// older layout.yaml with its Jenkins jobs).

import { collect, TextEdit, type Workspace } from './fileEdits.js';
import { PC, PROJECT_CONFIG } from './inputs.js';
import { jenkinsProject, layoutProject, zuulProjectEntry, zuulProjectNames } from './locate.js';
import type { PlannedChange } from './plan.js';
import { blockAt, indentOf, removeBlock, type YamlText } from './yamlText.js';

function noopEntry(y: YamlText, dashLine: number, nameLine: number): string[] {
  const dash = y.line(dashLine);
  const keyIndent = ' '.repeat(indentOf(y.line(nameLine)));
  return [dash, y.line(nameLine), `${keyIndent}templates:`, `${keyIndent}  - noop-jobs`];
}

export function gatingChange(ws: Workspace, repo: string): PlannedChange | null {
  const edits: TextEdit[] = [];
  const zd = ws.yaml(PROJECT_CONFIG, PC.zuulProjects);
  const layout = ws.yaml(PROJECT_CONFIG, PC.layout);
  if (zd) {
    const e = new TextEdit(zd);
    const entry = zuulProjectEntry(zd, repo);
    if (entry) {
      const block = blockAt(zd.lines, entry.line);
      e.push({ start: block.start, end: block.end, insert: noopEntry(zd, entry.line, entry.nameLine) });
    } else {
      // No entry yet (jobs came from the repository itself): add one, keeping the file's name order.
      const names = zuulProjectNames(zd);
      const next = names.find((n) => n.name.localeCompare(repo) > 0);
      const sample = names[0] ? zd.line(names[0].line) : '- project:';
      const dashIndent = ' '.repeat(indentOf(sample));
      const lines = [`${dashIndent}- project:`, `${dashIndent}    name: ${repo}`, `${dashIndent}    templates:`, `${dashIndent}      - noop-jobs`];
      const at = next ? next.line : zd.lines.length + (zd.lines[zd.lines.length - 1] === '' ? 0 : 1);
      e.push({ start: at, end: at - 1, insert: lines });
    }
    edits.push(e);
  } else if (layout) {
    const entry = layoutProject(layout, repo);
    if (!entry) return null;
    const e = new TextEdit(layout);
    const block = blockAt(layout.lines, entry.line);
    const dash = layout.line(entry.line);
    const key = ' '.repeat(indentOf(dash) + 2);
    e.push({ start: block.start, end: block.end, insert: [dash, `${key}template:`, `${key}  - name: noop-jobs`] });
    edits.push(e);
    const jenkins = ws.yaml(PROJECT_CONFIG, PC.jenkins);
    const jobs = jenkins ? jenkinsProject(jenkins, repo) : null;
    if (jenkins && jobs) {
      const je = new TextEdit(jenkins);
      je.push(removeBlock(jenkins.lines, blockAt(jenkins.lines, jobs.line)));
      edits.push(je);
    }
  } else return null;
  return {
    step: 'gating-ended',
    target: 'project-config',
    subject: `End project gating for ${repo}`,
    body: [`Replace the jobs of ${repo} with the noop-jobs template, the first step of retiring the repository: changes can then merge without running any job.`],
    ...collect(edits),
  };
}
