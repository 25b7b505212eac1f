// One file as it was at one commit, read from git's object store (never from the work tree), for
// showing the source around a finding.

import { gitText, runGit } from './run.js';
import { assertSafeRef } from './safety.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

export class SourceUnavailableError extends Error {}

/** A repository-relative POSIX path that stays inside the repository: no absolute paths, no `..`, no control characters. */
export function assertRepoPath(path: string): string {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || CONTROL.test(path) || parts.some((p) => p === '..' || p === '.' || p === '')) {
    throw new SourceUnavailableError(`refusing path ${JSON.stringify(path)}: not a plain path inside the repository`);
  }
  return path;
}

/** The bytes of `path` at `commit` in the repository at `dir`; symlinks and submodules are refused, not followed. */
export async function readFileAtCommit(dir: string, commit: string, path: string): Promise<Buffer> {
  assertSafeRef(commit);
  assertRepoPath(path);
  let listing: string;
  try {
    // `--` ends the options; the commit cannot start with `-` (assertSafeRef) and the path is after `--`.
    listing = await gitText(dir, ['ls-tree', '-z', '--full-tree', commit, '--', path]);
  } catch (e) {
    throw new SourceUnavailableError(`${dir} has no commit ${commit.slice(0, 10)}: ${(e as Error).message.split('\n')[0]}`);
  }
  const record = listing.split('\0').find((r) => r.slice(r.indexOf('\t') + 1) === path);
  if (!record) throw new SourceUnavailableError(`${path} is not in commit ${commit.slice(0, 10)}`);
  const [mode, type, blob] = record.slice(0, record.indexOf('\t')).split(' ');
  if (mode === '120000') throw new SourceUnavailableError(`${path} is a symlink`);
  if (type !== 'blob' || !blob) throw new SourceUnavailableError(`${path} is not a file`);
  return catBlob(dir, blob);
}

/** A blob is read as bytes so the caller decides how to decode it. */
async function catBlob(dir: string, blob: string): Promise<Buffer> {
  const r = await runGit(dir, ['cat-file', 'blob', blob]);
  if (r.code !== 0) throw new SourceUnavailableError(r.stderr.trim().split('\n')[0] || `git cat-file exited ${r.code}`);
  return r.stdout;
}
