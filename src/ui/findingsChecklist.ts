// The findings-derived fallback checklists: what the review UI shows until the real migration and
// retirement checklist generators are wired in (see ChecklistSource). Items are read straight off
// the findings: one per incubator module, one per namespace library, one for rootwrap.

import type { Checklist, ChecklistItem, ChecklistPlace } from '../checklist/index.js';
import type { Finding, Project, Successor } from '../report/index.js';
import { retirementCandidacy } from './candidacy.js';
import { successorText } from './findingGroups.js';

function at(f: Finding, note?: string): ChecklistPlace {
  return note ? { file: f.file, line: f.line, note } : { file: f.file, line: f.line };
}

function incubatorItems(project: Project): ChecklistItem[] {
  const byModule = new Map<string, Finding[]>();
  for (const f of project.findings) {
    if (f.kind !== 'incubator-copy' && f.kind !== 'incubator-config' && f.kind !== 'incubator-import') continue;
    // Imports inside the copy go away with it; only the project's own code needs rewriting.
    if (f.kind === 'incubator-import' && f.detail.insideCopy) continue;
    byModule.set(f.detail.module, [...(byModule.get(f.detail.module) ?? []), f]);
  }
  return [...byModule.keys()].sort().map((module) => {
    const list = byModule.get(module)!;
    const { successor, fate } = list[0]!.detail as { successor: Successor | null; fate: string };
    const name = module || 'openstack.common package';
    const detail = successor
      ? [`successor: ${successorText(successor)}`, ...(successor.package ? [`add ${successor.package} to requirements.txt`] : [])]
      : [`no successor library (${fate}): fold what is used into the project, then delete the copy`];
    const places = list.map((f) =>
      at(f, f.kind === 'incubator-copy' ? 'delete the copied file' : f.kind === 'incubator-config' ? 'drop from openstack-common.conf' : `import ${successor?.import ?? 'the replacement'} instead`),
    );
    return { id: `incubator:${module}`, title: successor ? `Replace incubator ${name} with ${successor.package ?? successor.import}` : `Remove incubator ${name}`, done: false, detail, places };
  });
}

function namespaceItems(project: Project): ChecklistItem[] {
  const byLibrary = new Map<string, Finding[]>();
  for (const f of project.findings) if (f.kind === 'namespace-import') byLibrary.set(f.detail.old, [...(byLibrary.get(f.detail.old) ?? []), f]);
  return [...byLibrary.keys()].sort().map((old) => {
    const list = byLibrary.get(old)!;
    const renamed = (list[0]!.detail as { new: string }).new;
    return { id: `namespace:${old}`, title: `Import ${renamed} instead of ${old}`, done: false, detail: [`${old} → ${renamed}`], places: list.map((f) => at(f, `${old} → ${renamed}`)) };
  });
}

function rootwrapItems(project: Project): ChecklistItem[] {
  const left = project.findings.filter((f) => f.kind === 'rootwrap-call' || f.kind === 'rootwrap-import' || f.kind === 'rootwrap-config');
  if (left.length === 0) return [];
  return [
    {
      id: 'rootwrap:privsep',
      title: 'Move root-wrapped commands to oslo.privsep',
      done: false,
      detail: ['add oslo.privsep to requirements.txt', 'define a PrivContext and privileged entrypoints', 'remove the rootwrap filters and console script once no call needs them'],
      places: left.map((f) => at(f, f.kind === 'rootwrap-call' ? `${f.detail.callee}(${f.detail.keyword}=…)` : f.kind.replace('rootwrap-', 'rootwrap ')),
      ),
    },
  ];
}

export function findingsMigrationChecklist(project: Project): Checklist {
  return { project: project.name, kind: 'migration', items: [...incubatorItems(project), ...namespaceItems(project), ...rootwrapItems(project)] };
}

// The steps of a retirement, in the order of the infra manual; their evidence lives outside the
// repository, so without the retirement work every step is listed as still to check.
const RETIREMENT_STEPS: readonly [string, string][] = [
  ['announce', 'Announce the retirement on the mailing list, with a date'],
  ['gating-ended', 'End gating: leave only noop-jobs in project-config'],
  ['content-removed', 'Remove the content: keep only README.rst and .gitreview'],
  ['infra-removed', 'Remove from infrastructure: Zuul, gerritbot, read-only ACL'],
  ['governance-retired', 'Retire in governance: move to reference/legacy.yaml'],
];

export function findingsRetirementChecklist(project: Project, reason: string): Checklist {
  return {
    project: project.name,
    kind: 'retirement',
    items: RETIREMENT_STEPS.map(([id, title]) => ({ id: `retire:${id}`, title, done: false, detail: id === 'announce' ? [`candidate: ${reason}`] : [], places: [] })),
  };
}

/** The fallback ChecklistSource: migration items from findings, and the retirement steps for a candidate. */
export function findingsChecklists(project: Project, now: Date): Checklist[] {
  const lists = [findingsMigrationChecklist(project)];
  const candidacy = retirementCandidacy(project, now);
  if (candidacy.isCandidate) lists.push(findingsRetirementChecklist(project, candidacy.reason ?? 'inactive'));
  return lists;
}
