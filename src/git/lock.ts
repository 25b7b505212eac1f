// A lock file around each cached repository's clone and fetch, so that runs sharing a cache
// (a nightly job and a person at a terminal, or two CI jobs on one runner) never write one
// repository at the same time. The lock holds the owner's pid and host; a lock whose owner
// process is gone (killed mid-clone) is stale and is broken by the next run on that host.

import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockOptions {
  /** Give up after waiting this long for another run's lock (default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class LockTimeoutError extends Error {}

interface Owner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

function readOwner(path: string): Owner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner;
  } catch {
    return null; // gone, or being written: look again on the next round
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(owner: Owner): boolean {
  return owner.host === hostname() && !alive(owner.pid);
}

/** Takes the lock once if free; false when someone else holds it. */
function tryAcquire(path: string, owner: Owner): boolean {
  // Write the whole record under a private name, then link it into place: link fails if the
  // lock exists, and a reader never sees a half-written record.
  const tmp = `${path}.${owner.token}.new`;
  writeFileSync(tmp, JSON.stringify(owner));
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes a stale lock, unless another run replaced it in the meantime. */
function breakStale(path: string, stale: Owner): void {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readOwner(aside);
  if (moved && moved.token !== stale.token) {
    // We took a fresh lock of another run by mistake: put it back (link refuses to overwrite).
    try {
      linkSync(aside, path);
    } catch {
      /* a third run holds the lock now; the one we moved was about to be released anyway */
    }
  }
  rmSync(aside, { force: true });
}

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** Runs `fn` while holding the lock file at `path`. */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  mkdirSync(dirname(path), { recursive: true });
  const owner: Owner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let wait = 25;
  while (!tryAcquire(path, owner)) {
    const holder = readOwner(path);
    if (holder && isStale(holder)) {
      breakStale(path, holder);
      continue;
    }
    if (options.signal?.aborted) throw new Error('interrupted while waiting for the cache lock');
    if (Date.now() > deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
      throw new LockTimeoutError(`${path} is held by ${who}; remove it if that process is gone`);
    }
    await sleep(wait);
    wait = Math.min(wait * 2, 500);
  }
  try {
    return await fn();
  } finally {
    // Release only our own lock.
    if (readOwner(path)?.token === owner.token) rmSync(path, { force: true });
  }
}
