// A place in a Python file whose edit depends on which rewrites are active: the unit the
// analysis of a file is made of. Shared by imports, dotted uses, moved names and strings.

import type { SyntaxNode } from '../scan/index.js';
import type { Edit } from './edits.js';

/** What a site changes, where it is more than an import or a dotted use in code. */
export type SiteKind = 'string' | 'moved-name' | 'option-group' | 'dotted-use' | 'listed' | 'alias';

export interface Site {
  keys: string[];
  kind?: SiteKind;
  /** For the commit message: the name and where it went (`safe_encode` → `oslo_utils.encodeutils`). */
  note?: { name: string; target: string };
  /** An option's group added to a `self.flags(…)` call: the project's helper must take it (`flagsGroup.ts`). */
  flagsCall?: boolean;
  render(active: ReadonlySet<string>): Edit[];
}

/**
 * Replaces a node's text when `key` is active. Sites keep offsets and text, never nodes: a node keeps
 * its whole tree alive, and trees hold native memory the garbage collector does not see; a plan holds
 * a site for every import it may rewrite.
 */
export function replaceSite(key: string, node: { startIndex: number; endIndex: number }, text: string): Site {
  const { startIndex: start, endIndex: end } = node;
  return { keys: [key], render: (active) => (active.has(key) ? [{ start, end, text }] : []) };
}

/** Inserts text at an offset when `key` is active. */
export function insertSite(key: string, at: number, text: string): Site {
  return { keys: [key], render: (active) => (active.has(key) ? [{ start: at, end: at, text }] : []) };
}

/** Something in a file a rewrite does not change but a person should look at, with the rewrite it concerns. */
export interface Mention {
  key: string;
  line: number;
  what: string;
}

export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** `import oslo_messaging as messaging`, `from oslo_utils import netutils as network_utils`. */
export function importStatementFor(newImport: string, bound: string): string {
  const parts = newImport.split('.');
  const last = parts.pop()!;
  const as = last === bound ? '' : ` as ${bound}`;
  return parts.length === 0 ? `import ${last}${as}` : `from ${parts.join('.')} import ${last}${as}`;
}
