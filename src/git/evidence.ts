// Where a line or an absence came from: the commits that back a retirement step's evidence.

import { simpleGit } from './simpleGit.js';
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

/** The commit that last put `line` (1-based) of `path` into its current form at `ref`. */
export async function blameLine(dir: string, path: string, line: number, ref = 'HEAD'): Promise<CommitRef | null> {
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['blame', '--porcelain', '-L', `${line},${line}`, assertSafeRef(ref), '--', safePath(path)]);
    const commit = out.slice(0, 40);
    if (!/^[0-9a-f]{40}$/.test(commit)) return null;
    return commitInfo(dir, commit);
  } catch {
    return null;
  }
}

/** The newest commit that changed how often `needle` occurs in `path`: for a text now absent, the one that removed it. */
export async function lastChangeOf(dir: string, path: string, needle: string, ref = 'HEAD'): Promise<CommitRef | null> {
  if (CONTROL.test(needle) || needle === '') throw new UnsafeValueError(`refusing search text ${JSON.stringify(needle)}`);
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['log', '-1', FORMAT, `-S${needle}`, '--end-of-options', assertSafeRef(ref), '--', safePath(path)]);
    return parseCommitLine(out);
  } catch {
    return null;
  }
}

/** Every commit that changed how often `needle` occurs in `path` (added or removed it), newest first. */
export async function changesOf(dir: string, path: string, needle: string, ref = 'HEAD', limit = 20): Promise<CommitRef[]> {
  if (CONTROL.test(needle) || needle === '') throw new UnsafeValueError(`refusing search text ${JSON.stringify(needle)}`);
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['log', `-${limit}`, FORMAT, `-S${needle}`, '--end-of-options', assertSafeRef(ref), '--', safePath(path)]);
    return out.split('\n').flatMap((l) => (l.trim() ? [parseCommitLine(l)!] : []));
  } catch {
    return [];
  }
}

/** The newest commit that deleted `path`, if it ever existed and is gone. */
export async function deletionOf(dir: string, path: string, ref = 'HEAD'): Promise<CommitRef | null> {
  try {
    const out = await simpleGit({ baseDir: dir }).raw(['log', '-1', FORMAT, '--diff-filter=D', '--end-of-options', assertSafeRef(ref), '--', safePath(path)]);
    return parseCommitLine(out);
  } catch {
    return null;
  }
}

export async function commitInfo(dir: string, ref: string): Promise<CommitRef | null> {
  try {
    return parseCommitLine(await simpleGit({ baseDir: dir }).raw(['log', '-1', FORMAT, '--end-of-options', assertSafeRef(ref), '--']));
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
  const out = await simpleGit({ baseDir: dir }).raw(['ls-tree', '-z', '--full-tree', '-l', assertSafeRef(ref), '--', ...paths.map(safePath)]);
  const entries = parseLsTree(out).filter((e) => e.mode === '100644' || e.mode === '100755');
  for await (const read of readBlobs(dir, entries)) if (read.data) result[read.entry.path] = read.data.toString('utf8');
  return result;
}

/** Every path tracked at `ref`. */
export async function trackedPaths(dir: string, ref = 'HEAD'): Promise<string[]> {
  const out = await simpleGit({ baseDir: dir }).raw(['ls-tree', '-r', '-z', '--name-only', '--full-tree', assertSafeRef(ref)]);
  return out.split('\0').filter(Boolean);
}

/** The first parent of a commit, or null for a root commit. */
export async function parentOf(dir: string, ref: string): Promise<string | null> {
  const out = await simpleGit({ baseDir: dir }).raw(['log', '-1', '--format=%P', '--end-of-options', assertSafeRef(ref), '--']);
  return out.trim().split(/\s+/)[0] || null;
}
