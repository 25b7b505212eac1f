// The migration checklist of one scanned project: the changes to propose, one per incubator module
// group or namespace library, and the rootwrap → oslo.privsep steps. Pure: a report's Project in,
// a Checklist out, so the terminal UI can call it as well as the CLI.

import { provenanceLine } from '../provenance/index.js';
import { knowledge, normaliseDistribution, type Knowledge } from '../knowledge/index.js';
import { findingsOf, type Finding, type FindingOf, type IncubatorDetail, type Project } from '../report/index.js';
import { copyLocation } from '../scan/index.js';
import { goalItems } from './goals.js';
import { apiReview } from './apiReview.js';
import type { Checklist, ChecklistItem, ChecklistPlace } from './types.js';
import { compareVersions } from '../util/index.js';

type Requirement = FindingOf<'oslo-requirement'>;

const at = (f: { file: string; line: number | null }): string => (f.line === null ? f.file : `${f.file}:${f.line}`);
const inCopy = (f: Finding): boolean => copyLocation(f.file) !== null;

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

function requirementOf(requirements: Requirement[], pkg: string): Requirement | undefined {
  return requirements.find((r) => normaliseDistribution(r.detail.name) === normaliseDistribution(pkg));
}

/** The line to add to requirements.txt, or where the library is already required. */
function requirementLine(requirements: Requirement[], pkg: string, version: string | null): string {
  const have = requirementOf(requirements, pkg);
  if (have) return `Already required: \`${have.detail.name}${have.detail.spec}\` (${at(have)})`;
  return `Add to requirements.txt: \`${version ? `${pkg}>=${version}` : pkg}\``;
}

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

function incubatorItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
  const copies = findingsOf(project.findings, 'incubator-copy');
  const configs = findingsOf(project.findings, 'incubator-config');
  const imports = findingsOf(project.findings, 'incubator-import').filter((f) => !f.detail.insideCopy);
  if (copies.length + configs.length + imports.length === 0) return [];

  const copyPackage = copies[0]?.detail.package ?? null;
  const packages = copies.filter((f) => f.file.endsWith('/__init__.py') && f.detail.module !== '').map((f) => f.detail.module);
  const candidates = [...new Set([...configs.map((f) => f.detail.module), ...packages])];

  interface Group { facts: IncubatorDetail | null; modules: Set<string>; imports: typeof imports; conf: typeof configs; copies: typeof copies }
  const groups = new Map<string, Group>();
  const groupFor = (module: string): Group => {
    const name = groupOf(module, candidates);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { facts: null, modules: new Set(), imports: [], conf: [], copies: [] }));
    return g;
  };
  for (const f of configs) {
    const g = groupFor(f.detail.module);
    g.conf.push(f);
    g.facts = f.detail; // the conf entry names the unit itself: its facts describe the whole group
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

function namespaceItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
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

function rootwrapItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
  if (!project.summary.rootwrap && !project.summary.privsep) return [];
  const calls = findingsOf(project.findings, 'rootwrap-call');
  const imports = findingsOf(project.findings, 'rootwrap-import');
  const configs = findingsOf(project.findings, 'rootwrap-config');
  const files = configs.filter((f) => f.detail.what !== 'console-script');
  const scripts = configs.filter((f) => f.detail.what === 'console-script');
  const rootwrapReq = requirementOf(requirements, 'oslo.rootwrap');
  // The project's Python package: where its incubator copy lives, else where its privileged calls are.
  const pkg = findingsOf(project.findings, 'incubator-copy')[0]?.detail.package
    ?? calls.find((f) => f.file.includes('/'))?.file.split('/')[0]
    ?? project.name.replace(/-/g, '_');
  const privsep = project.summary.privsep;
  const privsepVersion = kb.library('oslo.privsep')?.firstRelease ?? null;

  const callItem: ChecklistItem = {
    id: 'rootwrap:calls',
    section: 'rootwrap',
    title: 'Run privileged code through oslo.privsep instead of rootwrap',
    done: calls.length === 0 && privsep,
    detail: [
      privsep ? 'oslo.privsep is already in use.' : requirementLine(requirements, 'oslo.privsep', privsepVersion),
      ...(privsep ? [] : [`Define a privilege context in \`${pkg}/privsep/__init__.py\`: \`sys_admin_pctxt = priv_context.PrivContext('${pkg}', cfg_section='${pkg}_sys_admin', pypath=__name__ + '.sys_admin_pctxt', capabilities=[...])\`, with only the capabilities the commands need.`]),
      'For each call below, move the privileged work into a function decorated with `@' + pkg + '.privsep.sys_admin_pctxt.entrypoint` (run the command there with `processutils.execute` and no `run_as_root`/`root_helper`), and call that function instead.',
    ],
    places: calls.map((f) => ({ file: f.file, line: f.line, note: `\`${f.detail.callee}(…, ${f.detail.keyword}=${f.detail.value})\`` })),
  };
  const importItem: ChecklistItem = {
    id: 'rootwrap:imports',
    section: 'rootwrap',
    title: 'Remove imports of oslo.rootwrap',
    done: imports.length === 0,
    detail: ['The rootwrap client and wrapper go once no call runs through rootwrap.'],
    places: imports.map((f) => ({ file: f.file, line: f.line, note: `import of \`${f.detail.module}\`` })),
  };
  const filterItem: ChecklistItem = {
    id: 'rootwrap:filters',
    section: 'rootwrap',
    title: 'Delete the rootwrap filters and rootwrap.conf',
    done: files.length === 0,
    detail: ['Delete each command filter once its command runs through privsep; while deployments still start the privsep daemon through rootwrap, keep only a `privsep-helper` filter.'],
    places: files.map((f) => ({ file: f.file, line: f.line, note: f.detail.what === 'conf' ? 'rootwrap configuration' : 'command filters' })),
  };
  const scriptItem: ChecklistItem = {
    id: 'rootwrap:console-script',
    section: 'rootwrap',
    title: 'Remove the rootwrap console script and the oslo.rootwrap requirement',
    done: scripts.length === 0 && !rootwrapReq,
    detail: ['Deployments then start privileged helpers with `privsep-helper` (from oslo.privsep), not a project rootwrap script.'],
    places: [
      ...scripts.map((f) => ({ file: f.file, line: f.line, note: `console script \`${f.detail.name ?? ''}\`` })),
      ...(rootwrapReq ? [{ file: rootwrapReq.file, line: rootwrapReq.line, note: `requirement \`${rootwrapReq.detail.name}${rootwrapReq.detail.spec}\`` }] : []),
    ],
  };
  return [callItem, importItem, filterItem, scriptItem];
}

function summaryLines(project: Project, items: ChecklistItem[]): string[] {
  const done = items.filter((i) => i.done).length;
  return [`${done} of ${items.length} ${items.length === 1 ? 'item' : 'items'} done; migration status: ${project.summary.migrationStatus}.`];
}

/** The migration checklist of a scanned project. A project that failed to scan gets an empty checklist saying why. */
export function migrationChecklist(project: Project, kb: Knowledge = knowledge()): Checklist {
  const base = { project: project.name, kind: 'migration' as const, repo: project.repo, commit: project.commit };
  if (project.error) return { ...base, items: [], summary: [`Not scanned (${project.error.stage}): ${project.error.message}`] };
  const requirements = findingsOf(project.findings, 'oslo-requirement');
  const items = [...incubatorItems(project, requirements, kb), ...namespaceItems(project, requirements, kb), ...rootwrapItems(project, requirements, kb), ...goalItems(project)];
  return { ...base, items, summary: items.length ? summaryLines(project, items) : ['Nothing to migrate: no incubator code, namespace imports or rootwrap use.'] };
}
