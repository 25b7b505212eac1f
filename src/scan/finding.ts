import type { DetailByKind, Finding, FindingOf, Kind } from '../report/types.js';
import type { SyntaxNode } from './treeSitter.js';

export interface Span {
  line: number | null;
  column: number | null;
  endLine: number | null;
}

export const WHOLE_FILE: Span = { line: null, column: null, endLine: null };

/** The 1-based span of a syntax node. */
export function spanOf(node: SyntaxNode): Span {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, endLine: node.endPosition.row + 1 };
}

export function lineSpan(line: number, column = 1): Span {
  return { line, column, endLine: line };
}

export function makeFinding<K extends Kind>(kind: K, file: string, span: Span, message: string, detail: DetailByKind[K]): Finding {
  const f: FindingOf<K> = { kind, file, ...span, message, detail };
  return f as unknown as Finding;
}
