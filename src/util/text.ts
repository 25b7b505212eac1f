/** Lays out rows as aligned columns; the last column is not padded. */
export function columns(rows: string[][], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(gap).trimEnd());
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Months between two dates, rounded down. */
export function monthsBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() - (to.getUTCDate() < from.getUTCDate() ? 1 : 0));
}

/** Words of `text` in lines of at most `width` characters (a longer word stands alone): commit message bodies. */
export function wrapWords(text: string, width = 72): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const C_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
const octal = (byte: number) => `\\${byte.toString(8).padStart(3, '0')}`;

/**
 * Text for a human-readable output with its control characters written as C escapes (`\n`, `\033`):
 * a file name from a repository cannot move the cursor, colour the terminal or break a table's lines.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (ch) => (ch in C_ESCAPES ? C_ESCAPES[ch]! : octal(ch.charCodeAt(0))));
}

/** Like escapeControl, for a block of text whose line breaks and tabs are its own (a diff). */
export function escapeControlInLines(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (ch) => (ch in C_ESCAPES ? C_ESCAPES[ch]! : octal(ch.charCodeAt(0))));
}

/**
 * A path as git writes it in a patch (core.quotePath): as it is when plain, otherwise in double quotes
 * with C escapes and every byte outside ASCII in octal, which `git apply` reads back.
 */
export function quoteGitPath(path: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x1f"\\\x7f-\uffff]/.test(path)) return path;
  let out = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += ch in C_ESCAPES ? C_ESCAPES[ch] : byte < 0x20 || byte >= 0x7f ? octal(byte) : ch;
  }
  return `"${out}"`;
}
