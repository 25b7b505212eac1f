import { knowledge } from '../../src/knowledge/index.js';
import type { Finding } from '../../src/report/index.js';
import { detectPython, parsePython } from '../../src/scan/index.js';

/** Findings of one inline snippet, as the scanner would report them for `file`. */
export function findingsIn(source: string, file = 'proj/module.py', copyModules: string[] = []): Finding[] {
  return detectPython(file, parsePython(source), {
    knowledge: knowledge(),
    copyModules: new Set(copyModules),
    insideCopy: /(^|\/)openstack\/common\//.test(file),
  }).findings;
}

export function adoptedIn(source: string): string[] {
  return [...detectPython('proj/m.py', parsePython(source), { knowledge: knowledge(), copyModules: new Set(), insideCopy: false }).adopted].sort();
}

/** `kind line detail-summary` per finding, for compact assertions. */
export function lines(findings: Finding[]): string[] {
  return findings.map((f) => {
    const d = f.detail as unknown as Record<string, unknown>;
    const subject = d['module'] ?? d['old'] ?? d['what'] ?? d['keyword'];
    return `${f.kind} ${f.line} ${String(subject)}`;
  });
}
