// What a scan of one tree is told (its options) and what it answers (findings, what was skipped,
// and what it did).

import type { Knowledge, RuleSelection } from '../knowledge/index.js';
import type { Finding, Skipped } from '../report/index.js';
import type { Parsed } from './pythonFile.js';

export interface ScanOptions {
  /** Files larger than this many bytes are skipped as `too-large`. */
  maxFileSize?: number;
  /** A knowledge base other than the shipped one: files are then parsed on this thread and not cached. */
  knowledge?: Knowledge;
  /** Folder of the results cache (the cache layout's `scanResults`, cacheLayout.ts); none by default. Used when the source has a `location`. */
  cache?: string | null;
  /**
   * Parse workers: 0 parses on the calling thread. Default: one per core (one for a scan alone, which
   * plans on the calling thread), used once a scan has enough Python to parse (or the workers are
   * already running).
   */
  workers?: number;
  /**
   * Other scans run beside this one in the process (a batch of several targets): the calling thread
   * has their reading to do, so the parse workers, one per core, plan the files. A scan alone plans
   * them on the calling thread and sends the fragments to one worker.
   */
  alongside?: boolean;
  /** The files are versions of paths, each path's in a row (a trend): each is lexed from the one before (lexReplay.ts). */
  versions?: boolean;
  /** false parses every Python file whole: slower, same findings (for checking the prefilter). */
  prefilter?: boolean;
  /** The rule packs to run (`selectRules`); default: the incubator, namespace and rootwrap-privsep packs. */
  rules?: RuleSelection;
  /**
   * The caller expects enough Python to parse in workers (a large checkout): the default worker is
   * started, and this thread's lexer warmed up, as soon as the tree is to be listed, not once the
   * listing is in.
   */
  workerAhead?: boolean;
}

/** What the scan did, for benchmarks and progress. */
export interface ScanStats {
  /** Files whose content the scan needed, and their bytes as git records them. */
  files: number;
  bytes: number;
  /** Of those, answered by the cache without reading. */
  cached: number;
  /** Python files read, and how tree-sitter saw them. */
  python: number;
  parsed: Record<Parsed, number>;
  /** The whole result came from the record of the commit last scanned: nothing was listed or read. */
  commitReused: boolean;
}

export interface ScanResult {
  findings: Finding[];
  skipped: Skipped[];
  /** PyPI names of Oslo libraries the code imports in their current form. */
  adoptedLibraries: string[];
  /** `namespace/name` from `.gitreview`, when the repository has one. */
  gitreviewProject: string | null;
  stats: ScanStats;
}
