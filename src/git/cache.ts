// The clone cache: one bare clone per remote repository under the cache dir, fetched again on
// later runs instead of cloned. Clones are built in a temp folder inside the cache and renamed
// into place only when complete, so an interrupted clone never leaves a repository a later run
// would trust; a lock per repository keeps concurrent runs sharing a cache from writing it at once.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cacheKey } from './cacheKey.js';
import { insideRoot } from './commits.js';
import { hasCredentials, redactText, redactUrl } from './credentials.js';
import { withLock, LockTimeoutError } from './lock.js';
import { gitMessage, LoopingGitError, network, type RemoteOptions } from './remote.js';
import { gitText } from './run.js';
import { assertSafeRef, assertSafeUrl } from './safety.js';

const TMP_DIR = '.oslo-audit-tmp';
const LOCK_DIR = '.oslo-audit-locks';

export type CacheStage = 'resolve' | 'clone' | 'fetch';

/** Why a repository could not be brought into the cache; `stage` is the report's `error.stage`. */
export class CacheError extends Error {
  constructor(
    readonly stage: CacheStage,
    message: string,
  ) {
    super(message);
  }
}

/** Where the cache is and how to wait for it, beside the remote's timeout, interruption and progress. */
export interface CacheOptions extends Omit<RemoteOptions, 'config'> {
  cacheDir: string;
  /** Partial clones (`--filter=blob:none`) of URL remotes: history without old file contents (default true). */
  partial?: boolean;
  lockTimeoutMs?: number;
}

export interface CachedCommit {
  /** The bare repository in the cache. */
  gitDir: string;
  commit: string;
  action: 'cloned' | 'fetched';
}

/** The options (the cache dir resolved) and the `-c` settings every git command of one fetch runs with. */
type GitContext = CacheOptions & RemoteOptions;

/** A local git command on the cached repository `gitDir` (never one found by walking up from it). */
function git(ctx: GitContext, gitDir: string, args: string[]): Promise<string> {
  return gitText(gitDir, [...ctx.config.flatMap((c) => ['-c', c]), ...args], { env: { GIT_DIR: gitDir }, signal: ctx.signal });
}

/** A bare repository we cloned from `url` (its `remote.origin.url` says so); anything else is not used. */
async function isCachedRepo(ctx: GitContext, dir: string, url: string): Promise<boolean> {
  if (!existsSync(join(dir, 'HEAD')) || !existsSync(join(dir, 'objects'))) return false;
  try {
    if ((await git(ctx, dir, ['rev-parse', '--is-bare-repository'])).trim() !== 'true') return false;
    return (await git(ctx, dir, ['config', '--get', 'remote.origin.url'])).trim() === url;
  } catch {
    return false;
  }
}

function flatName(key: string): string {
  return key.replace(/\//g, '+');
}

/** Removes what interrupted runs left for this repository: temp clones and a broken repository dir. */
function clearLeftovers(cacheDir: string, flat: string): void {
  const tmpRoot = join(cacheDir, TMP_DIR);
  if (!existsSync(tmpRoot)) return;
  for (const name of readdirSync(tmpRoot)) if (name.startsWith(`${flat}.`)) rmSync(join(tmpRoot, name), { recursive: true, force: true });
}

async function cloneInto(ctx: GitContext, url: string, dir: string, flat: string, partial: boolean): Promise<void> {
  const tmpRoot = join(ctx.cacheDir, TMP_DIR);
  mkdirSync(tmpRoot, { recursive: true });
  const tmp = join(tmpRoot, `${flat}.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    try {
      await network(ctx, tmpRoot, undefined, 'cloning', ['clone', '--bare', ...(partial ? ['--filter=blob:none'] : []), '--end-of-options', url, tmp]);
    } catch (e) {
      // A source that cannot serve a partial clone (a shallow repository over file://) makes git ask
      // again and again: cloned whole instead.
      if (!(partial && e instanceof LoopingGitError && /filtering not recognized/.test(e.line))) throw e;
      rmSync(tmp, { recursive: true, force: true });
      await network(ctx, tmpRoot, undefined, 'cloning', ['clone', '--bare', '--end-of-options', url, tmp]);
    }
    // A bare clone maps the remote's branches onto its own; keep that on every later fetch.
    await git(ctx, tmp, ['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*']);
    await git(ctx, tmp, ['config', 'remote.origin.tagOpt', '--tags']);
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function resolveCommit(ctx: GitContext, dir: string, ref: string | undefined): Promise<string> {
  const verify = async (r: string) => (await git(ctx, dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${r}^{commit}`])).trim();
  const want = ref ?? 'HEAD';
  const found = await verify(want).catch(() => '');
  if (found) return found;
  if (ref === undefined) throw new CacheError('resolve', 'the repository has no commits');
  // Not a branch or tag we have: a commit or ref (a Gerrit change) the remote can give by name.
  try {
    await network(ctx, dir, dir, 'fetching', ['fetch', '--no-tags', 'origin', '--end-of-options', ref]);
    const fetched = await verify('FETCH_HEAD');
    if (fetched) return fetched;
  } catch {
    /* reported below */
  }
  throw new CacheError('resolve', `unknown ref ${ref}: not a branch, tag or commit of the remote`);
}

/**
 * In a partial clone, fetches the file contents of one commit in a few requests; left to itself,
 * git would fetch each missing blob in its own round trip while the scanner reads them.
 */
async function prefetchBlobs(ctx: GitContext, dir: string, commit: string): Promise<void> {
  const listing = await git(ctx, dir, ['rev-list', '--objects', '--no-walk', '--missing=print', commit]);
  const missing = listing.split('\n').filter((l) => l.startsWith('?')).map((l) => l.slice(1).trim());
  for (let i = 0; i < missing.length; i += 2000) {
    await network(ctx, dir, dir, 'fetching', [
      'fetch', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', 'origin', '--end-of-options', ...missing.slice(i, i + 2000),
    ], ['fetch.negotiationAlgorithm=noop']);
  }
}

/**
 * Brings `url` into the cache (clone the first time, fetch later) and resolves `ref` (default:
 * the remote's HEAD) to a commit whose files are all present. Throws CacheError.
 */
export async function fetchToCache(url: string, ref: string | undefined, options: CacheOptions): Promise<CachedCommit> {
  let key: string;
  try {
    assertSafeUrl(url);
    if (ref !== undefined) assertSafeRef(ref);
    key = cacheKey(url);
  } catch (e) {
    throw new CacheError('resolve', redactText((e as Error).message));
  }
  const cacheDir = resolve(options.cacheDir);
  const dir = insideRoot(cacheDir, key);
  const plain = redactUrl(url);
  const ctx: GitContext = { ...options, cacheDir, config: hasCredentials(url) ? [`url.${url}.insteadOf=${plain}`] : [] };
  const flat = flatName(key);
  const partial = (options.partial ?? true) && /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|^[^/.][^/:]*:/.test(plain);
  try {
    return await withLock(
      join(cacheDir, LOCK_DIR, `${flat}.lock`),
      async () => {
        clearLeftovers(cacheDir, flat);
        let action: CachedCommit['action'];
        if (await isCachedRepo(ctx, dir, plain)) {
          action = 'fetched';
          options.onProgress?.({ state: 'fetching' });
          try {
            await network(ctx, dir, dir, 'fetching', ['fetch', '--prune', 'origin']);
          } catch (e) {
            throw new CacheError('fetch', gitMessage(e));
          }
        } else {
          action = 'cloned';
          // Whatever sits there is not a clone of this URL we made (a copy cut short, a stray folder,
          // a clone of another remote that once had the same name): it is replaced.
          rmSync(dir, { recursive: true, force: true });
          options.onProgress?.({ state: 'cloning' });
          try {
            await cloneInto(ctx, plain, dir, flat, partial);
          } catch (e) {
            throw new CacheError('clone', gitMessage(e));
          }
        }
        const commit = await resolveCommit(ctx, dir, ref);
        if (partial) {
          try {
            await prefetchBlobs(ctx, dir, commit);
          } catch (e) {
            throw new CacheError('fetch', gitMessage(e));
          }
        }
        return { gitDir: dir, commit, action };
      },
      { timeoutMs: options.lockTimeoutMs, signal: options.signal },
    );
  } catch (e) {
    if (e instanceof CacheError) throw e;
    if (e instanceof LockTimeoutError) throw new CacheError(existsSync(dir) ? 'fetch' : 'clone', e.message);
    throw new CacheError(existsSync(dir) ? 'fetch' : 'clone', gitMessage(e));
  }
}
