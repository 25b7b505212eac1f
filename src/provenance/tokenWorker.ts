// A worker that digests the token streams of incubator versions: receives blobs packed in one buffer,
// answers with one digest per item ('' for a blob that is not UTF-8 text). tree-sitter loads once here.

import { parentPort } from 'node:worker_threads';
import { tokenDigest, VersionParser } from './tokens.js';

export interface DigestRequest {
  id: number;
  bytes: ArrayBuffer;
  /** Per item: offset and length in `bytes`, whether it is read as Python, whether it is the next version of the item before. */
  items: Array<[offset: number, length: number, isPython: boolean, nextVersion: boolean]>;
}

export interface DigestReply {
  id: number;
  digests?: string[];
  error?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The digest of one blob, as the index keeps it; Python versions of one file are parsed by `parser` in turn. */
export function digestBlob(data: Uint8Array, isPython: boolean, parser?: VersionParser): string {
  let text: string | null = null;
  if (!data.includes(0)) {
    try {
      text = decoder.decode(data);
    } catch {
      /* not UTF-8: compared by content hash only */
    }
  }
  if (text === null) {
    parser?.reset();
    return '';
  }
  return tokenDigest(text, isPython, isPython && parser ? parser.parse(text) : undefined);
}

parentPort?.on('message', (request: DigestRequest) => {
  let reply: DigestReply;
  try {
    const bytes = new Uint8Array(request.bytes);
    const parser = new VersionParser();
    reply = {
      id: request.id,
      digests: request.items.map(([offset, length, py, next]) => {
        if (!next) parser.reset();
        return digestBlob(bytes.subarray(offset, offset + length), py, parser);
      }),
    };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
