// ANSI colours, written only when the caller says so (see src/cli/terminal.ts for when that is).

export type Style = 'red' | 'green' | 'yellow' | 'bold' | 'dim';

const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  bold: [1, 22],
  dim: [2, 22],
};

export function paint(text: string, style: Style, on: boolean): string {
  if (!on || text === '') return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
