// The work tree of a checkout as `fix --apply` needs it: is it clean, where is HEAD, and
// committing a given set of paths as one local commit (never pushed).

import { simpleGit } from 'simple-git';
import { commitEnv } from './commits.js';
import { gitEnv } from './env.js';

export interface Identity {
  /** `Name <email>`; with `date`, pins author and committer (tests, reproducible runs). */
  author: string;
  /** ISO 8601. */
  date: string;
}

/** Tracked paths with staged or unstaged changes (untracked files do not count). */
export async function changedPaths(root: string): Promise<string[]> {
  const out = await simpleGit({ baseDir: root }).raw(['status', '--porcelain=v1', '-z', '--untracked-files=no', '--ignore-submodules=none']);
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

export async function headCommit(root: string): Promise<string> {
  return (await simpleGit({ baseDir: root }).revparse(['--verify', 'HEAD^{commit}'])).trim();
}

/**
 * Stages exactly `paths` (changes and deletions) and commits them with `message`. Without an
 * identity, git's configured user and the current time are used, as for any commit the user makes.
 */
export async function commitPaths(root: string, paths: readonly string[], message: string, identity?: Identity): Promise<string> {
  const git = simpleGit({ baseDir: root });
  await git.raw(['add', '--all', '--', ...paths]);
  await git.env(gitEnv(identity ? commitEnv(identity.author, identity.date) : {})).raw(['commit', '--quiet', '--cleanup=verbatim', '-m', message]);
  return headCommit(root);
}

/** Puts `paths` back as HEAD has them, in the index and the work tree: undoes a commit that failed half-way. */
export async function restorePaths(root: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await simpleGit({ baseDir: root }).raw(['checkout', '--quiet', 'HEAD', '--', ...paths]);
}
