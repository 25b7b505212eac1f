import { isUtf8 } from 'node:buffer';
import type { SkipReason } from '../report/index.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-16 text: a byte-order mark, or (without one) NULs in every other byte of mostly ASCII text. Python
 * cannot read such a file, so it is not scanned, but it is named for what it is, not called binary.
 */
function isUtf16(data: Buffer): boolean {
  if (hasUtf16Bom(data)) return true;
  const n = Math.min(data.length, 1024) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenNul++;
    if (data[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  return (oddNul >= half * 0.9 && evenNul === 0) || (evenNul >= half * 0.9 && oddNul === 0);
}

/** A UTF-16 byte-order mark, little- or big-endian. */
function hasUtf16Bom(data: Buffer): boolean {
  return data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}

/** Why the bytes are not text, before any decoding: UTF-16 is named; another NUL byte means binary. */
function notText(data: Buffer): SkipReason | null {
  // Nearly every file has no NUL, and UTF-16 without a byte-order mark has them: one search in native
  // code then settles it, where the byte-by-byte count below costs a cold scan of nova some milliseconds.
  if (!data.includes(0)) return hasUtf16Bom(data) ? 'utf-16' : null;
  if (isUtf16(data)) return 'utf-16';
  return 'binary';
}

/** Text of a blob, or why it is not text: UTF-16, binary (`notText`), or anything not UTF-8 (invalid). */
export function decodeText(data: Buffer): { text: string } | { reason: SkipReason } {
  const reason = notText(data);
  if (reason) return { reason };
  try {
    // A leading BOM is not part of the source (and would shift column 1 of line 1).
    return { text: utf8.decode(data).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'invalid-utf8' };
  }
}

/**
 * What decodeText would say of the bytes, without decoding them: why they are not text, or (text:
 * null) that they are. For a reader that hands the bytes on to be decoded elsewhere.
 */
export function textCheck(data: Buffer): { text: null } | { reason: SkipReason } {
  const reason = notText(data);
  if (reason) return { reason };
  return isUtf8(data) ? { text: null } : { reason: 'invalid-utf8' };
}
