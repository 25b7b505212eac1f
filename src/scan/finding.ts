import type { DetailByKind, Finding, FindingOf, Kind } from '../report/index.js';
import type { SyntaxNode } from './treeSitter.js';

export interface Span {
  line: number | null;
  column: number | null;
  endLine: number | null;
  /** The construct's source text, whitespace collapsed: what identifies it when lines move. */
  construct?: string;
}

export const WHOLE_FILE: Span = { line: null, column: null, endLine: null };

/** Long calls are cut: the start of a construct identifies it well enough, and reports stay small. */
const MAX_CONSTRUCT = 500;

/** Source text with every run of whitespace (newlines, indentation of continuation lines) made one space. */
export function normaliseConstruct(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_CONSTRUCT);
}

/** The 1-based span of a syntax node, with its text. */
export function spanOf(node: SyntaxNode): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    construct: normaliseConstruct(node.text),
  };
}

export function lineSpan(line: number, column = 1): Span {
  return { line, column, endLine: line };
}

export function makeFinding<K extends Kind>(kind: K, file: string, span: Span, message: string, detail: DetailByKind[K]): Finding {
  const f: FindingOf<K> = { kind, file, line: span.line, column: span.column, endLine: span.endLine, message, detail };
  if (span.construct) f.construct = span.construct;
  return f as unknown as Finding;
}
