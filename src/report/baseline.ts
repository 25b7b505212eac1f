// Findings that are new since a previous report. A finding is known when the baseline holds one
// of the same kind, in the same file, about the same subject (module, library, keyword…) and with
// the same construct text: line numbers are left out, so code that moves does not look new.

import { projectKey } from './identity.js';
import { createHash } from 'node:crypto';
import { summarise } from './summary.js';
import type { Finding, Project, Report } from './types.js';

/** What a finding is about, without what may change between releases of the knowledge base (successors, fates). */
export function subjectOf(f: Finding): string {
  switch (f.kind) {
    case 'incubator-copy':
    case 'incubator-config':
    case 'incubator-import':
    case 'rootwrap-import':
      return f.detail.module;
    case 'namespace-import':
      return f.detail.old;
    case 'rootwrap-call':
      return `${f.detail.keyword}=${f.detail.value}`;
    case 'rootwrap-config':
      return `${f.detail.what}:${f.detail.name ?? ''}`;
    case 'privsep-usage':
      return f.detail.what;
    case 'oslo-requirement':
      return f.detail.name;
    case 'goal-usage':
    case 'goal-adoption':
      return f.detail.rule;
  }
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/**
 * A content fingerprint of a finding: kind, file, subject and construct text, never the line.
 * Findings without construct text (whole files, config lines) are identified by kind, file and subject.
 */
export function fingerprintOf(f: Finding, withConstruct = true): string {
  return hash([f.kind, f.file, subjectOf(f), withConstruct ? (f.construct ?? '') : '']);
}

/**
 * Fingerprints made unique within one project: the second identical import in a file gets `:2`.
 * Code scanning and baselines can then tell two copies of the same line apart.
 */
export function occurrenceFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const fp = fingerprintOf(f);
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    return `${fp}:${n}`;
  });
}

class Multiset {
  private counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  take(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n === 0) return false;
    this.counts.set(key, n - 1);
    return true;
  }
}

/** The findings of `current` that `baseline` does not hold; each baseline finding matches at most once. */
export function newFindingsOf(current: readonly Finding[], baseline: readonly Finding[]): Finding[] {
  // A baseline written before findings carried construct text is matched without it.
  const withText = new Multiset();
  const withoutText = new Multiset();
  for (const f of baseline) {
    if (f.construct !== undefined) withText.add(fingerprintOf(f));
    else withoutText.add(fingerprintOf(f, false));
  }
  return current.filter((f) => !withText.take(fingerprintOf(f)) && !withoutText.take(fingerprintOf(f, false)));
}

export interface BaselineInfo {
  /** Where the baseline came from, as the user named it. */
  file: string;
  generatedAt: string;
  /** Findings left out because the baseline already had them. */
  known: number;
  new: number;
}

/**
 * The report restricted to findings that are new since `baseline`: findings, counts and lists in each
 * summary are about the new findings only. A project the baseline does not have is new as a whole.
 */
export function againstBaseline(current: Report, baseline: Report, file: string): Report {
  const before = new Map(baseline.projects.map((p) => [projectKey(p), p]));
  let known = 0;
  let fresh = 0;
  const projects = current.projects.map((p): Project => {
    const old = before.get(projectKey(p));
    const findings = old ? newFindingsOf(p.findings, old.findings) : p.findings;
    known += p.findings.length - findings.length;
    fresh += findings.length;
    if (p.error) return p;
    return { ...p, findings, summary: summarise(findings, p.summary.adoptedLibraries ?? []) };
  });
  const info: BaselineInfo = { file, generatedAt: baseline.generatedAt, known, new: fresh };
  return { ...current, baseline: info, projects };
}
