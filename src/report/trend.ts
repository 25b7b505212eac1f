// The trend report, version 1: each project's summary at points of its history (docs/report-format.md,
// "Trend report"; schema in src/report/trend.schema.json). Counts are keyed by kind as the scan's
// summary has them, so kinds added to the scanner appear here without a change.

import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { parseChecked, schemaChecker } from '../util/index.js';
import { toolVersion } from './envelope.js';
import type { MigrationStatus, Summary } from './types.js';

export const TREND_VERSION = 1;

export type PointsBy = 'tags' | 'dates' | 'refs';

/** One project at one point of its history. */
export interface TrendPoint {
  /** The tag, the date (`YYYY-MM-DD`) or the ref the point was asked as. */
  label: string;
  commit: string;
  /** The commit's date, ISO 8601 UTC. */
  date: string;
  /** Findings per kind, every kind the scan counts. */
  counts: Record<string, number>;
  /** Incubator modules still copied, namespace libraries still imported: the burndown's lines. */
  incubatorModules: number;
  namespaceLibraries: number;
  migrationStatus: MigrationStatus;
  privsep: boolean;
}

export interface TrendProject {
  name: string;
  repo: string | null;
  source: string;
  /** Why the project has no points (no tag matched, a date before the first commit, a shallow clone …). */
  error: { message: string } | null;
  points: TrendPoint[];
}

export interface TrendReport {
  trendVersion: typeof TREND_VERSION;
  tool: { name: 'oslo-audit'; version: string };
  generatedAt: string;
  /** How the points were chosen. */
  points: { by: PointsBy; tags?: string[]; every?: string; since?: string; until?: string; refs?: string[]; maxPoints?: number };
  /** Files the scans needed, and how many of them came from the results cache. */
  cache: { files: number; cached: number; hitRate: number };
  projects: TrendProject[];
}

/**
 * What the burndown draws, as data (the HTML report hands it to the page's script): a point's own
 * field, or its count of one kind.
 */
export interface SeriesDef {
  key: string;
  title: string;
  field?: 'incubatorModules' | 'namespaceLibraries';
  count?: string;
}

export const SERIES = [
  { key: 'incubatorModules', title: 'incubator modules left', field: 'incubatorModules' },
  { key: 'namespaceImports', title: 'namespace imports', count: 'namespace-import' },
  { key: 'rootwrapCalls', title: 'rootwrap call sites', count: 'rootwrap-call' },
] as const satisfies readonly SeriesDef[];
export type SeriesKey = (typeof SERIES)[number]['key'];

export function seriesValue(s: SeriesDef, p: TrendPoint): number {
  return s.field ? p[s.field] : (p.counts[s.count ?? ''] ?? 0);
}

/** A point from a scan's summary at that commit. */
export function trendPoint(at: { label: string; commit: string; date: string }, summary: Summary): TrendPoint {
  const counts: Record<string, number> = {};
  for (const [kind, n] of Object.entries(summary.counts)) counts[kind] = n ?? 0;
  return {
    ...at,
    counts,
    incubatorModules: summary.incubatorModules.length,
    namespaceLibraries: summary.namespaceLibraries.length,
    migrationStatus: summary.migrationStatus,
    privsep: summary.privsep,
  };
}

export function makeTrendReport(projects: TrendProject[], points: TrendReport['points'], cache: { files: number; cached: number }, now: Date = new Date()): TrendReport {
  return {
    trendVersion: TREND_VERSION,
    tool: { name: 'oslo-audit', version: toolVersion },
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    points,
    cache: { ...cache, hitRate: cache.files ? Math.round((cache.cached / cache.files) * 1000) / 1000 : 0 },
    projects,
  };
}

export const trendSchemaPath = join(packageRoot, 'src', 'report', 'trend.schema.json');
/** Errors of a trend report against the shipped schema, one line each; empty when it is valid. */
export const validateTrend: (value: unknown) => string[] = schemaChecker(trendSchemaPath);

/** Parses a saved trend report, refusing anything that is not a valid version-1 trend report. */
export function parseTrend(text: string, origin: string): TrendReport {
  return parseChecked<TrendReport>(text, origin, validateTrend, 'oslo-audit trend report');
}
