// `--github-org ORG`: the organisation's repositories from the GitHub REST API, with their
// archived flag, last push and default branch. A rate limit that resets soon is waited out;
// one that resets later stops the listing with the reset time.

import { urlTarget } from './parse.js';
import { SourceError, type Target } from './types.js';

export const DEFAULT_GITHUB_API = 'https://api.github.com';

export interface GitHubOptions {
  /** REST API root (GitHub Enterprise, or a local server in tests). */
  apiUrl?: string;
  /** From GITHUB_TOKEN; sent to the API only. */
  token?: string;
  /** Wait for a rate limit's reset when it is at most this far away (default 2 minutes). */
  maxWaitMs?: number;
  skipArchived?: boolean;
  /** Told before each wait, with the reset time. */
  onWait?: (resetAt: Date) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** What a repository listing says about a project. Written to the report as the project's `github`. */
export interface GitHubEntry {
  archived: boolean;
  pushedAt: string | null;
  defaultBranch: string | null;
}

interface ListedRepo {
  name: string;
  full_name: string;
  clone_url?: string;
  archived?: boolean;
  pushed_at?: string | null;
  default_branch?: string;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MAX_WAITS_PER_PAGE = 5;

/** The `rel="next"` URL of a `Link` header. */
export function nextLink(link: string | undefined): string | null {
  for (const part of (link ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1]!;
  }
  return null;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** When a refused request may be tried again, or null when the refusal is not a rate limit. */
export function rateLimitReset(error: unknown, now: number): Date | null {
  const e = error as HttpError;
  if (e.status !== 403 && e.status !== 429) return null;
  const headers = e.response?.headers ?? {};
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && /^\d+$/.test(String(retryAfter))) return new Date(now + Number(retryAfter) * 1000);
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) return new Date(Number(headers['x-ratelimit-reset']) * 1000);
  return e.status === 429 ? new Date(now + 60_000) : null;
}

function explain(error: unknown, org: string, apiUrl: string): SourceError {
  const e = error as HttpError;
  if (e.status === 404) return new SourceError(`GitHub organisation ${org} not found at ${apiUrl}`);
  if (e.status === 401) return new SourceError(`GitHub refused the credentials (check GITHUB_TOKEN)`);
  // octokit reports a failed connection as status 500 with no response.
  if (e.status && e.response) return new SourceError(`GitHub API answered ${e.status} listing ${org}: ${(e.message ?? '').split('\n')[0]}`);
  return new SourceError(`cannot reach the GitHub API at ${apiUrl}: ${(e.message ?? String(error)).split('\n')[0]}`);
}

export async function targetsFromGitHubOrg(org: string, options: GitHubOptions = {}): Promise<Target[]> {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(org)) throw new SourceError(`--github-org ${JSON.stringify(org)} is not a GitHub organisation name`);
  const apiUrl = (options.apiUrl ?? DEFAULT_GITHUB_API).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((res) => setTimeout(res, ms)));
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  // octokit is loaded only when an organisation is listed: no other command or target pays for it.
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({ baseUrl: apiUrl, auth: options.token || undefined, log: silent, userAgent: 'oslo-audit' });

  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (e) {
        const reset = rateLimitReset(e, now());
        if (!reset) throw explain(e, org, apiUrl);
        const wait = reset.getTime() - now();
        if (wait > maxWaitMs || attempt >= MAX_WAITS_PER_PAGE) {
          throw new SourceError(`GitHub API rate limit reached while listing ${org}; it resets at ${reset.toISOString()}${options.token ? '' : ' (a GITHUB_TOKEN raises the limit)'}`);
        }
        options.onWait?.(reset);
        await sleep(Math.max(wait, 0) + 1000);
      }
    }
  };

  const repos: ListedRepo[] = [];
  // Pages one by one (not octokit.paginate) so that a rate limit mid-way retries only that page.
  let page: { data: unknown; headers: { link?: string } } = await call(() => octokit.request('GET /orgs/{org}/repos', { org, per_page: 100, type: 'all' }));
  for (;;) {
    repos.push(...(page.data as ListedRepo[]));
    const next = nextLink(page.headers.link);
    if (!next) break;
    // The token goes with every request: follow pages on the API's own origin only.
    if (new URL(next, apiUrl).origin !== new URL(apiUrl).origin) throw new SourceError(`GitHub API at ${apiUrl} pointed the next page to another site: ${new URL(next, apiUrl).origin}`);
    page = await call(() => octokit.request(`GET ${next}`));
  }

  return repos
    .filter((r) => !(options.skipArchived && r.archived))
    .map((r) => {
      const github: GitHubEntry = { archived: r.archived === true, pushedAt: r.pushed_at ?? null, defaultBranch: r.default_branch ?? null };
      const url = r.clone_url ?? `https://github.com/${r.full_name}.git`;
      return urlTarget(url, { name: r.name, repo: r.full_name, repoHint: r.full_name, ref: r.default_branch, extra: { github } });
    });
}
