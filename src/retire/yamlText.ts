// YAML files of project-config and governance, read with the `yaml` parser (to find entries and their
// lines) and edited as lines: every line outside an edit stays byte-for-byte, comments, order and quoting
// included. A whole file is never re-serialised.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** A text file read as lines, edited line by line: a YAML file (YamlText) or any other (a Gerrit ACL). */
export class LinedText {
  readonly lines: string[];

  constructor(readonly path: string, readonly text: string) {
    this.lines = text.split('\n');
  }

  /** The text of a line, 1-based. */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  /** The number of the last line, the file's final line break aside (0 for an empty file). */
  get lastLine(): number {
    return this.lines.at(-1) === '' ? this.lines.length - 1 : this.lines.length;
  }
}

export class YamlText extends LinedText {
  readonly doc: Document;
  private readonly counter = new LineCounter();

  constructor(path: string, text: string) {
    super(path, text);
    this.doc = parseDocument(text, { lineCounter: this.counter, keepSourceTokens: false, uniqueKeys: false });
    if (this.doc.errors.length) throw new Error(`${path}: not valid YAML: ${this.doc.errors[0]!.message.split('\n')[0]}`);
  }

  /** 1-based line where a node (or a pair's key) starts. */
  lineOf(node: Node | Pair | null | undefined): number | null {
    const n = isPair(node) ? (node.key as Node | null) : node;
    const start = n?.range?.[0];
    return start === undefined ? null : this.counter.linePos(start).line;
  }
}

/** A scalar's string value, or null when the node is not a scalar. */
export function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

/** The value node under `key` in a mapping node. */
export function get(node: unknown, key: string): Node | null {
  if (!isMap(node)) return null;
  const pair = node.items.find((p) => scalarText(p.key) === key);
  return (pair?.value as Node | undefined) ?? null;
}

export function pairOf(node: unknown, key: string): Pair | null {
  if (!isMap(node)) return null;
  return (node.items.find((p) => scalarText(p.key) === key) as Pair | undefined) ?? null;
}

/** Items of a sequence node (empty for anything else). */
export function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** Pairs of a mapping node (empty for anything else). */
export function pairs(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

export const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';

/**
 * The lines (1-based, inclusive) of the block that starts at `line`: a sequence item (`- …`) or a mapping
 * entry (`key: …`) and everything indented deeper below it, without trailing blank lines.
 */
export function blockAt(lines: readonly string[], line: number): { start: number; end: number } {
  const base = indentOf(lines[line - 1] ?? '');
  let end = line;
  for (let i = line + 1; i <= lines.length; i++) {
    const l = lines[i - 1]!;
    if (isBlank(l)) continue;
    if (indentOf(l) <= base) break;
    end = i;
  }
  return { start: line, end };
}

/** Replaces lines `start..end` (1-based, inclusive) with `insert`; `end = start - 1` inserts before `start`. */
export interface LineEdit {
  start: number;
  end: number;
  insert: string[];
}

/** A block removal that also drops one blank line when the block sat between two blank lines (or at an edge). */
export function removeBlock(lines: readonly string[], found: { start: number; end: number }): LineEdit {
  const block = { ...found };
  // Comments right above an entry, at its indentation, speak of it and go with it; a file's header
  // comment (the run reaching the top of the file or `---`) stays.
  const base = indentOf(lines[block.start - 1] ?? '');
  let first = block.start;
  while (first > 1 && /^\s*#/.test(lines[first - 2]!) && indentOf(lines[first - 2]!) === base) first--;
  if (first < block.start && first > 1 && lines[first - 2]!.trim() !== '---') block.start = first;
  const before = block.start === 1 || isBlank(lines[block.start - 2] ?? '');
  const afterLine = lines[block.end];
  const after = afterLine !== undefined && isBlank(afterLine) && block.end + 1 < lines.length;
  return { start: block.start, end: before && after ? block.end + 1 : block.end, insert: [] };
}

/** Applies non-overlapping edits; lines are joined with the file's own line ending (inserted lines get it too). */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  const crlf = lines.length > 1 && lines[0]!.endsWith('\r');
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.end >= sorted[i - 1]!.start) throw new Error('overlapping edits');
  }
  for (const e of sorted) lines.splice(e.start - 1, e.end - e.start + 1, ...e.insert.map((l) => (crlf ? `${l}\r` : l)));
  return lines.join('\n');
}
