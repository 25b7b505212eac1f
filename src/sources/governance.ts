// Targets from an openstack/governance checkout: `reference/projects.yaml` (team → deliverables →
// repos), filtered by team, with `reference/legacy.yaml` telling which repositories are retired.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { REPO_NAME, unresolvedTarget, urlTarget } from './parse.js';
import { SourceError, type Target } from './types.js';

// yaml is loaded when a projects.yaml is read, not by every command that takes targets.
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof Yaml).parse(text);

export interface GovernanceOptions {
  /** Only these teams (case-insensitive); all when empty. */
  teams?: string[];
  /** Also scan the repositories listed only in legacy.yaml. */
  includeLegacy?: boolean;
  baseUrl: string;
}

/** Where a repository sits in governance. Written to the report as the project's `governance`. */
export interface GovernanceEntry {
  team: string;
  deliverable: string;
  /** Retired according to legacy.yaml (whole team or this deliverable). */
  retired: boolean;
  /** `retired-on` from legacy.yaml, `YYYY-MM-DD`, when given. */
  retiredOn: string | null;
}

type Teams = Record<string, { 'retired-on'?: unknown; deliverables?: Record<string, { repos?: unknown; 'retired-on'?: unknown } | null> } | null>;

function readYaml(path: string): Teams {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SourceError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new SourceError(`${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SourceError(`${path} does not map team names to teams`);
  return value as Teams;
}

function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}

/** Every (team, deliverable, repo) of a projects.yaml-shaped file. */
function entries(teams: Teams, retired: boolean): Array<{ repo: string; entry: GovernanceEntry }> {
  const out: Array<{ repo: string; entry: GovernanceEntry }> = [];
  for (const [team, body] of Object.entries(teams)) {
    for (const [deliverable, d] of Object.entries(body?.deliverables ?? {})) {
      const repos = Array.isArray(d?.repos) ? d.repos.filter((r): r is string => typeof r === 'string') : [];
      const retiredOn = retired ? (dateOf(d?.['retired-on']) ?? dateOf(body?.['retired-on'])) : null;
      for (const repo of repos) out.push({ repo, entry: { team, deliverable, retired, retiredOn } });
    }
  }
  return out;
}

/** The files of a governance checkout, or a projects.yaml given directly (legacy.yaml beside it). */
function governanceFiles(path: string): { projects: string; legacy: string } {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new SourceError(`--governance ${path}: no such file or directory`);
  }
  const dir = isDir ? join(path, 'reference') : dirname(path);
  return { projects: isDir ? join(dir, 'projects.yaml') : path, legacy: join(dir, 'legacy.yaml') };
}

export function targetsFromGovernance(path: string, options: GovernanceOptions): Target[] {
  const files = governanceFiles(path);
  const current = readYaml(files.projects);
  let legacy: Teams = {};
  try {
    statSync(files.legacy);
    legacy = readYaml(files.legacy);
  } catch (e) {
    if (e instanceof SourceError) throw e; // present but unreadable; absent is fine
  }
  const wanted = (options.teams ?? []).map((t) => t.toLowerCase());
  const known = new Set([...Object.keys(current), ...Object.keys(legacy)].map((t) => t.toLowerCase()));
  const unknown = wanted.filter((t) => !known.has(t));
  if (unknown.length) throw new SourceError(`--team ${unknown.join(', ')}: no such team in ${files.projects}${Object.keys(legacy).length ? ' or legacy.yaml' : ''}`);
  const keep = (team: string) => wanted.length === 0 || wanted.includes(team.toLowerCase());

  const retiredRepos = new Map(entries(legacy, true).map((e) => [e.repo, e.entry]));
  const listed = entries(current, false).filter((e) => keep(e.entry.team));
  // A repository in projects.yaml that legacy.yaml also lists (a retired deliverable of a live team)
  // is marked retired.
  const chosen = listed.map(({ repo, entry }) => ({ repo, entry: retiredRepos.has(repo) ? { ...retiredRepos.get(repo)!, team: entry.team, deliverable: entry.deliverable } : entry }));
  if (options.includeLegacy) {
    const seen = new Set(chosen.map((c) => c.repo));
    for (const e of entries(legacy, true)) if (keep(e.entry.team) && !seen.has(e.repo)) chosen.push(e);
  }
  return chosen.map(({ repo, entry }) =>
    REPO_NAME.test(repo)
      ? urlTarget(`${options.baseUrl}${repo}`, { repo, repoHint: repo, name: repo.slice(repo.lastIndexOf('/') + 1), extra: { governance: entry } })
      : { ...unresolvedTarget(repo, `${files.projects} lists ${JSON.stringify(repo)}, which is not a namespace/name`), extra: { governance: entry } },
  );
}
