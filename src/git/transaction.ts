// All or nothing for the local commits of `fix --apply` and `retire --apply`: before anything is
// written, each checkout's HEAD, branch and the absence of an index lock are noted; if any step fails
// or the run is interrupted (SIGINT, SIGTERM, even during a slow pre-commit hook), every checkout is
// put back as it was (index, work tree and branch) and the error says which commits were made and undone.

import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { insideRoot } from './commits.js';
import { runGitGroup, type GroupRun } from './processGroup.js';

/** A step of an `--apply` failed; everything was put back. `made` lists the commits that were undone. */
export class ApplyFailedError extends Error {
  constructor(
    message: string,
    readonly made: readonly MadeCommit[],
    readonly interrupted: boolean,
  ) {
    super(message);
  }
}

export interface MadeCommit {
  root: string;
  commit: string;
  subject: string;
}

interface Saved {
  root: string;
  gitDir: string;
  head: string;
  /** `refs/heads/…`, or null on a detached HEAD. */
  branch: string | null;
  /** Paths written that did not exist before: removed on rollback (git would leave them untracked). */
  created: Set<string>;
}

export interface ApplyStep {
  readonly signal: AbortSignal;
  /** To be called before writing `path` in `root`: a file that is new is removed again on rollback. */
  willWrite(root: string, path: string): void;
  /** Stages exactly `paths` (changes and deletions) and commits; returns the new commit. */
  commit(root: string, paths: readonly string[], message: string, env?: Record<string, string>): Promise<string>;
}

async function git(root: string, args: readonly string[], options: { env?: Record<string, string>; signal?: AbortSignal } = {}): Promise<string> {
  const r: GroupRun = await runGitGroup(args, { cwd: root, env: options.env, signal: options.signal });
  if (r.stopped === 'aborted') throw new Error('interrupted');
  if (r.code !== 0) throw new Error(r.stderr.trim().split('\n').filter(Boolean).pop() ?? `git ${args[0]} failed`);
  return r.stdout.trim();
}

/** Notes where each checkout stands; refuses one whose index is locked, before anything is written. */
async function save(root: string): Promise<Saved> {
  const gitDir = await git(root, ['rev-parse', '--absolute-git-dir']);
  const lock = join(gitDir, 'index.lock');
  if (existsSync(lock)) {
    throw new ApplyFailedError(`${root}: ${lock} exists: another git process is using this checkout, or one was killed; remove the file if none is running`, [], false);
  }
  const head = await git(root, ['rev-parse', '--verify', 'HEAD^{commit}']);
  const branch = await git(root, ['symbolic-ref', '--quiet', 'HEAD']).catch(() => null);
  return { root, gitDir, head, branch: branch || null, created: new Set() };
}

async function restore(s: Saved): Promise<void> {
  // A git killed mid-commit may leave its lock behind; there was none before we started.
  rmSync(join(s.gitDir, 'index.lock'), { force: true });
  if (s.branch) {
    // Back on the branch we found, at the commit we found (the branch moves back with it).
    await git(s.root, ['symbolic-ref', 'HEAD', s.branch]);
  }
  await git(s.root, ['reset', '--hard', '--quiet', s.head]);
  for (const path of s.created) {
    const abs = insideRoot(s.root, path);
    rmSync(abs, { force: true });
    for (let d = dirname(abs); d !== resolve(s.root) && d.startsWith(resolve(s.root)); d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
    }
  }
}

const shortList = (made: readonly MadeCommit[]) => made.map((m) => `${m.commit.slice(0, 10)} ${JSON.stringify(m.subject)}`).join(', ');

/**
 * Runs `work` with every checkout in `roots` saved first. Any failure, and SIGINT or SIGTERM while it
 * runs, puts them all back and throws ApplyFailedError (`interrupted` for a signal).
 */
export async function applyAllOrNothing<T>(roots: readonly string[], work: (step: ApplyStep) => Promise<T>): Promise<T> {
  const saved = new Map<string, Saved>();
  for (const root of new Set(roots.map((r) => resolve(r)))) saved.set(root, await save(root));
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const made: MadeCommit[] = [];
  const savedOf = (root: string) => {
    const s = saved.get(resolve(root));
    if (!s) throw new Error(`${root} was not saved before writing`);
    return s;
  };
  const step: ApplyStep = {
    signal: interrupt.signal,
    willWrite(root, path) {
      if (!existsSync(insideRoot(root, path))) savedOf(root).created.add(path);
    },
    async commit(root, paths, message, env = {}) {
      if (interrupt.signal.aborted) throw new Error('interrupted');
      savedOf(root);
      await git(root, ['add', '--all', '--', ...paths], { signal: interrupt.signal });
      await git(root, ['commit', '--quiet', '--cleanup=verbatim', '-m', message], { env, signal: interrupt.signal });
      const commit = await git(root, ['rev-parse', '--verify', 'HEAD^{commit}']);
      made.push({ root, commit, subject: message.split('\n', 1)[0]! });
      return commit;
    },
  };
  try {
    const result = await work(step);
    if (interrupt.signal.aborted) throw new Error('interrupted');
    return result;
  } catch (e) {
    const interrupted = interrupt.signal.aborted;
    const why = interrupted ? `interrupted (${String(interrupt.signal.reason)})` : (e as Error).message.split('\n')[0];
    const failedRestores: string[] = [];
    for (const s of saved.values()) {
      await restore(s).catch((r: Error) => failedRestores.push(`${s.root}: ${r.message}`));
    }
    const undone = made.length ? `; ${made.length} commit${made.length === 1 ? '' : 's'} made and undone (${shortList(made)})` : '; no commit was made';
    const state = failedRestores.length ? `; COULD NOT PUT BACK ${failedRestores.join('; ')}` : `; ${[...saved.values()].map((s) => `${s.root} is back at ${s.head.slice(0, 10)}`).join(', ')}`;
    throw new ApplyFailedError(`${why}${undone}${state}`, made, interrupted);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
