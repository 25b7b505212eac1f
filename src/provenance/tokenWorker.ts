// A worker that digests the token streams of incubator versions: receives blobs packed in one buffer,
// answers with one digest per item ('' for a blob that is not UTF-8 text). tree-sitter loads once here.

import { parentPort } from 'node:worker_threads';
import { tokenDigest } from './tokens.js';

export interface DigestRequest {
  id: number;
  bytes: ArrayBuffer;
  /** Per item: offset and length in `bytes`, and whether it is read as Python. */
  items: Array<[offset: number, length: number, isPython: boolean]>;
}

export interface DigestReply {
  id: number;
  digests?: string[];
  error?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The digest of one blob, as the index keeps it. */
export function digestBlob(data: Uint8Array, isPython: boolean): string {
  if (data.includes(0)) return '';
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    return ''; // not UTF-8: compared by content hash only
  }
  return tokenDigest(text, isPython);
}

parentPort?.on('message', (request: DigestRequest) => {
  let reply: DigestReply;
  try {
    const bytes = new Uint8Array(request.bytes);
    reply = { id: request.id, digests: request.items.map(([offset, length, py]) => digestBlob(bytes.subarray(offset, offset + length), py)) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
