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

import { defaultRules, type Knowledge } from '../knowledge/index.js';

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
  notable: ReadonlyMap<number, readonly NotableName[]>;
  /**
   * The low 16 bits of every hash in `notable`, as a table: a name whose entry is 0 is plain, known
   * with one load. Only the few others (keywords, triggers, a rare collision) are looked up in `notable`,
   * which gives the name's own string and what it is without cutting it out of the text.
   */
  notableLow: Uint8Array;
  /** Matches where any of `literals` occurs. */
  pattern: RegExp;
}

/** A name the lexer tells apart from plain names, and what it is. */
export interface NotableName {
  name: string;
  /** A keyword (or soft keyword): it may stand next to a name. */
  keyword: boolean;
  /** Makes an import statement worth parsing. */
  importName: boolean;
  /** Makes any statement worth parsing. */
  anyName: boolean;
}

/** The notable name at `text[from, to)` whose hash is `hash`, or null for a plain name. */
function notableAt(text: string, from: number, to: number, hash: number, triggers: Triggers): NotableName | null {
  if (triggers.notableLow[hash & 0xffff] === 0) return null;
  for (const entry of triggers.notable.get(hash) ?? []) {
    if (entry.name.length === to - from && text.startsWith(entry.name, from)) return entry;
  }
  return null;
}

/** A hash of a name, as the lexer computes it character by character while reading the name. */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h;
}

/**
 * The trigger names follow from the knowledge base (adoption is judged by its library list) and from
 * the `;; words:` of the selected rules (`statementNames`; by default the words of queries/rootwrap.scm
 * and queries/privsep.scm: the names those queries need that are not imports).
 */
export function triggersOf(kb: Knowledge, statementNames: readonly string[] = defaultRules().words): Triggers {
  // Imports: incubator copies (`…openstack.common…`), the namespace (`oslo.x`, `from oslo import x`),
  // and current-form imports of any library of the family.
  const importNames = new Set(['oslo', 'openstack', 'oslo_rootwrap', 'oslo_privsep', ...kb.libraryImportNames().filter((n) => /^[A-Za-z_]\w*$/.test(n))]);
  const anyNames = new Set(statementNames);
  const all = [...importNames, ...anyNames].sort((a, b) => a.length - b.length);
  // `oslo` covers `oslo_utils` and `oslotest`: a literal containing a shorter one adds nothing.
  const literals: string[] = [];
  for (const name of all) if (!literals.some((l) => name.includes(l))) literals.push(name);
  const notable = new Map<number, NotableName[]>();
  for (const name of new Set([...KEYWORDS, ...CONTINUING, ...COMPOUND, ...importNames, ...anyNames])) {
    const entry = { name, keyword: KEYWORDS.has(name), importName: importNames.has(name), anyName: anyNames.has(name) };
    const h = nameHash(name);
    notable.set(h, [...(notable.get(h) ?? []), entry]);
  }
  const notableLow = new Uint8Array(0x10000);
  for (const h of notable.keys()) notableLow[h & 0xffff] = 1;
  const pattern = new RegExp(literals.map((l) => l.replace(/[^\w]/g, '\\$&')).join('|'));
  return { importNames, anyNames, literals: literals.map((l) => Buffer.from(l)), notable, notableLow, pattern };
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

/** For each ASCII code: 1 when it may start a name (letters, `_`), 2 when it may only continue one (digits). */
const NAME_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 ? 1 : c >= 48 && c <= 57 ? 2 : 0;

// Any character beyond ASCII may be part of a name: tree-sitter reads them so too.
function isNameStart(c: number): boolean {
  return c >= 128 || NAME_CLASS[c] === 1;
}
function isNameChar(c: number): boolean {
  return c >= 128 || NAME_CLASS[c] !== 0;
}

/** What ends a stretch of plain characters in a triple-quoted string: its quote, an escape or a line break. */
const TRIPLE_DOUBLE_STOP = /["\\\n\r]/g;
const TRIPLE_SINGLE_STOP = /['\\\n\r]/g;

const NAME_IN_TEXT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;

function blankLine(): LogicalLine {
  return { first: 0, last: 0, indent: '', head: '', opensBlock: false, triggered: false };
}

/**
 * Splits Python source into logical lines and returns those planPython needs: the ones whose code
 * names a trigger, and after a kept decorator the rest of its chain up to the definition. Throws Odd
 * on anything unusual. Lines are read into two scratch records in turn (the current one and the one
 * before): most lines are never kept, and a record per line would be most of the lexer's garbage.
 */
function logicalLines(text: string, triggers: Triggers): LogicalLine[] {
  const lines: LogicalLine[] = [];
  const scratch = [blankLine(), blankLine()];
  let turn = 0;
  /** The line before the current one, and whether it was kept. */
  let prev: LogicalLine | null = null;
  let prevKept = false;
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

  /** Ends the logical line at `at`. */
  const end = (at: number): void => {
    if (!current) return;
    if ((OPERATORS.has(last) && !(last === '*' && beforeLast === 'import')) || CONTINUING.has(last)) throw new Odd(`statement cut short at line ${row + 1}`);
    if (COMPOUND.has(current.head) && !colonOutside) throw new Odd(`compound statement without ':' at line ${current.first + 1}`);
    if (current.head === 'from' && !hasImport) throw new Odd(`from without import at line ${current.first + 1}`);
    current.last = row;
    current.opensBlock = last === ':';
    if (hasImport && importTrigger) current.triggered = true;
    if (fString && !current.triggered) {
      const raw = text.slice(lineFrom, at);
      for (const m of raw.matchAll(NAME_IN_TEXT)) {
        if (triggers.anyNames.has(m[0]) || (hasImport && triggers.importNames.has(m[0]))) current.triggered = true;
      }
    }
    const keep = current.triggered || (prevKept && prev!.head === '@');
    if (keep) lines.push({ ...current });
    prev = current;
    prevKept = keep;
    current = null;
  };
  /** Where the current logical line's first row starts. */
  let lineFrom = 0;

  const startLine = (from: number, indent: string, head: string): void => {
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
    const line = scratch[(turn ^= 1)]!;
    line.first = row;
    line.last = row;
    line.indent = indent;
    line.head = head;
    line.opensBlock = false;
    line.triggered = false;
    current = line;
    lineFrom = from;
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

  // The loop reads the text through names no closure captures: V8 then keeps them, and `i`, in
  // registers instead of the closures' shared context, which is most of the difference in speed.
  const code = text;
  const len = n;
  let atLineStart = true;
  while (i < len) {
    if (atLineStart && brackets.length === 0 && current === null) {
      // Indentation, then a blank or comment-only line (skipped) or the first token of a logical line.
      const from = i;
      let c = code.charCodeAt(i);
      while (c === 32 || c === 9 || c === 12) c = code.charCodeAt(++i);
      if (i >= len) break;
      if (c === 35) {
        i = lineEnd(i);
        continue;
      }
      if (c === 10) {
        i++;
        row++;
        continue;
      }
      if (c === 13) {
        if (code.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
        i += 2;
        row++;
        continue;
      }
      atLineStart = false;
      // Most lines are indented like the block they are in: its indentation is reused, not cut again.
      const top = indents[indents.length - 1]!;
      const indent = i - from === top.length && code.startsWith(top, from) ? top : code.slice(from, i);
      startLine(from, indent, headToken(code, i, triggers));
      continue;
    }
    const c = code.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 35) {
      // indexOf finds the line feed in native code; a file with carriage returns is walked, as a comment also ends at one.
      if (hasCR) while (i < len && code.charCodeAt(i) !== 10 && code.charCodeAt(i) !== 13) i++;
      else i = lineEnd(i);
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && code.charCodeAt(i + 1) !== 10) throw new Odd('a carriage return without a line feed');
      i += c === 13 ? 2 : 1;
      if (brackets.length === 0) end(i);
      row++;
      if (brackets.length === 0) atLineStart = true;
      continue;
    }
    if (c === 92) {
      // `\` joins the next line; anywhere else it is an error.
      if (code.charCodeAt(i + 1) === 10) i += 2;
      else if (code.charCodeAt(i + 1) === 13 && code.charCodeAt(i + 2) === 10) i += 3;
      else throw new Odd(`stray backslash at line ${row + 1}`);
      row++;
      continue;
    }
    if (isNameStart(c)) {
      const from = i;
      // The hash of nameHash, computed while reading the name.
      let hash = c;
      let k: number;
      for (i++; i < len && isNameChar((k = code.charCodeAt(i))); i++) hash = (Math.imul(hash, 31) + k) | 0;
      const q = code.charCodeAt(i);
      if (q === 34 || q === 39) {
        const prefix = code.slice(from, i);
        if (STRING_PREFIX.test(prefix)) {
          if (/[fF]/.test(prefix)) fString = true;
          i = skipString(code, i);
          token('"');
          adjoin('string');
          continue;
        }
      }
      const known = notableAt(code, from, i, hash, triggers);
      if (known === null) {
        // A plain name (neither keyword nor trigger): only its being an operand matters.
        token(PLAIN_NAME);
        adjoin('name');
        continue;
      }
      if (known.name === 'import') hasImport = true;
      if (known.importName) importTrigger = true;
      if (known.anyName) current!.triggered = true;
      token(known.name);
      if (known.keyword) operand = '';
      else adjoin('name');
      continue;
    }
    if (c >= 48 && c <= 57) {
      while (i < len && (isNameChar(code.charCodeAt(i)) || code.charCodeAt(i) === 46)) i++;
      token('0');
      adjoin('number');
      continue;
    }
    if (c === 34 || c === 39 || c === 96) {
      // Python 2 backquotes (repr) are read as strings by tree-sitter too.
      i = skipString(code, i);
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
      if (code.charCodeAt(i + 1) === 46 && code.charCodeAt(i + 2) === 46) {
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
  end(i);
  // `prev` is assigned in `end`, which TypeScript does not follow.
  const lastLine = prev as LogicalLine | null;
  if (lastLine?.opensBlock) throw new Odd('block without a body at end of file');
  if (lastLine?.head === '@') throw new Odd('decorator at end of file');
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
          row++;
        } else {
          j += 2;
          if (next === 10) row++;
        }
        continue;
      }
      if (ch === 10 || ch === 13) {
        if (!triple) throw new Odd(`unterminated string at line ${row + 1}`);
        if (ch === 13 && s.charCodeAt(j + 1) !== 10) throw new Odd('a carriage return without a line feed');
        j += ch === 13 ? 2 : 1;
        row++;
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

/** The first token of a logical line: a name (PLAIN_NAME for any name that is neither keyword nor trigger), or one character. */
function headToken(text: string, at: number, triggers: Triggers): string {
  const c = text.charCodeAt(at);
  if (!isNameStart(c)) return c === 46 && text.startsWith('...', at) ? '...' : text.charAt(at);
  let j = at + 1;
  let hash = c;
  for (let k: number; j < text.length && isNameChar((k = text.charCodeAt(j))); j++) hash = (Math.imul(hash, 31) + k) | 0;
  const q = text.charCodeAt(j);
  if (q === 34 || q === 39) return STRING_PREFIX.test(text.slice(at, j)) ? '"' : text.slice(at, j);
  return notableAt(text, at, j, hash, triggers)?.name ?? PLAIN_NAME;
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
