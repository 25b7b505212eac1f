// Local commits in a user's checkout (`retire --apply`): only on a clean work tree, never pushed.

import { simpleGit } from 'simple-git';
import { applyFiles, type FileChange } from './commits.js';
import { processEnv, USER_ENVIRONMENT } from './env.js';

export class DirtyTreeError extends Error {}

/** Paths with uncommitted changes or untracked files, as `git status --porcelain` lists them. */
export async function uncommittedChanges(dir: string): Promise<string[]> {
  const out = await simpleGit({ baseDir: dir }).raw(['status', '--porcelain', '--untracked-files=normal']);
  return out.split('\n').filter((l) => l.trim()).map((l) => l.slice(3));
}

export async function assertCleanTree(dir: string, label: string): Promise<void> {
  const dirty = await uncommittedChanges(dir);
  if (dirty.length) throw new DirtyTreeError(`${label} has uncommitted changes (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', …' : ''}): commit or stash them first`);
}

/**
 * Writes `files` (path → content, null deletes) into the work tree at `dir` and commits exactly that, with
 * the user's own identity unless `env` pins author, committer and dates. Returns the new commit id.
 */
export async function commitFiles(dir: string, files: Record<string, FileChange>, message: string, env: Record<string, string> = {}): Promise<string> {
  // On a clean tree, "everything" is exactly the files written here, however many a removal deletes.
  await assertCleanTree(dir, dir);
  applyFiles(dir, files);
  const git = simpleGit({ baseDir: dir, unsafe: USER_ENVIRONMENT }).env({ ...processEnv(), ...env });
  await git.raw(['add', '--all', '--', '.']);
  await git.raw(['commit', '--quiet', '-m', message]);
  return (await git.revparse(['HEAD'])).trim();
}
