// The incubator part of a migration checklist: one item per `openstack-common.conf` unit (its successor,
// requirement, copied modules, API differences, local changes), then the removal of the copy itself.

import { normaliseDistribution, type Knowledge } from '../knowledge/index.js';
import { provenanceLine } from '../provenance/index.js';
import { findingsOf, type IncubatorDetail, type Project } from '../report/index.js';
import { copyLocation } from '../scan/index.js';
import { apiReview } from './apiReview.js';
import { minimumVersion, requirementLine, requirementOf, type Requirement } from './requirements.js';
import type { ChecklistItem, ChecklistPlace } from './types.js';

/**
 * The `openstack-common.conf` unit a module belongs to: the longest conf group (or, without a conf entry,
 * copied package) that is the module or a dotted prefix of it, as update.py copied packages non-recursively.
 */
export function groupOf(module: string, groups: readonly string[]): string {
  let best: string | null = null;
  for (const g of groups) {
    if ((module === g || module.startsWith(`${g}.`)) && (best === null || g.length > best.length)) best = g;
  }
  return best ?? module;
}

export function incubatorItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
  const copies = findingsOf(project.findings, 'incubator-copy');
  const configs = findingsOf(project.findings, 'incubator-config');
  const imports = findingsOf(project.findings, 'incubator-import').filter((f) => !f.detail.insideCopy);
  if (copies.length + configs.length + imports.length === 0) return [];

  const copyPackage = copies[0]?.detail.package ?? null;
  const packages = copies.filter((f) => f.file.endsWith('/__init__.py') && f.detail.module !== '').map((f) => f.detail.module);
  const candidates = [...new Set([...configs.map((f) => f.detail.module), ...packages])];

  interface Group { facts: IncubatorDetail | null; modules: Set<string>; imports: typeof imports; copies: typeof copies }
  const groups = new Map<string, Group>();
  const groupFor = (module: string): Group => {
    const name = groupOf(module, candidates);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { facts: null, modules: new Set(), imports: [], copies: [] }));
    return g;
  };
  for (const f of configs) {
    groupFor(f.detail.module).facts = f.detail; // the conf entry names the unit itself: its facts describe the whole group
  }
  for (const f of copies) {
    if (!f.file.endsWith('.py') || f.detail.module === '') continue;
    const g = groupFor(f.detail.module);
    g.modules.add(f.detail.module);
    g.copies.push(f);
    g.facts ??= f.detail;
  }
  for (const f of imports) {
    const g = groupFor(f.detail.module);
    g.imports.push(f);
    g.facts ??= f.detail;
  }

  const adopted = new Set(project.summary.adoptedLibraries.map(normaliseDistribution));
  const items: ChecklistItem[] = [];
  for (const [name, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const successor = g.facts?.successor ?? null;
    const pkgs = (successor?.package ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    const detail: string[] = [];
    let title: string;
    if (pkgs.length && g.facts?.fate !== 'dropped') {
      title = `${name}: use ${pkgs.join(' and ')}${successor?.import ? ` (\`${successor.import}\`)` : ''}`;
      detail.push(`Successor: ${pkgs.join(', ')}${successor?.import ? `, import \`${successor.import}\`` : ''}${g.facts?.successorSince ? `; first released in ${g.facts.successorSince}` : ''}.`);
    } else if (pkgs.length) {
      title = `${name}: dropped from the incubator, use ${pkgs.join(' and ')}`;
      detail.push(`Dropped from the incubator; the documented replacement is ${pkgs.join(', ')}${successor?.import ? ` (\`${successor.import}\`)` : ''}.`);
    } else {
      title = `${name}: no library successor, keep what is used in the project's own code`;
      detail.push('Dropped from the incubator without a library successor: move what the project still uses into its own modules.');
    }
    const usesLeft = g.imports.length;
    // A module nothing imports needs no library: it just goes with the copy tree.
    const needed = pkgs.filter((p) => usesLeft > 0 || adopted.has(normaliseDistribution(p)) || requirementOf(requirements, p));
    // The floor is the first release with the new import where the knowledge base knows it (oslo_concurrency: 0.3.0).
    const dropIn = kb.dropIn(name);
    for (const p of needed) detail.push(requirementLine(requirements, p, (dropIn?.library === p && dropIn.minVersion) || minimumVersion(p, g.facts?.successorSince)));
    const modules = [...g.modules].sort();
    if (modules.length) detail.push(`Copied modules: ${modules.map((m) => `\`${m}\``).join(', ')}.`);
    if (usesLeft > 0) detail.push(...apiReview([...new Set([name, ...modules])], kb));
    // With provenance (scan --incubator), what replacing the copy would lose: local changes, unmatched files, staleness.
    for (const copy of g.copies) {
      const p = copy.detail.provenance;
      if (p && (p.status !== 'exact' || p.stale)) detail.push(provenanceLine(copy)!);
    }
    if (usesLeft === 0) detail.push('Nothing outside the copy imports it: it goes with the copy tree.');
    const places: ChecklistPlace[] = g.imports.map((f) => {
      const from = `${copyPackage ?? f.file.split('/')[0]}.openstack.common.${f.detail.module}`;
      const to = f.detail.successor?.import;
      return { file: f.file, line: f.line, note: to ? `\`${from}\` → \`${to}\`` : `\`${from}\`: no library replacement` };
    });
    items.push({ id: `incubator:${name}`, section: 'incubator', title, done: usesLeft === 0, detail, places });
  }

  // The last incubator step: once nothing imports the copy, the tree and its conf file go.
  const trees = new Map<string, number>();
  for (const f of copies) {
    const loc = copyLocation(f.file)!;
    const root = f.file.slice(0, f.file.length - loc.relPath.length);
    trees.set(root, (trees.get(root) ?? 0) + 1);
  }
  const confFiles = [...new Set(configs.map((f) => f.file))];
  const removal: ChecklistPlace[] = [
    ...[...trees].sort().map(([root, n]) => ({ file: root, line: null, note: `delete the folder (${n} ${n === 1 ? 'file' : 'files'})` })),
    ...confFiles.map((file) => ({ file, line: null, note: 'delete the file' })),
  ];
  items.push({
    id: 'incubator:remove-copy',
    section: 'incubator',
    title: 'Remove the incubator copy and openstack-common.conf',
    done: removal.length === 0,
    detail: removal.length
      ? ['Once every item above is done, nothing imports the copy any more: delete it, and the conf file that listed what to copy.']
      : ['No copy of oslo-incubator code and no openstack-common.conf left.'],
    places: removal,
  });
  return items;
}
