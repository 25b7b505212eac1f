// Unified diffs, written one way for the whole project over the Myers edit script (diff.ts). Two forms:
// git's, for the patches fix writes (`git apply` takes them: file headers and modes, a one-line range
// written as its start, each hunk headed as `git diff` heads it, a missing final line break marked),
// and `diff -u`'s, for the local changes provenance shows a reviewer. Deterministic: the same texts
// always give the same diff.

import { diffSequences, type Op } from './diff.js';
import { quoteGitPath } from './text.js';

export interface FileDiffInput {
  path: string;
  /** null for a file that is created. */
  before: string | null;
  /** null for a file that is deleted. */
  after: string | null;
  /** Git file mode, `100644` or `100755`. */
  mode: string;
}

interface HunkForm {
  /** Unchanged lines shown around each change. */
  context: number;
  /** git's form: one-line ranges shortened and hunks headed; otherwise `diff -u`'s. */
  git: boolean;
}

/** Lines with their line breaks, so a missing final break shows. */
function linesWithBreaks(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => `${l}\n`);
  const last = lines.pop()!;
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

/** Lines without their breaks; a missing final break is not told apart. */
function plainLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function range(start: number, count: number, git: boolean): string {
  // An empty range names the line before it, as diff does.
  if (count === 0) return `${start - 1},0`;
  return count === 1 && git ? `${start}` : `${start},${count}`;
}

/**
 * The text git puts after a hunk's `@@` line (its default rule): the nearest line above the hunk
 * that starts with a letter, `_` or `$`, without trailing blanks, at most 80 bytes. The preview then
 * reads as `git diff` does.
 */
function hunkHeading(oldLines: readonly string[], oldStart: number): string {
  for (let i = oldStart - 2; i >= 0; i--) {
    const line = oldLines[i]!;
    if (!/^[A-Za-z_$]/.test(line)) continue;
    const bytes = Buffer.from(line.replace(/\s+$/, ''), 'utf8');
    return ` ${bytes.subarray(0, 80).toString('utf8')}`;
  }
  return '';
}

/**
 * The hunks of the edit script `ops` from `a` to `b`, lines as they are printed, each with its line
 * break; a line without one (a file's last) is followed by `\ No newline at end of file`.
 */
function hunks(ops: readonly Op[], a: readonly string[], b: readonly string[], form: HunkForm): string {
  const out: string[] = [];
  const changed = ops.map((o) => o.op !== 'equal');
  // Lines of each side before the op at `at`, counted as the hunks move forward.
  let counted = 0;
  let oldBefore = 0;
  let newBefore = 0;
  let i = 0;
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    // Grow the hunk while the next change is within two contexts' reach.
    const start = Math.max(0, i - form.context);
    let end = i;
    for (;;) {
      while (end < ops.length && changed[end]) end++;
      let next = end;
      while (next < ops.length && !changed[next]) next++;
      if (next < ops.length && next - end <= 2 * form.context) end = next;
      else break;
    }
    end = Math.min(ops.length, end + form.context);
    for (; counted < start; counted++) {
      if (ops[counted]!.op !== 'insert') oldBefore++;
      if (ops[counted]!.op !== 'delete') newBefore++;
    }
    const body = ops.slice(start, end);
    const oldCount = body.filter((o) => o.op !== 'insert').length;
    const newCount = body.filter((o) => o.op !== 'delete').length;
    const heading = form.git ? hunkHeading(a, oldBefore + 1) : '';
    out.push(`@@ -${range(oldBefore + 1, oldCount, form.git)} +${range(newBefore + 1, newCount, form.git)} @@${heading}\n`);
    for (const o of body) {
      // An unchanged line is the same on both sides; the new side is the one printed.
      const [mark, line] = o.op === 'delete' ? ['-', a[o.a]!] : [o.op === 'insert' ? '+' : ' ', b[o.b]!];
      out.push(mark + line);
      if (!line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
    i = end;
  }
  return out.join('');
}

/** One file's part of a git patch; '' when nothing changes. */
export function gitFileDiff(f: FileDiffInput): string {
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
  const before = linesWithBreaks(f.before ?? '');
  const after = linesWithBreaks(f.after ?? '');
  // No edit cap: a patch must be exact, however large.
  const ops = diffSequences(before, after, before.length + after.length)!;
  return `${header.join('\n')}\n${hunks(ops, before, after, { context: 3, git: true })}`;
}

/** A git patch of several files, in path order. */
export function gitPatch(files: readonly FileDiffInput[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(gitFileDiff)
    .join('');
}

/**
 * A unified diff (`diff -u` style, `context` lines around each change) from `oldText` to `newText`.
 * `newShown`, line for line the same file as `newText`, is what the new side prints: lines are
 * compared in one form and shown in another. Past 3,000 edits the files are unrelated enough that
 * the diff removes the one and adds the other.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3, newShown = newText): string {
  const a = plainLines(oldText);
  const b = plainLines(newText);
  const shown = plainLines(newShown);
  const ops: Op[] = diffSequences(a, b, 3000) ?? [
    ...a.map((_, i) => ({ op: 'delete' as const, a: i, b: 0 })),
    ...b.map((_, j) => ({ op: 'insert' as const, a: a.length, b: j })),
  ];
  if (ops.every((o) => o.op === 'equal')) return '';
  const body = hunks(ops, a.map((l) => `${l}\n`), b.map((l, j) => `${shown[j] ?? l}\n`), { context, git: false });
  return `--- ${oldName}\n+++ ${newName}\n${body}`;
}
