// Scans one repository at each of a trend's points. Scanned one after the other, the points would
// each read and parse what changed since the point before, in as many small scans with a pause
// between them (the listing, the cache, the last parse workers finishing); a small scan keeps the
// parse workers busy for only part of its time. So every version of every file the points have is
// scanned first, at once, like one large cold scan, with the results held in memory; each point is
// then a scan answered by those results. Results that depend on the incubator copies are checked
// against each point's own copies, and read again at the few points where they do not hold.

import { gitTreeSource, type HistoryPoint } from '../git/index.js';
import { holdResults, scanTree, type ScanOptions, type ScanResult, type TreeEntry, type TreeSource } from '../scan/index.js';

export interface PointScans {
  /** Each point's scan, in the order of the points. */
  results: ScanResult[];
  /** Files the points' scans needed, all points together, and of those, how many were not read again: unchanged since an earlier point, or in the results cache. */
  files: number;
  cached: number;
}

/** The files of a tree, listed through the source's reader when it has one. */
async function listTree(source: TreeSource): Promise<TreeEntry[]> {
  if (!source.open) return source.entries();
  const tree = await source.open();
  // An open tree is closed by reading it.
  for await (const _ of tree.read([]));
  return tree.entries;
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
      for (const source of sources.slice(0, -1)) {
        if (signal?.aborted) throw new Error('interrupted');
        trees.push(await listTree(source));
      }
      // The last point's tree, listed by a reader that then reads every version (git finds any blob).
      const last = sources.at(-1)!;
      const open = last.open ? await last.open() : { entries: await last.entries(), read: (wanted: TreeEntry[]) => last.read(wanted) };
      trees.push(open.entries);
      const all = versionsOf(trees);
      const everything = await scanTree({ location, entries: async () => all, read: open.read, open: async () => ({ entries: all, read: open.read }) }, options);
      read += everything.stats.files - everything.stats.cached;
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
