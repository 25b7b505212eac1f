// Which findings the selected packs report. The original detectors find every kind of the incubator,
// namespace and rootwrap-privsep packs in one pass over imports; a pack left out of `--packs` has its
// kinds dropped from the result. Requirements (`oslo-requirement`) belong to no pack: they say what a
// project depends on and are always reported.

import type { RuleSelection } from '../knowledge/index.js';
import type { Finding, Kind } from '../report/index.js';

const BUILTIN_PACK_KINDS: Readonly<Record<string, readonly Kind[]>> = {
  incubator: ['incubator-copy', 'incubator-config', 'incubator-import'],
  namespace: ['namespace-import'],
  'rootwrap-privsep': ['rootwrap-import', 'rootwrap-call', 'rootwrap-config', 'privsep-usage'],
};

/** A test of whether a finding belongs to a selected pack. */
export function packFilter(rules: RuleSelection): (f: Finding) => boolean {
  const dropped = new Set<Kind>();
  for (const [pack, kinds] of Object.entries(BUILTIN_PACK_KINDS)) if (!rules.packs.includes(pack)) kinds.forEach((k) => dropped.add(k));
  if (dropped.size === 0) return () => true;
  return (f) => !dropped.has(f.kind);
}
