// Where a remote repository lives in the clone cache: a path made from its URL that never leaves the
// cache, and never names two remotes alike.

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { redactUrl } from './credentials.js';
import { assertSafeUrl, UnsafeValueError } from './safety.js';

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
