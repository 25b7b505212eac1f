// Burndown charts of a trend report as SVG: one panel per series (incubator modules left, namespace
// imports, rootwrap call sites), time along x. `lines` draws one line per project; `stacked` piles
// the projects up, each holding its last value until its next point. Every plotted point carries its
// value and each panel its scale (data-* attributes), so a test can check the drawing against the data.
// Lines and layers name their project on hover; points do not, which keeps a page of 200 projects light.
//
// `drawBurndown` refers to nothing outside itself: the HTML report puts its source into the page, so
// the browser draws with the very code that writes `trend --format svg`.

import { SERIES, type SeriesDef, type SeriesKey, type TrendProject } from '../trend.js';

export type ChartMode = 'lines' | 'stacked';

export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

export interface DrawOptions {
  series: readonly SeriesDef[];
  palette: readonly string[];
  mode: ChartMode;
  width: number;
  /** Height of one panel's plot area. */
  panelHeight: number;
  legend: boolean;
}

type Point = TrendProject['points'][number];

export function drawBurndown(projects: readonly TrendProject[], o: DrawOptions): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const round = (n: number): number => Math.round(n * 100) / 100;
  // 1, 2 or 5 times a power of ten, at least `v` (and at least 1): the top of a value axis.
  const nice = (v: number): number => {
    if (v <= 1) return 1;
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  };
  const valueOf = (s: SeriesDef, p: Point): number => (s.field ? p[s.field] : (p.counts[s.count ?? ''] ?? 0));
  const drawn = projects.filter((p) => p.points.length > 0);
  const times = drawn.flatMap((p) => p.points.map((pt) => Date.parse(pt.date)));
  const t0 = times.length ? Math.min(...times) : 0;
  const t1 = times.length ? Math.max(...times) : 0;
  const left = 48;
  const gap = 56;
  const legendRows = o.legend ? Math.ceil(drawn.length / 4) : 0;
  const top = 24 + legendRows * 18;
  const height = top + o.series.length * (o.panelHeight + gap);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="burndown" data-mode="${o.mode}" width="${o.width}" height="${height}" viewBox="0 0 ${o.width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${o.width}" height="${height}" fill="#fff"/>`,
  ];
  if (o.legend) {
    drawn.forEach((p, i) => {
      const x = round(12 + (i % 4) * ((o.width - 24) / 4));
      const y = 16 + Math.floor(i / 4) * 18;
      out.push(`<g class="legend"><rect x="${x}" y="${y - 9}" width="10" height="10" fill="${o.palette[i % o.palette.length]}"/><text x="${x + 14}" y="${y}">${esc(p.name)}</text></g>`);
    });
  }
  if (drawn.length === 0) out.push(`<text x="${o.width / 2}" y="${top + 40}" text-anchor="middle">no points to draw</text>`);
  const dates = [...new Set(times)].sort((a, b) => a - b);
  o.series.forEach((s, si) => {
    const px = left;
    const py = top + 16 + si * (o.panelHeight + gap);
    const pw = o.width - left - 16;
    const ph = o.panelHeight;
    // Stacked: at every date any project has a point, the running total of each project's last value.
    const tops: number[][] = [];
    if (o.mode === 'stacked') {
      const running = dates.map(() => 0);
      for (const p of drawn) {
        tops.push(
          dates.map((t, j) => {
            let last: Point | undefined;
            for (const pt of p.points) if (Date.parse(pt.date) <= t && (!last || Date.parse(pt.date) >= Date.parse(last.date))) last = pt;
            running[j] = running[j]! + (last ? valueOf(s, last) : 0);
            return running[j]!;
          }),
        );
      }
    }
    const highest = o.mode === 'stacked' ? Math.max(0, ...tops.flat()) : Math.max(0, ...drawn.flatMap((p) => p.points.map((pt) => valueOf(s, pt))));
    const max = nice(highest);
    const xOf = (t: number): number => round(t1 === t0 ? px + pw / 2 : px + ((t - t0) / (t1 - t0)) * pw);
    const yOf = (v: number): number => round(py + ph - (v / max) * ph);
    out.push(
      `<g class="panel" data-series="${s.key}" data-x="${px}" data-y="${py}" data-width="${pw}" data-height="${ph}" data-t0="${t0}" data-t1="${t1}" data-max="${max}">`,
      `<text class="title" x="${px}" y="${py - 8}" font-weight="bold">${esc(s.title)}</text>`,
      `<line x1="${px}" y1="${py + ph}" x2="${px + pw}" y2="${py + ph}" stroke="#999"/><line x1="${px}" y1="${py}" x2="${px}" y2="${py + ph}" stroke="#999"/>`,
    );
    for (const v of [0, max / 2, max]) out.push(`<text class="tick" x="${px - 6}" y="${yOf(v) + 4}" text-anchor="end">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
    const sameYear = new Date(t0).getUTCFullYear() === new Date(t1).getUTCFullYear();
    for (const t of t0 === t1 ? [t0] : [t0, t1]) {
      out.push(`<text class="tick" x="${xOf(t)}" y="${py + ph + 16}" text-anchor="${t === t0 && t0 !== t1 ? 'start' : t0 === t1 ? 'middle' : 'end'}">${new Date(t).toISOString().slice(0, sameYear ? 10 : 7)}</text>`);
    }
    drawn.forEach((p, i) => {
      const colour = o.palette[i % o.palette.length];
      const name = esc(p.name);
      if (o.mode === 'stacked') {
        const upper = dates.map((t, j) => `${xOf(t)},${yOf(tops[i]![j]!)}`);
        const lower = dates.map((t, j) => `${xOf(t)},${yOf(i === 0 ? 0 : tops[i - 1]![j]!)}`).reverse();
        out.push(`<polygon class="layer" data-project="${name}" points="${upper.concat(lower).join(' ')}" fill="${colour}" fill-opacity="0.35" stroke="${colour}"><title>${name}</title></polygon>`);
      } else {
        out.push(`<polyline class="line" data-project="${name}" points="${p.points.map((pt) => `${xOf(Date.parse(pt.date))},${yOf(valueOf(s, pt))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"><title>${name}</title></polyline>`);
      }
      for (const pt of p.points) {
        const t = Date.parse(pt.date);
        const value = valueOf(s, pt);
        const at = o.mode === 'stacked' ? tops[i]![dates.indexOf(t)]! : value;
        out.push(
          `<circle class="pt" data-project="${name}" data-label="${esc(pt.label)}" data-value="${value}" data-top="${at}" cx="${xOf(t)}" cy="${yOf(at)}" r="3" fill="${colour}"/>`,
        );
      }
    });
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

export interface ChartOptions {
  mode?: ChartMode;
  width?: number;
  panelHeight?: number;
  series?: readonly SeriesKey[];
  legend?: boolean;
}

/** A standalone SVG document of the projects' burndown. */
export function burndownSvg(projects: readonly TrendProject[], options: ChartOptions = {}): string {
  const series = options.series ? SERIES.filter((s) => options.series!.includes(s.key)) : SERIES;
  return `${drawBurndown(projects, { series, palette: PALETTE, mode: options.mode ?? 'lines', width: options.width ?? 720, panelHeight: options.panelHeight ?? 160, legend: options.legend ?? true })}\n`;
}
