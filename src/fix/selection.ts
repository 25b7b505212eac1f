// `--only namespace,incubator:jsonutils`: which rewrites a run may make.

import type { Knowledge } from '../knowledge/index.js';
import type { Rewrite } from './rewrites.js';

export type Selector =
  | { kind: 'namespace'; subject: string | null }
  | { kind: 'incubator'; subject: string | null };

export class SelectionError extends Error {}

/**
 * Parses the comma-separated selectors of `--only`: `namespace` (every namespace rewrite),
 * `namespace:oslo.config`, `incubator` (every drop-in swap), `incubator:MODULE`. A module whose
 * successor is not a drop-in is refused with the reason.
 */
export function parseSelection(text: string, kb: Knowledge): Selector[] {
  const selectors: Selector[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const [kind, subject, extra] = item.split(':');
    if (extra !== undefined || (kind !== 'namespace' && kind !== 'incubator') || subject === '') {
      throw new SelectionError(`--only takes namespace, namespace:LIBRARY, incubator or incubator:MODULE, not ${JSON.stringify(item)}`);
    }
    if (kind === 'namespace') {
      if (subject !== undefined && !kb.isKnownNamespace(subject)) throw new SelectionError(`--only ${item}: ${subject} is not an Oslo library imported through the oslo. namespace`);
      selectors.push({ kind, subject: subject ?? null });
      continue;
    }
    if (subject !== undefined) {
      const facts = kb.dropIn(subject);
      if (!facts?.dropIn) {
        const why = facts ? facts.reason : 'the knowledge base does not mark its successor as a drop-in';
        throw new SelectionError(`--only ${item}: ${subject} is not rewritten automatically: ${why}`);
      }
    }
    selectors.push({ kind, subject: subject ?? null });
  }
  if (selectors.length === 0) throw new SelectionError('--only needs at least one of namespace, incubator:MODULE');
  return selectors;
}

/** Whether a rewrite is selected; no selectors means everything. */
export function isSelected(rewrite: Rewrite, selectors: readonly Selector[] | undefined): boolean {
  if (!selectors) return true;
  return selectors.some((s) => s.kind === rewrite.kind && (s.subject === null || s.subject === rewrite.subject));
}
