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
/**
 * Findings of rule packs that are data (docs/rules.md): work left for a community goal, and signs that
 * the work has started. Reports have these only when such a pack was selected; summaries count them only
 * when present, so reports of the default packs are what they always were.
 */
export const RULE_KINDS = ['goal-usage', 'goal-adoption'] as const;
export type RuleFindingKind = (typeof RULE_KINDS)[number];
export type Kind = (typeof KINDS)[number] | RuleFindingKind;

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
  /** Which incubator version the copy came from; present when the report was made with an incubator history. */
  provenance?: CopyProvenance;
}

/** Where one copied file came from in oslo-incubator's history (docs/provenance.md). */
export interface CopyProvenance {
  /** `exact`: some incubator version, ignoring whitespace and comments; `modified`: closest version, changed locally; `unmatched`: no version close enough. */
  status: 'exact' | 'modified' | 'unmatched';
  /** `identical` byte for byte (after undoing update.py's rewrite), `equivalent` token for token, `closest` otherwise. */
  match: 'identical' | 'equivalent' | 'closest' | null;
  /** The incubator file (`openstack/common/lockutils.py`) of the matched or closest version. */
  incubatorPath: string | null;
  blob: string | null;
  /** Incubator commits that brought that version, oldest first. */
  commits: string[];
  /** When that version appeared in the incubator, and when it was replaced there (null: never). */
  since: string | null;
  until: string | null;
  /** 1 for an exact match; else the share of tokens in common with the closest version. */
  similarity: number;
  /** Local changes: runs of changed lines, whitespace and comments ignored. */
  changes: number;
  /** Unified diff from the closest version to the copy (project-name rewrite undone). */
  diff: string | null;
  /** The incubator changed the file after this version and before the module graduated. */
  stale: boolean;
  newerVersions: number;
  /** The file's last incubator version before graduation. */
  latest: { commit: string; date: string } | null;
}

/** A project's copies of incubator code against the incubator's history (docs/provenance.md). */
export interface ProjectProvenance {
  incubator: { source: string; head: string };
  /** The `base=` update.py rewrote the copy for. */
  base: string | null;
  /** The newest incubator version among the copies' matches: the last sync happened no earlier. */
  syncedAround: string | null;
  counts: { files: number; exact: number; modified: number; unmatched: number; stale: number };
  localChanges: Array<{ module: string; file: string; changes: number; similarity: number }>;
  stale: Array<{ module: string; file: string; newerVersions: number; latest: string }>;
  unmatched: string[];
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

export interface RuleFindingDetail {
  /** The rule's id (`eventlet-monkey-patch`). */
  rule: string;
  pack: string;
  /** The governance goal (`remove-eventlet`), or null. */
  goal: string | null;
  severity: 'error' | 'warning' | 'note';
  /** What to do instead. */
  replacement: string;
  /** The goal's own references (URLs). */
  references: string[];
}

export interface DetailByKind {
  'goal-usage': RuleFindingDetail;
  'goal-adoption': RuleFindingDetail;
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

export type SkipReason = 'binary' | 'utf-16' | 'too-large' | 'invalid-utf8' | 'symlink' | 'unreadable';
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
  /** Why `activity` is null although the project was scanned (its history could not be read). */
  activityError?: string;
  skipped: Skipped[];
  findings: Finding[];
  /** Present when the report was made with an incubator history. */
  provenance?: ProjectProvenance | null;
  [extra: string]: unknown;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'oslo-audit'; version: string };
  generatedAt: string;
  projects: Project[];
  [extra: string]: unknown;
}
