// A one-time bare clone of a repository given by URL, for sources that never change once retired
// (oslo-incubator). Written atomically: the clone goes to a temp folder that is renamed into place,
// so an interrupted clone is never mistaken for a complete one.

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { UnsafeValueError } from './safety.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** A URL git may clone: no option look-alikes, no `ext::` (or any `<transport>::`) helpers, no control characters. */
export function assertSafeUrl(url: string): string {
  if (url === '' || url.startsWith('-') || CONTROL.test(url) || /^[A-Za-z][A-Za-z0-9+.-]*::/.test(url) || !/^(https?|git|ssh|file):\/\//.test(url)) {
    throw new UnsafeValueError(`refusing URL ${JSON.stringify(url)}: not a plain https, http, git, ssh or file URL`);
  }
  return url;
}

/** Clones `url` into `dest` (bare) unless a clone is already there; returns `dest`. */
export async function cloneOnce(url: string, dest: string): Promise<string> {
  assertSafeUrl(url);
  if (existsSync(join(dest, 'HEAD'))) return dest;
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await simpleGit().raw(['clone', '--bare', '--quiet', '--', url, tmp]);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(join(dest, 'HEAD'))) return dest; // another run finished the same clone first
    throw e;
  }
  return dest;
}
