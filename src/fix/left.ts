// What the plan leaves to a person, as items with their reasons: modules that are not drop-ins,
// mentions of a renamed module that no rewrite changes, and the era facts the messages need.

import type { Knowledge } from '../knowledge/index.js';
import type { Finding } from '../report/index.js';
import { incubatorKey, type Rewrite } from './rewrites.js';
import type { Mention } from './sites.js';
import type { LeftItem } from './types.js';

export function notDropIn(kb: Knowledge, module: string, findings: Finding[]): LeftItem {
  const facts = kb.dropIn(module);
  const successor = kb.incubatorModule(module)?.successor;
  const target = facts?.newImport || successor?.import || '';
  const reason = facts ? facts.reason : `the knowledge base does not mark ${target || 'its successor'} as a drop-in replacement`;
  return {
    id: incubatorKey(module),
    title: target ? `${module}: move to ${target} by hand` : `${module}: remove by hand`,
    reason,
    places: findings.map((f) => ({ file: f.file, line: f.line })),
  };
}

export const STRING_REASON = 'not a whole dotted path into the module (a bare oslo.X may be a distribution or logger name), so it is not rewritten: check it by hand';
export const ENTRY_POINT_REASON = 'an entry point into the incubator copy: the library may not have the same function, so the copy stays while it is named; change it by hand';

/** Mentions of one rewrite's old name in one file, as one item for review. */
export function mentionItems(path: string, mentions: readonly Mention[], rewrites: Map<string, Rewrite>, reason = STRING_REASON): LeftItem[] {
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) if (rewrites.has(m.key)) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  return [...byKey].map(([key, list]) => ({
    id: `mention:${key}:${path}`,
    title: `${rewrites.get(key)!.subject} is still named in ${path}`,
    reason,
    places: list.map((m) => ({ file: path, line: m.line, note: m.what })),
  }));
}

/** `2.0.0 (2015-07-20)` of the first namespace rewrite's library: when its `oslo` package went. */
export function namespaceRemoval(kb: Knowledge, namespaces: readonly Rewrite[]): { version: string; date: string } | null {
  const text = namespaces.length ? kb.namespace(namespaces[0]!.subject)?.removedIn ?? '' : '';
  const m = /^([0-9][\w.]*) \((\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? { version: m[1]!, date: m[2]! } : null;
}
