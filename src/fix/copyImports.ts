// Imports inside a copy that stays, of a swapped module whose copy goes. The next sync from
// oslo-incubator brings copies that import the libraries themselves (the incubator moved its
// copies to oslo.serialization, oslo.utils and oslo.concurrency as they graduated), so making
// that one import line now lets the swapped module's copy go instead of keeping it, unused by
// the project, for one copied importer. Only import statements change: a copy whose use of the
// module would need more (a moved name, a dotted use, a string) keeps importing its copy.

import { acceptRewrites, renderPython } from './accept.js';
import { analysePython, type PythonAnalysis } from './python.js';
import { incubatorKey, type Rewrite, type RewriteCatalog } from './rewrites.js';
import type { SourceFile, State } from './state.js';

export interface CopySwap {
  file: SourceFile;
  analysis: PythonAnalysis;
  /** Swaps whose every site in this copy is an import statement that keeps the copy parsing. */
  keys: Set<string>;
}

/** The copies importing a swapped module whose imports alone can be swapped, by path. */
export function copySwaps(
  copyImports: readonly { file: string; module: string }[],
  files: ReadonlyMap<string, SourceFile>,
  rewrites: ReadonlyMap<string, Rewrite>,
  catalog: RewriteCatalog,
): Map<string, CopySwap> {
  const out = new Map<string, CopySwap>();
  const paths = new Set(copyImports.filter((i) => rewrites.has(incubatorKey(i.module))).map((i) => i.file));
  for (const path of [...paths].sort()) {
    const file = files.get(path);
    if (!file) continue;
    const analysis = analysePython(file.text, path, catalog);
    const keys = new Set<string>();
    for (const key of analysis.keys) {
      if (!rewrites.has(key) || rewrites.get(key)!.kind !== 'incubator') continue;
      if (analysis.blocked.has(key) || analysis.refused.has(key)) continue;
      if (analysis.sites.some((s) => s.keys.includes(key) && s.kind !== undefined)) continue;
      if (acceptRewrites(analysis, [key]).accepted.length === 1) keys.add(key);
    }
    if (keys.size) out.set(path, { file, analysis, keys });
  }
  return out;
}

/** The copy with the import lines of `keys` swapped, or null when none of them applies. */
function renderCopy(swap: CopySwap, keys: ReadonlySet<string>): string | null {
  const active = new Set([...keys].filter((k) => swap.keys.has(k)));
  if (active.size === 0) return null;
  const text = renderPython(swap.analysis, active);
  return text === swap.file.text ? null : swap.file.bom + text;
}

/** Import statements of `key` in the copy. */
function importCount(swap: CopySwap, key: string): number {
  return swap.analysis.sites.filter((s) => s.keys.includes(key)).length;
}

/**
 * Swaps the imports of the copies that go (`goingCopies`, of the modules `goneModules`) in the copies
 * that stay; import statements swapped, by key.
 */
export function swapCopyImports(swaps: ReadonlyMap<string, CopySwap>, goingCopies: ReadonlySet<string>, goneModules: ReadonlySet<string>, state: State): Map<string, number> {
  const goneKeys = new Set([...goneModules].map(incubatorKey));
  const counts = new Map<string, number>();
  for (const [path, swap] of swaps) {
    if (goingCopies.has(path)) continue;
    const text = renderCopy(swap, goneKeys);
    if (text === null) continue;
    state.set(path, text);
    for (const key of goneKeys) if (swap.keys.has(key)) counts.set(key, (counts.get(key) ?? 0) + importCount(swap, key));
  }
  return counts;
}
