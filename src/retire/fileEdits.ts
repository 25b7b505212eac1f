// The files a retirement's changes edit: a text file's line edits, kept as hunks for people and applied
// for the new content (YAML files change only in the lines an edit touches), and the workspace in which
// each change sees the files the previous ones left.

import type { RetireInputs } from './inputs.js';
import type { ChangeTarget, FileEdit, Hunk, PlannedChange } from './plan.js';
import { parseYaml } from './pending.js';
import { applyLineEdits, type LineEdit, type LinedText, type YamlText } from './yamlText.js';

/** Edits of one text file, kept as hunks for display and applied for the new content. */
export class TextEdit {
  readonly edits: LineEdit[] = [];
  constructor(readonly y: LinedText) {}
  /** Adds an edit, narrowed to the lines that really change (a rewritten entry keeps its unchanged lines). */
  push(e: LineEdit): void {
    let { start, end } = e;
    let insert = e.insert;
    while (start <= end && insert.length && this.y.line(start) === insert[0]) {
      start++;
      insert = insert.slice(1);
    }
    while (start <= end && insert.length && this.y.line(end) === insert[insert.length - 1]) {
      end--;
      insert = insert.slice(0, -1);
    }
    if (start > end && insert.length === 0) return;
    this.edits.push({ start, end, insert });
  }
  hunks(): Hunk[] {
    return [...this.edits].sort((a, b) => a.start - b.start).map((e) => ({
      line: e.start,
      removed: this.y.lines.slice(e.start - 1, e.end),
      added: e.insert,
    }));
  }
  result(): string {
    return applyLineEdits(this.y.text, this.edits);
  }
}

/** Files being changed across the planned changes: each change sees the previous ones' results. */
export class Workspace {
  private readonly current: Record<ChangeTarget, Record<string, string | null>>;
  private readonly read: Record<ChangeTarget, Record<string, string | null> | null>;
  constructor(inputs: RetireInputs) {
    this.read = { 'project-config': inputs.projectConfig, governance: inputs.governance, repository: null };
    this.current = { 'project-config': { ...(inputs.projectConfig ?? {}) }, governance: { ...(inputs.governance ?? {}) }, repository: {} };
  }
  /** A file no change has touched is parsed through the texts as read, so it shares the parse the steps' judging made. */
  yaml(target: ChangeTarget, path: string): YamlText | null {
    const read = this.read[target];
    const text = this.current[target][path];
    return parseYaml(read && read[path] === text ? read : this.current[target], path);
  }
  text(target: ChangeTarget, path: string): string | null {
    return this.current[target][path] ?? null;
  }
  commit(change: PlannedChange): void {
    Object.assign(this.current[change.target], change.files);
  }
}

export function collect(edits: TextEdit[], deletions: string[] = []): Pick<PlannedChange, 'files' | 'edits'> {
  const files: Record<string, string | null> = {};
  const fileEdits: FileEdit[] = [];
  for (const e of edits) {
    if (!e.edits.length) continue;
    files[e.y.path] = e.result();
    fileEdits.push({ file: e.y.path, action: 'edit', hunks: e.hunks() });
  }
  for (const d of deletions) {
    files[d] = null;
    fileEdits.push({ file: d, action: 'delete', hunks: [] });
  }
  return { files, edits: fileEdits };
}
