// The source lines shown around a finding.

export type Preview = { state: 'loading' } | { state: 'text'; text: string } | { state: 'unavailable'; reason: string };

export interface PreviewLine {
  number: number;
  text: string;
  /** The finding's own line(s). */
  hit: boolean;
}

/** `size` lines centred on `line` (the top of the file for a whole-file finding); tabs become spaces. */
export function previewLines(text: string, line: number | null, endLine: number | null, size: number): PreviewLine[] {
  const all = text.split('\n');
  if (all.length > 1 && all[all.length - 1] === '') all.pop();
  const centre = line ?? 1;
  const first = Math.max(1, Math.min(centre - Math.floor((size - 1) / 2), all.length - size + 1));
  const out: PreviewLine[] = [];
  for (let n = first; n < first + size && n <= all.length; n++) {
    out.push({ number: n, text: all[n - 1]!.replace(/\t/g, '    ').replace(/\r$/, ''), hit: line !== null && n >= line && n <= (endLine ?? line) });
  }
  return out;
}
