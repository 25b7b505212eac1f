// The namespace part of a migration checklist: one item per `oslo.X` namespace package still imported,
// with the new import and the release that ships it.

import type { Knowledge } from '../knowledge/index.js';
import { findingsOf, type Finding, type FindingOf, type Project } from '../report/index.js';
import { copyLocation } from '../scan/index.js';
import { requirementLine, requirementOf, requiresAtLeast, type Requirement } from './requirements.js';
import type { ChecklistItem } from './types.js';

const inCopy = (f: Finding): boolean => copyLocation(f.file) !== null;

export function namespaceItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
  const byOld = new Map<string, FindingOf<'namespace-import'>[]>();
  for (const f of findingsOf(project.findings, 'namespace-import')) {
    const list = byOld.get(f.detail.old) ?? [];
    list.push(f);
    byOld.set(f.detail.old, list);
  }
  return [...byOld.keys()].sort().map((old) => {
    const all = byOld.get(old)!;
    const facts = kb.namespace(old);
    const outside = all.filter((f) => !inCopy(f));
    const insideCopy = all.length - outside.length;
    const neu = all[0]!.detail.new;
    const pkg = all[0]!.detail.package ?? facts?.package ?? old;
    const version = facts?.newSince ? /^(\S+)/.exec(facts.newSince)?.[1] ?? null : null;
    const detail = [
      `Import \`${neu}\` instead of \`${old}\`${facts?.newSince ? `; \`${neu}\` ships since ${pkg} ${facts.newSince}` : ''}.`,
      requirementLine(requirements, pkg, version),
    ];
    const have = requirementOf(requirements, pkg);
    if (version && have && !requiresAtLeast(have.detail.spec, version)) detail.push(`Raise its minimum to ${pkg}>=${version}.`);
    if (insideCopy) detail.push(`${insideCopy} more inside the incubator copy: they go with the copy tree.`);
    if (old === 'oslo.rootwrap') detail.push('oslo.rootwrap itself is to be replaced by oslo.privsep (see the rootwrap items).');
    return {
      id: `namespace:${old}`,
      section: 'namespace' as const,
      title: `${old}: import ${neu}`,
      done: outside.length === 0,
      detail,
      places: outside.map((f) => ({ file: f.file, line: f.line, note: `\`${old}\` → \`${neu}\`` })),
    };
  });
}
