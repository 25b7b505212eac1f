// Which points of a history `trend` scans: how the user asks for them, checked before anything runs.

export type PointSpec =
  | { by: 'tags'; patterns: string[]; maxPoints: number }
  | { by: 'dates'; every: Interval; since: Date | null; until: Date | null; maxPoints: number }
  | { by: 'refs'; refs: string[] };

export interface Interval {
  count: number;
  unit: 'days' | 'weeks' | 'months' | 'years';
  /** As the user wrote it (`3months`). */
  text: string;
}

export const DEFAULT_MAX_POINTS = 20;

export class SpecError extends Error {}

/** `3months`, `1year`, `2w`, `10days`: a whole number and a unit. */
export function parseInterval(text: string): Interval {
  const m = /^(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)$/i.exec(text.trim());
  if (!m || Number(m[1]) < 1) throw new SpecError(`--every takes a count and a unit (days, weeks, months, years), such as 3months, not ${JSON.stringify(text)}`);
  const u = m[2]!.toLowerCase()[0]!;
  const unit = ({ d: 'days', w: 'weeks', m: 'months', y: 'years' } as const)[u as 'd' | 'w' | 'm' | 'y'];
  return { count: Number(m[1]), unit, text };
}

/** A `YYYY-MM-DD` (or full ISO 8601) date, UTC. */
export function parseDate(text: string, flag: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new SpecError(`${flag} takes a date such as 2014-01-01, not ${JSON.stringify(text)}`);
  return d;
}

export function addInterval(d: Date, every: Interval, times: number): Date {
  const r = new Date(d.getTime());
  const n = every.count * times;
  if (every.unit === 'days') r.setUTCDate(r.getUTCDate() + n);
  else if (every.unit === 'weeks') r.setUTCDate(r.getUTCDate() + 7 * n);
  else if (every.unit === 'months') r.setUTCMonth(r.getUTCMonth() + n);
  else r.setUTCFullYear(r.getUTCFullYear() + n);
  return r;
}

/** `since`, `since + every`, … up to and including `until`. */
export function datesBetween(since: Date, until: Date, every: Interval): Date[] {
  const out: Date[] = [];
  for (let i = 0; ; i++) {
    const d = addInterval(since, every, i);
    if (d.getTime() > until.getTime()) break;
    out.push(d);
    if (out.length > 100_000) break; // a guard against `1day` over centuries
  }
  return out;
}

/**
 * At most `max` of `items`, spread evenly, keeping the first and the last: the shape of a long history
 * in a chart-sized number of scans.
 */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max === 1) return [items[items.length - 1]!];
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(Math.round((i * (items.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]!);
}

/** Several `--tags` / `--refs` values, each possibly a comma-separated list. */
export function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
