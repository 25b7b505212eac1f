import { findingsOf } from '../findings.js';
import type { Project, Report } from '../types.js';
import { overviewRows } from './table.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function markdownTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  if (!head) return [];
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...body.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function projectSection(p: Project): string[] {
  const out = [`## ${p.name}`, ''];
  if (p.repo || p.commit) out.push(`${p.repo ?? p.source}${p.commit ? ` at \`${p.commit.slice(0, 10)}\`` : ''}`, '');
  if (p.error) return [...out, `Not scanned: error during ${p.error.stage}: ${p.error.message}`, ''];
  out.push(`Migration status: **${p.summary.migrationStatus}**`, '');
  if (p.summary.incubatorModules.length) out.push(`- Incubator modules left: ${p.summary.incubatorModules.map((m) => `\`${m}\``).join(', ')}`);
  if (p.summary.namespaceLibraries.length) out.push(`- Namespace libraries left: ${p.summary.namespaceLibraries.map((m) => `\`${m}\``).join(', ')}`);
  out.push(`- Rootwrap: ${p.summary.rootwrap ? 'yes' : 'no'}; privsep: ${p.summary.privsep ? 'yes' : 'no'}`);
  const rows = [['Kind', 'File', 'Line', 'What']];
  for (const f of p.findings) {
    if (f.kind === 'oslo-requirement' || f.kind === 'privsep-usage') continue;
    rows.push([f.kind, `\`${f.file}\``, f.line === null ? '' : String(f.line), f.message]);
  }
  if (rows.length > 1) out.push('', ...markdownTable(rows));
  const reqs = findingsOf(p.findings, 'oslo-requirement');
  if (reqs.length) out.push('', `Oslo requirements: ${reqs.map((r) => `\`${r.detail.name}${r.detail.spec}\``).join(', ')}`);
  out.push('');
  return out;
}

export function renderMarkdown(report: Report): string {
  const out = ['# Oslo migration report', '', `Generated ${report.generatedAt} by oslo-audit ${report.tool.version}.`, '', ...markdownTable(overviewRows(report.projects)), ''];
  for (const p of report.projects) out.push(...projectSection(p));
  return out.join('\n');
}
