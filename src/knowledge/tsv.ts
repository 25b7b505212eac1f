import { readFileSync } from 'node:fs';

/** Reads a tab-separated file whose first line names the columns; empty cells become ''. */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = (cells[i] ?? '').trim()));
    return row;
  });
}
