// The versions of a few files across a repository's history, from one walk, and a long-lived blob
// reader to look at any of them: how retirement finds the change that made a step true without
// blaming 20,000-line files.

import { gitText } from './run.js';
import { nextAnswer, spawnCatFile, type CatFileProcess } from './objectStream.js';
import { assertSafeRef, UnsafeValueError } from './safety.js';

/**
 * One version of a file on the mainline: the commit that made it (for a merge, the change it merged:
 * its second parent), the date it landed, and its blob (null once the commit deleted it).
 */
export interface FileVersion {
  commit: string;
  /** Committer date, `YYYY-MM-DD`. */
  date: string;
  blob: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;
const NULL_BLOB = /^0{40}$/;

function safePath(path: string): string {
  if (path === '' || path.startsWith('/') || path.startsWith('-') || CONTROL.test(path) || path.split('/').includes('..')) {
    throw new UnsafeValueError(`refusing path ${JSON.stringify(path)}`);
  }
  return path;
}

/**
 * Every version of each of `paths` on the first-parent line from `ref`, newest first, from one
 * `git log --raw` walk (renames are not followed: each path is a history of its own). Walking the
 * mainline keeps the versions in the order they landed: a change written on an older base and merged
 * later would otherwise interleave its stale version with newer ones.
 */
export async function fileVersions(dir: string, paths: readonly string[], ref = 'HEAD'): Promise<Map<string, FileVersion[]>> {
  const result = new Map<string, FileVersion[]>(paths.map((p) => [p, []]));
  if (!paths.length) return result;
  const out = await gitText(dir, [
    'log', '--no-color', '--first-parent', '-m', '--no-renames', '--raw', '--no-abbrev', '--format=%x1e%H %cs %P', '--end-of-options', assertSafeRef(ref), '--', ...paths.map(safePath),
  ]);
  for (const record of out.split('\x1e')) {
    const lines = record.split('\n');
    const [id, date, , merged] = (lines[0] ?? '').split(' ');
    if (!id || !date) continue;
    const commit = merged || id;
    for (const line of lines.slice(1)) {
      if (!line.startsWith(':')) continue;
      const tab = line.indexOf('\t');
      const blob = line.slice(1, tab).split(' ')[3] ?? '';
      const path = line.slice(tab + 1);
      const versions = result.get(path);
      if (versions && versions[versions.length - 1]?.commit !== commit) versions.push({ commit, date, blob: NULL_BLOB.test(blob) ? null : blob });
    }
  }
  return result;
}

/** Reads blobs by id through one `git cat-file --batch`, one question at a time; `close()` ends it. */
export class BlobReader {
  private readonly git: CatFileProcess;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.git = spawnCatFile(dir, ['--batch']);
    this.hold(false);
  }

  /** An idle reader must not keep the process alive; one with a question out must. */
  private hold(busy: boolean): void {
    const { child } = this.git;
    for (const handle of [child, child.stdout, child.stdin, child.stderr] as unknown as { ref?: () => void; unref?: () => void }[]) {
      if (busy) handle.ref?.();
      else handle.unref?.();
    }
  }

  /** The text of a blob, or null when git does not have it. */
  read(blob: string): Promise<string | null> {
    if (!/^[0-9a-f]{40}$/.test(blob)) return Promise.resolve(null);
    const next = this.busy.then(() => this.answer(blob));
    this.busy = next.catch(() => undefined);
    return next;
  }

  private async answer(blob: string): Promise<string | null> {
    this.hold(true);
    try {
      return await this.exchange(blob);
    } finally {
      this.hold(false);
    }
  }

  private async exchange(blob: string): Promise<string | null> {
    this.git.child.stdin.write(`${blob}\n`);
    // Decoded at once: the content need not be a copy of its own.
    const answer = await nextAnswer(this.git.queue, true, false);
    return answer?.data?.toString('utf8') ?? null;
  }

  close(): void {
    this.git.child.stdin.end();
    this.git.child.stdout.destroy();
  }
}

/** Tags reachable from `ref`, newest first, with the date of the commit they tag. */
export async function tagsOf(dir: string, ref = 'HEAD'): Promise<{ tag: string; date: string }[]> {
  const out = await gitText(dir, [
    'for-each-ref', '--sort=-creatordate', `--merged=${assertSafeRef(ref)}`, '--format=%(refname:short)%09%(creatordate:short)', 'refs/tags',
  ]);
  return out.split('\n').flatMap((l) => {
    const [tag, date] = l.split('\t');
    return tag && date ? [{ tag, date: date.slice(0, 10) }] : [];
  });
}

