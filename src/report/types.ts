// The scan report, version 1: the contract other tools and people build on.
// Field names and meanings follow docs/report-format.md; extra fields are allowed there.

export const SCHEMA_VERSION = 1;

export const KINDS = [
  'incubator-copy',
  'incubator-config',
  'incubator-import',
  'namespace-import',
  'rootwrap-import',
  'rootwrap-call',
  'rootwrap-config',
  'privsep-usage',
  'oslo-requirement',
] as const;
export type Kind = (typeof KINDS)[number];

/** How an incubator module left the incubator, as the report names it. */
export type Fate = 'graduated' | 'dropped' | 'moved' | 'unknown';

export interface Successor {
  /** The import that replaces the module (`oslo_utils.timeutils`), null when only the library is known. */
  import: string | null;
  /** The PyPI distribution (`oslo.utils`), null when only the import is known. */
  package: string | null;
}

export interface IncubatorDetail {
  module: string;
  successor: Successor | null;
  fate: Fate;
  /** The incubator's own word for the fate (`survived`, `superseded-in-incubator`, …), when known. */
  incubatorFate?: string | null;
  /** The first release of the successor library (`oslo.utils 0.1.0 (2014-07-29)`), when known. */
  successorSince?: string | null;
}

export interface IncubatorCopyDetail extends IncubatorDetail {
  package: string;
}

export interface IncubatorImportDetail extends IncubatorDetail {
  insideCopy: boolean;
}

export interface NamespaceImportDetail {
  old: string;
  new: string;
  /** The PyPI distribution providing the library. */
  package?: string | null;
}

export interface RootwrapImportDetail {
  module: string;
}

export interface RootwrapCallDetail {
  keyword: 'run_as_root' | 'root_helper';
  value: string;
  callee: string;
}

export interface RootwrapConfigDetail {
  what: 'conf' | 'filters' | 'console-script';
  name?: string;
}

export interface PrivsepUsageDetail {
  what: 'import' | 'context' | 'entrypoint';
}

export interface OsloRequirementDetail {
  name: string;
  spec: string;
  /** An environment marker after `;`, when present. */
  marker?: string;
}

export interface DetailByKind {
  'incubator-copy': IncubatorCopyDetail;
  'incubator-config': IncubatorDetail;
  'incubator-import': IncubatorImportDetail;
  'namespace-import': NamespaceImportDetail;
  'rootwrap-import': RootwrapImportDetail;
  'rootwrap-call': RootwrapCallDetail;
  'rootwrap-config': RootwrapConfigDetail;
  'privsep-usage': PrivsepUsageDetail;
  'oslo-requirement': OsloRequirementDetail;
}

export interface FindingOf<K extends Kind> {
  kind: K;
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  message: string;
  detail: DetailByKind[K];
  /** The construct's source text with whitespace collapsed (Python findings): identifies it when lines move. */
  construct?: string;
}

export type Finding = { [K in Kind]: FindingOf<K> }[Kind];

export type SkipReason = 'binary' | 'too-large' | 'invalid-utf8' | 'symlink' | 'unreadable';
export interface Skipped {
  file: string;
  reason: SkipReason;
}

export type MigrationStatus = 'clean' | 'in-progress' | 'not-started';

export interface Summary {
  counts: Partial<Record<Kind, number>>;
  incubatorModules: string[];
  namespaceLibraries: string[];
  rootwrap: boolean;
  privsep: boolean;
  migrationStatus: MigrationStatus;
  /** Oslo libraries the code already uses in their current form (`oslo.utils` when `oslo_utils` is imported). */
  adoptedLibraries: string[];
}

export interface Activity {
  lastCommit: string | null;
  lastHumanCommit: string | null;
  commits90d: number;
  commits365d: number;
  authors365d: number;
  lastIncubatorSync: string | null;
  /** Incubator module → ISO date its copy was last changed. */
  incubatorModuleDates?: Record<string, string>;
}

export type ErrorStage = 'resolve' | 'clone' | 'fetch' | 'scan';
export interface ProjectError {
  stage: ErrorStage;
  message: string;
}

export interface Project {
  name: string;
  repo: string | null;
  source: string;
  commit: string | null;
  error: ProjectError | null;
  summary: Summary;
  activity: Activity | null;
  skipped: Skipped[];
  findings: Finding[];
  [extra: string]: unknown;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'oslo-audit'; version: string };
  generatedAt: string;
  projects: Project[];
  [extra: string]: unknown;
}
