// Long one-line messages (a refusal naming a path, a note on why a checklist is missing) wrapped to
// the screen's width, so they are read whole rather than cut off.

/** `text` in lines of at most `width` characters, broken at spaces where it can be. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(10, width);
  const lines: string[] = [];
  let rest = text;
  while (rest.length > w) {
    const space = rest.lastIndexOf(' ', w);
    const cut = space > w / 3 ? space : w;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}
