import { basename, resolve } from 'node:path';
import { activityFrom, gitTreeSource, historyOf, HistoryUnavailableError, indexBytes, openCheckout, redactText, type ActivityOptions, type HistoryRecord } from '../git/index.js';
import { failedProject, summarise, type Activity, type Project } from '../report/index.js';
import { historyRecordPath, scanTree, type ScanOptions, type TreeSource } from '../scan/index.js';

export interface LocalTarget {
  /** The path as the user gave it: the report's `source`. */
  path: string;
  name?: string;
  repo?: string | null;
  ref?: string;
}

export type ScanCommitOptions = ScanOptions & {
  activity?: ActivityOptions;
  /** The work tree checked out at the commit, whose unchanged files are read from disk. */
  workTree?: string;
};

/** How a project is named in the report, before its files are read. */
export interface ProjectBase {
  name: string;
  /** `namespace/name` when the target says so; otherwise `.gitreview`, then `repoHint`, decide. */
  repo: string | null;
  repoHint?: string | null;
  source: string;
  /** Extra report fields (`governance`, `github`). */
  extra?: Record<string, unknown>;
}

/** An index this large lists about a thousand files. */
const LARGE_INDEX = 100 * 1024;

/** Scans one local checkout; whatever goes wrong becomes the project's `error`, never an exception. */
export async function scanCheckout(target: LocalTarget, options: ScanCommitOptions = {}): Promise<Project> {
  const name = target.name ?? (basename(target.path.replace(/\/+$/, '')) || target.path);
  const base = { name, repo: target.repo ?? null, source: target.path };
  let checkout;
  try {
    checkout = await openCheckout(target.path, target.ref);
  } catch (e) {
    return failedProject(base, { stage: 'resolve', message: (e as Error).message });
  }
  // The commit checked out (HEAD): its work tree's unchanged files are read from disk.
  const atHead = target.ref === undefined || target.ref === 'HEAD';
  // A checkout of a thousand files or more has Python enough for a parse worker (pythonParser.ts).
  const workerAhead = indexBytes(checkout.root) >= LARGE_INDEX;
  return scanCommit(checkout.root, checkout.commit, base, { workerAhead, ...options, ...(atHead ? { workTree: checkout.root } : {}) });
}

/** Scans the tree and history of `commit` in the repository at `gitDir` (a work tree or a bare clone). */
export async function scanCommit(gitDir: string, commit: string, base: ProjectBase, options: ScanCommitOptions = {}): Promise<Project> {
  try {
    // The tree is listed first, as the scan waits for its listing; the history, read while the tree is
    // scanned (on a long history it takes as long as the scan), takes its scope from that listing.
    const location = resolve(gitDir);
    const { source, listing, unlisted } = listed(gitTreeSource(gitDir, commit, { workTree: options.workTree }));
    const scanning = scanTree(source, options);
    scanning.then(unlisted, unlisted);
    const history: Promise<HistoryRecord | HistoryUnavailableError> = historyOf(gitDir, commit, {
      recordFile: options.cache ? historyRecordPath(options.cache, location) : null,
      location,
      listing,
      // Read as far back as the figures made below need.
      activity: options.activity ?? {},
    }).catch((e: Error) => (e instanceof HistoryUnavailableError ? e : Promise.reject(e)));
    history.catch(() => undefined);
    const result = await scanning;
    const read = await history;
    let activity: Activity | null = null;
    if (!(read instanceof HistoryUnavailableError)) {
      activity = activityFrom(read, options.activity);
      // Only modules whose copy is still there have a "last changed" date worth showing.
      const present = new Set(result.findings.flatMap((f) => (f.kind === 'incubator-copy' ? [f.detail.module] : [])));
      activity.incubatorModuleDates = Object.fromEntries(Object.entries(activity.incubatorModuleDates ?? {}).filter(([m]) => present.has(m)).sort());
    }
    return {
      name: base.name,
      repo: base.repo ?? result.gitreviewProject ?? base.repoHint ?? null,
      source: base.source,
      commit,
      error: null,
      summary: summarise(result.findings, result.adoptedLibraries),
      activity,
      // Findings stand without the history: the activity is unknown, and the report says why.
      ...(read instanceof HistoryUnavailableError ? { activityError: redactText(`history unavailable: ${read.message}`) } : {}),
      skipped: result.skipped,
      findings: result.findings,
      ...base.extra,
    };
  } catch (e) {
    return { ...failedProject({ name: base.name, repo: base.repo ?? base.repoHint ?? null, source: base.source, commit }, { stage: 'scan', message: (e as Error).message }), ...base.extra };
  }
}

/**
 * The tree source, and the names of every file of its tree once the scan has listed them: null when
 * listing fails, or once `unlisted` is called (the scan ended without listing the tree, as when it
 * reused the record of the commit).
 */
function listed(source: TreeSource): { source: TreeSource; listing: Promise<readonly string[] | null>; unlisted: () => void } {
  let settle!: (names: readonly string[] | null) => void;
  const listing = new Promise<readonly string[] | null>((resolve) => (settle = resolve));
  const open = source.open;
  const tapped: TreeSource = {
    ...source,
    open: open
      ? async () => {
          try {
            const tree = await open.call(source);
            settle(tree.entries.map((e) => e.path));
            return tree;
          } finally {
            settle(null);
          }
        }
      : undefined,
  };
  return { source: tapped, listing, unlisted: () => settle(null) };
}
