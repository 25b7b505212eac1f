// The rootwrap part of a migration checklist: the steps from rootwrap to oslo.privsep (the calls, the
// imports, the filters, the console script and requirement).

import type { Knowledge } from '../knowledge/index.js';
import { findingsOf, type Project } from '../report/index.js';
import { requirementLine, requirementOf, type Requirement } from './requirements.js';
import type { ChecklistItem } from './types.js';

export function rootwrapItems(project: Project, requirements: Requirement[], kb: Knowledge): ChecklistItem[] {
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

  const callItem = step('calls', 'Run privileged code through oslo.privsep instead of rootwrap', calls.length === 0 && privsep, [
    privsep ? 'oslo.privsep is already in use.' : requirementLine(requirements, 'oslo.privsep', privsepVersion),
    ...(privsep ? [] : [`Define a privilege context in \`${pkg}/privsep/__init__.py\`: \`sys_admin_pctxt = priv_context.PrivContext('${pkg}', cfg_section='${pkg}_sys_admin', pypath=__name__ + '.sys_admin_pctxt', capabilities=[...])\`, with only the capabilities the commands need.`]),
    'For each call below, move the privileged work into a function decorated with `@' + pkg + '.privsep.sys_admin_pctxt.entrypoint` (run the command there with `processutils.execute` and no `run_as_root`/`root_helper`), and call that function instead.',
  ], calls.map((f) => ({ file: f.file, line: f.line, note: `\`${f.detail.callee}(…, ${f.detail.keyword}=${f.detail.value})\`` })));
  const importItem = step('imports', 'Remove imports of oslo.rootwrap', imports.length === 0,
    ['The rootwrap client and wrapper go once no call runs through rootwrap.'],
    imports.map((f) => ({ file: f.file, line: f.line, note: `import of \`${f.detail.module}\`` })));
  const filterItem = step('filters', 'Delete the rootwrap filters and rootwrap.conf', files.length === 0,
    ['Delete each command filter once its command runs through privsep; while deployments still start the privsep daemon through rootwrap, keep only a `privsep-helper` filter.'],
    files.map((f) => ({ file: f.file, line: f.line, note: f.detail.what === 'conf' ? 'rootwrap configuration' : 'command filters' })));
  const scriptItem = step('console-script', 'Remove the rootwrap console script and the oslo.rootwrap requirement', scripts.length === 0 && !rootwrapReq,
    ['Deployments then start privileged helpers with `privsep-helper` (from oslo.privsep), not a project rootwrap script.'],
    [
      ...scripts.map((f) => ({ file: f.file, line: f.line, note: `console script \`${f.detail.name ?? ''}\`` })),
      ...(rootwrapReq ? [{ file: rootwrapReq.file, line: rootwrapReq.line, note: `requirement \`${rootwrapReq.detail.name}${rootwrapReq.detail.spec}\`` }] : []),
    ]);
  return [callItem, importItem, filterItem, scriptItem];
}

/** One step of the rootwrap section. */
function step(id: string, title: string, done: boolean, detail: string[], places: ChecklistItem['places']): ChecklistItem {
  return { id: `rootwrap:${id}`, section: 'rootwrap', title, done, detail, places };
}
