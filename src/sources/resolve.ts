// Every way of naming targets, mixed freely: arguments, list files, governance, GitHub orgs.

import { targetsFromFile } from './listFile.js';
import { targetsFromGitHubOrg, type GitHubOptions } from './github.js';
import { targetsFromGovernance } from './governance.js';
import { DEFAULT_BASE_URL, normaliseBaseUrl, parseTarget } from './parse.js';
import type { Target } from './types.js';

export interface TargetSpec {
  /** Targets as typed on the command line. */
  args?: string[];
  /** `--from` list files. */
  lists?: string[];
  governance?: { path: string; teams?: string[]; includeLegacy?: boolean };
  githubOrgs?: string[];
  github?: GitHubOptions;
  baseUrl?: string;
  cwd?: string;
}

/**
 * The targets of a spec, in the order given, each once (by `id`). Throws SourceError when a whole
 * source cannot be read; a single target that cannot be used comes back `unresolved`.
 */
export async function resolveTargets(spec: TargetSpec): Promise<Target[]> {
  const baseUrl = normaliseBaseUrl(spec.baseUrl ?? DEFAULT_BASE_URL);
  const parse = { baseUrl, cwd: spec.cwd };
  const all: Target[] = [];
  for (const arg of spec.args ?? []) all.push(parseTarget(arg, parse));
  for (const file of spec.lists ?? []) all.push(...targetsFromFile(file, parse));
  if (spec.governance) all.push(...targetsFromGovernance(spec.governance.path, { ...spec.governance, baseUrl }));
  for (const org of spec.githubOrgs ?? []) all.push(...(await targetsFromGitHubOrg(org, spec.github)));
  const seen = new Set<string>();
  return all.filter((t) => !seen.has(t.id) && seen.add(t.id) !== undefined);
}
