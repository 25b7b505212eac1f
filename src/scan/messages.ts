import type { IncubatorFacts } from '../knowledge/index.js';

/** How to say what replaces an incubator module, in one clause. */
export function successorClause(facts: IncubatorFacts | null): string {
  if (!facts || facts.fate === 'unknown') return 'a module the knowledge base does not know';
  const s = facts.successor;
  const target = s ? [s.import, s.package && `(${s.package})`].filter(Boolean).join(' ') : '';
  switch (facts.fate) {
    case 'graduated':
      return target ? `graduated to ${target}` : 'graduated';
    case 'moved':
      return target ? `moved to ${target}` : 'moved to another project';
    case 'dropped':
      return target ? `dropped from the incubator; use ${target} instead` : 'dropped from the incubator without a library successor';
    default:
      return 'of unknown fate';
  }
}

export function moduleLabel(module: string): string {
  return module === '' ? 'openstack.common (package marker)' : module;
}
