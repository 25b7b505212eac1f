// Writing commits with fixed authors and dates: the demo workspace, test fixtures, and the
// local commits that `retire --apply` and `fix --apply` make.

import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { gitText, runGit } from './run.js';

export type FileChange = string | Buffer | null | { symlink: string } | { content: string | Buffer; executable: true };

export interface CommitSpec {
  /** ISO 8601 date, used as author and committer date. */
  date: string;
  /** `Name <email>`. */
  author: string;
  message: string;
  /** Path → new content; null deletes the path. */
  files: Record<string, FileChange>;
}

function person(spec: string): { name: string; email: string } {
  const m = /^(.*?)\s*<([^>]*)>$/.exec(spec);
  return m ? { name: m[1]!, email: m[2]! } : { name: spec, email: `${spec.replace(/\s+/g, '.').toLowerCase()}@example.org` };
}

/** A path inside `root`, refusing anything that would land outside it. */
export function insideRoot(root: string, path: string): string {
  const abs = resolve(root, path);
  if (abs !== resolve(root) && !abs.startsWith(resolve(root) + sep)) throw new Error(`path escapes the repository: ${path}`);
  return abs;
}

export function applyFiles(root: string, files: Record<string, FileChange>): void {
  for (const [path, change] of Object.entries(files)) {
    const abs = insideRoot(root, path);
    if (change === null) {
      rmSync(abs, { force: true, recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    try {
      if (lstatSync(abs).isSymbolicLink()) rmSync(abs);
    } catch {
      /* new file */
    }
    if (typeof change === 'string' || Buffer.isBuffer(change)) writeFileSync(abs, change);
    else if ('symlink' in change) symlinkSync(change.symlink, abs);
    else {
      writeFileSync(abs, change.content);
      chmodSync(abs, 0o755);
    }
  }
}

/** Environment that pins a commit's author, committer and dates. */
export function commitEnv(author: string, date: string): Record<string, string> {
  const who = person(author);
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    GIT_COMMITTER_DATE: date,
  };
}

/** Creates (or extends) a repository at `dir` with the given commits, in order. Returns the last commit id. */
export async function writeCommits(dir: string, commits: CommitSpec[], options: { branch?: string } = {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (!(await isTopLevel(dir))) await gitText(dir, ['init', '--quiet', `--initial-branch=${options.branch ?? 'master'}`]);
  for (const c of commits) {
    applyFiles(dir, c.files);
    await gitText(dir, ['add', '--all', '--', '.']);
    await gitText(dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', c.message], { env: commitEnv(c.author, c.date) });
  }
  // Only the last commit is asked for: one process less per commit for histories of hundreds.
  return commits.length > 0 ? (await gitText(dir, ['rev-parse', 'HEAD'])).trim() : '';
}

/** Whether `dir` is the top of a work tree (not a folder inside another repository's). */
async function isTopLevel(dir: string): Promise<boolean> {
  const r = await runGit(dir, ['rev-parse', '--show-toplevel']);
  return r.code === 0 && resolve(r.stdout.toString().trim()) === resolve(dir);
}
