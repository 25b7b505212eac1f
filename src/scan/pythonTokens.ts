// The long tokens of Python source: names, string literals, and the first token of a line. A string
// is read by regular expressions, which find its quote in native code from their first use however
// long it runs; a name, mostly a few characters, by a loop over character codes (see nameEnd).

import { notableAt, type Triggers } from './triggers.js';

/** Something the lexer cannot vouch for: the file is then parsed whole. */
export class Odd extends Error {}

/** Whether `c` (a character code) may start a name: letters, `_`, anything beyond ASCII. */
export function isNameStart(c: number): boolean {
  return c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** The ASCII characters a name may hold after its first: letters, digits, `_` (1). */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Where the name starting at `at` ends. Any character beyond ASCII may be part of a name:
 * tree-sitter reads them so too (both halves of a surrogate pair are beyond ASCII). A loop rather
 * than a sticky regular expression: once compiled it reads a short name in a few nanoseconds, where
 * each call of a regular expression costs tens; names are the commonest token.
 */
export function nameEnd(text: string, at: number): number {
  const n = text.length;
  let j = at + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128 ? WORD[c] === 0 : false) return j;
    j++;
  }
  return j;
}

/** What the lexer remembers of a plain name: any name that is not a keyword stands for all of them. */
export const PLAIN_NAME = 'x';

/** The letters of string prefixes, lower case: `| 32` lower-cases a letter, and turns no other character into one of these. */
const R = 114;
const B = 98;
const U = 117;
const F = 102;

/**
 * Whether the name `text[from, to)` is a string prefix (`r`, `b`, `u`, `f`, `br`, `rb`, `fr`, `rf`,
 * `ur`, any case), read by character codes: no string is cut out of the text for it.
 */
export function isStringPrefix(text: string, from: number, to: number): boolean {
  const a = text.charCodeAt(from) | 32;
  if (to - from === 1) return a === R || a === B || a === U || a === F;
  if (to - from !== 2) return false;
  const b = text.charCodeAt(from + 1) | 32;
  if (b === R) return a === B || a === F || a === U;
  return a === R && (b === B || b === F);
}

/** What ends a stretch of plain characters in a string: its quote, an escape or a line break. */
const STOP: Record<number, RegExp> = { 34: /["\\\n\r]/g, 39: /['\\\n\r]/g, 96: /[`\\\n\r]/g };

/** Where a string literal ends, and how many line breaks it holds. */
export interface StringSpan {
  end: number;
  rows: number;
}

/**
 * Reads the string literal whose opening quote is at `at` (the line being `row`, 0-based) into `span`.
 * Python 2 backquotes (repr) are read as strings, as tree-sitter reads them. Throws Odd when the
 * string never ends, or a carriage return stands alone.
 */
export function readString(s: string, at: number, row: number, span: StringSpan): void {
  const n = s.length;
  const quote = s.charCodeAt(at);
  const triple = quote !== 96 && s.charCodeAt(at + 1) === quote && s.charCodeAt(at + 2) === quote;
  const stop = STOP[quote]!;
  let rows = 0;
  let j = at + (triple ? 3 : 1);
  for (;;) {
    // The next character that matters, found in native code.
    stop.lastIndex = j;
    j = stop.test(s) ? stop.lastIndex - 1 : n;
    if (j >= n) throw new Odd(`unterminated string at line ${row + rows + 1}`);
    const ch = s.charCodeAt(j);
    if (ch === 92) {
      // An escaped character, even in raw strings (r"\"" is one string); an escaped newline joins lines.
      const next = s.charCodeAt(j + 1);
      if (next === 13 && s.charCodeAt(j + 2) === 10) {
        j += 3;
        rows++;
      } else {
        j += 2;
        if (next === 10) rows++;
      }
      continue;
    }
    if (ch === 10 || ch === 13) {
      if (!triple) throw new Odd(`unterminated string at line ${row + rows + 1}`);
      if (ch === 13 && s.charCodeAt(j + 1) !== 10) throw new Odd('a carriage return without a line feed');
      j += ch === 13 ? 2 : 1;
      rows++;
      continue;
    }
    // The quote.
    if (!triple) {
      span.end = j + 1;
      span.rows = rows;
      return;
    }
    if (s.charCodeAt(j + 1) === quote && s.charCodeAt(j + 2) === quote) {
      span.end = j + 3;
      span.rows = rows;
      return;
    }
    j++;
  }
}

/** The first token of a logical line: a name (PLAIN_NAME for any name that is neither keyword nor trigger), or one character. */
export function headToken(text: string, at: number, triggers: Triggers): string {
  const c = text.charCodeAt(at);
  if (!isNameStart(c)) return c === 46 && text.startsWith('...', at) ? '...' : text.charAt(at);
  const j = nameEnd(text, at);
  const q = text.charCodeAt(j);
  if ((q === 34 || q === 39) && isStringPrefix(text, at, j)) return '"';
  // Always one of the lexer's own strings (never cut from the text): V8 compares them by address.
  // A plain name followed by a quote is two operands in a row, Odd whatever it stands for.
  return notableAt(text, at, j, triggers)?.name ?? PLAIN_NAME;
}
