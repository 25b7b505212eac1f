// Where oslo-audit keeps what it can rebuild: one root, resolved once from `--cache-dir` or the XDG
// base directory, and one folder per kind of cache below it. Every command builds the layout from
// the same root, so `--cache-dir DIR` means the same thing whichever command is given it. Each folder
// can be deleted at any time; the next run rebuilds what it needs (see docs/batch.md, "Caches").

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CacheLayout {
  /** `--cache-dir`, or `$XDG_CACHE_HOME/oslo-audit` (`~/.cache/oslo-audit`). */
  root: string;
  /** Bare clones of remote targets, one per remote (`repos/opendev.org/openstack/nova.git`). */
  clones: string;
  /** Per-file scan results, commit records and history records, one set per repository. */
  scanResults: string;
  /** The index of incubator versions, and the incubator's full clone below it (`provenance/clones`). */
  provenance: string;
  /** The demo's workspace of generated repositories. */
  demo: string;
}

/** The default root: `$XDG_CACHE_HOME/oslo-audit`, or `~/.cache/oslo-audit`. */
function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'oslo-audit');
}

/** The layout under `root` (default: defaultCacheRoot()). */
export function cacheLayout(root?: string, env: NodeJS.ProcessEnv = process.env): CacheLayout {
  const base = root === undefined ? defaultCacheRoot(env) : resolve(root);
  return {
    root: base,
    clones: join(base, 'repos'),
    scanResults: join(base, 'scan-cache'),
    provenance: join(base, 'provenance'),
    demo: join(base, 'demo'),
  };
}
