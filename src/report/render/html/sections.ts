// The parts of the HTML report that come from a scan report: the projects table and, per project,
// what is left to do (a checklist grouped by incubator module, namespace library and rootwrap) and
// every finding with its file:line.

import { remainingAt, sparkline } from '../sparkline.js';
import type { TrendProject } from '../../trend.js';
import type { Finding, Project, Report } from '../../types.js';
import { projectKey } from '../../identity.js';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Findings listed per project; beyond this the list says how many more there are (size stays bounded). */
export const MAX_FINDINGS_SHOWN = 400;

/** An id for a project's section, from its identity. */
export function anchorOf(p: { name: string; repo: string | null }): string {
  return `p-${(p.repo ?? p.name).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const count = (p: Project, ...kinds: string[]): number => kinds.reduce((n, k) => n + ((p.summary.counts as Record<string, number | undefined>)[k] ?? 0), 0);

function cell(value: string | number, sortValue: string | number = value, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''} data-v="${esc(String(sortValue))}">${esc(String(value))}</td>`;
}

export function projectsTable(report: Report, trendOf: (p: Project) => TrendProject | undefined): string {
  const head = ['project', 'status', 'incubator modules', 'namespace imports', 'rootwrap calls', 'privsep', 'findings', 'trend'];
  const rows = report.projects.map((p) => {
    const t = trendOf(p);
    const values = t ? t.points.map(remainingAt) : [];
    return [
      `<tr data-project="${esc(p.name)}" data-status="${p.error ? 'error' : p.summary.migrationStatus}">`,
      `<td data-v="${esc(p.name)}"><a href="#${anchorOf(p)}">${esc(p.name)}</a></td>`,
      cell(p.error ? 'error' : p.summary.migrationStatus, p.error ? 'error' : p.summary.migrationStatus, `st ${p.error ? 'error' : p.summary.migrationStatus}`),
      cell(p.summary.incubatorModules.length),
      cell(count(p, 'namespace-import')),
      cell(count(p, 'rootwrap-call')),
      cell(p.summary.privsep ? 'yes' : 'no'),
      cell(p.findings.length),
      `<td class="spark" data-v="${values.length ? values[values.length - 1] : ''}" title="${esc(values.join(' → '))}">${sparkline(values)}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table id="projects"><thead><tr>',
    head.map((h, i) => `<th data-col="${i}" tabindex="0">${h}</th>`).join(''),
    '</tr></thead><tbody>',
    rows.join('\n'),
    '</tbody></table>',
  ].join('\n');
}

const where = (f: Finding): string => `${f.file}${f.line ? `:${f.line}` : ''}`;

/** What is left, grouped as a checklist: one item per module, library or rootwrap use, with its places. */
function checklist(p: Project): string {
  const groups = new Map<string, { title: string; places: string[] }>();
  const add = (key: string, title: string, f: Finding) => {
    const g = groups.get(key) ?? { title, places: [] };
    g.places.push(where(f));
    groups.set(key, g);
  };
  for (const f of p.findings) {
    if (f.kind === 'incubator-copy' || f.kind === 'incubator-import' || f.kind === 'incubator-config') {
      const s = f.detail.successor;
      add(`i:${f.detail.module}`, `incubator ${f.detail.module || '(package)'}${s ? ` → ${s.import ?? s.package}` : ''}`, f);
    } else if (f.kind === 'namespace-import') add(`n:${f.detail.old}`, `namespace ${f.detail.old} → ${f.detail.new}`, f);
    else if (f.kind.startsWith('rootwrap-')) add('r', 'rootwrap → oslo.privsep', f);
  }
  if (groups.size === 0) return '<p class="done">Nothing left to migrate.</p>';
  const items = [...groups.values()].map((g) => `<li><label><input type="checkbox"> ${esc(g.title)}</label> <span class="n">(${g.places.length})</span><div class="places">${esc(g.places.slice(0, 20).join(', '))}${g.places.length > 20 ? ' …' : ''}</div></li>`);
  return `<ul class="checklist">${items.join('')}</ul>`;
}

/** Findings grouped by kind (the kind named once per group), at most MAX_FINDINGS_SHOWN in all. */
function findings(p: Project): string {
  const shown = p.findings.slice(0, MAX_FINDINGS_SHOWN);
  const kinds = new Map<string, Finding[]>();
  for (const f of shown) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
  const groups = [...kinds].map(([kind, fs]) => `<h4>${kind} (${fs.length})</h4><ol class="findings">${fs.map((f) => `<li><code>${esc(where(f))}</code> ${esc(f.message)}</li>`).join('')}</ol>`);
  const more = p.findings.length - shown.length;
  return `${groups.join('')}${more > 0 ? `<p class="more">… ${more} more findings in the JSON report</p>` : ''}`;
}

export function projectSection(p: Project, hasTrend: boolean): string {
  const status = p.error ? `error: ${p.error.message}` : p.summary.migrationStatus;
  return [
    `<details class="project" id="${anchorOf(p)}" data-project="${esc(p.name)}" data-key="${esc(projectKey(p))}">`,
    `<summary><b>${esc(p.name)}</b>${p.repo ? ` <span class="repo">${esc(p.repo)}</span>` : ''} <span class="st ${p.error ? 'error' : p.summary.migrationStatus}">${esc(status)}</span>${p.commit ? ` <code>@ ${p.commit.slice(0, 10)}</code>` : ''}</summary>`,
    hasTrend ? `<div class="chart" data-project="${esc(p.name)}"></div>` : '',
    '<h3>Checklist</h3>',
    checklist(p),
    `<h3>Findings (${p.findings.length})</h3>`,
    findings(p),
    '</details>',
  ].join('\n');
}
