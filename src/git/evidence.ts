// Where a line or an absence came from: the commits that back a retirement step's evidence.

import { gitText } from './run.js';
import { readBlobs } from './checkout.js';
import { parseLsTree } from './objectStream.js';
import { assertSafeRef, UnsafeValueError } from './safety.js';

export interface CommitRef {
  commit: string;
  /** Committer date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** A path inside a repository as git should see it: relative, no `..`, no control characters. */
function safePath(path: string): string {
  if (path === '' || path.startsWith('/') || path.startsWith('-') || CONTROL.test(path) || path.split('/').includes('..')) {
    throw new UnsafeValueError(`refusing path ${JSON.stringify(path)}`);
  }
  return path;
}

const FORMAT = '--format=%H%x1f%cs%x1f%s';

function parseCommitLine(out: string): CommitRef | null {
  const line = out.split('\n').find((l) => l.trim());
  if (!line) return null;
  const [commit, date, subject] = line.split('\x1f');
  return { commit: commit!, date: date!, subject: subject ?? '' };
}

export async function commitInfo(dir: string, ref: string): Promise<CommitRef | null> {
  try {
    return parseCommitLine(await gitText(dir, ['log', '-1', FORMAT, '--end-of-options', assertSafeRef(ref), '--']));
  } catch {
    return null;
  }
}

/**
 * Regular files at `ref` by path, read from git's object store (so a symlink is never followed, and
 * untracked edits are not seen); a path that is absent, or not a regular file, maps to null.
 */
export async function readTrackedTexts(dir: string, paths: readonly string[], ref = 'HEAD'): Promise<Record<string, string | null>> {
  const result: Record<string, string | null> = Object.fromEntries(paths.map((p) => [p, null]));
  if (paths.length === 0) return result;
  const out = await gitText(dir, ['ls-tree', '-z', '--full-tree', '-l', assertSafeRef(ref), '--', ...paths.map(safePath)]);
  const entries = parseLsTree(out).filter((e) => e.mode === '100644' || e.mode === '100755');
  for await (const read of readBlobs(dir, entries)) if (read.data) result[read.entry.path] = read.data.toString('utf8');
  return result;
}

/** Every path tracked at `ref`. */
export async function trackedPaths(dir: string, ref = 'HEAD'): Promise<string[]> {
  const out = await gitText(dir, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', assertSafeRef(ref)]);
  return out.split('\0').filter(Boolean);
}

/** The first parent of a commit, or null for a root commit. */
export async function parentOf(dir: string, ref: string): Promise<string | null> {
  const out = await gitText(dir, ['log', '-1', '--format=%P', '--end-of-options', assertSafeRef(ref), '--']);
  return out.trim().split(/\s+/)[0] || null;
}
