// Making a plan's changes as local commits, one per library. Never pushes. Refuses a work tree
// with changes of its own, and a checkout that moved on since the plan was made.

import { lstatSync, realpathSync, rmdirSync, rmSync, chmodSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { assertCleanTree, commitPaths, DirtyTreeError as GitDirtyTreeError, headCommit, insideRoot, restorePaths, type Identity } from '../git/index.js';
import { atomicWrite } from '../util/atomicWrite.js';
import { FixError } from './plan.js';
import type { AppliedCommit, FileChange, FixPlan } from './types.js';

export interface ApplyOptions {
  /** Author and date for the commits; git's configured user and the current time otherwise. */
  identity?: Identity;
}

export class DirtyTreeError extends FixError {}

/** Refuses a work tree with staged or unstaged changes to tracked files (untracked files do not count). */
export async function assertCleanWorkTree(root: string): Promise<void> {
  try {
    await assertCleanTree(root, `${root}: the work tree`);
  } catch (e) {
    if (e instanceof GitDirtyTreeError) throw new DirtyTreeError(e.message);
    throw e;
  }
}

export async function applyFixes(checkoutDir: string, plan: FixPlan, options: ApplyOptions = {}): Promise<AppliedCommit[]> {
  const root = plan.root;
  if (realpathSync(checkoutDir) !== realpathSync(root) && !realpathSync(checkoutDir).startsWith(realpathSync(root) + sep)) {
    throw new FixError(`${checkoutDir}: the plan was made for ${root}`);
  }
  await assertCleanWorkTree(root);
  const head = await headCommit(root);
  if (head !== plan.commit) throw new FixError(`${root}: HEAD is ${head.slice(0, 10)}, but the plan was made at ${plan.commit.slice(0, 10)}; plan again`);

  const done: AppliedCommit[] = [];
  for (const change of plan.changes) {
    const paths = change.files.map((f) => f.path);
    try {
      for (const f of change.files) writeChange(root, f);
      const commit = await commitPaths(root, paths, change.message, options.identity);
      done.push({ library: change.library, commit, subject: change.message.split('\n', 1)[0]! });
    } catch (e) {
      // Leave the tree as the last good commit has it: nothing half-written for a later run to trust.
      await restorePaths(root, paths).catch(() => undefined);
      throw new FixError(`${change.library}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return done;
}

/** Writes or deletes one file, never through a symlink and never outside the work tree. */
function writeChange(root: string, f: FileChange): void {
  const abs = insideRoot(root, f.path);
  const realRoot = realpathSync(root);
  const parent = realpathSync(dirname(abs));
  if (parent !== realRoot && !parent.startsWith(realRoot + sep)) throw new Error(`${f.path}: its folder leads outside the repository`);
  const isLink = (() => {
    try {
      return lstatSync(abs).isSymbolicLink();
    } catch {
      return false;
    }
  })();
  if (f.after === null) {
    rmSync(abs, { force: true });
    removeEmptyFolders(realRoot, parent);
    return;
  }
  if (isLink) throw new Error(`${f.path}: is a symlink; not written through`);
  atomicWrite(abs, f.after);
  chmodSync(abs, f.mode === '100755' ? 0o755 : 0o644);
}

/** Folders emptied by deleting a copy go too, as git would not keep them. */
function removeEmptyFolders(root: string, dir: string): void {
  for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

