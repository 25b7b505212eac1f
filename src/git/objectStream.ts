// Reading what `git ls-tree -z` and `git cat-file --batch` write to a pipe: the listing format,
// the end of a listing followed by other output, and blob answers in order; and starting a cat-file.

import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BlobRead, TreeEntry } from '../util/index.js';
import { spawnGit } from './run.js';

/** `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL` per entry. */
export function parseLsTree(out: string): TreeEntry[] {
  // Each record is read where it lies in the listing: nova's tree is some 4,600 records, and splitting
  // each into pieces of its own cost the start of a scan a hundredth of a second.
  const entries: TreeEntry[] = [];
  for (let at = 0; at < out.length; ) {
    let end = out.indexOf('\0', at);
    if (end < 0) end = out.length;
    const entry = lsTreeEntry(out, at, end);
    if (entry) entries.push(entry);
    at = end + 1;
  }
  return entries;
}

/** The blob or submodule the record `out[at, end)` names; null for a tree, or what is no record. */
function lsTreeEntry(out: string, at: number, end: number): TreeEntry | null {
  const tab = out.indexOf('\t', at);
  const afterMode = out.indexOf(' ', at);
  const afterType = afterMode < 0 ? -1 : out.indexOf(' ', afterMode + 1);
  if (tab < 0 || tab > end || afterType < 0 || afterType > tab) return null;
  const type = out.slice(afterMode + 1, afterType);
  if (type !== 'blob' && type !== 'commit') return null;
  // The object's name, then (with -l) spaces and the size, which is `-` for a submodule.
  let afterObject = out.indexOf(' ', afterType + 1);
  if (afterObject < 0 || afterObject > tab) afterObject = tab;
  const size = out.slice(afterObject, tab).trimStart();
  return { path: out.slice(tab + 1, end), mode: out.slice(at, afterMode), blob: out.slice(afterType + 1, afterObject), size: size === '-' ? 0 : Number(size || undefined) };
}

/** Bytes from a pipe, kept as the chunks came and joined only when a read needs more than one. */
export class ByteQueue {
  private readonly chunks: Buffer[] = [];
  /** Bytes held. */
  length = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** Waits for the next chunk; false once the pipe has ended. */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.source.next();
    } catch {
      // A pipe destroyed while read (its reader was stopped) has ended: what it held is gone.
      next = { done: true, value: undefined };
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.chunks.push(next.value);
    this.length += next.value.length;
    return true;
  }

  /**
   * Where `byte` (or, with `twice`, two of it in a row) first is, or -1. The chunks are searched where
   * they lie: a reader waiting for a listing's end asks again after every chunk, and joining them for
   * each question copied the listing over and over (nova's 385 KB listing came in six chunks).
   */
  indexOf(byte: number, twice = false): number {
    const needle = twice ? Buffer.from([byte, byte]) : byte;
    let offset = 0;
    let endsWithByte = false; // the bytes so far end with `byte`: a pair may straddle two chunks
    for (const chunk of this.chunks) {
      if (chunk.length === 0) continue;
      if (twice && endsWithByte && chunk[0] === byte) return offset - 1;
      const at = chunk.indexOf(needle);
      if (at >= 0) return offset + at;
      endsWithByte = chunk[chunk.length - 1] === byte;
      offset += chunk.length;
    }
    return -1;
  }

  /**
   * The first `n` bytes (n <= length). Only the chunks they lie in are joined: the chunks after them
   * (a large blob's, behind a header) stay as they came.
   */
  take(n: number): Buffer {
    let covering = 0;
    let held = 0;
    while (held < n) held += this.chunks[covering++]!.length;
    const head = this.chunks.splice(0, covering);
    const whole = head.length === 1 ? head[0]! : Buffer.concat(head, held);
    if (held > n) this.chunks.unshift(whole.subarray(n));
    this.length -= n;
    return whole.subarray(0, n);
  }
}

/** A `git cat-file` process, its answers as they arrive, what it said on stderr, and its exit code. */
export interface CatFileProcess {
  child: ChildProcessWithoutNullStreams;
  queue: ByteQueue;
  stderr: () => string;
  exited: Promise<number>;
}

/** Starts `git cat-file args` in `dir`; a failure to start is said on stderr, never thrown. */
export function spawnCatFile(dir: string, args: readonly string[]): CatFileProcess {
  const child = spawnGit(dir, ['cat-file', ...args], ['pipe', 'pipe', 'pipe']) as ChildProcessWithoutNullStreams;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A spawn failure (no git, a folder gone) ends the streams; the caller reports it from stderr.
  child.on('error', (e) => (stderr += e.message));
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number>((res) => child.on('close', (code) => res(code ?? -1)));
  const queue = new ByteQueue((child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  return { child, queue, stderr: () => stderr, exited };
}

/** One answer of `git cat-file --batch` or `--batch-check`: a missing object's size is NaN and it has no data. */
export interface CatFileAnswer {
  type: string;
  size: number;
  /** The content (`--batch`); null when missing, and for `--batch-check`. */
  data: Buffer | null;
}

/**
 * Reads the next answer from `queue`, with its content (`--batch`) or without (`--batch-check`); null
 * when the pipe ends first. With `copy` the content is a buffer of its own; without, it may share
 * memory with the pipe's chunk (and keep it alive), for a reader that copies or decodes it at once.
 */
export async function nextAnswer(queue: ByteQueue, content: boolean, copy = true): Promise<CatFileAnswer | null> {
  let nl: number;
  while ((nl = queue.indexOf(10)) < 0) if (!(await queue.more())) return null;
  const [, type = '', size] = queue.take(nl + 1).toString('latin1', 0, nl).split(' ');
  if (type === 'missing') return { type, size: NaN, data: null };
  if (!content) return { type, size: Number(size), data: null };
  const want = Number(size) + 1; // the content and a newline
  while (queue.length < want && (await queue.more()));
  if (queue.length < want) return null;
  // A copy of its own lets the pipe's chunk go while the content is kept.
  const view = queue.take(want).subarray(0, want - 1);
  return { type, size: want - 1, data: copy ? Buffer.from(view) : view };
}

/**
 * Answers `entries` in order from the output of `git cat-file --batch`, then reports what git left
 * unanswered. With `copy`, each blob is a buffer of its own; without, it may share memory with the
 * pipe's chunk (and keep it alive), for a reader that copies or decodes each blob at once.
 */
export async function* batchAnswers(queue: ByteQueue, entries: TreeEntry[], failure: () => string, copy = true): AsyncIterable<BlobRead> {
  let index = 0;
  while (index < entries.length) {
    const answer = await nextAnswer(queue, true, copy);
    if (!answer) break;
    if (answer.type === 'missing') yield { entry: entries[index++]!, data: null, error: 'missing from the object store' };
    else yield { entry: entries[index++]!, data: answer.data };
  }
  // Whatever git could not answer (it died, or a lazy fetch failed) is reported unreadable, not lost.
  while (index < entries.length) yield { entry: entries[index++]!, data: null, error: failure() };
}


/**
 * Where a listing written by `ls-tree -z` and followed by one NUL ends (the index of that NUL), or
 * -1 while it has not all arrived. ls-tree ends every record with NUL and has no empty records: the
 * listing ends with an empty record, a NUL right after another one (or first of all, for an empty tree).
 */
export function listingEnd(queue: ByteQueue): number {
  if (queue.indexOf(0) === 0) return 0;
  const pair = queue.indexOf(0, true);
  return pair < 0 ? -1 : pair + 1;
}
