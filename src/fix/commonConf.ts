// Removing modules from `openstack-common.conf`: a `module=timeutils` line goes; a value of a
// `modules=a,b,c` list goes with its comma. Every other line stays as it was.

import { confModules } from '../scan/index.js';

/** The conf without the given modules. */
export function removeConfModules(text: string, modules: ReadonlySet<string>): string {
  const byLine = new Map<number, { module: string; column: number }[]>();
  for (const m of confModules(text)) {
    const list = byLine.get(m.line) ?? [];
    list.push(m);
    byLine.set(m.line, list);
  }
  const lines = text.split('\n');
  const drop = new Set<number>();
  for (const [line, values] of byLine) {
    const gone = values.map((v) => modules.has(v.module));
    if (!gone.some(Boolean)) continue;
    if (gone.every(Boolean)) {
      drop.add(line - 1);
      continue;
    }
    const raw = lines[line - 1]!;
    const start = (i: number): number => values[i]!.column - 1;
    const end = (i: number): number => values[i]!.column - 1 + values[i]!.module.length;
    const cuts: [number, number][] = [];
    for (let i = 0; i < values.length; i++) {
      if (!gone[i]) continue;
      let j = i;
      while (j + 1 < values.length && gone[j + 1]) j++;
      cuts.push(j + 1 < values.length ? [start(i), start(j + 1)] : [end(i - 1), end(j)]);
      i = j;
    }
    let out = raw;
    for (const [a, b] of cuts.reverse()) out = out.slice(0, a) + out.slice(b);
    lines[line - 1] = out;
  }
  return lines.filter((_, i) => !drop.has(i)).join('\n');
}

/** Whether the conf still asks update.py to copy anything (`module`, `modules` or `script` entries). */
export function confCopiesAnything(text: string): boolean {
  return /^[ \t]*(module|modules|script)[ \t]*[=:][ \t]*\S/m.test(text);
}
