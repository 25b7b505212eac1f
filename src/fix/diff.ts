// Unified diffs in git's format (`git apply` takes them), computed with Myers' algorithm on lines.
// Deterministic: the same before and after always give the same text.

import { diffSequences } from '../util/index.js';
import { quoteGitPath } from '../util/index.js';

export interface FileDiffInput {
  path: string;
  /** null for a file that is created. */
  before: string | null;
  /** null for a file that is deleted. */
  after: string | null;
  /** Git file mode, `100644` or `100755`. */
  mode: string;
}

const CONTEXT = 3;

/** Lines with their line breaks, so a missing final break shows. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => `${l}\n`);
  const last = lines.pop()!;
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

type Op = { type: ' ' | '-' | '+'; line: string };

/** The shortest edit script from a to b, as a list of kept, removed and added lines. */
export function diffLines(a: string[], b: string[]): Op[] {
  // No cap: a patch must be exact, however large.
  const ops = diffSequences(a, b, a.length + b.length)!;
  return ops.map((o) => (o.op === 'equal' ? { type: ' ', line: a[o.a]! } : o.op === 'delete' ? { type: '-', line: a[o.a]! } : { type: '+', line: b[o.b]! }));
}

function range(start: number, count: number): string {
  // An empty range names the line before it, as diff does.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * The text git puts after a hunk's `@@` line (its default rule): the nearest line above the hunk
 * that starts with a letter, `_` or `$`, without trailing blanks, at most 80 bytes. The preview then
 * reads as `git diff` does.
 */
function hunkContext(oldLines: string[], oldStart: number): string {
  for (let i = oldStart - 2; i >= 0; i--) {
    const line = oldLines[i]!;
    if (!/^[A-Za-z_$]/.test(line)) continue;
    const bytes = Buffer.from(line.replace(/\s+$/, ''), 'utf8');
    return ` ${bytes.subarray(0, 80).toString('utf8')}`;
  }
  return '';
}

function hunks(ops: Op[]): string {
  const out: string[] = [];
  const oldLines = ops.filter((o) => o.type !== '+').map((o) => o.line);
  const changed = ops.map((o) => o.type !== ' ');
  let i = 0;
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    // Grow the hunk while the next change is within two contexts' reach.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    for (;;) {
      while (end < ops.length && changed[end]) end++;
      let next = end;
      while (next < ops.length && !changed[next]) next++;
      if (next < ops.length && next - end <= 2 * CONTEXT) end = next;
      else break;
    }
    end = Math.min(ops.length, end + CONTEXT);
    let oldStart = 1;
    let newStart = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.type !== '+') oldStart++;
      if (ops[j]!.type !== '-') newStart++;
    }
    const body = ops.slice(start, end);
    const oldCount = body.filter((o) => o.type !== '+').length;
    const newCount = body.filter((o) => o.type !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${hunkContext(oldLines, oldStart)}\n`);
    for (const o of body) {
      out.push(o.type + o.line);
      if (!o.line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
    i = end;
  }
  return out.join('');
}

/** One file's part of a patch; '' when nothing changes. */
export function fileDiff(f: FileDiffInput): string {
  if (f.before === f.after) return '';
  // Paths quoted as git quotes them, so a name with an escape or a newline still makes a patch `git apply` takes.
  const a = quoteGitPath(`a/${f.path}`);
  const b = quoteGitPath(`b/${f.path}`);
  const header = [`diff --git ${a} ${b}`];
  if (f.after === null) header.push(`deleted file mode ${f.mode}`);
  else if (f.before === null) header.push(`new file mode ${f.mode}`);
  // As git does, an empty file created or deleted has no hunk and no ---/+++ lines.
  if ((f.before ?? '') === '' && (f.after ?? '') === '') return `${header.join('\n')}\n`;
  header.push(f.before === null ? '--- /dev/null' : `--- ${a}`, f.after === null ? '+++ /dev/null' : `+++ ${b}`);
  const ops = diffLines(splitLines(f.before ?? ''), splitLines(f.after ?? ''));
  return `${header.join('\n')}\n${hunks(ops)}`;
}

/** A patch of several files, in path order. */
export function unifiedDiff(files: readonly FileDiffInput[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(fileDiff)
    .join('');
}
