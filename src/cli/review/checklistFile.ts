// Checklists written from the review UI: one Markdown file per project, in the folder the user chose.

import { join } from 'node:path';
import type { Project } from '../../report/index.js';
import { atomicWrite } from '../../util/index.js';
import type { ChecklistWriter } from '../../ui/index.js';

/** A file name from a project name, which comes from a repository or a report: nothing that could leave `dir`. */
export function checklistFileName(project: string): string {
  const safe = project.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.-]+/, '');
  return `${safe || 'project'}-checklist.md`;
}

/** Writes `<project>-checklist.md` into `dir`, atomically. */
export function checklistWriter(dir: string): ChecklistWriter {
  return (project: Project, markdown: string) => {
    const path = join(dir, checklistFileName(project.name));
    atomicWrite(path, markdown);
    return path;
  };
}
