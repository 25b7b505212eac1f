// An incubator index as one file, for jobs that have no clone of oslo-incubator: the versions and
// the texts the comparisons need, gzip-compressed JSON. oslo-incubator is retired, so an index made
// once stays true; a file that is not a whole index of this format is refused, never half used.

import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { atomicWrite } from '../util/index.js';
import { HISTORY_FORMAT, type IncubatorHistory } from './history.js';
import { Incubator, IncubatorError, readTexts } from './incubator.js';
import { IncubatorIndex } from './incubatorIndex.js';

const KIND = 'oslo-audit incubator index';

interface IndexFile {
  kind: typeof KIND;
  history: IncubatorHistory;
  /** Version texts by blob id (blobs that are not UTF-8 text are left out). */
  texts: Record<string, string>;
}

/** Writes the incubator's index and every version's text to `file`, atomically. */
export async function exportIndex(incubator: Incubator, file: string): Promise<void> {
  if (!incubator.dir) throw new IncubatorError('an index loaded from a file is exported as it is: copy the file');
  const texts = await readTexts(incubator.dir, incubator.index.history.versions);
  const body: IndexFile = { kind: KIND, history: incubator.index.history, texts: Object.fromEntries([...texts].sort(([a], [b]) => (a < b ? -1 : 1))) };
  atomicWrite(file, gzipSync(JSON.stringify(body)));
}

function isIndex(data: unknown): data is IndexFile {
  const d = data as Partial<IndexFile> | null;
  if (!d || d.kind !== KIND || typeof d.texts !== 'object' || d.texts === null) return false;
  const h = d.history;
  return !!h && h.format === HISTORY_FORMAT && typeof h.head === 'string' && Array.isArray(h.versions) && h.versions.every((v) => typeof v?.path === 'string' && typeof v.blob === 'string' && Array.isArray(v.commits));
}

/** Opens the incubator from an index file; one clear error when the file is missing or not an index. */
export function loadIndex(file: string): Incubator {
  if (!existsSync(file)) throw new IncubatorError(`--index ${file}: no such file`);
  let data: unknown;
  try {
    data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch {
    throw new IncubatorError(`--index ${file}: not an incubator index (unreadable or torn)`);
  }
  if (!isIndex(data)) throw new IncubatorError(`--index ${file}: not an incubator index of this version`);
  return new Incubator(null, new IncubatorIndex(data.history), true, new Map(Object.entries(data.texts)));
}
