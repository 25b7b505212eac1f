// What a checklist says of a project's requirements: whether a library is already required, the line to
// add, and the minimum version a release note names.

import { normaliseDistribution } from '../knowledge/index.js';
import type { FindingOf } from '../report/index.js';
import { compareVersions } from '../util/index.js';

export type Requirement = FindingOf<'oslo-requirement'>;

const at = (f: { file: string; line: number | null }): string => (f.line === null ? f.file : `${f.file}:${f.line}`);

/** `oslo.utils 0.1.0 (2014-07-29)` → `0.1.0`, when the text speaks of `pkg`. */
export function minimumVersion(pkg: string, since: string | null | undefined): string | null {
  if (!since) return null;
  const m = /^(\S+)\s+(\S+)/.exec(since.trim());
  if (!m) return null;
  return normaliseDistribution(m[1]!) === normaliseDistribution(pkg) ? m[2]! : null;
}

/** Whether a requirement's specifier already rules out versions below `version`. */
export function requiresAtLeast(spec: string, version: string): boolean {
  return spec.split(',').some((part) => {
    const m = /^\s*(>=|==|~=|>)\s*([0-9][^\s]*)\s*$/.exec(part);
    return m !== null && compareVersions(m[2]!, version) >= 0;
  });
}

export function requirementOf(requirements: Requirement[], pkg: string): Requirement | undefined {
  return requirements.find((r) => normaliseDistribution(r.detail.name) === normaliseDistribution(pkg));
}

/** The line to add to requirements.txt, or where the library is already required. */
export function requirementLine(requirements: Requirement[], pkg: string, version: string | null): string {
  const have = requirementOf(requirements, pkg);
  if (have) return `Already required: \`${have.detail.name}${have.detail.spec}\` (${at(have)})`;
  return `Add to requirements.txt: \`${version ? `${pkg}>=${version}` : pkg}\``;
}
