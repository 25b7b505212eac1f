// Every version of every file below a folder, across the full history of a repository: the raw
// material of incubator provenance. Default history simplification hides versions that were made on
// side branches and merged, so the walk keeps every commit (--full-history) and diffs merges
// against each parent (-m).

import { gitText } from './run.js';
import { assertSafeRef } from './safety.js';

/** One file changing from one blob to another in one commit (relative to one of its parents). */
export interface BlobChange {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  path: string;
  /** null when the commit added the file. */
  oldBlob: string | null;
  /** null when the commit deleted the file. */
  newBlob: string | null;
}

const NULL_BLOB = /^0{40}$/;
const FILE_MODE = /^100(644|755)$/;

/** Parses `git log --raw --no-abbrev --format=%x1e%H %cI` output. Symlinks and submodules are left out. */
export function parseRawLog(out: string): BlobChange[] {
  const changes: BlobChange[] = [];
  for (const record of out.split('\x1e')) {
    const lines = record.split('\n');
    const [commit, date] = (lines[0] ?? '').split(' ');
    if (!commit || !date) continue;
    for (const line of lines.slice(1)) {
      if (!line.startsWith(':')) continue;
      const tab = line.indexOf('\t');
      const [oldMode, newMode, oldBlob, newBlob] = line.slice(1, tab).split(' ');
      const path = line.slice(tab + 1);
      const wasFile = FILE_MODE.test(oldMode ?? '');
      const isFile = FILE_MODE.test(newMode ?? '');
      if (!wasFile && !isFile) continue;
      changes.push({
        commit,
        date,
        path,
        oldBlob: wasFile && !NULL_BLOB.test(oldBlob ?? '') ? oldBlob! : null,
        newBlob: isFile && !NULL_BLOB.test(newBlob ?? '') ? newBlob! : null,
      });
    }
  }
  return changes;
}

/**
 * Every blob change below `folder` in the history reachable from HEAD, local and remote branches and
 * tags (review refs such as refs/changes are left out: they were never released).
 */
export async function blobChanges(dir: string, folder: string): Promise<BlobChange[]> {
  const out = await gitText(dir, [
    'log', '--no-color', '--full-history', '-m', '--no-renames', '--raw', '--no-abbrev', '--format=%x1e%H %cI',
    'HEAD', '--branches', '--remotes', '--tags', '--', folder,
  ]);
  return parseRawLog(out);
}

/** Commits reachable from `ref` (the mainline, when `ref` is HEAD). */
export async function reachableCommits(dir: string, ref = 'HEAD'): Promise<Set<string>> {
  const out = await gitText(dir, ['rev-list', '--end-of-options', assertSafeRef(ref), '--']);
  return new Set(out.split('\n').filter(Boolean));
}

/** HEAD's commit and a listing of the branch and tag tips that `blobChanges` walks: together they name a history. */
export async function historyTips(dir: string): Promise<{ head: string; tips: string }> {
  const head = (await gitText(dir, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
  const tips = await gitText(dir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes', 'refs/tags']);
  return { head, tips };
}
