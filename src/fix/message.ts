// OpenStack-style commit messages: a summary line of at most 50 characters where possible, a
// body wrapped at 72 saying what changed and why, and a Gerrit `Change-Id`.

import { wrapWords } from '../util/index.js';
import { createHash } from 'node:crypto';
import { copyLocation } from '../scan/index.js';
import type { Rewrite } from './rewrites.js';

export interface MessageFacts {
  library: string;
  /** Namespace rewrites made (the old `oslo.X` names). */
  namespaces: Rewrite[];
  /** Incubator modules whose imports were swapped. */
  swapped: Rewrite[];
  /** Copied incubator files deleted. */
  deletedCopies: string[];
  /** API documentation pages of deleted copies, deleted with their toctree entries. */
  docPages?: string[];
  /** Modules whose `openstack-common.conf` entries were removed. */
  confRemoved: string[];
  /** The line added to requirements.txt, if one was. */
  requirement: string | null;
  /** Minimums raised (`oslo.config>=1.6.0`). */
  raised: string[];
  /** Import statements rewritten. */
  imports: number;
  /** Import statements rewritten inside copies that stay, so the swapped module's copy can go. */
  copyImports?: number;
  /** Dotted paths rewritten inside strings. */
  strings: number;
  /** Dotted uses in code (`oslo.messaging.Target`, `nova.openstack.common.importutils`) rewritten. */
  dottedUses: number;
  /** Uses of names the library moved to another module, by name, with the module. */
  movedNames: Map<string, { target: string; count: number }>;
  /** Overrides and uses of options the library registers in its own group, by option, with the group. */
  optionGroups: Map<string, { target: string; count: number }>;
  /** Option lists the library keeps private, taken from its listing function in the project's option listing, by name. */
  listed?: Map<string, { target: string; count: number }>;
  /** Aliases spelled like the new package (`oslo_utils` for oslo_db's utils), renamed, by alias. */
  aliases?: Map<string, { target: string; count: number }>;
  /** setup.cfg entry points rewritten. */
  entryPoints: number;
  /** The date of the commit the change starts from, `YYYY-MM-DD`. */
  treeDate?: string | null;
  /** When the library's `oslo` namespace package went. */
  namespaceRemovedIn?: { version: string; date: string } | null;
}

const SUMMARY_MAX = 50;
const WIDTH = 72;

export function wrap(text: string, width = WIDTH): string {
  return wrapWords(text, width).join('\n');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function firstFits(...candidates: string[]): string {
  return candidates.find((c) => c.length <= SUMMARY_MAX) ?? candidates[candidates.length - 1]!;
}

/** The kinds of edit a commit makes, in words, for the preview's summary lines. */
export function editKinds(f: MessageFacts): string[] {
  const kinds: [boolean, string][] = [
    [f.imports > 0, 'imports'],
    [(f.copyImports ?? 0) > 0, 'imports in copies'],
    [f.movedNames.size > 0, 'moved names'],
    [f.optionGroups.size > 0, 'option groups'],
    [(f.listed?.size ?? 0) > 0, 'option listing'],
    [(f.aliases?.size ?? 0) > 0, 'aliases'],
    [f.dottedUses > 0, 'dotted uses'],
    [f.strings > 0, 'strings'],
    [f.entryPoints > 0, 'entry points'],
    [f.requirement !== null || f.raised.length > 0, 'requirements'],
    [f.deletedCopies.length > 0, 'deleted copies'],
    [(f.docPages ?? []).length > 0, 'API pages'],
    [f.confRemoved.length > 0, 'openstack-common.conf'],
  ];
  return kinds.filter(([on]) => on).map(([, name]) => name);
}

export function summaryLine(f: MessageFacts): string {
  if (f.swapped.length === 0 && f.namespaces.length === 0 && f.entryPoints === 0) {
    // Only copies nothing imported: the commit deletes, and says so.
    const modules = [...new Set(f.deletedCopies.map((p) => copyLocation(p)!.module).concat(f.confRemoved))].sort();
    return firstFits(`Remove unused oslo-incubator ${modules.length === 1 ? 'module' : 'modules'} ${list(modules)}`, 'Remove unused oslo-incubator modules');
  }
  if (f.swapped.length === 0) {
    return firstFits(`Drop use of 'oslo' namespace for ${f.library}`, "Drop use of 'oslo' namespace package");
  }
  if (f.swapped.length === 1) return firstFits(`Use ${f.swapped[0]!.subject} from ${f.library}`, `Switch to ${f.library}`);
  return firstFits(`Switch to ${f.library}`, `Use ${f.library}`);
}

/** The edits besides imports, in words: each kind of edit the commit makes is named. */
function otherEdits(f: MessageFacts): string[] {
  const out: string[] = [];
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  for (const [target, names] of byTarget(f.movedNames)) {
    out.push(`${list(names.map((x) => x.name))} moved to ${target} in the library: their uses (${n(sum(names), 'place', 'places')}) go through it, and it is imported.`);
  }
  for (const [group, options] of byTarget(f.optionGroups)) {
    out.push(`The library registers ${list(options.map((x) => x.name))} in the [${group}] group: overrides and uses in code (${n(sum(options), 'place', 'places')}) name the group.`);
  }
  for (const [lister, names] of byTarget(f.listed ?? new Map())) {
    out.push(`The library keeps ${list(names.map((x) => x.name))} private and lists its options, with their group, through ${lister}(): the project's option listing takes them from there.`);
  }
  for (const [alias, v] of [...(f.aliases ?? new Map<string, { target: string; count: number }>())].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`The alias ${alias}, of another module, would read as the new package: it becomes ${v.target} (${n(v.count, 'place', 'places')}).`);
  }
  if (f.copyImports) out.push(`Copied modules that stay import the library too (${n(f.copyImports, 'import', 'imports')}), as the next sync from oslo-incubator would have them do, so the copy it replaces can go.`);
  if (f.dottedUses) out.push(`Uses of the module through its dotted name in code (${n(f.dottedUses, 'place', 'places')}) change with the imports.`);
  if (f.strings) out.push(`Dotted paths into the old module inside strings (${n(f.strings, 'string', 'strings')}, for mock.patch and the like) change with the imports.`);
  if (f.entryPoints) out.push(`setup.cfg entry points into the old package (${n(f.entryPoints, 'entry point', 'entry points')}) change too.`);
  const raised = [...new Set(f.raised)];
  if (raised.length) out.push(`Raise the minimum to ${list(raised)}, the first ${raised.length === 1 ? 'release' : 'releases'} with the new package.`);
  return out;
}

function byTarget(m: Map<string, { target: string; count: number }>): [string, { name: string; count: number }[]][] {
  const out = new Map<string, { name: string; count: number }[]>();
  for (const [name, v] of [...m].sort(([a], [b]) => (a < b ? -1 : 1))) out.set(v.target, [...(out.get(v.target) ?? []), { name, count: v.count }]);
  return [...out];
}

function sum(items: { count: number }[]): number {
  return items.reduce((a, x) => a + x.count, 0);
}

function messageBody(f: MessageFacts): string {
  const paragraphs: string[] = [];
  if (f.swapped.length > 0) {
    const modules = f.swapped.map((r) => r.subject);
    const imports = f.swapped.map((r) => r.newImport);
    paragraphs.push(
      `The oslo-incubator ${modules.length === 1 ? 'module' : 'modules'} ${list(modules)} graduated to ${f.library}, ` +
        `which provides ${modules.length === 1 ? 'it' : 'them'} as ${list(imports)}. ` +
        `Import ${modules.length === 1 ? 'it' : 'them'} from the library instead of the copy under openstack/common.`,
    );
  }
  if (f.namespaces.length > 0) {
    const olds = f.namespaces.map((r) => r.subject);
    const news = f.namespaces.map((r) => r.newImport);
    const verb = f.imports > 0 ? 'import' : 'name';
    const removed = f.namespaceRemovedIn;
    const state = removed && f.treeDate && f.treeDate >= removed.date
      ? `The 'oslo' namespace package was removed in ${f.library} ${removed.version}`
      : `The Oslo libraries moved their code out of the 'oslo' namespace package into per-library packages, and the namespace package is deprecated`;
    paragraphs.push(`${state}: ${verb} ${list(news)} instead of ${list(olds)}.`);
  }
  const tidy = otherEdits(f);
  if (f.requirement) tidy.push(`Add ${f.requirement.trim()} to requirements.txt.`);
  if (f.deletedCopies.length > 0) {
    const modules = [...new Set(f.deletedCopies.map((p) => copyLocation(p)!.module))].sort();
    tidy.push(
      `${f.swapped.length || f.namespaces.length ? `Nothing imports the copied ${list(modules)} any more` : `Nothing in the project imports the copied ${list(modules)}, which ${f.library} replaces`}, so delete ${f.deletedCopies.length === 1 ? 'the copy' : 'the copies'}` +
        `${f.confRemoved.length ? ' and ' + (f.confRemoved.length === 1 ? 'its entry' : 'their entries') + ' in openstack-common.conf' : ''}.`,
    );
  } else if (f.confRemoved.length > 0) {
    tidy.push(`Remove ${list(f.confRemoved)} from openstack-common.conf: nothing imports ${f.confRemoved.length === 1 ? 'it' : 'them'}.`);
  }
  const pages = f.docPages ?? [];
  if (pages.length) tidy.push(`Delete the API documentation ${pages.length === 1 ? 'page' : 'pages'} made for the deleted ${pages.length === 1 ? 'copy' : 'copies'} (${list(pages)}) and ${pages.length === 1 ? 'its toctree entry' : 'their toctree entries'}.`);
  if (tidy.length) paragraphs.push(tidy.join(' '));
  return paragraphs.map((p) => wrap(p)).join('\n\n');
}

/**
 * Gerrit's commit-msg hook makes a Change-Id from the commit's content; the change is not a
 * commit yet when it is planned, so the id hashes what defines it: the commit it starts from,
 * the library and the diff. The same change planned twice gets the same id.
 */
export function changeId(baseCommit: string, library: string, diff: string): string {
  return `I${createHash('sha1').update(`${baseCommit}\n${library}\n${diff}`).digest('hex')}`;
}

export function commitMessage(f: MessageFacts, id: string): string {
  return `${summaryLine(f)}\n\n${messageBody(f)}\n\nChange-Id: ${id}\n`;
}
