// One local checkout at one commit, as a source of tracked files for the scanner.

import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { simpleGit } from 'simple-git';
import type { BlobRead, TreeEntry, TreeSource } from '../scan/index.js';
import { assertSafeRef } from './safety.js';

export class NotACheckoutError extends Error {}

export interface Checkout {
  /** The work tree's top folder. */
  root: string;
  /** The 40-hex commit to scan. */
  commit: string;
}

/** Resolves a path to the top of its git work tree and a ref (default HEAD) to a commit. */
export async function openCheckout(path: string, ref = 'HEAD'): Promise<Checkout> {
  const abs = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new NotACheckoutError(`${path}: no such directory`);
  }
  if (!isDir) throw new NotACheckoutError(`${path}: not a directory`);
  const git = simpleGit({ baseDir: abs });
  let root: string;
  try {
    root = (await git.revparse(['--show-toplevel'])).trim();
  } catch {
    throw new NotACheckoutError(`${path}: not a git checkout`);
  }
  let commit: string;
  try {
    commit = (await git.revparse(['--verify', '--end-of-options', `${assertSafeRef(ref)}^{commit}`])).trim();
  } catch (e) {
    if (ref === 'HEAD') throw new NotACheckoutError(`${path}: the repository has no commits`);
    throw new NotACheckoutError(`${path}: unknown ref ${ref}: ${(e as Error).message.split('\n')[0]}`);
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
    const git = simpleGit({ baseDir: resolve(path) });
    const bare = await git.revparse(['--is-bare-repository']).then((o) => o.trim() === 'true', () => false);
    if (!bare) throw e;
    try {
      return { root: resolve(path), commit: (await git.revparse(['--verify', '--end-of-options', `${assertSafeRef(ref)}^{commit}`])).trim() };
    } catch (err) {
      throw new NotACheckoutError(`${path}: unknown ref ${ref}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
}

/** Files tracked at `commit`, read straight from git's object store: ignored and untracked files never appear. */
export function gitTreeSource(root: string, commit: string): TreeSource {
  return {
    location: resolve(root),
    async entries(): Promise<TreeEntry[]> {
      const out = await simpleGit({ baseDir: root }).raw(['ls-tree', '-r', '-l', '-z', '--full-tree', commit]);
      return parseLsTree(out);
    },
    read: (entries) => readBlobs(root, entries),
  };
}

/** `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL` per entry. */
export function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, blob, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' && type !== 'commit') continue;
    entries.push({ path: record.slice(tab + 1), mode: mode!, blob: blob!, size: size === '-' ? 0 : Number(size) });
  }
  return entries;
}

/**
 * Streams blobs through one `git cat-file --batch` process. simple-git buffers whole outputs as text,
 * which would corrupt binary blobs and hold a repository's worth of content in memory at once.
 */
export async function* readBlobs(root: string, entries: TreeEntry[]): AsyncIterable<BlobRead> {
  if (entries.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A spawn failure (no git, a folder gone) ends the stream; every entry is then reported unreadable.
  child.on('error', (e) => (stderr += e.message));
  const exited = new Promise<void>((res) => child.on('close', () => res()));
  child.stdin.on('error', () => undefined);
  child.stdin.end(entries.map((e) => e.blob).join('\n') + '\n');

  let buffer: Buffer = Buffer.alloc(0);
  let index = 0;
  let want: number | null = null; // bytes of the current blob's content (+1 newline), once its header is read
  const pending: BlobRead[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (want === null) {
        const nl = buffer.indexOf(10);
        if (nl < 0) break;
        const header = buffer.subarray(0, nl).toString();
        buffer = buffer.subarray(nl + 1);
        if (header.endsWith(' missing')) {
          pending.push({ entry: entries[index++]!, data: null, error: 'missing from the object store' });
          continue;
        }
        want = Number(header.split(' ')[2]) + 1;
      }
      if (buffer.length < want) break;
      const data = Buffer.from(buffer.subarray(0, want - 1));
      buffer = buffer.subarray(want);
      want = null;
      pending.push({ entry: entries[index++]!, data });
    }
    while (pending.length) yield pending.shift()!;
  }
  await exited;
  // Whatever git could not answer (it died, or a lazy fetch failed) is reported unreadable, not lost.
  while (index < entries.length) yield { entry: entries[index++]!, data: null, error: stderr.trim() || 'git cat-file stopped early' };
}
