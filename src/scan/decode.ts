import type { SkipReason } from '../report/types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a blob, or why it is not text: a NUL byte means binary; anything not UTF-8 is invalid. */
export function decodeText(data: Buffer): { text: string } | { reason: SkipReason } {
  if (data.includes(0)) return { reason: 'binary' };
  try {
    // A leading BOM is not part of the source (and would shift column 1 of line 1).
    return { text: utf8.decode(data).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'invalid-utf8' };
  }
}
