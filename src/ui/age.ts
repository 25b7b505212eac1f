import { monthsBetween } from '../util/index.js';

const DAY = 86_400_000;

/** A short age for a column: `5d`, `7mo`, `3y`; `-` when there is no date. */
export function shortAge(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const then = new Date(iso);
  const days = Math.floor((now.getTime() - then.getTime()) / DAY);
  if (days < 0) return '0d';
  if (days < 60) return `${days}d`;
  const months = monthsBetween(then, now);
  return months < 24 ? `${months}mo` : `${Math.floor(months / 12)}y`;
}

/** `m:ss` or `h:mm:ss`. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
