// Listing and reading the trees of many repositories without starting a process from this one for
// each. Node starts a process by forking itself, at a cost that grows with its memory: with a scan's
// parse workers and buffers (200+ MB) several milliseconds of the main thread per process, more
// than listing a small repository takes. A tree reader is one long-lived `sh` that starts the git
// processes of each repository in turn; sh is small, so its forks are cheap.
//
// The conversation with a reader, one repository at a time:
//   we write      `<folder>\n<commit>\n`       it writes (data) the ls-tree listing, a NUL
//                                                         (control) NUL `listed <exit code>` LF
//   we write      `<count>\n` and count blob ids            (data) `cat-file --batch` answers
//                                                         (control) NUL `read <exit code>` LF
// The data and control streams are separate pipes, so no blob can be mistaken for a status. git's
// messages go to the control pipe before the status they explain. The folder and commit are read by
// `read -r` and only ever used quoted; the commit follows `--end-of-options`.
//
// Anything unexpected (a failed listing, git stopping early, a reader that stops reading) ends the
// reader: the next repository gets a new one, never a conversation out of step.
//
// The one exception to running git through run.ts: the reader's `sh` starts git itself. It is given
// the same environment (env.ts), so the git it starts reads the repository it was told and nothing else.
//
// A reader of its own, started in one repository and told the folder `.`, reads a folder whose name
// cannot be written on a line, or a tree whose caller wants no reader kept (`openTree`).

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { BlobRead, OpenTree, TreeEntry } from '../util/index.js';
import { gitEnv } from './env.js';
import { batchAnswers, ByteQueue, listingEnd, parseLsTree } from './objectStream.js';
import { assertSafeRef } from './safety.js';

const SERVE = `exec 2>&3
while IFS= read -r root && IFS= read -r commit; do
  cd -- "$root" && git ls-tree -r -l -z --full-tree --end-of-options "$commit"
  code=$?
  printf '\\000'
  printf '\\000listed %d\\n' "$code" >&3
  IFS= read -r count || exit 0
  code=0
  if [ "$count" -gt 0 ]; then
    head -n "$count" | git cat-file --batch
    code=$?
  fi
  printf '\\000read %d\\n' "$code" >&3
  cd /
done`;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** At most this many idle readers are kept for the next repositories. */
const IDLE_READERS = 8;

interface Status {
  word: string;
  code: number;
  /** What git said before the status. */
  said: string;
}

/** Status lines from the control pipe, in order; once the pipe ends every wait gets `closed`. */
class StatusLines {
  private text = '';
  private readonly ready: Status[] = [];
  private waiter: ((s: Status) => void) | null = null;
  private ended = false;

  constructor(stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.text += chunk;
      for (;;) {
        const nul = this.text.indexOf('\0');
        const lf = nul < 0 ? -1 : this.text.indexOf('\n', nul);
        if (lf < 0) break;
        const [word = '', code = ''] = this.text.slice(nul + 1, lf).split(' ');
        this.push({ word, code: Number(code), said: this.text.slice(0, nul).trim() });
        this.text = this.text.slice(lf + 1);
      }
    });
    stream.on('close', () => {
      this.ended = true;
      this.push({ word: 'closed', code: -1, said: this.text.trim() });
    });
  }

  private push(status: Status): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter(status);
    else this.ready.push(status);
  }

  next(): Promise<Status> {
    const status = this.ready.shift();
    if (status) return Promise.resolve(status);
    if (this.ended) return Promise.resolve({ word: 'closed', code: -1, said: this.text.trim() });
    return new Promise((resolve) => (this.waiter = resolve));
  }
}

const idle: TreeReader[] = [];

class TreeReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly data: ByteQueue;
  private readonly statuses: StatusLines;
  private readonly control: Readable;
  private ended = false;
  /** Why the reader could not start (a folder gone, no `sh`). */
  private startFailure = '';

  /** `home`: the one repository a reader of its own serves, started in it; null for a shared reader. */
  constructor(private readonly home: string | null) {
    this.child = spawn('sh', ['-c', SERVE], { cwd: home ?? '/', env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
    this.control = this.child.stdio[3] as Readable;
    this.statuses = new StatusLines(this.control);
    this.data = new ByteQueue((this.child.stdout as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
    this.child.stdin.on('error', () => this.end());
    this.child.on('error', (e) => {
      this.startFailure = e.message;
      this.end();
    });
    this.child.on('close', () => (this.ended = true));
  }

  /**
   * Stops the reader: its pipes then end, and whoever waits on them is answered. A git it started
   * and left writing gets a broken pipe, never a full one to wait on.
   */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.child.kill('SIGKILL');
    this.child.stdout.destroy();
    this.control.destroy();
  }

  /** A busy reader keeps the process alive; an idle one does not. */
  private hold(busy: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.control] as { ref(): void; unref(): void }[]) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  private done(): void {
    if (this.ended || this.home !== null || idle.length >= IDLE_READERS) {
      this.child.stdin.end();
      this.end();
      return;
    }
    this.hold(false);
    idle.push(this);
  }

  /** Waits for the next status; a failure ends the reader at once, so that a stalled data pipe ends too. */
  private async status(word: string): Promise<Status> {
    const status = await this.statuses.next();
    if (status.word !== word || status.code !== 0) this.end();
    return status;
  }

  async open(root: string, commit: string): Promise<OpenTree> {
    this.hold(true);
    this.child.stdin.write(`${this.home === null ? root : '.'}\n${commit}\n`);
    const listed = this.status('listed');
    let end: number;
    while ((end = listingEnd(this.data)) < 0 && (await this.data.more()));
    const status = await listed;
    if (end < 0 || status.word !== 'listed' || status.code !== 0) {
      this.end();
      const why = status.said.split('\n')[0] || this.startFailure || (status.word === 'closed' ? 'the tree reader stopped' : `exit code ${status.code}`);
      throw new Error(`git ls-tree ${commit}: ${why}`);
    }
    const entries = parseLsTree(this.data.take(end + 1).toString());
    let read = false;
    return {
      entries,
      read: (wanted: TreeEntry[]): AsyncIterable<BlobRead> => {
        if (read) throw new Error('openTree: read twice');
        read = true;
        return this.read(wanted);
      },
    };
  }

  private async *read(wanted: TreeEntry[]): AsyncIterable<BlobRead> {
    this.child.stdin.write(`${wanted.length}\n${wanted.map((e) => `${e.blob}\n`).join('')}`);
    const served = this.status('read');
    let failure = '';
    void served.then((s) => (failure = s.said.split('\n')[0] || `git cat-file exited with code ${s.code}`));
    let answered = 0;
    try {
      for await (const answer of batchAnswers(this.data, wanted, () => failure || 'git cat-file stopped early', false)) {
        answered++;
        yield answer;
      }
      await served;
    } finally {
      // A reader left mid-answer (the caller stopped early) cannot be reused.
      if (answered < wanted.length) this.end();
      this.done();
    }
  }
}

/** Whether a shared reader can be told of this folder: its name must fit on one line (a commit always does: assertSafeRef). */
export function sharedReaderServes(root: string): boolean {
  return !CONTROL_CHARACTER.test(root);
}

/**
 * Like `openTree`, through a reader kept for the next repositories: the tree of `commit` and a reader
 * of its blobs. `read` must be called once, with the entries wanted or none, which hands the reader
 * back for the next repository. `root` is an absolute path and both fit on a line (`sharedReaderServes`).
 */
export async function openTreeShared(root: string, commit: string): Promise<OpenTree> {
  assertSafeRef(commit);
  if (!sharedReaderServes(root)) throw new Error(`openTreeShared: ${JSON.stringify(root)} cannot be written on one line`);
  const reader = idle.pop() ?? new TreeReader(null);
  return reader.open(root, commit);
}

/**
 * The tree of `commit` in the repository at `root` and a reader of its blobs, through a reader of its
 * own that ends once `read` (which must be called once, with the entries wanted or none) is done.
 */
export async function openTree(root: string, commit: string): Promise<OpenTree> {
  assertSafeRef(commit);
  return new TreeReader(root).open(root, commit);
}
