// Provenance for the review UI (`review --incubator`): every project with a local checkout is matched
// against oslo-incubator's history once scanned. Reports that already carry provenance keep theirs.

import { checkoutProvenance, type Incubator } from '../../provenance/index.js';
import type { Project, Report } from '../../report/index.js';
import { localCheckout } from './checkout.js';

/** The project with provenance added when it has none and its checkout is here; otherwise as it was. */
async function withProvenance(project: Project, incubator: Incubator, cwd: string): Promise<Project> {
  if (project.provenance || project.error) return project;
  const local = await localCheckout(project, cwd);
  if ('reason' in local) return project;
  return checkoutProvenance(project, local.root, incubator);
}

export async function addProvenance(report: Report, incubator: Incubator, cwd: string): Promise<Report> {
  const projects: Project[] = [];
  for (const p of report.projects) projects.push(await withProvenance(p, incubator, cwd));
  return { ...report, projects };
}
