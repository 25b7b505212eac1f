// Reports from shards of one batch (or any reports) merged into one: each project once.

import { projectKey } from './identity.js';
import { makeReport } from './envelope.js';
import type { Project, Report } from './types.js';

export interface MergeResult {
  report: Report;
  /** Projects that appeared in more than one report, by key; the one kept is explained in docs/batch.md. */
  duplicates: string[];
  /** `I/N` shards missing when the inputs say which shard they are. */
  missingShards: string[];
}

function shardOf(report: Report): { index: number; count: number } | null {
  const s = report['shard'] as { index?: unknown; count?: unknown } | undefined;
  return s && typeof s.index === 'number' && typeof s.count === 'number' ? { index: s.index, count: s.count } : null;
}

/**
 * Merges reports: projects sorted by key, so the result does not depend on the order of the
 * inputs. When a project appears twice, a scan that succeeded wins over a failed one; between
 * equals, the one from the newer report. `generatedAt` is the newest input's.
 */
export function mergeReports(reports: Report[]): MergeResult {
  const byKey = new Map<string, { project: Project; at: string }>();
  const duplicates = new Set<string>();
  for (const report of reports) {
    for (const project of report.projects) {
      const key = projectKey(project);
      const held = byKey.get(key);
      if (held) duplicates.add(key);
      const better = !held || (held.project.error !== null && project.error === null) || ((held.project.error === null) === (project.error === null) && report.generatedAt >= held.at);
      if (better) byKey.set(key, { project, at: report.generatedAt });
    }
  }
  const projects = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v.project);
  const newest = reports.map((r) => r.generatedAt).sort().at(-1);
  const report = makeReport(projects, newest ? new Date(newest) : new Date());

  const shards = reports.map(shardOf).filter((s): s is { index: number; count: number } => s !== null);
  const missingShards: string[] = [];
  if (shards.length > 0) {
    const count = Math.max(...shards.map((s) => s.count));
    const have = new Set(shards.filter((s) => s.count === count).map((s) => s.index));
    for (let i = 1; i <= count; i++) if (!have.has(i)) missingShards.push(`${i}/${count}`);
  }
  return { report, duplicates: [...duplicates].sort(), missingShards };
}
