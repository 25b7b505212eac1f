// The tokens of one logical line, read for the statement lexer (logicalLines.ts), which reads the
// line's indentation and first token and checks how the line ends.
//
// A cold scan's cost here is V8 warming up more than the work: the loop runs in the interpreter,
// several times slower, until the optimizing compiler has compiled it, and every kind of token the
// compiled code has not seen sends it back (warmUp.ts). So the loop is a function of its own, called
// once a line: small, it is compiled sooner and faster than the whole lexer, and a call that returns
// picks up the compiled code at its next line instead of waiting for a compile on the stack (OSR).
// Its state is in local variables of one type each (tokens are small integers, see NAME_TOKEN) that
// no closure captures: V8 then keeps them in registers, not in a context object.

import { isStringPrefix, nameEnd, Odd, readString, type StringSpan } from './pythonTokens.js';
import { ELLIPSIS_TOKEN, FROM_TOKEN, IMPORT_TOKEN, NAME_TOKEN, notableAt, type Triggers } from './triggers.js';

/** What the tokens of a logical line said: one record per file, filled by readLine for each line. */
export interface LineTokens {
  /** Where reading stopped: after the line break that ends the line, or at the end of the text. */
  end: number;
  /** The row the line ends on. */
  row: number;
  /** Whether a line break outside brackets ended it (else the text ended). */
  ended: boolean;
  /** The last two tokens outside brackets. */
  last: number;
  beforeLast: number;
  /** A `:` outside brackets. */
  colon: boolean;
  /** An `import`, and a name that makes an import worth parsing (or a relative import). */
  hasImport: boolean;
  importTrigger: boolean;
  /** An f-string: its braces hold code, so the whole line is searched for names. */
  fString: boolean;
  /** A name that makes any statement worth parsing. */
  triggered: boolean;
  /** The brackets open at `end` (their closing characters), and a scratch record for strings. */
  brackets: number[];
  span: StringSpan;
}

export function lineTokens(): LineTokens {
  const span = { end: 0, rows: 0 };
  return { end: 0, row: 0, ended: false, last: 0, beforeLast: 0, colon: false, hasImport: false, importTrigger: false, fString: false, triggered: false, brackets: [], span };
}

// What the token before the current one was when it was an operand: two operands in a row
// (`from a.b imporx`, a comment's words after a stray line break) are a syntax error, except strings.
const NO_OPERAND = 0;
const NAME = 1;
const NUMBER = 2;
const STRING = 3;
const GROUP = 4;

/**
 * Reads the tokens of the logical line whose first token is at `at`, on row `row`, into `out`.
 * `inImport`: the line is an import statement; `hasCR`: the text holds a carriage return. Throws Odd
 * on anything a whole parse could read across statements.
 */
export function readLine(text: string, at: number, row: number, inImport: boolean, hasCR: boolean, triggers: Triggers, out: LineTokens): void {
  const n = text.length;
  const brackets = out.brackets;
  const span = out.span;
  let i = at;
  let depth = 0; // brackets.length
  let last = 0;
  let beforeLast = 0;
  let previous = 0; // the token before the current one
  let operand = NO_OPERAND;
  let colonOutside = false;
  let simple = true; // before any `;` of the line
  let hasImport = false;
  let importTrigger = false;
  let fString = false;
  let triggered = false;
  let ended = false;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      const start = i;
      i = nameEnd(text, i);
      const q = text.charCodeAt(i);
      if (!((q === 34 || q === 39) && isStringPrefix(text, start, i))) {
        const known = notableAt(text, start, i, triggers);
        // A plain name (neither keyword nor trigger): only its being an operand matters.
        let token = NAME_TOKEN;
        let keyword = false;
        if (known !== null) {
          token = known.token;
          keyword = known.keyword;
          if (token === IMPORT_TOKEN) hasImport = true;
          if (known.importName) importTrigger = true;
          if (known.anyName) triggered = true;
        }
        previous = token;
        if (depth === 0) {
          beforeLast = last;
          last = token;
        }
        if (keyword) operand = NO_OPERAND;
        else if (operand !== NO_OPERAND) throw twoOperands(row);
        else operand = NAME;
        continue;
      }
      // A string's prefix (`b`, `rb`, `f`): the string follows.
      const f = text.charCodeAt(start);
      const g = text.charCodeAt(i - 1);
      if (f === 102 || f === 70 || g === 102 || g === 70) fString = true;
      c = q;
    }
    if (c === 34 || c === 39 || c === 96) {
      readString(text, i, row, span);
      i = span.end;
      row += span.rows;
      previous = 34;
      if (depth === 0) {
        beforeLast = last;
        last = 34;
      }
      if (operand !== NO_OPERAND && operand !== STRING) throw twoOperands(row);
      operand = STRING;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
      i += c === 13 ? 2 : 1;
      if (depth === 0) {
        ended = true;
        break;
      }
      row++;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      brackets.push(c === 40 ? 41 : c + 2);
      depth++;
      i++;
      previous = c;
      // Inside brackets only the group counts: it ends with its closing bracket.
      if (depth === 1) {
        beforeLast = last;
        last = c;
      }
      operand = NO_OPERAND;
      continue;
    }
    if (c === 41 || c === 93 || c === 125) {
      if (brackets.pop() !== c) throw new Odd(`unbalanced ${String.fromCharCode(c)} at line ${row + 1}`);
      depth--;
      i++;
      previous = c;
      if (depth === 0) {
        beforeLast = last;
        last = c;
      }
      operand = GROUP;
      continue;
    }
    if (c >= 48 && c <= 57) {
      // A number: its digits, letters (`0x1f`, `1e5`, `10L`) and dots.
      do i = nameEnd(text, i);
      while (text.charCodeAt(i) === 46);
      previous = 48;
      if (depth === 0) {
        beforeLast = last;
        last = 48;
      }
      if (operand !== NO_OPERAND) throw twoOperands(row);
      operand = NUMBER;
      continue;
    }
    if (c === 35) {
      // indexOf finds the line feed in native code; a file with carriage returns is walked, as a comment also ends at one.
      if (hasCR) while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      else {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl;
      }
      continue;
    }
    if (c === 92) {
      // `\` joins the next line; anywhere else it is an error.
      if (text.charCodeAt(i + 1) === 10) i += 2;
      else if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3;
      else throw new Odd(`stray backslash at line ${row + 1}`);
      row++;
      continue;
    }
    if (c === 46) {
      // A relative import: its module resolves against the file's path, which may be anything.
      if (previous === FROM_TOKEN) importTrigger = true;
      if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
        i += 3;
        previous = ELLIPSIS_TOKEN;
        if (depth === 0) {
          beforeLast = last;
          last = ELLIPSIS_TOKEN;
        }
        if (operand !== NO_OPERAND) throw twoOperands(row);
        operand = NAME;
        continue;
      }
    }
    if (c === 36 || c === 63) throw new Odd(`unexpected ${String.fromCharCode(c)} at line ${row + 1}`);
    if (c === 59) simple = false;
    // An import names modules: dots, commas, parentheses and `*` are all the punctuation it has.
    if (simple && inImport && c !== 46 && c !== 44 && c !== 42) throw new Odd(`unexpected ${String.fromCharCode(c)} in an import at line ${row + 1}`);
    if (c === 58 && depth === 0) colonOutside = true;
    i++;
    previous = c;
    if (depth === 0) {
      beforeLast = last;
      last = c;
    }
    operand = NO_OPERAND;
  }
  out.end = i;
  out.row = row;
  out.ended = ended;
  out.last = last;
  out.beforeLast = beforeLast;
  out.colon = colonOutside;
  out.hasImport = hasImport;
  out.importTrigger = importTrigger;
  out.fString = fString;
  out.triggered = triggered;
}

function twoOperands(row: number): Odd {
  return new Odd(`two operands in a row at line ${row + 1}`);
}
