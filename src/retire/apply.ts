// `retire --apply`: the planned changes as local commits, in order, never pushed. Every checkout
// involved must be clean first, so a commit holds exactly the planned change and nothing of the user's;
// on any failure or interrupt every checkout is put back as it was (see git/transaction.ts).

import { applyAllOrNothing, applyFiles, assertCleanTree } from '../git/index.js';
import { chainChanges, type ChainedChange } from './chain.js';
import type { PlannedChange } from './plan.js';
import type { RetireRoots } from './read.js';

export interface AppliedChange extends ChainedChange {
  commit: string;
  dir: string;
}

function dirOf(change: PlannedChange, roots: RetireRoots): string {
  const dir = change.target === 'repository' ? roots.repository : change.target === 'project-config' ? roots.projectConfig : roots.governance;
  if (!dir) throw new Error(`no ${change.target} checkout for "${change.subject}"`);
  return dir;
}

/** Refuses (DirtyTreeError) when any given checkout has uncommitted changes, before anything is written. */
export async function assertCleanCheckouts(roots: RetireRoots): Promise<void> {
  await assertCleanTree(roots.repository, `the repository (${roots.repository})`, { untracked: true });
  if (roots.projectConfig) await assertCleanTree(roots.projectConfig, `project-config (${roots.projectConfig})`, { untracked: true });
  if (roots.governance) await assertCleanTree(roots.governance, `governance (${roots.governance})`, { untracked: true });
}

/**
 * Commits the changes in order. `heads` seeds each Change-Id with the commit its checkout was at, so the
 * same plan on the same checkouts gives the same ids. `env` may pin author, committer and dates.
 */
export async function applyRetirement(changes: readonly PlannedChange[], roots: RetireRoots, heads: Record<string, string | null>, env: Record<string, string> = {}): Promise<AppliedChange[]> {
  await assertCleanCheckouts(roots);
  const chained = chainChanges(changes, changes.map((c) => heads[c.target] ?? ''));
  // All or nothing across the checkouts: a refused governance commit also takes back the repository's.
  return applyAllOrNothing(chained.map((c) => dirOf(c, roots)), async (step) => {
    const applied: AppliedChange[] = [];
    for (const c of chained) {
      const dir = dirOf(c, roots);
      for (const path of Object.keys(c.files)) step.willWrite(dir, path);
      applyFiles(dir, c.files);
      const commit = await step.commit(dir, Object.keys(c.files), c.message, env);
      applied.push({ ...c, commit, dir });
    }
    return applied;
  });
}
