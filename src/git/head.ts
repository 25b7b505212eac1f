// The commit a work tree's HEAD points at, read from the files under `.git` without starting git.
//
// Starting a process costs milliseconds, which is most of a re-scan of an unchanged repository.
// Only the plain layouts are read here: a `.git` folder (or a `.git` file naming one, as linked work
// trees and submodules have) at the top of the given folder, HEAD on a branch whose ref is a loose
// file or in packed-refs, or a detached HEAD. Anything else (the folder is below the top, git
// variables that move the repository, a configured work tree, other ref storage, object ids that are
// not SHA-1, an unborn branch) answers null, and the caller asks git. Nothing read here reaches git or
// a shell: a value that is not 40 hex digits is never returned.

import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Variables under which git finds the repository, its objects or its refs elsewhere. */
const RELOCATING = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_OBJECT_DIRECTORY', 'GIT_CEILING_DIRECTORIES', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];

const OID = /^[0-9a-f]{40}$/;
const BRANCH = /^refs\/heads\/[^\0-\x20\x7f~^:?*[\\]+$/;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The repository folder of the work tree at `top`, when `top/.git` is one or names one. */
function gitDirOf(top: string): string | null {
  const dotGit = resolve(top, '.git');
  let isDir: boolean;
  try {
    isDir = statSync(dotGit).isDirectory();
  } catch {
    return null;
  }
  if (isDir) return dotGit;
  const m = /^gitdir: (.+?)\r?\n?$/.exec(read(dotGit) ?? '');
  return m ? resolve(top, m[1]!) : null;
}

/**
 * The repository folders of the work tree at `top` when `top/.git` is one or names one: its own
 * (HEAD, index) and the common one (objects, refs, `shallow`), which a linked work tree names in
 * `commondir`.
 */
export function workTreeGitFolders(top: string): { gitDir: string; commonDir: string } | null {
  const gitDir = gitDirOf(top);
  if (!gitDir) return null;
  const commonFile = read(resolve(gitDir, 'commondir'));
  return { gitDir, commonDir: commonFile === null ? gitDir : resolve(gitDir, commonFile.trim()) };
}

/** The size of the index of the work tree at `top` (about 100 bytes a file), or 0 when it is not read here. */
export function indexBytes(top: string): number {
  const folders = workTreeGitFolders(top);
  try {
    return folders ? statSync(resolve(folders.gitDir, 'index')).size : 0;
  } catch {
    return 0;
  }
}

/** Whether the repository's config says anything that changes where the work tree or the refs are. */
function unusualConfig(commonDir: string): boolean {
  const config = read(resolve(commonDir, 'config'));
  if (config === null) return true;
  // `core.worktree`, `core.bare`, per-work-tree config (`extensions.worktreeConfig`), includes (which could say either), other ref storage or object formats.
  return /^\s*(worktree\w*|bare\s*=\s*true|refstorage|objectformat)\b|^\s*\[\s*include/im.test(config);
}

/** `refs/heads/x` as a loose ref file or a line of packed-refs. */
function branchCommit(commonDir: string, ref: string): string | null {
  const loose = read(resolve(commonDir, ref));
  if (loose !== null) {
    const oid = loose.trim();
    return OID.test(oid) ? oid : null;
  }
  const packed = read(resolve(commonDir, 'packed-refs'));
  if (packed === null) return null;
  for (const line of packed.split('\n')) {
    if (line.length === 41 + ref.length && line.endsWith(ref) && line.charCodeAt(40) === 32) {
      const oid = line.slice(0, 40);
      return OID.test(oid) ? oid : null;
    }
  }
  return null;
}

/**
 * The 40-hex commit HEAD names in the work tree whose top folder is `top`, or null when the layout is
 * not one read here (then git must answer). Branch refs and a detached HEAD always name commits: git
 * refuses to point them at anything else.
 */
export function headCommitFromFiles(top: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (RELOCATING.some((v) => env[v] !== undefined)) return null;
  const folders = workTreeGitFolders(top);
  if (!folders) return null;
  const { gitDir, commonDir } = folders;
  if (unusualConfig(commonDir)) return null;
  const head = read(resolve(gitDir, 'HEAD'))?.trim();
  if (!head) return null;
  if (OID.test(head)) return head;
  const m = /^ref: (\S+)$/.exec(head);
  if (!m || !BRANCH.test(m[1]!) || m[1]!.split('/').some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.') || part.endsWith('.lock'))) {
    return null;
  }
  return branchCommit(commonDir, m[1]!);
}
