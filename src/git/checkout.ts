// One local checkout at one commit, as a source of tracked files for the scanner.

import { spawn } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BlobRead, TreeEntry, TreeSource } from '../scan/index.js';
import { headCommitFromFiles } from './head.js';
import { assertSafeRef } from './safety.js';

export class NotACheckoutError extends Error {}

export interface Checkout {
  /** The work tree's top folder. */
  root: string;
  /** The 40-hex commit to scan. */
  commit: string;
}

/** Runs git in `cwd` and collects its output; never rejects (a spawn failure is exit code -1). */
function runGit(cwd: string, args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => (stderr += e.message));
    child.on('close', (code) => done({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
  });
}

/**
 * Resolves a path to the top of its git work tree and a ref (default HEAD) to a commit. HEAD of a
 * plain checkout is read from its files (see head.ts); anything else takes one `git rev-parse`.
 */
export async function openCheckout(path: string, ref = 'HEAD'): Promise<Checkout> {
  const abs = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new NotACheckoutError(`${path}: no such directory`);
  }
  if (!isDir) throw new NotACheckoutError(`${path}: not a directory`);
  if (ref === 'HEAD') {
    const commit = headCommitFromFiles(abs);
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

/** Files tracked at `commit`, read straight from git's object store: ignored and untracked files never appear. */
export function gitTreeSource(root: string, commit: string): TreeSource {
  return {
    location: resolve(root),
    commit,
    async entries(): Promise<TreeEntry[]> {
      const { code, stdout, stderr } = await runGit(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', '--end-of-options', commit]);
      if (code !== 0) throw new Error(`git ls-tree ${commit}: ${stderr.trim().split('\n')[0] || `exit code ${code}`}`);
      return parseLsTree(stdout.toString());
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

  // Chunks of the pipe are kept as they come and joined once a whole header or blob is there:
  // joining on every chunk would copy a large blob over and over.
  const chunks: Buffer[] = [];
  let held = 0; // bytes in `chunks`
  let index = 0;
  let want: number | null = null; // bytes of the current blob's content (+1 newline), once its header is read
  const take = (n: number): Buffer => {
    const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, held);
    chunks.length = 0;
    held -= n;
    if (held > 0) chunks.push(whole.subarray(n));
    return whole.subarray(0, n);
  };
  const pending: BlobRead[] = [];
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    held += chunk.length;
    for (;;) {
      if (want === null) {
        // A header is short: it is in the first chunk unless that chunk ends inside it.
        let nl = chunks[0]!.indexOf(10);
        if (nl < 0 && chunks.length > 1) {
          take(0);
          nl = chunks[0]!.indexOf(10);
        }
        if (nl < 0) break;
        const header = take(nl + 1).toString('latin1', 0, nl);
        if (header.endsWith(' missing')) {
          pending.push({ entry: entries[index++]!, data: null, error: 'missing from the object store' });
          if (held === 0) break;
          continue;
        }
        want = Number(header.split(' ')[2]) + 1;
      }
      if (held < want) break;
      // A copy of its own: the blob outlives the pipe's chunk, which is then free to go.
      const data = Buffer.from(take(want).subarray(0, want - 1));
      want = null;
      pending.push({ entry: entries[index++]!, data });
      if (held === 0) break;
    }
    while (pending.length) yield pending.shift()!;
  }
  await exited;
  // Whatever git could not answer (it died, or a lazy fetch failed) is reported unreadable, not lost.
  while (index < entries.length) yield { entry: entries[index++]!, data: null, error: stderr.trim() || 'git cat-file stopped early' };
}
