// The words that make Python code worth parsing, and the first pass of the prefilter: whether a
// file's text holds any of them at all. Also the names the statement lexer tells apart (keywords and
// triggers), kept in a table it reads with one load per name.

import { defaultRules, type Knowledge, type RuleSelection } from '../knowledge/index.js';

export interface Triggers {
  /** Names that make an import statement worth parsing (`oslo`, `openstack`, `oslo_utils`, `stevedore`). */
  importNames: ReadonlySet<string>;
  /** Names that make any statement worth parsing (`run_as_root`, `PrivContext`, `entrypoint`). */
  anyNames: ReadonlySet<string>;
  /** Byte strings at least one of which a file must contain to hold a trigger name. */
  literals: readonly Buffer[];
  /**
   * The names the lexer tells apart (keywords and triggers), by their shape: first character and
   * length (`shapeOf`). Any other name is just a name, and most names have a shape no notable name
   * has: they are known as plain with one load, without being cut out of the text or compared.
   */
  notable: readonly (readonly NotableName[] | undefined)[];
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
  /** The lexer's token for it (see NAME_TOKEN). */
  token: number;
}

// The statement lexer's tokens are small integers, so that the few it compares stay one machine
// comparison and its variables keep one type: punctuation is its character code, a string 34 (`"`),
// a number 48 (`0`), `...` ELLIPSIS_TOKEN, a plain name NAME_TOKEN, a notable name its own token.
export const ELLIPSIS_TOKEN = 200;
export const NAME_TOKEN = 256;
export const IMPORT_TOKEN = 512;
export const FROM_TOKEN = 513;
/** Tokens from here to 1023 are keywords after which a statement cannot end (CONTINUING). */
export const CONTINUING_TOKEN = 512;
export const OTHER_NOTABLE_TOKEN = 1024;

export const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'def', 'class', 'with', 'try', 'except', 'finally', 'async']);
/** Keywords after which a statement cannot end. */
const CONTINUING = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'while', 'for', 'def', 'class', 'with', 'import', 'from', 'as',
  'lambda', 'assert', 'del', 'global', 'nonlocal', 'except', 'async', 'await', 'try', 'finally',
]);
/** Python's keywords, Python 2's statement words and the soft keywords: names that may stand next to a name. */
export const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'print', 'exec', 'match', 'case', 'type',
]);

/** Names this long or longer are never notable (no keyword or trigger is). */
const MAX_NOTABLE = 64;

/** The shape of the name `text[from, to)`: its first character (ASCII) and length; -1 when no notable name can have it. */
export function shapeOf(text: string, from: number, to: number): number {
  const c = text.charCodeAt(from);
  const length = to - from;
  return c < 128 && length < MAX_NOTABLE ? c * MAX_NOTABLE + length : -1;
}

/** The notable name at `text[from, to)`, or null for a plain name. */
export function notableAt(text: string, from: number, to: number, triggers: Triggers): NotableName | null {
  const shape = shapeOf(text, from, to);
  const candidates = shape < 0 ? undefined : triggers.notable[shape];
  if (candidates === undefined) return null;
  for (const entry of candidates) if (text.startsWith(entry.name, from)) return entry;
  return null;
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
  // Every shape has its entry (undefined for most): a read past the end would send the lexer's compiled code back to the interpreter.
  const notable: NotableName[][] = [];
  let continuing = IMPORT_TOKEN + 2;
  let other = OTHER_NOTABLE_TOKEN;
  for (const name of new Set([...KEYWORDS, ...CONTINUING, ...COMPOUND, ...importNames, ...anyNames].map(interned))) {
    const shape = shapeOf(name, 0, name.length);
    // A rule's word that no lexer could read as one name (`a.b`, or too long) is never met as a name.
    if (shape < 0 || !/^[A-Za-z_]\w*$/.test(name)) continue;
    const token = name === 'import' ? IMPORT_TOKEN : name === 'from' ? FROM_TOKEN : CONTINUING.has(name) ? continuing++ : other++;
    (notable[shape] ??= []).push({ name, keyword: KEYWORDS.has(name), importName: importNames.has(name), anyName: anyNames.has(name), token });
  }
  const pattern = new RegExp(literals.map((l) => l.replace(/[^\w]/g, '\\$&')).join('|'));
  return { importNames, anyNames, literals: literals.map((l) => Buffer.from(l)), notable: Array.from({ length: 128 * MAX_NOTABLE }, (_, shape) => notable[shape]), pattern };
}

/**
 * The same string, as V8 keeps the strings of the source: a name read from the knowledge base is a
 * string made at run time, and the lexer's compiled code, which compares a line's first token with
 * `'from'` or `'@'` by address, would be sent back to the interpreter when it met one. An object's
 * property names are interned.
 */
function interned(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

const memo = new WeakMap<Knowledge, Map<string, Triggers>>();
/** The triggers of a rule selection, made once per knowledge base and selection. */
export function triggersFor(kb: Knowledge, rules: RuleSelection): Triggers {
  let byRules = memo.get(kb);
  if (!byRules) memo.set(kb, (byRules = new Map()));
  let t = byRules.get(rules.version);
  if (!t) byRules.set(rules.version, (t = triggersOf(kb, rules.words)));
  return t;
}

/**
 * `from` followed by a dot (`from . import x`, `from ..a import b`), across spaces and `\` joins: a
 * relative import, whose module resolves against the file's path and so may name anything.
 */
const RELATIVE_IMPORT = /from(?:[ \t\f]|\\\r?\n)*\./;
/** A relative import or `openstack` (any copy's package path): one pass over the text finds either. */
const COPY_HINT = new RegExp(`${RELATIVE_IMPORT.source}|openstack`);

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
  const usesCopies = COPY_HINT.test(text);
  const candidate = usesCopies || triggers.pattern.test(text);
  return { candidate, usesCopies };
}
