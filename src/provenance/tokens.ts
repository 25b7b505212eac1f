// Token streams: what is left of a file once whitespace and comments are ignored. Two versions with
// equal token streams differ only in layout or comments, and count as the same version.

import { createHash } from 'node:crypto';
import { parsePython, type Tree } from '../scan/index.js';

export interface TokenStream {
  /** The leaf tokens in order. */
  tokens: string[];
  /** Tokens grouped by the source line they start on, one string per line that has any. */
  lines: string[];
}

/** Leaves of the tree-sitter parse, comments left out; other files: whitespace-separated words. */
export function tokenStream(text: string, isPython: boolean): TokenStream {
  return isPython ? pythonTokens(text) : wordTokens(text);
}

function pythonTokens(text: string): TokenStream {
  const tokens: string[] = [];
  const lines: string[] = [];
  let line: string[] = [];
  // Rows are counted from the text as the walk moves forward: leaves come in order.
  let row = 0;
  let lineRow = -1;
  let at = 0;
  walkLeaves(text, (start, end) => {
    for (let nl = text.indexOf('\n', at); nl >= 0 && nl < start; nl = text.indexOf('\n', nl + 1)) row++;
    at = start;
    const token = text.slice(start, end);
    tokens.push(token);
    if (row !== lineRow) {
      if (line.length > 0) lines.push(line.join(' '));
      line = [];
      lineRow = row;
    }
    line.push(token);
  });
  if (line.length > 0) lines.push(line.join(' '));
  return { tokens, lines };
}

/**
 * Calls `leaf` with the range of every leaf of the parse in order, comments left out, a string
 * whole (its escapes and interpolations are children that would hide the text between them).
 * Walked with a cursor, making no node objects; iterative, as deep trees would overflow a recursion.
 */
function walkLeaves(text: string, leaf: (start: number, end: number) => void, tree: Tree = parsePython(text)): void {
  const cursor = tree.walk();
  for (;;) {
    const type = cursor.nodeType;
    if (type !== 'comment') {
      if (type !== 'string' && cursor.gotoFirstChild()) continue;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      if (end > start) leaf(start, end);
    }
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
  }
}

function wordTokens(text: string): TokenStream {
  const lines = text.split('\n').map((l) => l.trim().split(/\s+/).filter(Boolean)).filter((w) => w.length > 0);
  return { tokens: lines.flat(), lines: lines.map((w) => w.join(' ')) };
}

/** A digest of the token stream: equal for versions that differ only in whitespace and comments. */
export function tokenHash(stream: TokenStream): string {
  return createHash('sha256').update(stream.tokens.join('\0')).digest('hex');
}

/**
 * `tokenHash(tokenStream(text, isPython))` without the stream: the parse is walked with a cursor,
 * never making a node object, and each token goes straight into the digest. What the index of
 * thousands of versions is built with.
 */
export function tokenDigest(text: string, isPython: boolean, tree?: Tree): string {
  if (!isPython) return tokenHash(wordTokens(text));
  const hash = createHash('sha256');
  let first = true;
  walkLeaves(text, (start, end) => {
    if (!first) hash.update('\0');
    hash.update(text.slice(start, end));
    first = false;
  }, tree);
  return hash.digest('hex');
}

function pointAt(text: string, index: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    row++;
    lineStart = nl + 1;
  }
  return { row, column: index - lineStart };
}

/**
 * Parses the versions of one file one after another, each from the tree of the one before: the
 * versions of a file differ in a few lines, and tree-sitter reparses only what changed.
 */
export class VersionParser {
  private last: { text: string; tree: Tree } | null = null;

  /** Forgets the previous version: the next text is another file. */
  reset(): void {
    this.last = null;
  }

  parse(text: string): Tree {
    const last = this.last;
    let tree: Tree;
    if (!last) tree = parsePython(text);
    else {
      // One edit spanning everything between the common start and the common end.
      const max = Math.min(text.length, last.text.length);
      let start = 0;
      while (start < max && text.charCodeAt(start) === last.text.charCodeAt(start)) start++;
      let tail = 0;
      while (tail < max - start && text.charCodeAt(text.length - 1 - tail) === last.text.charCodeAt(last.text.length - 1 - tail)) tail++;
      last.tree.edit({
        startIndex: start,
        oldEndIndex: last.text.length - tail,
        newEndIndex: text.length - tail,
        startPosition: pointAt(last.text, start),
        oldEndPosition: pointAt(last.text, last.text.length - tail),
        newEndPosition: pointAt(text, text.length - tail),
      });
      tree = parsePython(text, last.tree);
    }
    this.last = { text, tree };
    return tree;
  }
}

