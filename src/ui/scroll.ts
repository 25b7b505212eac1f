// Cursor and window arithmetic shared by every scrolling list: only `height` rows from `offset` are drawn.

export function clamp(n: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, n));
}

/** The window's first row after the cursor moved: the least scrolling that keeps the cursor visible. */
export function follow(offset: number, cursor: number, height: number, total: number): number {
  const h = Math.max(1, height);
  let next = offset;
  if (cursor < next) next = cursor;
  if (cursor >= next + h) next = cursor - h + 1;
  return clamp(next, 0, Math.max(0, total - h));
}

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export function moveCursor(cursor: number, move: Move, page: number, total: number): number {
  if (total === 0) return 0;
  const step = Math.max(1, page);
  const next = { up: cursor - 1, down: cursor + 1, pageUp: cursor - step, pageDown: cursor + step, top: 0, bottom: total - 1 }[move];
  return clamp(next, 0, total - 1);
}
