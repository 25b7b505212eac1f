// Getting hold of oslo-incubator's history: a local clone (given, or cloned once from a URL), its
// versions read from git or from the cache, and the versions' texts when a comparison needs them.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blobChanges, cacheKey, CacheError, fetchToCache, historyTips, reachableCommits, readBlobs } from '../git/index.js';
import type { TreeEntry } from '../scan/index.js';
import { atomicWrite } from '../util/index.js';
import { COMMON_DIR, HISTORY_FORMAT, versionsFrom, type IncubatorHistory } from './history.js';
import { IncubatorIndex } from './incubatorIndex.js';
import type { MatchContext } from './match.js';
import { digestKey, digestVersions } from './digests.js';
import type { TokenStream } from './tokens.js';

/** oslo-incubator is retired: its history no longer changes, so one clone serves for good. */
export const DEFAULT_INCUBATOR = 'https://opendev.org/openstack/oslo-incubator.git';

export class IncubatorError extends Error {}

const isUrl = (spec: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(spec) || /^[A-Za-z][A-Za-z0-9+.-]*::/.test(spec);

/**
 * The local git directory holding the incubator: a path as given, or a clone of a URL under the cache
 * dir. (The one place a URL becomes a local folder.)
 */
function safeKey(spec: string): string {
  try {
    return cacheKey(spec);
  } catch {
    return '';
  }
}

export async function incubatorDir(spec: string, cacheDir: string): Promise<string> {
  if (isUrl(spec)) {
    // Full clones: provenance reads every version of every file, which a partial clone would fetch one by one.
    const options = { cacheDir: join(cacheDir, 'clones'), partial: false };
    try {
      return (await fetchToCache(spec, undefined, options)).gitDir;
    } catch (e) {
      // The incubator is retired: a clone made earlier is still good when the remote cannot be reached.
      const earlier = join(options.cacheDir, safeKey(spec));
      if (e instanceof CacheError && e.stage === 'fetch' && earlier && existsSync(join(earlier, 'HEAD'))) return earlier;
      throw new IncubatorError(`cannot clone the incubator from ${spec}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const dir = resolve(spec);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new IncubatorError(`--incubator ${spec}: no such directory`);
  return dir;
}

interface Loaded {
  history: IncubatorHistory;
  /** Whether it came from the cache file rather than from git. */
  cached: boolean;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readCache(file: string, head: string, tips: string): IncubatorHistory | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as IncubatorHistory;
    // A file from another format, another history or a torn write is ignored and rebuilt.
    if (data.format !== HISTORY_FORMAT || data.head !== head || data.tips !== tips || !Array.isArray(data.versions)) return null;
    return data;
  } catch {
    return null;
  }
}

/** The incubator's versions, from the cache (keyed by HEAD) or built from a full walk of its history. */
export async function loadHistory(dir: string, source: string, cacheDir: string): Promise<Loaded> {
  let head: string;
  let tips: string;
  try {
    const t = await historyTips(dir);
    head = t.head;
    tips = digest(t.tips);
  } catch {
    throw new IncubatorError(`--incubator ${source}: not a git repository with commits`);
  }
  const file = join(cacheDir, `${head}.json`);
  const hit = readCache(file, head, tips);
  if (hit) return { history: { ...hit, source }, cached: true };

  const [changes, mainline] = await Promise.all([blobChanges(dir, COMMON_DIR.slice(0, -1)), reachableCommits(dir, 'HEAD')]);
  // Every version's token digest, from the blobs as git streams them, in the workers.
  // Oldest first: each version is parsed from the tree of the one before it.
  const wanted = changes.flatMap((c) => (c.newBlob && c.path.startsWith(COMMON_DIR) ? [{ blob: c.newBlob, path: c.path, isPython: c.path.endsWith('.py') }] : [])).reverse();
  const digests = await digestVersions(dir, wanted);
  const versions = versionsFrom(changes, mainline, (blob, path) => digests.get(digestKey(blob, path.endsWith('.py'))) ?? '');
  const history: IncubatorHistory = { format: HISTORY_FORMAT, source, head, tips, versions };
  atomicWrite(file, JSON.stringify(history));
  return { history, cached: false };
}

/** Texts of blobs, read in one batch; blobs that are not UTF-8 text are left out. */
export async function readTexts(dir: string, wanted: Array<{ blob: string; path: string }>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const entries: TreeEntry[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    if (seen.has(w.blob)) continue;
    seen.add(w.blob);
    entries.push({ path: w.path, mode: '100644', blob: w.blob, size: 0 });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const { entry, data } of readBlobs(dir, entries)) {
    if (!data || data.includes(0)) continue;
    try {
      texts.set(entry.blob, decoder.decode(data));
    } catch {
      /* not UTF-8: compared by content hash only */
    }
  }
  return texts;
}

/** Token streams of versions kept for later copies: the most recent few hundred, which is every version of the few paths a project's copies are matched against at a time. */
class RecentStreams extends Map<string, TokenStream> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(blob: string, stream: TokenStream): this {
    super.delete(blob);
    super.set(blob, stream);
    // Streams are large (a string per token): the oldest go once the limit is reached.
    for (const oldest of this.keys()) {
      if (this.size <= this.limit) break;
      this.delete(oldest);
    }
    return this;
  }
}

/** An opened incubator: its index, and the texts of versions, read on demand and kept for later copies. */
export class Incubator implements MatchContext {
  readonly tokenCache: Map<string, TokenStream> = new RecentStreams(256);
  private readonly texts: Map<string, string | null>;

  /** `dir` is the clone the texts are read from; null when every text came with the index (`texts`). */
  constructor(readonly dir: string | null, readonly index: IncubatorIndex, readonly cached: boolean, texts?: Map<string, string>) {
    this.texts = new Map(texts ?? []);
  }

  versionText(blob: string): string | null {
    return this.texts.get(blob) ?? null;
  }

  /** Reads the texts of every version of these paths (below `openstack/common/`) not read yet. */
  async preload(relPaths: Iterable<string>): Promise<void> {
    const wanted = [...new Set(relPaths)].flatMap((p) => this.index.versionsOf(p)).filter((v) => !this.texts.has(v.blob));
    if (wanted.length === 0 || !this.dir) return;
    const texts = await readTexts(this.dir, wanted);
    for (const v of wanted) this.texts.set(v.blob, texts.get(v.blob) ?? null);
  }
}

export interface OpenIncubatorOptions {
  /** Where the index and the incubator's clone are kept: the cache layout's `provenance` folder. */
  cacheDir: string;
}

/** Opens the incubator named by a path or URL (default: the public oslo-incubator repository). */
export async function openIncubator(spec: string, options: OpenIncubatorOptions): Promise<Incubator> {
  const { cacheDir } = options;
  const dir = await incubatorDir(spec, cacheDir);
  const { history, cached } = await loadHistory(dir, spec, cacheDir);
  return new Incubator(dir, new IncubatorIndex(history), cached);
}
