import type { Finding, Kind, MigrationStatus, Summary } from './types.js';
import { KINDS } from './types.js';

const MIGRATION_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'incubator-copy', 'incubator-config', 'incubator-import', 'namespace-import', 'rootwrap-import', 'rootwrap-call', 'rootwrap-config',
]);

/** The libraries that would replace what a finding points at. */
function targetLibraries(f: Finding): string[] {
  switch (f.kind) {
    case 'incubator-copy':
    case 'incubator-config':
    case 'incubator-import':
      return (f.detail.successor?.package ?? '').split(';').filter(Boolean);
    case 'namespace-import':
      return f.detail.package ? [f.detail.package] : [];
    case 'rootwrap-import':
    case 'rootwrap-call':
    case 'rootwrap-config':
      return ['oslo.privsep'];
    default:
      return [];
  }
}

/**
 * `clean` when nothing stands between the project and the libraries; `in-progress` when a library that
 * replaces some of what is left is already used in its current form; otherwise `not-started`. When none
 * of what is left has a successor library, any adopted Oslo library counts as a start.
 */
export function migrationStatus(findings: readonly Finding[], adoptedLibraries: readonly string[]): MigrationStatus {
  const left = findings.filter((f) => MIGRATION_KINDS.has(f.kind));
  if (left.length === 0) return 'clean';
  const targets = new Set(left.flatMap(targetLibraries));
  const started = targets.size > 0 ? adoptedLibraries.some((l) => targets.has(l)) : adoptedLibraries.length > 0;
  return started ? 'in-progress' : 'not-started';
}

export function summarise(findings: readonly Finding[], adoptedLibraries: readonly string[]): Summary {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const modules = new Set<string>();
  const namespaces = new Set<string>();
  for (const f of findings) {
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    if (f.kind === 'incubator-copy' && f.file.endsWith('.py') && f.detail.module !== '') modules.add(f.detail.module);
    if (f.kind === 'namespace-import') namespaces.add(f.detail.old);
  }
  return {
    counts,
    incubatorModules: [...modules].sort(),
    namespaceLibraries: [...namespaces].sort(),
    rootwrap: counts['rootwrap-import'] + counts['rootwrap-call'] + counts['rootwrap-config'] > 0,
    privsep: counts['privsep-usage'] > 0,
    migrationStatus: migrationStatus(findings, adoptedLibraries),
    adoptedLibraries: [...adoptedLibraries].sort(),
  };
}

export function emptySummary(): Summary {
  return summarise([], []);
}
