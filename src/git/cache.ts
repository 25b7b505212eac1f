// The clone cache: one bare clone per remote repository under the cache dir, fetched again on
// later runs instead of cloned. Clones are built in a temp folder inside the cache and renamed
// into place only when complete, so an interrupted clone never leaves a repository a later run
// would trust; a lock per repository keeps concurrent runs sharing a cache from writing it at once.

import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { simpleGit } from './simpleGit.js';
import { insideRoot } from './commits.js';
import { hasCredentials, redactText, redactUrl } from './credentials.js';
import { processEnv, USER_ENVIRONMENT } from './env.js';
import { withLock, LockTimeoutError } from './lock.js';
import { runGitGroup } from './processGroup.js';
import { assertSafeRef, assertSafeUrl, UnsafeValueError } from './safety.js';

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

export interface CacheProgress {
  state: 'cloning' | 'fetching';
  percent?: number;
  /** git's stage name (`receiving`, `resolving`, …). */
  detail?: string;
}

export interface CacheOptions {
  cacheDir: string;
  /** Partial clones (`--filter=blob:none`) of URL remotes: history without old file contents (default true). */
  partial?: boolean;
  lockTimeoutMs?: number;
  /** A clone or fetch from which nothing arrives for this long is stopped (default DEFAULT_NETWORK_TIMEOUT_MS). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CacheProgress) => void;
}

/** How long a network step may go without a word from the remote: `--timeout`'s default, 120 s. */
export const DEFAULT_NETWORK_TIMEOUT_MS = 120_000;

export interface CachedCommit {
  /** The bare repository in the cache. */
  gitDir: string;
  commit: string;
  action: 'cloned' | 'fetched';
}

/**
 * Where a remote lives in the cache, relative to the cache dir: `opendev.org/openstack/nova.git`.
 * Refuses names that would leave the cache (`..` segments); characters outside `[A-Za-z0-9._+@-]`
 * become `_`, with a short hash of the URL added so that two such names never meet.
 */
export function cacheKey(url: string): string {
  const plain = redactUrl(assertSafeUrl(url));
  // Checked on the text as written (and percent-decoded): URL parsing would quietly resolve `..`.
  const rawPath = plain.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '');
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    /* not percent-encoded text; check it as written */
  }
  if ([rawPath, decoded].some((p) => /(^|[/\\:])\.\.?([/\\]|$)/.test(p))) {
    throw new UnsafeValueError(`refusing URL ${JSON.stringify(plain)}: its path has "." or ".." segments and would escape the cache`);
  }
  let host: string;
  let path: string;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(plain);
  const scp = /^(?:[^@/:]+@)?([^@/:]+):(.+)$/.exec(plain);
  if (scheme) {
    const u = new URL(plain);
    // Everything that tells remotes apart: https is the plain host; other transports, a port or an
    // (ssh) user are part of the name, so `file:///x/r`, `https://file/x/r` and `git://file/x/r` never share a clone.
    const transport = scheme[1]!.toLowerCase();
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    host = transport === 'file' ? 'file+' : `${transport === 'https' ? '' : `${transport}+`}${user}${u.hostname}${u.port ? `+${u.port}` : ''}`;
    path = decodeURIComponent(u.pathname);
  } else if (scp && !plain.startsWith('/') && !plain.startsWith('.')) {
    // `host:path` is relative to the user's home, `host:/path` is not (as `ssh://host/path`).
    host = `${scp[2]!.startsWith('/') ? 'ssh' : 'scp'}+${/^([^@/:]+@)/.exec(plain)?.[1] ?? ''}${scp[1]!}`;
    path = scp[2]!;
  } else {
    host = 'local+';
    path = resolve(plain);
  }
  const segments = [host, ...path.split('/').filter((s) => s.length > 0)];
  if (segments.length < 2) throw new UnsafeValueError(`refusing URL ${JSON.stringify(plain)}: it names no repository`);
  if (segments.some((s) => s === '.' || s === '..')) throw new UnsafeValueError(`refusing URL ${JSON.stringify(plain)}: it would escape the cache`);
  segments[segments.length - 1] = segments[segments.length - 1]!.replace(/\.git$/, '');
  let changed = false;
  const clean = segments.map((s) => {
    const c = s.replace(/[^A-Za-z0-9._+@-]/g, '_').replace(/^[.@+]/, '_');
    if (c !== s) changed = true;
    return c;
  });
  if (changed) clean[clean.length - 1] += `-${createHash('sha1').update(plain).digest('hex').slice(0, 8)}`;
  clean[clean.length - 1] += '.git';
  return clean.join('/');
}

/** One line from a git failure: its `fatal:`/`error:` lines, credentials removed. */
export function gitMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const lines = redactText(raw)
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(Cloning into|remote: (Counting|Compressing|Enumerating|Total)|Receiving objects|Resolving deltas)/.test(l));
  const important = lines.filter((l) => /^(fatal|error):/.test(l));
  return (important.length ? important : lines).join(' ') || 'git failed';
}

// Variables that would point git at another repository than the one in the cache.
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_COMMON_DIR'];

const gitEnv = (gitDir?: string): Record<string, string> => {
  const env = processEnv(REPOSITORY_VARIABLES);
  // Never wait for a password on a terminal nobody is watching.
  env['GIT_TERMINAL_PROMPT'] = '0';
  // Second line of defence behind assertSafeUrl: remote helpers such as ext:: stay off.
  env['GIT_ALLOW_PROTOCOL'] ??= 'http:https:ssh:git:file';
  // The cached repository itself, never one found by walking up from it.
  if (gitDir) env['GIT_DIR'] = gitDir;
  return env;
};

interface GitContext {
  /** `-c` settings: a URL rewrite that adds the credentials, which are never stored in the config. */
  config: string[];
  options: CacheOptions;
}

/** Local git commands on the cached repository. */
function git(ctx: GitContext, baseDir: string, gitDir: string | undefined): SimpleGit {
  return simpleGit({ baseDir, config: ctx.config, abort: ctx.options.signal, unsafe: USER_ENVIRONMENT }).env(gitEnv(gitDir));
}

/**
 * A git command that talks to the remote (clone, fetch): in a process group of its own, stopped with
 * everything it started when the remote sends nothing for the timeout, or when the run is interrupted.
 */
async function network(ctx: GitContext, cwd: string, gitDir: string | undefined, state: CacheProgress['state'], args: string[], settings: string[] = []): Promise<string> {
  const timeoutMs = ctx.options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  // curl gives up on its own too, should git's remote helper outlive the group: later than our own
  // timer, so that the error said is ours, naming --timeout, and not curl's.
  const config = [...ctx.config, ...settings, 'http.lowSpeedLimit=1', `http.lowSpeedTime=${seconds * 2 + 5}`].flatMap((c) => ['-c', c]);
  const onProgress = ctx.options.onProgress;
  const [command, ...rest] = args;
  const r = await runGitGroup([...config, command!, ...(onProgress ? ['--progress'] : []), ...rest], {
    cwd,
    env: gitEnv(gitDir),
    signal: ctx.options.signal,
    idleTimeoutMs: timeoutMs,
    onStderr: onProgress
      ? (text) => {
          const m = [...text.matchAll(/([A-Za-z]+) [A-Za-z ]*?:\s+(\d+)%/g)].pop();
          if (m) onProgress({ state, percent: Number(m[2]), detail: m[1]!.toLowerCase() });
        }
      : undefined,
  });
  if (r.stopped === 'timeout') throw new Error(`fatal: timed out: nothing from the remote for ${seconds} s (--timeout)`);
  if (r.stopped === 'looping') throw new LoopingGitError(`fatal: git stopped: it kept saying "${r.repeated}"`, r.repeated ?? '');
  if (r.stopped === 'aborted') throw new Error('fatal: interrupted');
  if (r.code !== 0) throw new Error(r.stderr || `fatal: git ${command} failed`);
  return r.stdout;
}

/** A bare repository we cloned from `url` (its `remote.origin.url` says so); anything else is not used. */
async function isCachedRepo(ctx: GitContext, dir: string, url: string): Promise<boolean> {
  if (!existsSync(join(dir, 'HEAD')) || !existsSync(join(dir, 'objects'))) return false;
  try {
    const repo = git(ctx, dir, dir);
    if ((await repo.raw(['rev-parse', '--is-bare-repository'])).trim() !== 'true') return false;
    return (await repo.raw(['config', '--get', 'remote.origin.url'])).trim() === url;
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

/** git said one line over and over and was stopped. */
class LoopingGitError extends Error {
  constructor(
    message: string,
    readonly line: string,
  ) {
    super(message);
  }
}

async function cloneInto(ctx: GitContext, url: string, dir: string, flat: string, partial: boolean): Promise<void> {
  const tmpRoot = join(ctx.options.cacheDir, TMP_DIR);
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
    const repo = git(ctx, tmp, tmp);
    await repo.raw(['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*']);
    await repo.raw(['config', 'remote.origin.tagOpt', '--tags']);
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function resolveCommit(ctx: GitContext, dir: string, ref: string | undefined): Promise<string> {
  const repo = git(ctx, dir, dir);
  const verify = async (r: string) => (await repo.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${r}^{commit}`])).trim();
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
  const listing = await git(ctx, dir, dir).raw(['rev-list', '--objects', '--no-walk', '--missing=print', commit]);
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
  const ctx: GitContext = { config: hasCredentials(url) ? [`url.${url}.insteadOf=${plain}`] : [], options: { ...options, cacheDir } };
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

/** The default cache: `$XDG_CACHE_HOME/oslo-audit/repos`, or `~/.cache/oslo-audit/repos`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'oslo-audit', 'repos');
}
