import type { Finding } from './types.js';

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: by file, then line (whole-file findings first), then kind; ties broken for stable output. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.line ?? 0, b.line ?? 0) ||
    cmp(a.kind, b.kind) ||
    cmp(a.column ?? 0, b.column ?? 0) ||
    cmp(JSON.stringify(a.detail), JSON.stringify(b.detail))
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function findingsOf<K extends Finding['kind']>(findings: readonly Finding[], kind: K): Extract<Finding, { kind: K }>[] {
  return findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}
