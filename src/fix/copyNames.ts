// Where a text file outside the copy names a copied module: such a copy is not deleted, but for
// the API pages made for it, which go with it.

import type { SourceFile, State } from './state.js';

/** `openstack.common.timeutils`, `openstack/common/timeutils.py`: a reference to a copied module. */
export const COPY_REFERENCE = /\bopenstack[./]common[./]([A-Za-z_]\w*)/g;
/** A reStructuredText line that makes Sphinx import or include what it names: a directive or a role. */
const DOC_MARKUP = /^\s*\.\. [\w:-]+::|:[\w:-]+:`/;

/**
 * The copied modules a text file outside the copy names where removing them would break something:
 * anywhere in code and configuration, but in documentation only in directives and roles
 * (`.. automodule::`, `:mod:`); prose saying how the copy was made breaks nothing.
 */
export function copiesNamedIn(path: string, text: string): string[] {
  const lines = /\.(rst|txt)$/.test(path) ? text.split('\n').filter((l) => DOC_MARKUP.test(l)).join('\n') : text;
  return [...lines.matchAll(COPY_REFERENCE)].map((m) => m[1]!);
}

/**
 * A page of API documentation made for one copied module (as pbr's autodoc writes them, one
 * `<pkg>.openstack.common.<module>.rst` per module): a title, `.. automodule::` and its options,
 * nothing else. It goes with the copy, and so does its entry in the toctree that lists it.
 */
export interface ModulePage {
  module: string;
  /** The page's name as a toctree lists it, without `.rst`. */
  entry: string;
}

function modulePage(path: string, text: string): ModulePage | null {
  const m = /(?:^|\/)(([A-Za-z_][\w.]*\.)?openstack\.common\.([A-Za-z_]\w*))\.rst$/.exec(path);
  if (!m) return null;
  const dotted = m[1]!;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const ok = lines.every(
    (l) =>
      /^([=\-~^"'`#*+])\1*$/.test(l.trim()) ||
      (!/^\s/.test(l) && !l.startsWith('..') && (l.includes(`:mod:\`${dotted}\``) || l.trim() === dotted)) ||
      l.trim() === `.. automodule:: ${dotted}` ||
      /^\s+:[\w-]+:\s*$/.test(l),
  );
  return ok && lines.some((l) => l.trim() === `.. automodule:: ${dotted}`) ? { module: m[3]!, entry: dotted } : null;
}

/** The text without the toctree lines (an indented line holding only the name) listing these pages. */
function withoutTocEntries(text: string, entries: ReadonlySet<string>): string {
  return text.replace(/^[ \t]+([\w.]+?)(?:\.rst)?[ \t]*(?:\r?\n|$)/gm, (line, name: string) => (entries.has(name) ? '' : line));
}

/** The API pages among the text files, by path. */
export function modulePages(texts: readonly SourceFile[]): Map<string, ModulePage> {
  return new Map(texts.flatMap((f) => {
    const page = modulePage(f.entry.path, f.text);
    return page ? [[f.entry.path, page] as const] : [];
  }));
}

/** Deletes the pages of the modules whose copies go, and their toctree entries; the pages deleted, by module. */
export function dropPages(pages: ReadonlyMap<string, ModulePage>, goneModules: ReadonlySet<string>, texts: readonly SourceFile[], state: State): Map<string, string[]> {
  const dropped = new Map<string, string[]>();
  const entries = new Set<string>();
  for (const [path, page] of pages) {
    if (!goneModules.has(page.module)) continue;
    state.set(path, null);
    entries.add(page.entry);
    dropped.set(page.module, [...(dropped.get(page.module) ?? []), path]);
  }
  for (const f of entries.size ? texts : []) {
    if (!f.entry.path.endsWith('.rst') || state.get(f.entry.path) === null || !f.text.includes('.. toctree::')) continue;
    const text = withoutTocEntries(f.text, entries);
    if (text !== f.text) state.set(f.entry.path, f.bom + text);
  }
  return dropped;
}
