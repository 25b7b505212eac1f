import { basename } from 'node:path';
import { activityOf, gitTreeSource, openCheckout, type ActivityOptions } from '../git/index.js';
import { failedProject, summarise, type Project } from '../report/index.js';
import { scanTree, type ScanOptions } from '../scan/index.js';

export interface LocalTarget {
  /** The path as the user gave it: the report's `source`. */
  path: string;
  name?: string;
  repo?: string | null;
  ref?: string;
}

/** Scans one local checkout; whatever goes wrong becomes the project's `error`, never an exception. */
export async function scanCheckout(target: LocalTarget, options: ScanOptions & { activity?: ActivityOptions } = {}): Promise<Project> {
  const name = target.name ?? (basename(target.path.replace(/\/+$/, '')) || target.path);
  let checkout;
  try {
    checkout = await openCheckout(target.path, target.ref);
  } catch (e) {
    return failedProject({ name, repo: target.repo ?? null, source: target.path }, { stage: 'resolve', message: (e as Error).message });
  }
  try {
    const result = await scanTree(gitTreeSource(checkout.root, checkout.commit), options);
    const activity = await activityOf(checkout.root, checkout.commit, options.activity);
    // Only modules whose copy is still there have a "last changed" date worth showing.
    const present = new Set(result.findings.flatMap((f) => (f.kind === 'incubator-copy' ? [f.detail.module] : [])));
    activity.incubatorModuleDates = Object.fromEntries(Object.entries(activity.incubatorModuleDates ?? {}).filter(([m]) => present.has(m)).sort());
    return {
      name,
      repo: target.repo ?? result.gitreviewProject,
      source: target.path,
      commit: checkout.commit,
      error: null,
      summary: summarise(result.findings, result.adoptedLibraries),
      activity,
      skipped: result.skipped,
      findings: result.findings,
    };
  } catch (e) {
    return failedProject({ name, repo: target.repo ?? null, source: target.path, commit: checkout.commit }, { stage: 'scan', message: (e as Error).message });
  }
}
