// The trend report as text: JSON (the contract), CSV (one row per project and point) and an aligned
// table. Kind columns are the kinds the points count, in the order they first appear, so kinds new to
// the scanner get their column without a change here.

import type { TrendPoint, TrendReport } from '../trend.js';

export function renderTrendJson(trend: TrendReport): string {
  return `${JSON.stringify(trend, null, 2)}\n`;
}

/** Every kind counted at any point, in first-seen order. */
export function trendKinds(trend: TrendReport): string[] {
  const kinds = new Set<string>();
  for (const p of trend.projects) for (const pt of p.points) for (const k of Object.keys(pt.counts)) kinds.add(k);
  return [...kinds];
}

const FIXED = ['project', 'repo', 'point', 'commit', 'date', 'status', 'incubator-modules', 'namespace-libraries', 'privsep'];

function row(project: { name: string; repo: string | null }, pt: TrendPoint, kinds: readonly string[]): string[] {
  return [project.name, project.repo ?? '', pt.label, pt.commit, pt.date, pt.migrationStatus, String(pt.incubatorModules), String(pt.namespaceLibraries), pt.privsep ? 'yes' : 'no', ...kinds.map((k) => String(pt.counts[k] ?? 0))];
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per project and point; a project without points gets one row with its error. */
export function renderTrendCsv(trend: TrendReport): string {
  const kinds = trendKinds(trend);
  const lines = [[...FIXED, ...kinds, 'error']];
  for (const p of trend.projects) {
    if (p.points.length === 0) lines.push([p.name, p.repo ?? '', '', '', '', '', '', '', '', ...kinds.map(() => ''), p.error?.message ?? '']);
    for (const pt of p.points) lines.push([...row(p, pt, kinds), '']);
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function align(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

const SHORT: Record<string, string> = {
  'incubator-copy': 'INC-FILES',
  'incubator-import': 'INC-IMPORTS',
  'namespace-import': 'NAMESPACE',
  'rootwrap-call': 'ROOTWRAP-CALLS',
  'privsep-usage': 'PRIVSEP',
};

/** Per project: a heading, then one line per point with the burndown's figures and the counts that matter. */
export function renderTrendTable(trend: TrendReport): string {
  const kinds = trendKinds(trend).filter((k) => k in SHORT || !['incubator-config', 'rootwrap-import', 'rootwrap-config', 'oslo-requirement'].includes(k));
  const out: string[] = [];
  for (const p of trend.projects) {
    out.push(`${p.name}${p.repo ? ` (${p.repo})` : ''}${p.error ? `: ${p.error.message}` : ''}`);
    if (p.points.length === 0) {
      out.push('');
      continue;
    }
    const rows = [['POINT', 'DATE', 'STATUS', 'MODULES', ...kinds.map((k) => SHORT[k] ?? k.toUpperCase())]];
    for (const pt of p.points) rows.push([pt.label, pt.date.slice(0, 10), pt.migrationStatus, String(pt.incubatorModules), ...kinds.map((k) => String(pt.counts[k] ?? 0))]);
    out.push(...align(rows).map((l) => `  ${l}`), '');
  }
  const c = trend.cache;
  out.push(`results cache: ${c.cached} of ${c.files} files (${(c.hitRate * 100).toFixed(1)}%) unchanged since an earlier point`);
  return `${out.join('\n')}\n`;
}
