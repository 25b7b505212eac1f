// Deciding which Python files, and which statements in them, can hold a finding, so that the
// rest is never parsed. Two passes, both conservative (anything uncertain goes to the parser):
//
// 1. On the whole text: a file holding none of the trigger words, and no relative import, cannot
//    hold a finding (every finding of queries/*.scm names one of them in code).
// 2. A lexer that knows strings, comments, brackets and indentation splits the file into logical
//    lines and keeps those whose code names a trigger. Only they are handed to tree-sitter, as one
//    small source whose lines are copied verbatim (columns stay exact; rows are mapped back).
//
// A file the lexer finds anything odd in (unbalanced brackets, unterminated strings, a statement
// cut short, inconsistent indentation) is parsed whole: tree-sitter's error recovery there could
// reach across statements, and only a whole parse gives the same answer as a whole parse.

import type { Knowledge } from '../knowledge/index.js';

export interface Triggers {
  /** Names that make an import statement worth parsing (`oslo`, `openstack`, `oslo_utils`, `stevedore`). */
  importNames: ReadonlySet<string>;
  /** Names that make any statement worth parsing (`run_as_root`, `PrivContext`, `entrypoint`). */
  anyNames: ReadonlySet<string>;
  /** Byte strings at least one of which a file must contain to hold a trigger name. */
  literals: readonly Buffer[];
  /**
   * `nameHash` of every name the lexer tells apart (keywords and triggers). Any other name is just a
   * name: the lexer then neither cuts it out of the text nor looks it up, which is most of its work.
   */
  notable: ReadonlySet<number>;
  /** Matches where any of `literals` occurs. */
  pattern: RegExp;
}

/** A hash of a name, as the lexer computes it character by character while reading the name. */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

/** Names in queries/rootwrap.scm and queries/privsep.scm that are not imports. */
const STATEMENT_NAMES = ['run_as_root', 'root_helper', 'PrivContext', 'entrypoint', 'entrypoint_with_timeout'];

/** The trigger names follow from the knowledge base (adoption is judged by its library list). */
export function triggersOf(kb: Knowledge): Triggers {
  // Imports: incubator copies (`…openstack.common…`), the namespace (`oslo.x`, `from oslo import x`),
  // and current-form imports of any library of the family.
  const importNames = new Set(['oslo', 'openstack', 'oslo_rootwrap', 'oslo_privsep', ...kb.libraryImportNames().filter((n) => /^[A-Za-z_]\w*$/.test(n))]);
  const anyNames = new Set(STATEMENT_NAMES);
  const all = [...importNames, ...anyNames].sort((a, b) => a.length - b.length);
  // `oslo` covers `oslo_utils` and `oslotest`: a literal containing a shorter one adds nothing.
  const literals: string[] = [];
  for (const name of all) if (!literals.some((l) => name.includes(l))) literals.push(name);
  const notable = new Set([...KEYWORDS, ...CONTINUING, ...COMPOUND, ...importNames, ...anyNames].map(nameHash));
  const pattern = new RegExp(literals.map((l) => l.replace(/[^\w]/g, '\\$&')).join('|'));
  return { importNames, anyNames, literals: literals.map((l) => Buffer.from(l)), notable, pattern };
}

/**
 * `from` followed by a dot (`from . import x`, `from ..a import b`), across spaces and `\` joins: a
 * relative import, whose module resolves against the file's path and so may name anything.
 */
const RELATIVE_IMPORT = /from(?:[ \t\f]|\\\r?\n)*\./;

export interface ByteVerdict {
  /** The file may hold a finding: it names a trigger or has a relative import. */
  candidate: boolean;
  /**
   * Findings may depend on which incubator modules the repository has copied (the detectors consult
   * that set for `openstack.common` names, which only these files can produce).
   */
  usesCopies: boolean;
}

/**
 * The first pass, over a file's whole text. One regular expression of every literal is a single
 * scan in native code (V8 matches the alternatives together), several times faster than searching
 * for each literal in turn. The literals are ASCII: in UTF-8 their bytes never occur inside another
 * character, so searching the decoded text finds what searching the bytes would.
 */
export function textVerdict(text: string, triggers: Triggers): ByteVerdict {
  const relative = RELATIVE_IMPORT.test(text);
  const usesCopies = relative || text.includes('openstack');
  const candidate = usesCopies || triggers.pattern.test(text);
  return { candidate, usesCopies };
}

/** How to parse one Python file. */
export type Plan =
  /** Nothing in the code can hold a finding. */
  | { kind: 'none' }
  /** Parse the whole file. */
  | { kind: 'whole'; reason: string }
  /** Parse only `source`; its row r is the file's row `rows[r]` (0-based), columns unchanged. */
  | { kind: 'fragments'; source: string; rows: number[] };

interface LogicalLine {
  /** First and last physical rows (0-based). */
  first: number;
  last: number;
  indent: string;
  /** The first token (`@`, `def`, `elif`, `x`). */
  head: string;
  /** Ends with `:` outside brackets: a compound statement whose body is on the next lines. */
  opensBlock: boolean;
  triggered: boolean;
}

class Odd extends Error {}

const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'def', 'class', 'with', 'try', 'except', 'finally', 'async']);
/** Keywords after which a statement cannot end. */
const CONTINUING = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'while', 'for', 'def', 'class', 'with', 'import', 'from', 'as',
  'lambda', 'assert', 'del', 'global', 'nonlocal', 'except', 'async', 'await', 'try', 'finally',
]);
/** Python's keywords, Python 2's statement words and the soft keywords: names that may stand next to a name. */
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'print', 'exec', 'match', 'case', 'type',
]);
/** Tokens a statement cannot start with. */
const NOT_FIRST = new Set(['and', 'or', 'in', 'is', 'as', ')', ']', '}', ',', '.', '=', ':', ';', '/', '%', '|', '&', '^', '<', '>', '!']);
/** Operators a statement cannot end with (`,` can: `x = 1,`, `print x,`). */
const OPERATORS = new Set(['+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '=', '.', '!']);

/** What the lexer remembers of a plain name: any name that is not a keyword stands for all of them. */
const PLAIN_NAME = 'x';

const STRING_PREFIX = /^(?:[rRbBuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF]|[uU][rR])$/;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** What ends a stretch of plain characters in a triple-quoted string: its quote, an escape or a line break. */
const TRIPLE_DOUBLE_STOP = /["\\\n\r]/g;
const TRIPLE_SINGLE_STOP = /['\\\n\r]/g;

const NAME_IN_TEXT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

/** Splits Python source into logical lines and marks those whose code names a trigger; throws Odd on anything unusual. */
function logicalLines(text: string, triggers: Triggers): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const n = text.length;
  let i = 0;
  let row = 0;
  const brackets: number[] = [];
  const indents: string[] = [''];
  let current: LogicalLine | null = null;
  let hasImport = false;
  let importTrigger = false;
  let fString = false; // an f-string's braces hold code: the whole line is then searched for names
  let last = ''; // the last token outside brackets
  let beforeLast = '';
  let previous = ''; // the token before the current one
  let colonOutside = false;
  let simple = true; // before any `;` of the line
  // The previous token when it was an operand (a name, number, string or closed group): two in a row
  // (`from a.b imporx`, a comment's words after a stray line break) is a syntax error.
  let operand: '' | 'name' | 'number' | 'string' | 'group' = '';
  const adjoin = (kind: typeof operand): void => {
    if (operand !== '' && !(operand === 'string' && kind === 'string')) throw new Odd(`two operands in a row at line ${row + 1}`);
    operand = kind;
  };

  const end = (): void => {
    if (!current) return;
    if ((OPERATORS.has(last) && !(last === '*' && beforeLast === 'import')) || CONTINUING.has(last)) throw new Odd(`statement cut short at line ${row + 1}`);
    if (COMPOUND.has(current.head) && !colonOutside) throw new Odd(`compound statement without ':' at line ${current.first + 1}`);
    if (current.head === 'from' && !hasImport) throw new Odd(`from without import at line ${current.first + 1}`);
    current.last = row;
    current.opensBlock = last === ':';
    if (hasImport && importTrigger) current.triggered = true;
    if (fString && !current.triggered) {
      const raw = text.slice(lineStart(current.first), i);
      for (const m of raw.matchAll(NAME_IN_TEXT)) {
        if (triggers.anyNames.has(m[0]) || (hasImport && triggers.importNames.has(m[0]))) current.triggered = true;
      }
    }
    lines.push(current);
    current = null;
  };
  const rowStarts: number[] = [0];
  const lineStart = (r: number): number => rowStarts[r]!;
  const newline = (at: number): void => {
    row++;
    rowStarts[row] = at;
  };

  const startLine = (indent: string, head: string): void => {
    const prev = lines[lines.length - 1];
    const top = indents[indents.length - 1]!;
    if (prev?.opensBlock) {
      if (!(indent.length > top.length && indent.startsWith(top))) throw new Odd(`expected an indented block at line ${row + 1}`);
      indents.push(indent);
    } else if (indent !== top) {
      const at = indents.lastIndexOf(indent);
      if (at < 0) throw new Odd(`inconsistent indentation at line ${row + 1}`);
      indents.length = at + 1;
    }
    if (prev?.head === '@' && !(prev.indent === indent && (head === '@' || head === 'def' || head === 'class' || head === 'async'))) {
      throw new Odd(`decorator without a definition at line ${prev.first + 1}`);
    }
    if (NOT_FIRST.has(head)) throw new Odd(`statement starts with ${head} at line ${row + 1}`);
    current = { first: row, last: row, indent, head, opensBlock: false, triggered: false };
    hasImport = false;
    importTrigger = false;
    fString = false;
    last = '';
    beforeLast = '';
    previous = '';
    colonOutside = false;
    simple = true;
    operand = '';
  };

  const hasCR = text.includes('\r');
  /** Where the line holding `at` ends: its line feed, or the end of the text. */
  const lineEnd = (at: number): number => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? n : nl;
  };

  let atLineStart = true;
  while (i < n) {
    if (atLineStart && brackets.length === 0 && current === null) {
      // Indentation, then a blank or comment-only line (skipped) or the first token of a logical line.
      const from = i;
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 12)) i++;
      const c = text.charCodeAt(i);
      if (i >= n) break;
      if (c === 35) {
        i = lineEnd(i);
        continue;
      }
      if (c === 10) {
        i++;
        newline(i);
        continue;
      }
      if (c === 13) {
        if (text.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
        i += 2;
        newline(i);
        continue;
      }
      atLineStart = false;
      const indent = text.slice(from, i);
      startLine(indent, headToken(text, i));
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 35) {
      // indexOf finds the line feed in native code; a file with carriage returns is walked, as a comment also ends at one.
      if (hasCR) while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      else i = lineEnd(i);
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
      i += c === 13 ? 2 : 1;
      if (brackets.length === 0) end();
      newline(i);
      if (brackets.length === 0) atLineStart = true;
      continue;
    }
    if (c === 92) {
      // `\` joins the next line; anywhere else it is an error.
      if (text.charCodeAt(i + 1) === 10) i += 2;
      else if (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3;
      else throw new Odd(`stray backslash at line ${row + 1}`);
      newline(i);
      continue;
    }
    if (isNameStart(c)) {
      const from = i;
      let hash = 0;
      for (let k = c; i < n && isNameChar((k = text.charCodeAt(i))); i++) hash = (Math.imul(hash, 31) + k) | 0;
      const q = text.charCodeAt(i);
      if (!triggers.notable.has(hash) && q !== 34 && q !== 39) {
        // A plain name (neither keyword nor trigger, nor a string's prefix): only its being an operand matters.
        token(PLAIN_NAME);
        adjoin('name');
        continue;
      }
      const name = text.slice(from, i);
      if ((q === 34 || q === 39) && STRING_PREFIX.test(name)) {
        if (/[fF]/.test(name)) fString = true;
        i = skipString(text, i);
        token('"');
        adjoin('string');
        continue;
      }
      if (name === 'import') hasImport = true;
      if (triggers.importNames.has(name)) importTrigger = true;
      if (triggers.anyNames.has(name)) current!.triggered = true;
      token(name);
      if (KEYWORDS.has(name)) operand = '';
      else adjoin('name');
      continue;
    }
    if (c >= 48 && c <= 57) {
      while (i < n && (isNameChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      token('0');
      adjoin('number');
      continue;
    }
    if (c === 34 || c === 39 || c === 96) {
      // Python 2 backquotes (repr) are read as strings by tree-sitter too.
      i = skipString(text, i);
      token('"');
      adjoin('string');
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      brackets.push(c === 40 ? 41 : c + 2);
      i++;
      token(String.fromCharCode(c));
      operand = '';
      continue;
    }
    if (c === 41 || c === 93 || c === 125) {
      if (brackets.pop() !== c) throw new Odd(`unbalanced ${String.fromCharCode(c)} at line ${row + 1}`);
      i++;
      token(String.fromCharCode(c));
      operand = 'group';
      continue;
    }
    if (c === 46) {
      // A relative import: its module resolves against the file's path, which may be anything.
      if (previous === 'from') importTrigger = true;
      if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
        i += 3;
        token('...');
        adjoin('name');
        continue;
      }
    }
    if (c === 36 || c === 63) throw new Odd(`unexpected ${String.fromCharCode(c)} at line ${row + 1}`);
    if (c === 59) simple = false;
    // An import names modules: dots, commas, parentheses and `*` are all the punctuation it has.
    if (simple && (current!.head === 'from' || current!.head === 'import') && c !== 46 && c !== 44 && c !== 42) {
      throw new Odd(`unexpected ${String.fromCharCode(c)} in an import at line ${row + 1}`);
    }
    if (c === 58 && brackets.length === 0) colonOutside = true;
    i++;
    token(String.fromCharCode(c));
    operand = '';
  }
  if (brackets.length > 0) throw new Odd('unclosed bracket at end of file');
  end();
  if (lines[lines.length - 1]?.opensBlock) throw new Odd('block without a body at end of file');
  if (lines[lines.length - 1]?.head === '@') throw new Odd('decorator at end of file');
  return lines;

  function token(t: string): void {
    previous = t;
    // Inside brackets only the group counts: it ends with its closing bracket.
    if (brackets.length > 0 && !(brackets.length === 1 && (t === '(' || t === '[' || t === '{'))) return;
    beforeLast = last;
    last = t;
  }

  function skipString(s: string, at: number): number {
    const quote = s.charCodeAt(at);
    const triple = quote !== 96 && s.charCodeAt(at + 1) === quote && s.charCodeAt(at + 2) === quote;
    let j = at + (triple ? 3 : 1);
    // A triple-quoted string is long (docstrings): the next character that matters is found by a regular expression in native code.
    const stop = triple ? (quote === 34 ? TRIPLE_DOUBLE_STOP : TRIPLE_SINGLE_STOP) : null;
    for (;;) {
      if (stop) {
        stop.lastIndex = j;
        j = stop.test(s) ? stop.lastIndex - 1 : n;
      }
      if (j >= n) throw new Odd(`unterminated string at line ${row + 1}`);
      const ch = s.charCodeAt(j);
      if (ch === 92) {
        // An escaped character, even in raw strings (r"\"" is one string); an escaped newline joins lines.
        const next = s.charCodeAt(j + 1);
        if (next === 13 && s.charCodeAt(j + 2) === 10) {
          j += 3;
          newline(j);
        } else {
          j += 2;
          if (next === 10) newline(j);
        }
        continue;
      }
      if (ch === 10 || ch === 13) {
        if (!triple) throw new Odd(`unterminated string at line ${row + 1}`);
        if (ch === 13 && s.charCodeAt(j + 1) !== 10) throw new Odd('a carriage return without a line feed');
        j += ch === 13 ? 2 : 1;
        newline(j);
        continue;
      }
      if (ch === quote) {
        if (!triple) return j + 1;
        if (s.charCodeAt(j + 1) === quote && s.charCodeAt(j + 2) === quote) return j + 3;
      }
      j++;
    }
  }
}

/** The first token of a logical line: a name, or one character. */
function headToken(text: string, at: number): string {
  if (text.startsWith('...', at)) return '...';
  if (!isNameStart(text.charCodeAt(at))) return text.charAt(at);
  let j = at;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  const name = text.slice(at, j);
  const q = text.charCodeAt(j);
  return (q === 34 || q === 39) && STRING_PREFIX.test(name) ? '"' : name;
}

/** Clauses that continue a statement: parsed after a stand-in for what they continue. */
const CONTINUES: Record<string, string> = { elif: 'if 0: pass', else: 'if 0: pass', except: 'try: pass', finally: 'try: pass' };

/**
 * What to parse of one Python file whose bytes hold a trigger: nothing, only the statements
 * that name a trigger in code, or (when anything is unusual) the whole file.
 */
export function planPython(text: string, triggers: Triggers): Plan {
  let lines: LogicalLine[];
  try {
    lines = logicalLines(text, triggers);
  } catch (e) {
    if (e instanceof Odd) return { kind: 'whole', reason: e.message };
    throw e;
  }
  // Only the rows of triggered statements are cut out of the text.
  const row = (r: number): string => {
    const start = r === 0 ? 0 : nthLineStart(text, r, cursor);
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    cursor = { row: r, at: start };
    return text.slice(start, end).replace(/\r$/, '');
  };
  let cursor = { row: 0, at: 0 };
  const out: string[] = [];
  const rows: number[] = [];
  const emit = (line: string, row: number): void => {
    out.push(line);
    rows.push(row);
  };
  for (let k = 0; k < lines.length; k++) {
    const head = lines[k]!;
    if (!head.triggered) continue;
    let tail = head;
    if (head.head === '@') {
      // Decorators need their definition: take the lines up to the `def` or `class`.
      while (tail.head === '@') tail = lines[++k]!;
    }
    if ((head.head === 'match' || head.head === 'case') && tail.opensBlock) return { kind: 'whole', reason: `match statement at line ${head.first + 1}` };
    if (head.indent !== '') emit('if 1:', head.first);
    const stand = CONTINUES[head.head];
    if (stand) emit(head.indent + stand, head.first);
    for (let r = head.first; r <= tail.last; r++) emit(row(r), r);
    if (tail.opensBlock) emit(`${tail.indent} pass`, tail.last);
  }
  if (out.length === 0) return { kind: 'none' };
  return { kind: 'fragments', source: out.join('\n') + '\n', rows };
}

/** Where row `r` starts, counting newlines on from a known earlier row. */
function nthLineStart(text: string, r: number, from: { row: number; at: number }): number {
  let at = from.row <= r ? from.at : 0;
  for (let k = from.row <= r ? from.row : 0; k < r; k++) at = text.indexOf('\n', at) + 1;
  return at;
}
