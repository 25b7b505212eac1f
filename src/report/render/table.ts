// The human summary of a report: an overview line per project, then what is left in each.

import { columns, paint, plural, type Style } from '../../util/index.js';
import { findingsOf } from '../findings.js';
import type { Project, Report } from '../types.js';

export function overviewRows(projects: readonly Project[]): string[][] {
  const rows = [['PROJECT', 'STATUS', 'INCUBATOR', 'INC-IMPORTS', 'NAMESPACE', 'ROOTWRAP-CALLS', 'PRIVSEP']];
  for (const p of projects) {
    const c = p.summary.counts;
    rows.push([
      p.name,
      p.error ? `error (${p.error.stage})` : p.summary.migrationStatus,
      String(p.summary.incubatorModules.length),
      String(c['incubator-import'] ?? 0),
      String(c['namespace-import'] ?? 0),
      String(c['rootwrap-call'] ?? 0),
      p.summary.privsep ? 'yes' : 'no',
    ]);
  }
  return rows;
}

export function projectLines(p: Project): string[] {
  const head = `${p.name}${p.repo ? ` (${p.repo})` : ''}${p.commit ? ` @ ${p.commit.slice(0, 10)}` : ''}`;
  if (p.error) return [head, `  error during ${p.error.stage}: ${p.error.message}`];
  const c = p.summary.counts;
  const lines = [`${head}: ${p.summary.migrationStatus}`];
  const mods = p.summary.incubatorModules;
  if (mods.length || (c['incubator-config'] ?? 0) || (c['incubator-import'] ?? 0)) {
    lines.push(`  incubator   ${plural(mods.length, 'module')} left${mods.length ? `: ${mods.join(', ')}` : ''}`);
    lines.push(
      `              ${plural(c['incubator-copy'] ?? 0, 'copied file')}, ${plural(c['incubator-config'] ?? 0, 'conf entry', 'conf entries')}, ${plural(c['incubator-import'] ?? 0, 'import')}`,
    );
  }
  const ns = p.summary.namespaceLibraries;
  if (ns.length) lines.push(`  namespace   ${plural(ns.length, 'library', 'libraries')} left: ${ns.join(', ')} (${plural(c['namespace-import'] ?? 0, 'import')})`);
  if (p.summary.rootwrap) {
    const scripts = findingsOf(p.findings, 'rootwrap-config').filter((f) => f.detail.what === 'console-script').map((f) => f.detail.name);
    const files = findingsOf(p.findings, 'rootwrap-config').filter((f) => f.detail.what !== 'console-script').length;
    lines.push(
      `  rootwrap    ${plural(c['rootwrap-call'] ?? 0, 'call site')}, ${plural(c['rootwrap-import'] ?? 0, 'import')}, ${plural(files, 'config file')}${scripts.length ? `, console script ${scripts.join(', ')}` : ''}`,
    );
  }
  lines.push(`  privsep     ${p.summary.privsep ? `yes (${plural(c['privsep-usage'] ?? 0, 'use')})` : 'no'}`);
  const reqs = findingsOf(p.findings, 'oslo-requirement').map((f) => f.detail.name);
  if (reqs.length) lines.push(`  requires    ${[...new Set(reqs)].join(', ')}`);
  if (p.skipped.length) lines.push(`  skipped     ${plural(p.skipped.length, 'file')} (${[...new Set(p.skipped.map((s) => s.reason))].join(', ')})`);
  return lines;
}

export interface TableOptions {
  /** Colour each project's status (ANSI). */
  color?: boolean;
}

function statusStyle(p: Project): Style {
  if (p.error || p.summary.migrationStatus === 'not-started') return 'red';
  return p.summary.migrationStatus === 'clean' ? 'green' : 'yellow';
}

/** Colours the text of `cell` where it starts at `at` in an already aligned line, so alignment holds. */
function paintCell(line: string, at: number, cell: string, style: Style, on: boolean): string {
  return line.slice(0, at) + paint(line.slice(at, at + cell.length), style, on) + line.slice(at + cell.length);
}

export function renderTable(report: Report, options: TableOptions = {}): string {
  const on = options.color ?? false;
  const rows = overviewRows(report.projects);
  const statusAt = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  const out = columns(rows).map((line, i) => {
    const p = report.projects[i - 1];
    return p ? paintCell(line, statusAt, rows[i]![1]!, statusStyle(p), on) : paint(line, 'bold', on);
  });
  for (const p of report.projects) {
    const [head, ...rest] = projectLines(p);
    out.push('', paint(head!, statusStyle(p), on), ...rest);
  }
  return out.join('\n') + '\n';
}
