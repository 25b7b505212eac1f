import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type ParserType from 'tree-sitter';
import { parseRule } from '../knowledge/index.js';
import { queriesDir } from '../paths.js';

// Both packages are native addons published as CommonJS with prebuilt binaries. They are loaded on
// first use, not on import: a command that never parses (or a scan whose cache answers) never pays
// for loading them.
const require = createRequire(import.meta.url);
let loaded: { Parser: typeof ParserType; Python: ParserType.Language } | undefined;
function treeSitter(): { Parser: typeof ParserType; Python: ParserType.Language } {
  loaded ??= { Parser: require('tree-sitter') as typeof ParserType, Python: require('tree-sitter-python') as ParserType.Language };
  return loaded;
}

export type SyntaxNode = ParserType.SyntaxNode;
export type Tree = ParserType.Tree;
export type Query = ParserType.Query;
export type QueryMatch = ParserType.QueryMatch;

export const QUERY_NAMES = ['imports', 'rootwrap', 'privsep'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Words one of which a text must hold for the query to match in it, from the `;; words:` line of each
 * query (the keyword of every statement imports.scm matches; the names the predicates of rootwrap.scm
 * and privsep.scm compare with). Most parsed texts only import: the other queries are then not run.
 */
export const QUERY_WORDS: Record<QueryName, readonly string[]> = Object.fromEntries(
  QUERY_NAMES.map((name) => [name, parseRule(querySource(name), `queries/${name}.scm`).words]),
) as unknown as Record<QueryName, readonly string[]>;

/** The text a tree was parsed from (node-tree-sitter keeps it on the tree). */
export function parsedText(tree: Tree): string | null {
  const input = (tree as Tree & { input?: unknown }).input;
  return typeof input === 'string' ? input : null;
}

/** Whether `name` can match anything in `tree`: false when its text holds none of the query's words. */
export function mayMatch(name: QueryName, tree: Tree): boolean {
  return holdsWord(tree, QUERY_WORDS[name]);
}

let parser: ParserType | undefined;
const queries = new Map<QueryName, Query>();

/**
 * One parser per thread: tree-sitter parsers are not shareable across threads. `old`, a tree of an
 * earlier text already told of the edit (`Tree.edit`), lets tree-sitter reuse what did not change.
 */
export function parsePython(text: string, old?: Tree): Tree {
  if (!parser) {
    const { Parser, Python } = treeSitter();
    parser = new Parser();
    parser.setLanguage(Python);
  }
  // The default 32 KiB input buffer makes tree-sitter re-read large files chunk by chunk.
  return parser.parse(text, old, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}

/** The text of `queries/<name>.scm`, which is the source of truth for what each detector looks for. */
export function querySource(name: QueryName): string {
  return readFileSync(join(queriesDir, `${name}.scm`), 'utf8');
}

export function query(name: QueryName): Query {
  let q = queries.get(name);
  if (!q) {
    q = compileQuery(querySource(name));
    queries.set(name, q);
  }
  return q;
}

const compiled = new Map<string, Query>();
/** A rule's query, compiled once per thread (keyed by its text). */
export function ruleQuery(source: string): Query {
  let q = compiled.get(source);
  if (!q) {
    q = compileQuery(source);
    compiled.set(source, q);
  }
  return q;
}

/** Whether a text can hold a match of a query that needs one of `words`. */
export function holdsWord(tree: Tree, words: readonly string[]): boolean {
  const text = parsedText(tree);
  return text === null || words.some((w) => text.includes(w));
}

/** Compiles a query from text, for tests of snippets and rules. */
export function compileQuery(source: string): Query {
  const { Parser, Python } = treeSitter();
  return new Parser.Query(Python, source);
}
