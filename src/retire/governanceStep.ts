// Step 4, governance: the repository leaves the official lists (`reference/projects.yaml`, and for SIG
// and TC repositories `reference/sigs-repos.yaml` and `reference/technical-committee-repos.yaml`) and is
// recorded as retired (`reference/legacy.yaml`, named `reference/retired-projects.yaml` until 2016-09-27).

import { listsRepo } from './entries.js';
import { GOV, GOVERNANCE, type RetireInputs } from './inputs.js';
import { governanceEntry, type GovernanceEntry } from './locate.js';
import { evidence, parseYaml, test, type StepResult } from './pending.js';
import type { Leftover } from './types.js';

const listed = (repo: string) => test(`listed ${repo}`, (t) => listsRepo(t, repo));
const unlisted = (repo: string) => test(`unlisted ${repo}`, (t) => !listsRepo(t, repo));

export interface GovernanceResult extends StepResult {
  /** The deliverable as listed in projects.yaml (for candidacy and deprecation). */
  official: GovernanceEntry | null;
  /** Owned by a SIG or the TC (official, but not a team's deliverable). */
  owner: string | null;
}

/** Which file records retired projects in a governance tree (its files, by path): legacy.yaml, or its name before 2016-09-27. */
export function legacyFile(file: (path: string) => string | null | undefined): string {
  return file(GOV.legacy) == null && file(GOV.retiredProjects) != null ? GOV.retiredProjects : GOV.legacy;
}

export function governanceStep(inputs: RetireInputs, repo: string): GovernanceResult {
  const gov = inputs.governance;
  const plain = { official: null, owner: null };
  if (!gov) return { status: 'unknown', evidence: [evidence(GOVERNANCE, null, null, 'no governance checkout given')], leftovers: [], ...plain };
  const legacyPath = legacyFile((path) => gov[path]);
  const legacyName = legacyPath.split('/').pop()!;
  const projects = parseYaml(gov, GOV.projects);
  const legacy = parseYaml(gov, legacyPath);
  const official = projects ? governanceEntry(projects, repo) : null;
  const retired = legacy ? governanceEntry(legacy, repo) : null;
  const leftovers: Leftover[] = [];
  if (official) {
    const note = `still a deliverable (${official.deliverable}) of team ${official.team}${official.deprecated ? `, ${official.deprecated.value}` : ''}`;
    const ev = [evidence(GOVERNANCE, GOV.projects, official.repoLine, note, listed(repo))];
    if (official.deprecated) ev.push(evidence(GOVERNANCE, GOV.projects, official.deprecated.line, 'deprecated: stable branches stay maintained while master is emptied', test(`deprecated ${repo}`, (t) => t !== null && deprecatedIn(t, repo))));
    if (retired) ev.push(evidence(GOVERNANCE, legacyPath, retired.repoLine, `also listed in ${legacyName}`));
    return { status: 'pending', evidence: ev, leftovers, official, owner: null };
  }
  for (const [file, owner] of [[GOV.sigs, 'a SIG'], [GOV.tc, 'the Technical Committee']] as const) {
    const text = gov[file] ?? null;
    if (!listsRepo(text, repo)) continue;
    const line = text!.split('\n').findIndex((l) => l.includes(repo)) + 1;
    return { status: 'pending', evidence: [evidence(GOVERNANCE, file, line, `still owned by ${owner} (${file})`, listed(repo))], leftovers, official: null, owner };
  }
  if (retired) {
    const ev = [evidence(GOVERNANCE, GOV.projects, null, 'not in reference/projects.yaml', unlisted(repo))];
    const where = `in ${legacyName} (${retired.deliverable} of ${retired.team})`;
    if (retired.retiredOn) ev.push(evidence(GOVERNANCE, legacyPath, retired.retiredOn.line, `${where}, retired-on ${retired.retiredOn.value}`, listed(repo)));
    else {
      ev.push(evidence(GOVERNANCE, legacyPath, retired.repoLine, where, listed(repo)));
      leftovers.push({ repo: GOVERNANCE, file: legacyPath, line: retired.deliverableLine, note: 'no retired-on date' });
    }
    return { status: 'done', evidence: ev, leftovers, ...plain };
  }
  // Gone from every official list: the history of each says whether it was ever there.
  const removed = [GOV.projects, GOV.sigs, GOV.tc].filter((f) => gov[f] != null).map((f) => evidence(GOVERNANCE, f, null, `removed from ${f}`, unlisted(repo)));
  return { status: 'not-applicable', evidence: removed, leftovers: [{ repo: GOVERNANCE, file: legacyPath, line: null, note: `not recorded in ${legacyName}` }], ...plain };
}

/** Whether the deliverable holding `repo` is marked deprecated, read from its block of lines only. */
function deprecatedIn(text: string, repo: string): boolean {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*-\\s+['"]?${repo.replace(/[.]/g, '\\.')}['"]?\\s*$`).test(l));
  if (at < 0) return false;
  const indent = (l: string): number => l.length - l.trimStart().length;
  let start = at;
  while (start > 0 && (lines[start]!.trim() === '' || indent(lines[start]!) !== 4)) start--;
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || indent(lines[end]!) > 4)) end++;
  return lines.slice(start, end).some((l) => /^\s+(deprecated:|release-management:\s*deprecated\s*$)/.test(l));
}
