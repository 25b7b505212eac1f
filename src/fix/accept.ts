// Applying a file's planned rewrites: the text with the active keys, and which keys may stay. A key
// is kept only if the file still parses with no more syntax errors than before, so one rewrite that
// tree-sitter cannot place never spoils the others.

import { parsePython, type Tree } from '../scan/index.js';
import { applyEdits, syntaxErrorCount } from './edits.js';
import type { PythonAnalysis } from './python.js';

export interface PythonOutcome {
  /** Keys applied, in the order given. */
  accepted: string[];
  /** Keys left alone, with the reason. */
  rejected: Map<string, string>;
}

/** The file with the rewrites of `active` applied. */
export function renderPython(analysis: PythonAnalysis, active: ReadonlySet<string>): string {
  return applyEdits(
    analysis.text,
    analysis.sites.flatMap((s) => s.render(active)),
  );
}

/** Syntax errors of a rewritten text, to compare with the file's own. */
function errorsOf(text: string): number {
  const tree: Tree = parsePython(text);
  return syntaxErrorCount(tree);
}

/**
 * Applies the keys one at a time, in order, keeping each only if the file still parses with no
 * more syntax errors than before; a key blocked in this file is left alone.
 */
export function acceptRewrites(analysis: PythonAnalysis, order: readonly string[]): PythonOutcome {
  const accepted: string[] = [];
  const rejected = new Map<string, string>();
  for (const key of order) {
    if (!analysis.keys.has(key)) continue;
    const why = analysis.blocked.get(key);
    if (why) {
      rejected.set(key, why);
      continue;
    }
    const candidate = renderPython(analysis, new Set([...accepted, key]));
    if (errorsOf(candidate) > analysis.errors) {
      rejected.set(key, 'the rewritten file would not parse');
      continue;
    }
    accepted.push(key);
  }
  return { accepted, rejected };
}
