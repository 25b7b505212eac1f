// Provenance for a scanned report: each project with incubator copies is compared with the
// incubator's history, read from its checkout or its clone in the cache.

import { checkoutProvenance, type Incubator } from '../provenance/index.js';
import type { Report } from '../report/index.js';
import { repositoryDir, type SourceLocations } from './source.js';

export async function withProvenance(report: Report, incubator: Incubator, where: SourceLocations = {}): Promise<Report> {
  const projects = [];
  for (const project of report.projects) {
    const hasCopies = project.findings.some((f) => f.kind === 'incubator-copy');
    // A saved report may already carry provenance: it is kept, not computed again.
    const dir = hasCopies && !project.error && !project.provenance ? repositoryDir(project, where) : null;
    projects.push(dir ? await checkoutProvenance(project, dir, incubator) : project);
  }
  return { ...report, projects };
}
