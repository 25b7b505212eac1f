// Where an oslo-incubator sync shows in a history, and when the search for one can stop.
//
// A sync is a commit whose subject says so, or one that changed `openstack-common.conf` and added or
// changed a copy together (one that only deletes copies removes them). The activity wants the newest
// sync and, for each module whose Python copy is in the tree, the newest commit that changed it. The
// narrow read (history.ts) walks the commits that touched the copies newest first; on a long history
// that walk is most of git's work, and it can end as soon as every copy in the tree has its date and
// the newest sync is known: what lies further back cannot change either answer.

import { copyLocation } from '../knowledge/index.js';

// "Sync with oslo-incubator", "Updated from oslo-incubator", "Sync lockutils from oslo", but not
// "Update oslo.config to 1.2" (a library bump, not a sync of copied code).
export const SYNC_SUBJECTS = [
  /\b(sync\w*|update[sd]?|merge[sd]?|import\w*)\b.*\b(oslo[- ]?incubator|oslo[- ]common|openstack[-. ]common)\b/i,
  /\bsync\w*\b.*\b(from|with)\s+oslo\b(?![._-])/i,
];

/**
 * A merge made by the gate names the change it merges (`Merge "<its subject>"`, maybe `into
 * stable/…`): the first-parent line of a gated repository is made of them. Its own verb is not the
 * change's: `Merge "Drop outdated description about oslo-incubator"` (cinder, 2025) is no sync.
 */
const GATE_MERGE = /^Merge "(.*)"(?:\s+into\s+\S+)?\s*$/;

export const isSyncSubject = (subject: string): boolean => {
  const own = GATE_MERGE.exec(subject)?.[1] ?? subject;
  return SYNC_SUBJECTS.some((re) => re.test(own));
};

const isConf = (f: string): boolean => f.endsWith('openstack-common.conf');

/** Whether a commit's files (those it added or changed, not those it deleted) are a sync: the conf and a copy changed together. */
const touchesConfAndCopy = (files: readonly string[]): boolean => files.some(isConf) && files.some((f) => copyLocation(f) !== null);

/**
 * Whether a commit is a sync from oslo-incubator: by its subject, or by changing the conf and a copy
 * together. `files`: the files it added or changed; the ones it deleted are no sync's.
 */
export function isIncubatorSync(subject: string, files: readonly string[]): boolean {
  return isSyncSubject(subject) || touchesConfAndCopy(files);
}

/** Where the narrow read looks, and the copies whose dates it must find, from the tree at the tip. */
export interface SyncScope {
  /** Pathspecs (`:(literal)…`) naming the folders and confs where a sync can show. */
  paths: string[];
  /** Incubator modules whose Python copy is in the tree. */
  modules: Set<string>;
}

// Where a sync can show: incubator copies (any path with an `openstack/common/` segment) and the conf
// (any name ending in `openstack-common.conf`). Matching such patterns against every path of every
// commit costs git more than listing every path, so the narrow read names folders instead: the
// copies and confs at the top and in each top-level package (update.py copies into
// `<base>/openstack/common`, `<base>` being the project's package), and every copy folder of the tree.
// Each name costs git a match at every commit, so folders that are no package (doc, etc, tools) are
// not named. A copy only ever held in a folder that is gone from the tree, or is no package there (a
// renamed package), is left out; a sync subject still counts wherever the files were.
/** The scope of the narrow read from the names of every file of the tip's tree. */
export function syncScope(files: Iterable<string>): SyncScope {
  const paths = new Set(['openstack-common.conf', 'openstack/common']);
  const modules = new Set<string>();
  for (const file of files) {
    const slash = file.indexOf('/');
    if (slash <= 0) continue;
    if (file.slice(slash) === '/__init__.py') {
      const top = file.slice(0, slash);
      paths.add(`${top}/openstack/common`).add(`${top}/openstack-common.conf`);
    }
    for (let at = file.indexOf('/openstack/common/'); at >= 0; at = file.indexOf('/openstack/common/', at + 1)) paths.add(file.slice(0, at + '/openstack/common'.length));
    const loc = copyLocation(file);
    if (loc?.isPython) modules.add(loc.module);
  }
  return { paths: [...paths].sort().map((p) => `:(literal)${p}`), modules };
}

/** The narrow read's findings, fed its commits newest first. */
export class SyncSearch {
  /** Module → committer time of the newest commit that changed its Python copy, for the modules of the scope. */
  readonly moduleTimes: Record<string, number> = {};
  /** The hash of the newest commit that changed the conf and a copy together. */
  confSync: string | null = null;
  private readonly missing: Set<string>;

  constructor(modules: ReadonlySet<string>) {
    this.missing = new Set(modules);
  }

  /** Takes one commit; true once every module of the scope has its date. */
  add(hash: string, time: number, files: readonly string[]): boolean {
    if (this.confSync === null && touchesConfAndCopy(files)) this.confSync = hash;
    for (const f of files) {
      const loc = copyLocation(f);
      if (!loc?.isPython || !this.missing.has(loc.module)) continue;
      this.moduleTimes[loc.module] = time;
      this.missing.delete(loc.module);
    }
    return this.missing.size === 0;
  }
}
