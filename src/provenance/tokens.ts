// Token streams: what is left of a file once whitespace and comments are ignored. Two versions with
// equal token streams differ only in layout or comments, and count as the same version.

import { createHash } from 'node:crypto';
import { parsePython, type SyntaxNode } from '../scan/index.js';

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
  const tree = parsePython(text);
  const byLine = new Map<number, string[]>();
  const tokens: string[] = [];
  const cursor = tree.walk();
  // Iterative walk: deep trees of long files would overflow a recursive one.
  let done = false;
  while (!done) {
    const node: SyntaxNode = cursor.currentNode;
    // A string is one token: its escapes and interpolations are children that would hide the text between them.
    const leaf = node.childCount === 0 || node.type === 'string';
    if (leaf && node.type !== 'comment' && node.endIndex > node.startIndex) {
      const token = node.text;
      tokens.push(token);
      const row = node.startPosition.row;
      const line = byLine.get(row);
      if (line) line.push(token);
      else byLine.set(row, [token]);
    }
    if (!leaf && node.type !== 'comment' && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return { tokens, lines: [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t.join(' ')) };
}

function wordTokens(text: string): TokenStream {
  const lines = text.split('\n').map((l) => l.trim().split(/\s+/).filter(Boolean)).filter((w) => w.length > 0);
  return { tokens: lines.flat(), lines: lines.map((w) => w.join(' ')) };
}

/** A digest of the token stream: equal for versions that differ only in whitespace and comments. */
export function tokenHash(stream: TokenStream): string {
  return createHash('sha256').update(stream.tokens.join('\0')).digest('hex');
}

/** Git's blob id of a text: lets a copy be looked up among the incubator's blobs without reading them. */
export function blobId(text: string | Buffer): string {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}
