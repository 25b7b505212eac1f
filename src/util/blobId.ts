// Git's id of a blob: what a file's bytes are known by in git's object store, computed without git.

import { createHash } from 'node:crypto';

/** The id git gives a blob of these bytes (a text as UTF-8): SHA-1, or SHA-256 for 64-digit ids (`idLength`). */
export function blobId(content: string | Buffer, idLength = 40): string {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${data.length}\0`)
    .update(data)
    .digest('hex');
}
