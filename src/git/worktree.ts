// The work tree of a user's checkout, for the local commits that `retire --apply` and `fix --apply`
// make: is it clean, and where is HEAD (the commits themselves: transaction.ts).

import { gitText } from './run.js';
import { runGitGroup } from './processGroup.js';

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
  const out = await gitText(root, [
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

/** False on a detached HEAD. */
export async function onBranch(root: string): Promise<boolean> {
  return (await runGitGroup(['symbolic-ref', '--quiet', 'HEAD'], { cwd: root })).code === 0;
}

export async function headCommit(root: string): Promise<string> {
  return (await gitText(root, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
}
