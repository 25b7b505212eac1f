import { toolVersion } from '../version.js';
import { emptySummary } from './summary.js';
import type { Project, ProjectError, Report } from './types.js';
import { SCHEMA_VERSION } from './types.js';

export { toolVersion };

export function makeReport(projects: Project[], now: Date = new Date()): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'oslo-audit', version: toolVersion },
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    projects,
  };
}

/** A project that could not be scanned: it keeps its place in the report with the reason. */
export function failedProject(base: { name: string; repo: string | null; source: string; commit?: string | null }, error: ProjectError): Project {
  return {
    name: base.name,
    repo: base.repo,
    source: base.source,
    commit: base.commit ?? null,
    error,
    summary: emptySummary(),
    activity: null,
    skipped: [],
    findings: [],
  };
}
