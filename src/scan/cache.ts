// Per-file scan results kept between runs, keyed by path and git blob id: a file whose blob did not
// change is neither read nor parsed again. A result that depends on the repository's incubator copies
// keeps the names it looked up in the copy lists, so it still holds when other copies come or go.
// A run that scans many trees of one repository (a trend) may also hold every result in memory while
// it runs, whatever blob each path has in the tree scanned last.
//
// One record per repository (`<dir>/v1/<hash of its location>.json`, util/recordFile): a header line,
// then the entries. The header names the format, a key of everything results depend on besides the
// file (queries, knowledge data, the scanning code, the tool version), and a digest of the entries, so
// a file from another version, a torn or edited file is ignored (everything is scanned again), never
// trusted. Files are replaced atomically and the folder can be deleted at any time.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Finding, SkipReason } from '../report/index.js';
import { readRecord, writeRecord } from '../util/index.js';
import { tryCacheWrite } from './cacheWarning.js';
import { CACHE_FORMAT, toolKey } from './toolKey.js';

/** What one file contributed to a scan. */
export interface FileResult {
  findings: Finding[];
  /** Libraries imported in their current form. */
  adopted?: string[];
  /** `namespace/name` from `.gitreview`. */
  gitreview?: string | null;
  /** Why the file could not be scanned (binary, not UTF-8): a property of the blob. */
  skip?: SkipReason;
  /** The result depends on which incubator modules the repository has copied... */
  usesCopies?: boolean;
  /** ...through these answers of the copy lists (`PythonFileResult.copyLookups`). */
  copyLookups?: string[];
}

/**
 * The repository's copied incubator modules and the packages holding them, as the cache keeps them
 * (sorted lists, in JSON): results of `usesCopies` files are checked against them.
 */
export function copiesKey(copyModules: readonly string[], copyPackages: readonly string[] = []): string {
  return JSON.stringify([copyModules, copyPackages]);
}

interface CopyLists {
  m: ReadonlySet<string>;
  p: ReadonlySet<string>;
}

/** The lists of a `copiesKey`, or null for a key of another form (which then only equals itself). */
function copyLists(key: string): CopyLists | null {
  try {
    const [modules, packages] = JSON.parse(key) as unknown[];
    if (!Array.isArray(modules) || !Array.isArray(packages)) return null;
    return { m: new Set(modules.map(String)), p: new Set(packages.map(String)) };
  } catch {
    return null;
  }
}

/** The name a repository's cache files go by: a digest of its location. */
export function locationHash(location: string): string {
  return createHash('sha256').update(location).digest('hex').slice(0, 40);
}

interface Header {
  format: number;
  tool: string;
  location: string;
  copies: string;
}

type Entry = [blob: string, result: FileResult];

/**
 * Results held in memory, by location and tool key: `<path> NUL <blob>` → each result found for it
 * with the copies key it was found with (a file naming copies may have a result per set of copies).
 */
type HeldResults = Map<string, [copies: string, result: FileResult][]>;

/** The valid entries of a cache file as it was read, and the copies key they were found with. */
interface Stored {
  entries: Map<string, Entry>;
  copies: string;
}

/**
 * While a location is held, its cache file is read once per tool key, and written once, when the hold
 * ends: each save replaces the file with the entries of the tree just scanned, so of a trend's saves
 * (every chunk of versions, every point) only the last one's stays; writing the others cost a
 * repository of 4,000 files a second of the reading thread. `pending`: that last save, by file.
 */
interface Hold {
  holders: number;
  byKey: Map<string, HeldResults>;
  stored: Map<string, Stored>;
  pending: Map<string, { dir: string; save: () => void }>;
}
const held = new Map<string, Hold>();

/**
 * Keeps in memory every result that scans of `location` find or take from the cache, until `release`,
 * and lets them answer those scans: a trend first scans every version of every file of its points at
 * once, then each point takes its files from there, whatever blob its path had in the point before.
 * Holds of one location nest.
 */
export function holdResults(location: string): { release(): void } {
  const hold = held.get(location) ?? { holders: 0, byKey: new Map<string, HeldResults>(), stored: new Map<string, Stored>(), pending: new Map() };
  hold.holders++;
  held.set(location, hold);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (--hold.holders > 0) return;
      held.delete(location);
      // Written even when the holder stopped early (an interrupt): what was found is kept.
      for (const { dir, save } of hold.pending.values()) tryCacheWrite(dir, save);
    },
  };
}

/** The valid entries of the cache file at `path`: none when it is missing, torn, or of another format, key or location. */
function readStored(path: string, key: string, location: string): Stored {
  let copies = '';
  const body = readRecord<Header>(path, (h) => {
    copies = h.copies;
    return h.format === CACHE_FORMAT && h.tool === key && h.location === location;
  });
  const entries = new Map<string, Entry>();
  // Missing, torn or foreign: no entries; the scan reads everything and the save replaces the file.
  if (typeof body !== 'object' || body === null) return { entries, copies: '' };
  for (const [file, entry] of Object.entries(body as Record<string, Entry>)) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]?.findings)) entries.set(file, entry);
  }
  return { entries, copies };
}

export class ScanCache {
  private readonly old: ReadonlyMap<string, Entry>;
  private readonly next = new Map<string, Entry>();
  private readonly oldCopies: string;
  private lists: CopyLists | null | undefined;
  private readonly held: HeldResults | undefined;
  readonly path: string;

  constructor(
    private readonly dir: string,
    private readonly location: string,
    private readonly copies: string,
    private readonly key: string = toolKey(),
  ) {
    this.path = join(dir, `v${CACHE_FORMAT}`, `${locationHash(location)}.json`);
    const hold = held.get(location);
    let stored: Stored | undefined;
    if (hold) {
      this.held = hold.byKey.get(key) ?? new Map();
      hold.byKey.set(key, this.held);
      const id = `${key}\0${this.path}`;
      stored = hold.stored.get(id) ?? readStored(this.path, key, location);
      hold.stored.set(id, stored);
    }
    ({ entries: this.old, copies: this.oldCopies } = stored ?? readStored(this.path, key, location));
  }

  /** The stored result of this path at this blob, if it is still valid; it is kept for the next save. */
  get(path: string, blob: string): FileResult | undefined {
    const entry = this.old.get(path);
    let result = entry && entry[0] === blob && this.holds(entry[1], this.oldCopies) ? entry[1] : undefined;
    if (result) this.hold(path, blob, result);
    else result = this.held?.get(`${path}\0${blob}`)?.find(([copies, r]) => this.holds(r, copies))?.[1];
    if (result) this.next.set(path, [blob, result]);
    return result;
  }

  /** Whether a result found with copies `then` holds with this scan's: it did not use them, or they answer its lookups the same. */
  private holds(result: FileResult, then: string): boolean {
    if (!result.usesCopies || then === this.copies) return true;
    if (this.lists === undefined) this.lists = copyLists(this.copies);
    const lists = this.lists;
    if (!lists || !result.copyLookups) return false;
    return result.copyLookups.every((l) => (l[0] === '+') === (l[1] === 'm' ? lists.m : lists.p).has(l.slice(3)));
  }

  set(path: string, blob: string, result: FileResult): void {
    this.next.set(path, [blob, result]);
    this.hold(path, blob, result);
  }

  /** Keeps a result in memory while the location is held: beside those of other copies when it depends on them. */
  private hold(path: string, blob: string, result: FileResult): void {
    if (!this.held) return;
    const id = `${path}\0${blob}`;
    const others = result.usesCopies ? (this.held.get(id) ?? []).filter(([copies]) => copies !== this.copies) : [];
    this.held.set(id, [...others, [this.copies, result]]);
  }

  /** Writes the entries of this scan (files no longer in the tree are dropped), atomically; while the location is held, when the hold ends. */
  save(): void {
    const hold = held.get(this.location);
    if (hold) hold.pending.set(this.path, { dir: this.dir, save: () => this.write() });
    else this.write();
  }

  private write(): void {
    const entries: Record<string, Entry> = {};
    for (const path of [...this.next.keys()].sort()) entries[path] = this.next.get(path)!;
    const header: Header = { format: CACHE_FORMAT, tool: this.key, location: this.location, copies: this.copies };
    writeRecord(this.path, header, entries);
  }
}
