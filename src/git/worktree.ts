// The work tree of a user's checkout, for the local commits that `retire --apply` and `fix --apply`
// make: is it clean, where is HEAD, and committing exactly the changes asked for (never pushed).

import { simpleGit } from './simpleGit.js';
import { applyFiles, commitEnv, type FileChange } from './commits.js';
import { processEnv, USER_ENVIRONMENT } from './env.js';

export class DirtyTreeError extends Error {}

export interface Identity {
  /** `Name <email>`; with `date`, pins author and committer (tests, reproducible runs). */
  author: string;
  /** ISO 8601. */
  date: string;
}

/**
 * Paths with staged or unstaged changes, as `git status` lists them; untracked files count only when
 * asked (a commit of `--all` would take them in, one of given paths would not).
 */
export async function changedPaths(root: string, options: { untracked?: boolean } = {}): Promise<string[]> {
  const out = await simpleGit({ baseDir: root }).raw([
    'status', '--porcelain=v1', '-z', `--untracked-files=${options.untracked ? 'normal' : 'no'}`, '--ignore-submodules=none',
  ]);
  const paths: string[] = [];
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.length < 4) continue;
    paths.push(r.slice(3));
    // A rename or copy is followed by its source path.
    if (r[0] === 'R' || r[0] === 'C') i++;
  }
  return paths;
}

/** Refuses a checkout with changes of its own, naming a few of them. */
export async function assertCleanTree(root: string, label: string, options: { untracked?: boolean } = {}): Promise<void> {
  const dirty = await changedPaths(root, options);
  if (dirty.length) throw new DirtyTreeError(`${label} has uncommitted changes (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', …' : ''}): commit or stash them first`);
}

export async function headCommit(root: string): Promise<string> {
  return (await simpleGit({ baseDir: root }).revparse(['--verify', 'HEAD^{commit}'])).trim();
}

function committer(root: string, env: Record<string, string>) {
  return simpleGit({ baseDir: root, unsafe: USER_ENVIRONMENT }).env({ ...processEnv(), ...env });
}

/**
 * Writes `files` (path → content, null deletes) into the work tree and commits exactly that, with the
 * user's own identity unless `env` pins author, committer and dates. Returns the new commit id.
 */
export async function commitFiles(root: string, files: Record<string, FileChange>, message: string, env: Record<string, string> = {}): Promise<string> {
  // On a clean tree (untracked files included), "everything" is exactly the files written here.
  await assertCleanTree(root, root, { untracked: true });
  applyFiles(root, files);
  const git = committer(root, env);
  await git.raw(['add', '--all', '--', '.']);
  await git.raw(['commit', '--quiet', '-m', message]);
  return headCommit(root);
}

/**
 * Stages exactly `paths` (changes and deletions) and commits them with `message`. Without an
 * identity, git's configured user and the current time are used, as for any commit the user makes.
 */
export async function commitPaths(root: string, paths: readonly string[], message: string, identity?: Identity): Promise<string> {
  const git = committer(root, identity ? commitEnv(identity.author, identity.date) : {});
  await git.raw(['add', '--all', '--', ...paths]);
  await git.raw(['commit', '--quiet', '--cleanup=verbatim', '-m', message]);
  return headCommit(root);
}

/** Puts `paths` back as HEAD has them, in the index and the work tree: undoes a commit that failed half-way. */
export async function restorePaths(root: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await simpleGit({ baseDir: root }).raw(['checkout', '--quiet', 'HEAD', '--', ...paths]);
}
