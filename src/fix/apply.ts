// Making a plan's changes as local commits, one per library. Never pushes. Refuses a work tree
// with changes of its own, and a checkout that moved on since the plan was made. All or nothing:
// on any failure or interrupt the checkout is put back as it was (see git/transaction.ts).

import { lstatSync, realpathSync, rmdirSync, rmSync, chmodSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { applyAllOrNothing, assertCleanTree, commitEnv, DirtyTreeError as GitDirtyTreeError, headCommit, insideRoot, onBranch, type Identity } from '../git/index.js';
import { atomicWrite } from '../util/index.js';
import { FixError } from './plan.js';
import type { AppliedCommit, FileChange, FixPlan } from './types.js';

export interface ApplyOptions {
  /** Author and date for the commits; git's configured user and the current time otherwise. */
  identity?: Identity;
  /** Told what the user should know before the commits are made (a detached HEAD). */
  onWarning?: (message: string) => void;
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

  if (!(await onBranch(root))) options.onWarning?.(`${root}: HEAD is detached; the commits will be on no branch (git switch -c NAME keeps them)`);
  // All or nothing: a failure or an interrupt at any change puts the checkout back as it was.
  return applyAllOrNothing([root], async (step) => {
    const done: AppliedCommit[] = [];
    for (const change of plan.changes) {
      try {
        for (const f of change.files) {
          step.willWrite(root, f.path);
          writeChange(root, f);
        }
        const commit = await step.commit(root, change.files.map((f) => f.path), change.message, options.identity ? commitEnv(options.identity.author, options.identity.date) : {});
        done.push({ library: change.library, commit, subject: change.message.split('\n', 1)[0]! });
      } catch (e) {
        throw new Error(`${change.library}: ${(e as Error).message.split('\n')[0]}`, { cause: e });
      }
    }
    return done;
  });
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

