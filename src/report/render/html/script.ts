// The page's own script, inline: sorting and filtering the projects table, and drawing the burndown
// charts from the embedded trend data with `drawBurndown` itself (its source is put into the page).

import { drawBurndown } from '../chart.js';

const BEHAVIOUR = String.raw`
const $ = (s, el = document) => el.querySelector(s);
const $$ = (s, el = document) => [...el.querySelectorAll(s)];
const dataEl = $('#trend-data');
const data = dataEl ? JSON.parse(dataEl.textContent) : null;
// Rows back into points: [label, date, incubatorModules, namespaceLibraries, ...counts of data.kinds].
const pointOf = (row) => ({ label: row[0], date: row[1], incubatorModules: row[2], namespaceLibraries: row[3], counts: Object.fromEntries(data.kinds.map((k, i) => [k, row[4 + i]])) });
const byName = new Map(data ? data.projects.map(([name, rows]) => [name, { name, points: rows.map(pointOf) }]) : []);
const options = (extra) => Object.assign({ series: data.series, palette: data.palette, mode: 'lines', width: 760, panelHeight: 130, legend: true }, extra);
const rows = $$('#projects tbody tr');

function shown() {
  return rows.filter((r) => !r.hidden).map((r) => byName.get(r.dataset.project)).filter(Boolean);
}
function drawMain() {
  const el = $('#burndown');
  if (!el || !data) return;
  const mode = $('#chart-mode') ? $('#chart-mode').value : 'lines';
  el.innerHTML = drawBurndown(shown(), options({ mode }));
}
function filter() {
  const text = $('#filter').value.trim().toLowerCase();
  const status = $('#status').value;
  for (const r of rows) {
    const hit = (!text || r.dataset.project.toLowerCase().includes(text)) && (!status || r.dataset.status === status);
    r.hidden = !hit;
    const section = document.querySelector('details.project[data-project="' + CSS.escape(r.dataset.project) + '"]');
    if (section) section.hidden = !hit;
  }
  $('#count').textContent = rows.filter((r) => !r.hidden).length + ' of ' + rows.length + ' projects';
  drawMain();
}
function sortBy(th) {
  const col = Number(th.dataset.col);
  const down = th.dataset.dir !== 'asc';
  $$('#projects th').forEach((h) => delete h.dataset.dir);
  th.dataset.dir = down ? 'asc' : 'desc';
  const key = (r) => r.children[col].dataset.v;
  const numeric = rows.every((r) => key(r) === '' || !Number.isNaN(Number(key(r))));
  const sorted = [...rows].sort((a, b) => {
    const x = key(a), y = key(b);
    const c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    return down ? c : -c;
  });
  const body = $('#projects tbody');
  for (const r of sorted) body.appendChild(r);
}
$('#filter').addEventListener('input', filter);
$('#status').addEventListener('change', filter);
if ($('#chart-mode')) $('#chart-mode').addEventListener('change', drawMain);
for (const th of $$('#projects th')) {
  th.addEventListener('click', () => sortBy(th));
  th.addEventListener('keydown', (e) => e.key === 'Enter' && sortBy(th));
}
for (const d of $$('details.project')) {
  d.addEventListener('toggle', () => {
    const el = $('.chart', d);
    const p = byName.get(d.dataset.project);
    if (d.open && el && p && !el.firstChild) el.innerHTML = drawBurndown([p], options({ width: 560, panelHeight: 70, legend: false }));
  });
}
filter();
`;

export function pageScript(): string {
  return `const drawBurndown = ${drawBurndown.toString()};\n${BEHAVIOUR}`;
}
