// One local checkout at one commit, as a source of tracked files for the scanner.

import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BlobRead, OpenTree, TreeEntry, TreeSource } from '../util/index.js';
import { gitEnv } from './env.js';
import { headCommitFromFiles } from './head.js';
import { batchAnswers, parseLsTree, spawnCatFile } from './objectStream.js';
import { runGit } from './run.js';
import { assertSafeRef } from './safety.js';
import { openTree, openTreeShared, sharedReaderServes } from './treeReader.js';
import { readPreferringWorkTree, WorkTree } from './workTreeBlobs.js';

export class NotACheckoutError extends Error {}

export interface Checkout {
  /** The work tree's top folder. */
  root: string;
  /** The 40-hex commit to scan. */
  commit: string;
}

/**
 * Resolves a path to the top of its git work tree and a ref (default HEAD) to a commit. HEAD of a
 * plain checkout is read from its files (see head.ts); anything else takes one `git rev-parse`.
 */
export async function openCheckout(path: string, ref = 'HEAD'): Promise<Checkout> {
  const abs = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new NotACheckoutError(`${path}: no such directory`);
  }
  if (!isDir) throw new NotACheckoutError(`${path}: not a directory`);
  if (ref === 'HEAD') {
    // Under the environment git itself would run in (env.ts): a GIT_DIR left in the shell moves neither.
    const commit = headCommitFromFiles(abs, gitEnv());
    // git names the top folder by its real path: so is it named here, whichever way HEAD is read.
    if (commit) return { root: realpathSync(abs), commit };
  }
  let safeRef: string;
  try {
    safeRef = assertSafeRef(ref);
  } catch (e) {
    throw new NotACheckoutError(`${path}: unknown ref ${ref}: ${(e as Error).message}`);
  }
  const { stdout, stderr } = await runGit(abs, ['rev-parse', '--show-toplevel', '--verify', '--end-of-options', `${safeRef}^{commit}`]);
  const [root, commit] = stdout.toString().split('\n');
  if (!root) throw new NotACheckoutError(`${path}: not a git checkout`);
  if (!commit) {
    if (ref === 'HEAD') throw new NotACheckoutError(`${path}: the repository has no commits`);
    throw new NotACheckoutError(`${path}: unknown ref ${ref}: ${stderr.trim().split('\n')[0]}`);
  }
  return { root, commit };
}

/**
 * Like openCheckout, but a bare repository (a clone in the cache) is accepted too: its git dir is
 * its root for reading trees and blobs.
 */
export async function openRepository(path: string, ref = 'HEAD'): Promise<Checkout> {
  try {
    return await openCheckout(path, ref);
  } catch (e) {
    if (!(e instanceof NotACheckoutError) || !/not a git checkout/.test(e.message)) throw e;
    const abs = resolve(path);
    const bare = (await runGit(abs, ['rev-parse', '--is-bare-repository'])).stdout.toString().trim() === 'true';
    if (!bare) throw e;
    const { stdout, stderr } = await runGit(abs, ['rev-parse', '--verify', '--end-of-options', `${assertSafeRef(ref)}^{commit}`]);
    const commit = stdout.toString().trim();
    if (!commit) throw new NotACheckoutError(`${path}: unknown ref ${ref}: ${stderr.trim().split('\n')[0]}`);
    return { root: abs, commit };
  }
}

export interface TreeSourceOptions {
  /**
   * The work tree checked out at `commit`, if any: a file there that holds exactly a blob's content is
   * read from it instead of from git (workTreeBlobs.ts).
   */
  workTree?: string;
}

/**
 * Files tracked at `commit`, read straight from git's object store (or a work tree file with the same
 * content): ignored and untracked files never appear. `open` goes through a tree reader shared by the
 * process's scans (see treeReader.ts).
 */
export function gitTreeSource(root: string, commit: string, options: TreeSourceOptions = {}): TreeSource {
  const location = resolve(root);
  const workTree = options.workTree ? new WorkTree(options.workTree) : null;
  /** A reader of blobs from git, answering from the work tree first when there is one. */
  const preferWorkTree = (fromGit: OpenTree['read']): OpenTree['read'] => (workTree ? (wanted) => readPreferringWorkTree(workTree, wanted, fromGit) : fromGit);
  return {
    location,
    commit,
    async entries(): Promise<TreeEntry[]> {
      const { code, stdout, stderr } = await runGit(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', '--end-of-options', commit]);
      if (code !== 0) throw new Error(`git ls-tree ${commit}: ${stderr.trim().split('\n')[0] || `exit code ${code}`}`);
      return parseLsTree(stdout.toString());
    },
    read: preferWorkTree((entries) => readBlobs(root, entries)),
    open: async () => {
      const tree = await (sharedReaderServes(location) ? openTreeShared(location, commit) : openTree(root, commit));
      return { entries: tree.entries, read: preferWorkTree(tree.read) };
    },
  };
}

/**
 * Streams blobs through one `git cat-file --batch` process: a whole output collected as text would
 * corrupt binary blobs and hold a repository's worth of content in memory at once.
 */
export async function* readBlobs(root: string, entries: TreeEntry[]): AsyncIterable<BlobRead> {
  if (entries.length === 0) return;
  const { child, queue, stderr, exited } = spawnCatFile(root, ['--batch']);
  child.stdin.end(entries.map((e) => e.blob).join('\n') + '\n');
  try {
    yield* batchAnswers(queue, entries, () => stderr().trim() || 'git cat-file stopped early');
    await exited;
  } finally {
    // A reader that stops early must not leave git blocked on a full pipe.
    child.stdout.destroy();
  }
}
