// `from oslo import i18n, messaging as msg` and `from nova.openstack.common import log, jsonutils`:
// the statement whose names move one by one, each to a statement of its own.

import type { SyntaxNode } from '../scan/index.js';
import type { ModuleBinding } from './api.js';
import { eolOf, indentAt, lineEndAt, type Edit } from './edits.js';
import type { Site } from './sites.js';

export interface NameEntry {
  node: SyntaxNode;
  /** Set when importing this name is a rewrite: the key and the statement that replaces it. */
  key: string | null;
  statement: string;
  /** For a swapped incubator module: the name it binds, and the imports its moved names need. */
  binding?: ModuleBinding;
}

/**
 * `from oslo import i18n, messaging as msg` and `from nova.openstack.common import log, jsonutils`:
 * names that are rewritten move to statements of their own, on the lines after the statement;
 * when every name moves, the statement is replaced (comments inside it are kept above).
 */
export function fromNamesSite(node: SyntaxNode, nameEntries: NameEntry[], text: string): Site {
  const keys = [...new Set(nameEntries.flatMap((e) => (e.key ? [e.key] : [])))];
  // Offsets and text only, no nodes (see replaceSite).
  const statement = { startIndex: node.startIndex, endIndex: node.endIndex, comments: node.descendantsOfType('comment').map((c) => c.text) };
  const entries = nameEntries.map((e) => ({ ...e, node: { startIndex: e.node.startIndex, endIndex: e.node.endIndex } }));
  return {
    keys,
    render(active) {
      const moved = entries.map((e) => e.key !== null && active.has(e.key));
      if (!moved.some(Boolean)) return [];
      const indent = indentAt(text, statement.startIndex);
      // A statement after `if x:` or `;` on its line: new lines would leave its block, so stay on the line.
      const startsLine = text.slice(text.lastIndexOf('\n', statement.startIndex - 1) + 1, statement.startIndex).trim() === '';
      const separator = startsLine ? eolOf(text) + indent : '; ';
      const lines = entries.filter((_, i) => moved[i]).flatMap((e) => [e.binding?.replacement ?? e.statement, ...(e.binding?.extra ?? [])].sort());
      if (moved.every(Boolean)) {
        const comments = startsLine ? statement.comments : [];
        return [{ start: statement.startIndex, end: statement.endIndex, text: [...comments, ...lines].join(separator) }];
      }
      const edits: Edit[] = [];
      for (let i = 0; i < entries.length; i++) {
        if (!moved[i]) continue;
        let j = i;
        while (j + 1 < entries.length && moved[j + 1]) j++;
        // A run of moved names goes with the separator after it, or before it when it ends the list.
        edits.push(
          j + 1 < entries.length
            ? { start: entries[i]!.node.startIndex, end: entries[j + 1]!.node.startIndex, text: '' }
            : { start: entries[i - 1]!.node.endIndex, end: entries[j]!.node.endIndex, text: '' },
        );
        i = j;
      }
      // After a trailing comment on the statement's last line, so `# noqa` stays with its statement.
      const lineEnd = lineEndAt(text, statement.endIndex);
      const at = startsLine && /^[ \t]*(#.*)?$/.test(text.slice(statement.endIndex, lineEnd)) ? lineEnd : statement.endIndex;
      edits.push({ start: at, end: at, text: lines.map((l) => separator + l).join('') });
      return edits;
    },
  };
}

