// Token digests of many incubator versions, computed in worker threads while git streams the blobs.
// The blobs are packed into batches moved (not copied) to the workers; nothing keeps their texts, so
// memory stays at a few batches whatever the size of the history.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readBlobs } from '../git/index.js';
import type { TreeEntry } from '../scan/index.js';
import type { DigestReply, DigestRequest } from './tokenWorker.js';

export interface Wanted {
  blob: string;
  /** The file it is a version of: versions of one file are parsed one from the other, in the order given. */
  path: string;
  isPython: boolean;
}

/** The key of a digest: the same blob read as Python and as words digests differently. */
export const digestKey = (blob: string, isPython: boolean): string => `${blob}\0${isPython}`;

const BATCH_BYTES = 1024 * 1024;
const BATCH_ITEMS = 64;

/** Digests of `wanted` by `digestKey`, with one worker per core. */
export async function digestVersions(dir: string, wanted: readonly Wanted[], workers = availableParallelism()): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  // Each (blob, reading) once, grouped by file, in the order given within a file.
  const jobs: Wanted[] = [];
  const seen = new Set<string>();
  const byPath = new Map<string, Wanted[]>();
  for (const w of wanted) {
    const list = byPath.get(w.path);
    if (list) list.push(w);
    else byPath.set(w.path, [w]);
  }
  for (const w of [...byPath.values()].flat()) {
    const key = digestKey(w.blob, w.isPython);
    if (!seen.has(key)) {
      jobs.push(w);
      seen.add(key);
    }
  }
  if (jobs.length === 0) return digests;
  const pool = Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(jobs.length / BATCH_ITEMS))) }, () => new Worker(new URL('./tokenWorker.js', import.meta.url)));
  const idle = [...pool];
  const waiting: Array<() => void> = [];
  const running = new Set<Promise<void>>();
  let nextId = 1;
  let failure: Error | null = null;

  const send = async (chunks: Buffer[], keys: string[], items: DigestRequest['items']): Promise<void> => {
    while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
    const worker = idle.pop()!;
    const bytes = Buffer.concat(chunks);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const id = nextId++;
    const job = new Promise<void>((done) => {
      const onReply = (reply: DigestReply): void => {
        if (reply.id !== id) return;
        worker.off('message', onReply);
        worker.off('error', onError);
        if (reply.digests) reply.digests.forEach((d, i) => digests.set(keys[i]!, d));
        else failure ??= new Error(reply.error ?? 'token worker failed');
        done();
      };
      const onError = (e: Error): void => {
        failure ??= e;
        done();
      };
      worker.on('message', onReply);
      worker.once('error', onError);
      worker.postMessage({ id, bytes: buffer, items } satisfies DigestRequest, [buffer]);
    }).finally(() => {
      running.delete(job);
      idle.push(worker);
      waiting.shift()?.();
    });
    running.add(job);
  };

  try {
    const entries: TreeEntry[] = jobs.map((j) => ({ path: j.path, mode: '100644', blob: j.blob, size: 0 }));
    let chunks: Buffer[] = [];
    let keys: string[] = [];
    let items: DigestRequest['items'] = [];
    let size = 0;
    let previous: string | null = null;
    let at = 0;
    for await (const { entry, data } of readBlobs(dir, entries)) {
      if (failure) break;
      const job = jobs[at++]!;
      const key = digestKey(entry.blob, job.isPython);
      if (!data) {
        digests.set(key, '');
        previous = null;
        continue;
      }
      items.push([size, data.length, job.isPython, job.isPython && previous === job.path]);
      keys.push(key);
      previous = job.isPython ? job.path : null;
      chunks.push(Buffer.from(data));
      size += data.length;
      if (size >= BATCH_BYTES || items.length >= BATCH_ITEMS) {
        await send(chunks, keys, items);
        chunks = [];
        keys = [];
        items = [];
        size = 0;
        previous = null;
      }
    }
    if (items.length > 0) await send(chunks, keys, items);
    while (running.size > 0) await Promise.all([...running]);
    if (failure) throw failure;
    return digests;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
