// A repository's entries in any version of a project-config or governance file, found as text (the
// entry's block of lines) and judged from that block alone. Pure and fast enough to run on dozens of
// versions of a 20,000-line file: only the block is parsed, never the whole file. The same judgements
// serve HEAD and history, so a step and the commit that made it agree.

import { parse } from 'yaml';
import type { RetirementFacts } from '../knowledge/index.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const indentOf = (line: string): number => line.length - line.trimStart().length;

/** A block: the lines from `start` while they are blank or deeper than `indent` (trailing blanks left out). */
function blockAt(lines: string[], start: number, indent: number): string {
  let end = start + 1;
  let last = start;
  for (; end < lines.length; end++) {
    const l = lines[end]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (indentOf(l) <= indent) break;
    last = end;
  }
  return lines.slice(start, last + 1).join('\n');
}

export interface EntryBlock {
  /** 1-based line where the entry starts. */
  line: number;
  value: unknown;
}

function parsed(block: string): unknown {
  try {
    return parse(block, { uniqueKeys: false });
  } catch {
    return null;
  }
}

/**
 * The `- project:` entry whose `name:` is `name` (`zuul.d/projects.yaml`; `jenkins/jobs/projects.yaml`
 * with short names), or the `- name:` entry of `zuul/layout.yaml`'s project list.
 */
export function projectEntry(text: string | null, name: string, style: 'project' | 'layout'): EntryBlock | null {
  if (text === null) return null;
  const re = new RegExp(`^([ \\t]*)(- )?name:[ \\t]*['"]?${escape(name)}['"]?[ \\t]*$`, 'm');
  const m = re.exec(text);
  if (!m) return null;
  const lines = text.split('\n');
  const at = text.slice(0, m.index).split('\n').length - 1;
  if (style === 'layout') {
    if (!m[2]) return null;
    return { line: at + 1, value: (parsed(blockAt(lines, at, m[1]!.length)) as unknown[] | null)?.[0] ?? null };
  }
  let start = at;
  while (start > 0 && !/^\s*- project:\s*$/.test(lines[start]!)) start--;
  const entry = (parsed(blockAt(lines, start, indentOf(lines[start]!))) as { project?: unknown }[] | null)?.[0];
  return entry?.project ? { line: start + 1, value: entry.project } : null;
}

/** The `- project: namespace/name` entry of `gerrit/projects.yaml`. */
export function gerritEntry(text: string | null, repo: string): EntryBlock | null {
  if (text === null) return null;
  const m = new RegExp(`^([ \\t]*)- project:[ \\t]*['"]?${escape(repo)}['"]?[ \\t]*$`, 'm').exec(text);
  if (!m) return null;
  const at = text.slice(0, m.index).split('\n').length - 1;
  const value = (parsed(blockAt(text.split('\n'), at, m[1]!.length)) as unknown[] | null)?.[0] ?? null;
  return { line: at + 1, value };
}

/** Whether a repository is an item of a list anywhere in a file (`- openstack/kite`, `- repo: openstack/kite`). */
export function listsRepo(text: string | null, repo: string): boolean {
  return text !== null && new RegExp(`^[ \\t]*-[ \\t]+(repo:[ \\t]*)?['"]?${escape(repo)}['"]?[ \\t]*$`, 'm').test(text);
}

/** What an entry runs in check and gate, as a retirement sees it. */
export interface Gating {
  /** Check and gate run nothing but noop (on master at least). */
  ended: boolean;
  /** noop on master only: stable branches are still gated (a deprecation). */
  masterOnly: boolean;
  /** Whether any noop (template or job) is there. */
  noop: boolean;
  /** What still gates: templates and jobs. */
  gating: string[];
  /** Templates that hold only non-gating pipelines (publishing, release, periodic). */
  nonGating: string[];
}

const GATE_PIPELINES = new Set(['check', 'gate']);

function jobName(job: unknown): { name: string; branches: unknown } | null {
  if (typeof job === 'string') return { name: job, branches: null };
  if (job && typeof job === 'object') {
    const [name, settings] = Object.entries(job)[0] ?? [];
    if (name) return { name, branches: (settings as { branches?: unknown } | null)?.branches ?? null };
  }
  return null;
}

const isMaster = (b: unknown): boolean => b === 'master' || (Array.isArray(b) && b.length === 1 && b[0] === 'master') || (typeof b === 'object' && b !== null && (b as { regex?: string }).regex === '^master$' && !(b as { negate?: boolean }).negate);
const notMaster = (b: unknown): boolean => typeof b === 'object' && b !== null && (b as { regex?: string }).regex === '^master$' && (b as { negate?: boolean }).negate === true;

/**
 * How a project entry gates: `file` is `zuul.d/projects.yaml` (templates under `templates`, jobs under
 * `check: {jobs: [...]}`) or `zuul/layout.yaml` (templates under `template: [{name}]`, jobs under `check: [...]`).
 */
export function gatingOf(entry: unknown, file: string, facts: RetirementFacts): Gating {
  const e = (entry ?? {}) as Record<string, unknown>;
  const templates = ((e.templates ?? e.template ?? []) as unknown[]).map((t) => (typeof t === 'string' ? t : (t as { name?: string })?.name ?? '')).filter(Boolean);
  const result: Gating = { ended: false, masterOnly: false, noop: false, gating: [], nonGating: [] };
  let masterNoop = false;
  for (const t of templates) {
    const kind = facts.templateKind(file, t);
    if (kind === 'noop') result.noop = true;
    else if (kind === 'non-gating') result.nonGating.push(t);
    else result.gating.push(t);
  }
  for (const [pipeline, value] of Object.entries(e)) {
    if (!GATE_PIPELINES.has(pipeline)) continue;
    const jobs = Array.isArray(value) ? value : ((value as { jobs?: unknown[] } | null)?.jobs ?? []);
    for (const j of jobs) {
      const job = jobName(j);
      if (!job) continue;
      if (job.name === 'noop') {
        if (isMaster(job.branches)) masterNoop = true;
        else result.noop = true;
      } else if (notMaster(job.branches)) {
        result.masterOnly = true; // runs on stable branches only
      } else if (!result.gating.includes(job.name)) result.gating.push(job.name);
    }
  }
  if (masterNoop && !result.noop) result.masterOnly = true;
  result.noop ||= masterNoop;
  result.ended = result.gating.length === 0 && result.noop;
  return result;
}

/** The text of a README that says the repository is retired or deprecated, and the line that says so. */
export function retiredWording(readme: string | null, facts: RetirementFacts): { line: number; deprecated: boolean } | null {
  if (readme === null) return null;
  const lines = readme.split('\n');
  const retired = lines.findIndex((l) => facts.retired.some((re) => re.test(l)));
  if (retired >= 0) return { line: retired + 1, deprecated: false };
  // Wordings may break across lines: try the whole text before giving up.
  const flat = readme.replace(/\s+/g, ' ');
  if (facts.retired.some((re) => re.test(flat))) return { line: 1, deprecated: false };
  const deprecated = lines.findIndex((l) => facts.deprecated.test(l));
  return deprecated >= 0 ? { line: deprecated + 1, deprecated: true } : null;
}
