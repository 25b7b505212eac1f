// What the statement lexer vouches for at the edges of a logical line: where it may start (its
// indentation against the open blocks, what may follow a decorator, its first token) and how it may
// end (not on an operator, a compound statement with its `:`, `from` with its `import`). Anything
// else is Odd: the file is then parsed whole.

import type { LineTokens } from './lineTokens.js';
import { Odd, PLAIN_NAME } from './pythonTokens.js';
import { COMPOUND, CONTINUING_TOKEN, IMPORT_TOKEN, OTHER_NOTABLE_TOKEN } from './triggers.js';

export interface LogicalLine {
  /** First and last physical rows (0-based). */
  first: number;
  last: number;
  /** Where its first row starts in the text. */
  start: number;
  indent: string;
  /** The first token (`@`, `def`, `elif`, `x`). */
  head: string;
  /** Ends with `:` outside brackets: a compound statement whose body is on the next lines. */
  opensBlock: boolean;
  triggered: boolean;
}

export function blankLine(): LogicalLine {
  return { first: 0, last: 0, start: 0, indent: '', head: '', opensBlock: false, triggered: false };
}

/** Tokens a statement cannot start with. */
const NOT_FIRST = new Set(['and', 'or', 'in', 'is', 'as', ')', ']', '}', ',', '.', '=', ':', ';', '/', '%', '|', '&', '^', '<', '>', '!']);
/** Operators a statement cannot end with (`,` can: `x = 1,`, `print x,`), by character code. */
const OPERATOR = new Uint8Array(128);
for (const c of '+-*/%@&|^~<>=.!') OPERATOR[c.charCodeAt(0)] = 1;

/** The indentation of the open blocks, innermost last. */
export class Blocks {
  private indents: string[] = [''];
  /** A copy of `indents` as they are, kept until they change (lexReplay.ts records it per statement). */
  private frozen: readonly string[] | null = null;

  /** The open blocks' indentation as it is now, never changed later. */
  snapshot(): readonly string[] {
    return (this.frozen ??= [...this.indents]);
  }

  /** Makes the open blocks those of a snapshot. */
  restore(snapshot: readonly string[]): void {
    this.indents = [...snapshot];
    this.frozen = snapshot;
  }

  /** The innermost block's indentation. */
  get top(): string {
    return this.indents[this.indents.length - 1]!;
  }

  /**
   * Checks a statement starting at row `row` with `indent` and first token `head`, after `prev`:
   * it opens a block after a `:`, returns to an open block's indentation otherwise, and follows a
   * decorator only as a decorator or definition at the same indentation.
   */
  enter(indent: string, head: string, prev: LogicalLine | null, row: number): void {
    const indents = this.indents;
    const top = indents[indents.length - 1]!;
    if (prev?.opensBlock) {
      if (!(indent.length > top.length && indent.startsWith(top))) throw new Odd(`expected an indented block at line ${row + 1}`);
      indents.push(indent);
      this.frozen = null;
    } else if (indent !== top) {
      const at = indents.lastIndexOf(indent);
      if (at < 0) throw new Odd(`inconsistent indentation at line ${row + 1}`);
      indents.length = at + 1;
      this.frozen = null;
    }
    if (prev?.head === '@' && !(prev.indent === indent && (head === '@' || head === 'def' || head === 'class' || head === 'async'))) {
      throw new Odd(`decorator without a definition at line ${prev.first + 1}`);
    }
    // Most lines start with a plain name: no set needs asking.
    if (head !== PLAIN_NAME && NOT_FIRST.has(head)) throw new Odd(`statement starts with ${head} at line ${row + 1}`);
  }
}

/**
 * Checks how the logical line `line` ends at row `row`, by what its tokens said: its last two tokens
 * outside brackets (the lexer's integers, see NAME_TOKEN), whether it has a `:` outside brackets, an
 * `import`.
 */
export function checkEnd(line: LogicalLine, tokens: LineTokens, row: number): void {
  const last = tokens.last;
  const operator = last < 128 && OPERATOR[last] === 1 && !(last === 42 && tokens.beforeLast === IMPORT_TOKEN);
  if (operator || (last >= CONTINUING_TOKEN && last < OTHER_NOTABLE_TOKEN)) throw new Odd(`statement cut short at line ${row + 1}`);
  if (!tokens.colon && COMPOUND.has(line.head)) throw new Odd(`compound statement without ':' at line ${line.first + 1}`);
  if (line.head === 'from' && !tokens.hasImport) throw new Odd(`from without import at line ${line.first + 1}`);
}
