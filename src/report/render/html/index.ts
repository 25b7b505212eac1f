// One self-contained HTML page for `scan --format html` and `trend --format html`: the projects table
// (sortable, filterable), each project's checklist and findings with file:line, and the burndown
// charts when there is a trend. No network, no external assets: styles, script and data are inline.

import { PALETTE, type ChartMode } from '../chart.js';
import { projectKey } from '../../identity.js';
import { SERIES, type TrendProject, type TrendReport } from '../../trend.js';
import type { Report } from '../../types.js';
import { pageScript } from './script.js';
import { esc, projectSection, projectsTable } from './sections.js';

export interface HtmlInput {
  /** Each project's findings: the scan, or the trend's last point. */
  report: Report;
  trend?: TrendReport;
  /** How the overall burndown starts out (the page can switch). */
  chart?: ChartMode;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}h3{font-size:1em;margin:.8em 0 .3em}h4{font-size:.9em;margin:.5em 0 .2em;color:#555}
table{border-collapse:collapse;width:100%}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left}
th{cursor:pointer;background:#f4f4f4;user-select:none}th[data-dir=asc]::after{content:" ▲"}th[data-dir=desc]::after{content:" ▼"}
td[data-v]{font-variant-numeric:tabular-nums}.spark{font-family:monospace;letter-spacing:-1px;color:#1f77b4}
.st{padding:0 .4em;border-radius:3px}.st.clean{background:#dfd}.st.in-progress{background:#ffd}.st.not-started{background:#fdd}.st.error{background:#eee;color:#a00}
.controls{margin:.6em 0;display:flex;gap:.8em;align-items:center}.controls input{padding:.3em;width:16em}
details.project{border:1px solid #ddd;border-radius:4px;margin:.4em 0;padding:.3em .8em}summary{cursor:pointer}
.repo{color:#666}.findings{font-size:.9em;padding-left:2em}.places{color:#555;font-size:.85em}
.checklist{list-style:none;padding-left:.5em}.more,.meta{color:#666}code{font-size:.9em}
`;

/**
 * The trend data the page's script draws from: only what the charts read, each point a row
 * `[label, date, incubatorModules, namespaceLibraries, ...counts of the charted kinds]` (the page
 * turns rows back into points), so 200 projects of 20 points stay small.
 */
function chartData(trend: TrendReport): string {
  const kinds = SERIES.flatMap((s) => ('count' in s ? [s.count] : []));
  const projects = trend.projects.map((p) => [p.name, p.points.map((pt) => [pt.label, pt.date, pt.incubatorModules, pt.namespaceLibraries, ...kinds.map((k) => pt.counts[k] ?? 0)])]);
  // `<` escaped: the data can never close its script element.
  return JSON.stringify({ series: SERIES, palette: PALETTE, kinds, projects }).replace(/</g, '\\u003c');
}

export function renderHtml(input: HtmlInput): string {
  const { report, trend } = input;
  const trendByKey = new Map<string, TrendProject>((trend?.projects ?? []).map((p) => [projectKey(p), p]));
  const trendOf = (p: { name: string; repo: string | null }) => trendByKey.get(projectKey(p)) ?? trend?.projects.find((t) => t.name === p.name);
  const title = trend ? 'oslo-audit trend' : 'oslo-audit report';
  const statuses = ['clean', 'in-progress', 'not-started', 'error'];
  const meta = trend
    ? `${report.projects.length} projects, points by ${trend.points.by}; results cache ${(trend.cache.hitRate * 100).toFixed(1)}% of ${trend.cache.files} files; generated ${trend.generatedAt}`
    : `${report.projects.length} projects; generated ${report.generatedAt}`;
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${title}</h1><p class="meta">${esc(meta)} · oslo-audit ${esc(report.tool.version)}</p>`,
  ];
  if (trend) {
    parts.push(
      '<h2>Burndown</h2>',
      `<div class="controls"><label>chart <select id="chart-mode"><option value="lines"${input.chart !== 'stacked' ? ' selected' : ''}>one line per project</option><option value="stacked"${input.chart === 'stacked' ? ' selected' : ''}>stacked</option></select></label></div>`,
      '<div id="burndown"></div>',
      `<script type="application/json" id="trend-data">${chartData(trend)}</script>`,
    );
  }
  parts.push(
    '<h2>Projects</h2>',
    `<div class="controls"><input id="filter" type="search" placeholder="filter projects" aria-label="filter projects"><select id="status" aria-label="status"><option value="">any status</option>${statuses.map((s) => `<option>${s}</option>`).join('')}</select><span id="count"></span></div>`,
    projectsTable(report, trendOf),
    '<h2>Per project</h2>',
    ...report.projects.map((p) => projectSection(p, Boolean(trendOf(p)?.points.length))),
    `<script>${pageScript()}</script>`,
    '</body></html>',
  );
  return `${parts.join('\n')}\n`;
}
