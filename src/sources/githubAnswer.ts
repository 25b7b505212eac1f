// What the GitHub API answers is checked before anything is made of it: a page must be a list of
// repositories, each with a name and a clone URL that stays on the API's own site (a hostile or
// broken server must not send us cloning `file:///` paths or another host). Repositories listed twice
// under one clone URL are one target, and the merge is told.

import { SourceError } from './types.js';

export interface ListedRepo {
  name: string;
  full_name: string;
  clone_url: string;
  archived?: boolean;
  pushed_at?: string | null;
  default_branch?: string;
}

const NAME = /^[A-Za-z0-9_.-]+$/;
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The repositories of one page, or a SourceError naming the organisation and what was wrong. */
export function readPage(data: unknown, org: string, page: number, apiUrl: string): ListedRepo[] {
  const bad = (why: string) => new SourceError(`GitHub API at ${apiUrl} gave an unexpected answer listing ${org} (page ${page}): ${why}`);
  if (typeof data === 'string') throw bad(/^\s*</.test(data) ? 'an HTML page, not a list of repositories' : 'text, not a list of repositories');
  if (!Array.isArray(data)) throw bad(isObject(data) ? 'an object, not a list of repositories' : `${data === null ? 'null' : typeof data}, not a list of repositories`);
  return data.map((r: unknown, i) => {
    if (!isObject(r)) throw bad(`entry ${i + 1} is ${r === null ? 'null' : typeof r}, not a repository`);
    if (typeof r['name'] !== 'string' || !NAME.test(r['name'])) throw bad(`entry ${i + 1} has no usable name`);
    if (typeof r['full_name'] !== 'string' || !FULL_NAME.test(r['full_name'])) throw bad(`entry ${i + 1} (${r['name']}) has no usable full_name`);
    if (typeof r['clone_url'] !== 'string' || r['clone_url'] === '') throw bad(`${r['full_name']} has no clone_url`);
    return {
      name: r['name'],
      full_name: r['full_name'],
      clone_url: r['clone_url'],
      archived: r['archived'] === true,
      pushed_at: typeof r['pushed_at'] === 'string' ? r['pushed_at'] : null,
      ...(typeof r['default_branch'] === 'string' ? { default_branch: r['default_branch'] } : {}),
    };
  });
}

/** The site clone URLs of this API live on: `api.github.com` → `github.com`, GitHub Enterprise `host/api/v3` → `host`. */
function cloneHost(apiUrl: string): string {
  return new URL(apiUrl).hostname.replace(/^api\./, '');
}

/**
 * Refuses a clone URL that is not http(s) on the API's own site (unless `anyHost`): a `file://` path
 * would read this machine's files, another host would be scanned in the organisation's name.
 */
export function checkCloneUrl(repo: ListedRepo, org: string, apiUrl: string, anyHost: boolean): void {
  let url: URL;
  try {
    url = new URL(repo.clone_url);
  } catch {
    throw new SourceError(`GitHub API at ${apiUrl} listing ${org}: ${repo.full_name} has a clone_url that is not a URL`);
  }
  if (anyHost) return;
  const api = new URL(apiUrl);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && api.protocol === 'http:');
  if (!schemeOk || url.hostname !== cloneHost(apiUrl)) {
    throw new SourceError(
      `GitHub API at ${apiUrl} listing ${org}: ${repo.full_name} has clone_url ${url.protocol}//${url.host}/…, not on ${cloneHost(apiUrl)}; refused (--github-any-clone-host allows it)`,
    );
  }
}

/** One entry per clone URL, in order; `onMerge` hears every repository folded into an earlier one. */
export function mergeByCloneUrl(repos: readonly ListedRepo[], onMerge: (kept: ListedRepo, merged: ListedRepo) => void): ListedRepo[] {
  const byUrl = new Map<string, ListedRepo>();
  for (const r of repos) {
    const key = r.clone_url.replace(/\.git$/, '').replace(/\/+$/, '').toLowerCase();
    const kept = byUrl.get(key);
    if (kept) onMerge(kept, r);
    else byUrl.set(key, r);
  }
  return [...byUrl.values()];
}
