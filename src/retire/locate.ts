// Finding a repository's entries in project-config and governance files. Pure: parsed text in, entries
// with their lines out (1-based), so the state reader and the editor agree on where things are.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { get, items, pairOf, pairs, scalarText, type YamlText } from './yamlText.js';

/** `- project: {name: openstack/kite, templates: [...]}` in `zuul.d/projects.yaml`. */
export interface ZuulProjectEntry {
  line: number;
  nameLine: number;
  templates: string[];
  /** Pipelines and other settings besides `name`, `templates`, `description`. */
  otherKeys: string[];
}

export function zuulProjectEntry(y: YamlText, repo: string): ZuulProjectEntry | null {
  for (const item of items(y.doc.contents)) {
    const project = get(item, 'project');
    const name = pairOf(project, 'name');
    if (scalarText(name?.value) !== repo) continue;
    return {
      line: y.lineOf(item)!,
      nameLine: y.lineOf(name)!,
      templates: items(get(project, 'templates')).map(scalarText).filter((t): t is string => t !== null),
      otherKeys: pairs(project).map((p) => scalarText(p.key) ?? '').filter((k) => !['name', 'templates', 'description'].includes(k)),
    };
  }
  return null;
}

/** Names of the project entries in `zuul.d/projects.yaml`, in file order, with their lines. */
export function zuulProjectNames(y: YamlText): { name: string; line: number }[] {
  return items(y.doc.contents).flatMap((item) => {
    const name = scalarText(get(get(item, 'project'), 'name'));
    return name === null ? [] : [{ name, line: y.lineOf(item)! }];
  });
}

/** Every line where the repository is a scalar value or a mapping key (`zuul/main.yaml`'s project lists). */
export function mentions(y: YamlText, repo: string): number[] {
  const lines = new Set<number>();
  const walk = (node: unknown): void => {
    if (isScalar(node)) {
      if (scalarText(node) === repo) lines.add(y.lineOf(node as Node)!);
    } else if (isMap(node)) {
      for (const p of node.items) {
        if (scalarText(p.key) === repo) lines.add(y.lineOf(p)!);
        else walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(node)) node.items.forEach(walk);
  };
  walk(y.doc.contents);
  return [...lines].sort((a, b) => a - b);
}

/** `- project: openstack/kite` in `gerrit/projects.yaml`. */
export interface GerritProject {
  line: number;
  description: { line: number; value: string } | null;
  aclConfig: { line: number; value: string } | null;
}

export function gerritProject(y: YamlText, repo: string): GerritProject | null {
  for (const item of items(y.doc.contents)) {
    if (scalarText(get(item, 'project')) !== repo) continue;
    const field = (key: string): { line: number; value: string } | null => {
      const p = pairOf(item, key);
      const value = scalarText(p?.value);
      return p && value !== null ? { line: y.lineOf(p)!, value } : null;
    };
    return { line: y.lineOf(item)!, description: field('description'), aclConfig: field('acl-config') };
  }
  return null;
}

/** A channel in `gerritbot/channels.yaml` whose `projects` list names the repository. */
export interface GerritbotChannel {
  channel: string;
  channelLine: number;
  /** The line of the repository's list item. */
  line: number;
  projectCount: number;
}

export function gerritbotChannels(y: YamlText, repo: string): GerritbotChannel[] {
  const found: GerritbotChannel[] = [];
  for (const channel of pairs(y.doc.contents)) {
    const projects = items(get(channel.value, 'projects'));
    const item = projects.find((p) => scalarText(p) === repo);
    if (item) found.push({ channel: scalarText(channel.key) ?? '', channelLine: y.lineOf(channel)!, line: y.lineOf(item)!, projectCount: projects.length });
  }
  return found;
}

/** `projects: [- name: openstack/kite, template: [- name: noop-jobs]]` in the 2016 `zuul/layout.yaml`. */
export interface LayoutProject {
  line: number;
  templates: string[];
  /** Jobs listed directly in pipelines (`check`, `gate`, …). */
  jobs: string[];
}

export function layoutProject(y: YamlText, repo: string): LayoutProject | null {
  for (const item of items(get(y.doc.contents, 'projects'))) {
    if (scalarText(get(item, 'name')) !== repo) continue;
    const templates = items(get(item, 'template')).map((t) => scalarText(get(t, 'name')) ?? scalarText(t)).filter((t): t is string => t !== null);
    const jobs = pairs(item)
      .filter((p) => !['name', 'template'].includes(scalarText(p.key) ?? ''))
      .flatMap((p) => items(p.value).map(scalarText).filter((j): j is string => j !== null));
    return { line: y.lineOf(item)!, templates, jobs };
  }
  return null;
}

/** `- project: {name: kite, jobs: [...]}` in the 2016 `jenkins/jobs/projects.yaml` (short names there). */
export function jenkinsProject(y: YamlText, repo: string): { line: number } | null {
  const short = repo.split('/').pop()!;
  for (const item of items(y.doc.contents)) {
    const name = scalarText(get(get(item, 'project'), 'name'));
    if (name === short || name === repo) return { line: y.lineOf(item)! };
  }
  return null;
}

/** A repository's place in governance's `reference/projects.yaml` or `reference/legacy.yaml`. */
export interface GovernanceEntry {
  team: string;
  teamLine: number;
  deliverable: string;
  deliverableLine: number;
  repoLine: number;
  repos: string[];
  /** `retired-on` of the deliverable, else of the team. */
  retiredOn: { line: number; value: string } | null;
  /** Whether the team's `deliverables` is a list (older legacy.yaml) rather than a mapping. */
  listStyle: boolean;
  /** `release-management: deprecated` or `deprecated: <series>`: master emptied, stable branches kept. */
  deprecated: { line: number; value: string } | null;
}

export function governanceEntry(y: YamlText, repo: string): GovernanceEntry | null {
  for (const team of pairs(y.doc.contents)) {
    const deliverables = get(team.value, 'deliverables');
    // Mapping form (name: {repos: ...}) or the older list form (- name: {repos: ...}).
    const entries = isSeq(deliverables) ? deliverables.items.flatMap((i) => pairs(i)) : pairs(deliverables);
    for (const d of entries) {
      const repos = items(get(d.value, 'repos'));
      const item = repos.find((r) => scalarText(r) === repo);
      if (!item) continue;
      const retired = pairOf(d.value, 'retired-on') ?? pairOf(team.value, 'retired-on');
      const retiredValue = retired ? scalarText(retired.value) : null;
      return {
        team: scalarText(team.key) ?? '',
        teamLine: y.lineOf(team)!,
        deliverable: scalarText(d.key) ?? '',
        deliverableLine: y.lineOf(d)!,
        repoLine: y.lineOf(item)!,
        repos: repos.map(scalarText).filter((r): r is string => r !== null),
        retiredOn: retired && retiredValue ? { line: y.lineOf(retired)!, value: retiredValue } : null,
        listStyle: isSeq(deliverables),
        deprecated: deprecation(y, d.value),
      };
    }
  }
  return null;
}

function deprecation(y: YamlText, deliverable: unknown): { line: number; value: string } | null {
  const series = pairOf(deliverable, 'deprecated');
  if (series) return { line: y.lineOf(series)!, value: `deprecated in ${scalarText(series.value) ?? 'an unnamed series'}` };
  const management = pairOf(deliverable, 'release-management');
  return management && scalarText(management.value) === 'deprecated' ? { line: y.lineOf(management)!, value: 'release-management: deprecated' } : null;
}
