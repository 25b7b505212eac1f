// Scans one repository at each of a trend's points. Scanned one after the other, the points would
// each read and parse what changed since the point before, in as many small scans with a pause
// between them (the listing, the cache, the last parse workers finishing); a small scan keeps the
// parse workers busy for only part of its time. So every version of every file the points have is
// scanned first, in a few large scans, with the results held in memory; each point is then a scan
// answered by those results. Results that depend on the incubator copies are checked
// against each point's own copies, and read again at the few points where they do not hold.

import { gitTreeSource, listTrees, type HistoryPoint } from '../git/index.js';
import { holdResults, scanTree, startParseWorkers, type ScanOptions, type ScanResult, type TreeEntry, type TreeSource } from '../scan/index.js';

export interface PointScans {
  /** Each point's scan, in the order of the points. */
  results: ScanResult[];
  /** Files the points' scans needed, all points together, and of those, how many were not read again: unchanged since an earlier point, or in the results cache. */
  files: number;
  cached: number;
}

/**
 * Every distinct file version of the trees (a path, blob and mode met in several trees is scanned
 * once), each path's versions together, oldest first: git keeps most versions as deltas of the next,
 * and reads them in a third of the CPU time this way than tree by tree (nova's twenty releases).
 */
function versionsOf(trees: readonly TreeEntry[][]): TreeEntry[] {
  const seen = new Map<string, TreeEntry>();
  for (const tree of trees) for (const e of tree) seen.set(`${e.mode} ${e.blob} ${e.path}`, e);
  return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Versions scanned in one go: enough for the parse workers to stay busy, few enough that an interrupt
 * is heard within seconds (nova's twenty releases have 12,352: three scans of about 1.5 s each on two
 * cores). Each scan's end would leave a core idle for a moment: the next one starts beside it.
 */
const CHUNK = 4096;

/** Scans file versions of a repository, for their results only; returns how many were read. */
async function scanVersions(location: string, versions: TreeEntry[], reader: TreeSource, options: ScanOptions): Promise<number> {
  // Read through a point's reader (git finds any blob, whatever tree it was listed with); no commit, so no commit record.
  // Thousands of versions at once: the parse workers, one per core, plan them (`alongside`), as for a
  // batch of repositories; planning on this thread, as a scan of one tree does, would leave a core idle.
  // Each path's versions come one after the other, oldest first: each is lexed from the one before (`versions`).
  const result = await scanTree({ location, entries: async () => versions, read: (wanted) => reader.read(wanted) }, { ...options, alongside: true, versions: true });
  return result.stats.files - result.stats.cached;
}

/**
 * Scans `dir` at each point, oldest first. With no results cache (`options.cache` null) every point
 * is scanned cold, on its own.
 */
export async function scanPoints(dir: string, points: readonly HistoryPoint[], options: ScanOptions, signal?: AbortSignal): Promise<PointScans> {
  const sources = points.map((p) => gitTreeSource(dir, p.commit));
  const location = sources[0]?.location;
  const hold = options.cache && location && points.length > 1 ? holdResults(location) : null;
  const trees: TreeEntry[][] = [];
  let files = 0;
  let read = 0;
  try {
    if (hold) {
      // All the trees at once, each folder read once (treeListing.ts): the parse workers have nothing
      // to do until every tree is listed, so they start meanwhile.
      startParseWorkers();
      trees.push(...(await listTrees(dir, points.map((p) => p.commit))));
      const all = versionsOf(trees);
      // Two scans at a time: the next one reads while the workers finish the last batches of the one before.
      let before: Promise<number> | null = null;
      for (let at = 0; at < all.length; at += CHUNK) {
        if (signal?.aborted) break;
        const scan = scanVersions(location!, all.slice(at, at + CHUNK), sources.at(-1)!, options);
        scan.catch(() => undefined);
        if (before) read += await before;
        before = scan;
      }
      if (before) read += await before;
      if (signal?.aborted) throw new Error('interrupted');
    }
    const results: ScanResult[] = [];
    for (const [i, source] of sources.entries()) {
      if (signal?.aborted) throw new Error('interrupted');
      const listed = trees[i];
      const point: TreeSource = listed ? { location, commit: source.commit, entries: async () => listed, read: (wanted) => source.read(wanted) } : source;
      const result = await scanTree(point, options);
      results.push(result);
      files += result.stats.files;
      read += result.stats.files - result.stats.cached;
    }
    return { results, files, cached: files - read };
  } finally {
    hold?.release();
  }
}
