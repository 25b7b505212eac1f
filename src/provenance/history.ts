// The incubator's history as versions: each distinct content a file below `openstack/common/` ever
// had, with the commits that brought it and the dates it was current. Built from the blob changes of
// a full-history walk; pure, so it can be cached and tested without git.

import type { BlobChange } from '../git/index.js';

/** Bumped whenever the cached shape or its meaning changes: older cache files are then rebuilt. */
export const HISTORY_FORMAT = 1;

export const COMMON_DIR = 'openstack/common/';

export interface VersionCommit {
  commit: string;
  date: string;
}

export interface IncubatorVersion {
  /** Path below `openstack/common/` (`db/sqlalchemy/session.py`). */
  path: string;
  /** Git blob id of the content. */
  blob: string;
  /** Digest of the token stream (whitespace and comments ignored). */
  tokens: string;
  /** Commits that brought this content to this path, oldest first. */
  commits: VersionCommit[];
  /** When the content first appeared at the path (committer date, ISO 8601). */
  since: string;
  /** When a commit first replaced or deleted it there; null if none did. */
  until: string | null;
  /** Brought by a commit of HEAD's history (not only by a side or stable branch). */
  mainline: boolean;
}

export interface IncubatorHistory {
  format: typeof HISTORY_FORMAT;
  /** Where the history was read from, as the user gave it. */
  source: string;
  /** The incubator's HEAD commit. */
  head: string;
  /** Digest of the branch and tag tips walked, to tell a moved branch from a cached history. */
  tips: string;
  versions: IncubatorVersion[];
}

const earlier = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/**
 * Versions from blob changes. `tokensOf(blob, path)` gives each version's token digest; `mainline`
 * holds the commits of HEAD's history.
 */
export function versionsFrom(changes: readonly BlobChange[], mainline: ReadonlySet<string>, tokensOf: (blob: string, path: string) => string): IncubatorVersion[] {
  const byKey = new Map<string, IncubatorVersion>();
  const replaced = new Map<string, { any: string | null; main: string | null }>();
  for (const c of changes) {
    if (!c.path.startsWith(COMMON_DIR)) continue;
    const path = c.path.slice(COMMON_DIR.length);
    if (c.newBlob && c.newBlob !== c.oldBlob) {
      const key = `${path}\0${c.newBlob}`;
      let v = byKey.get(key);
      if (!v) {
        v = { path, blob: c.newBlob, tokens: '', commits: [], since: c.date, until: null, mainline: false };
        byKey.set(key, v);
      }
      if (!v.commits.some((x) => x.commit === c.commit)) v.commits.push({ commit: c.commit, date: c.date });
      if (earlier(c.date, v.since)) v.since = c.date;
      if (mainline.has(c.commit)) v.mainline = true;
    }
    if (c.oldBlob && c.oldBlob !== c.newBlob) {
      const key = `${path}\0${c.oldBlob}`;
      const r = replaced.get(key) ?? { any: null, main: null };
      if (r.any === null || earlier(c.date, r.any)) r.any = c.date;
      if (mainline.has(c.commit) && (r.main === null || earlier(c.date, r.main))) r.main = c.date;
      replaced.set(key, r);
    }
  }
  const versions = [...byKey.entries()].map(([key, v]) => {
    const r = replaced.get(key);
    // The mainline's replacement is the one that counts; a side branch may have moved on earlier.
    v.until = r ? (r.main ?? r.any) : null;
    v.commits.sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.commit < b.commit ? -1 : 1));
    v.tokens = tokensOf(v.blob, v.path);
    return v;
  });
  return versions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : Date.parse(a.since) - Date.parse(b.since)));
}
